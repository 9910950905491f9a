"""The teacher's forms: uploading a question file."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired

from ...uploads import MAX_UPLOAD, known_suffixes


class UploadForm(FlaskForm):
    """One question file."""

    file = FileField(
        "Question file", validators=[FileRequired("Choose a question file to upload.")],
        description=f"A file ending in {', '.join(known_suffixes())}, of at most "
                    f"{MAX_UPLOAD // 1024} KB.",
    )
