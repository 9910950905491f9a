"""The teacher's forms: uploading a question file, filtering results."""

from __future__ import annotations

from collections.abc import Iterable

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import DateField, SelectChoice, SelectField
from wtforms.validators import Optional, ValidationError

from ...results import ResultFilter
from ...uploads import MAX_UPLOAD, known_suffixes


class UploadForm(FlaskForm):
    """One question file."""

    file = FileField(
        "Question file", validators=[FileRequired("Choose a question file to upload.")],
        description=f"A file ending in {', '.join(known_suffixes())}, of at most "
                    f"{MAX_UPLOAD // 1024} KB.",
    )


class ResultFilterForm(FlaskForm):
    """Which results to show: a bank, and the days the attempts were started on (read from GET)."""

    class Meta:
        csrf = False  # a GET form: it changes nothing

    bank = SelectField("Bank", default="")
    since = DateField("From", validators=[Optional()], description="The first day, in UTC.")
    until = DateField("To", validators=[Optional()], description="The last day, in UTC.")

    def __init__(self, banks: Iterable[tuple[str, str]], *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.bank.choices = [SelectChoice("", "All banks")] + [
            SelectChoice(bank_id, title) for bank_id, title in banks]

    def validate_until(self, field: DateField) -> None:
        """The last day is not before the first."""
        if field.data and self.since.data and field.data < self.since.data:
            raise ValidationError("The last day comes before the first.")

    def result_filter(self, assignment_id: int | None = None) -> ResultFilter:
        """The filter the form describes (call after validation)."""
        return ResultFilter(bank=self.bank.data or None, since=self.since.data,
                            until=self.until.data, assignment_id=assignment_id)
