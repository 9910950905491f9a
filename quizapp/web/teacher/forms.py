"""The teacher's forms: uploading a question file, filtering results, setting an assigned quiz."""

from __future__ import annotations

from collections.abc import Iterable

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    DateField,
    DateTimeLocalField,
    IntegerField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
)
from wtforms.validators import DataRequired, InputRequired, NumberRange, Optional, ValidationError

from ...services.assignments import MAX_ATTEMPTS_LIMIT, MAX_TITLE, AssignmentSettings
from ...services.results import ResultFilter
from ...services.rules import to_utc, zone_name
from ...services.uploads import MAX_UPLOAD, known_suffixes
from ..forms import MODE_CHOICES, quiz_length_field


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
    since = DateField("From", validators=[Optional()], description="The first day.")
    until = DateField("To", validators=[Optional()], description="The last day.")

    def __init__(self, banks: Iterable[tuple[str, str]], *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.bank.choices = [SelectChoice("", "All banks")] + [
            SelectChoice(bank_id, title) for bank_id, title in banks]
        for day in (self.since, self.until):  # the school's days: services/results.day_start
            day.description = f"{day.description[:-1]}, in {zone_name()}."

    def validate_until(self, field: DateField) -> None:
        """The last day is not before the first."""
        if field.data and self.since.data and field.data < self.since.data:
            raise ValidationError("The last day comes before the first.")

    def result_filter(self, assignment_id: int | None = None) -> ResultFilter:
        """The filter the form describes (call after validation)."""
        return ResultFilter(bank=self.bank.data or None, since=self.since.data,
                            until=self.until.data, assignment_id=assignment_id)


class AssignmentForm(FlaskForm):
    """An assigned quiz: which questions, when, and how often."""

    title = StringField("Title", validators=[DataRequired()],
                        description="What students see, e.g. “Week 3: the 1920s”.",
                        render_kw={"maxlength": MAX_TITLE})
    bank = SelectField("Question bank", validators=[InputRequired()])
    mode = RadioField("Questions", choices=MODE_CHOICES, default="mixed")
    length = quiz_length_field()
    same_questions = BooleanField(
        "Give every student the same questions, in the same order",
        description="Otherwise each attempt draws its own questions from the bank.",
    )
    opens = DateTimeLocalField("Opens", validators=[InputRequired()])
    closes = DateTimeLocalField("Closes", validators=[Optional()],
                                description="Leave empty to keep it open.")
    max_attempts = IntegerField(
        "Attempts allowed to each student",
        validators=[Optional(), NumberRange(1, MAX_ATTEMPTS_LIMIT)],
        description="Leave empty for no limit.", render_kw={"min": 1, "max": MAX_ATTEMPTS_LIMIT},
    )

    def __init__(self, banks: Iterable[tuple[str, str]], *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.bank.choices = [SelectChoice(bank_id, title) for bank_id, title in banks]
        for moment in (self.opens, self.closes):  # typed in the school's zone, stored in UTC
            moment.label.text = f"{moment.label.text} ({zone_name()})"

    def settings(self) -> AssignmentSettings:
        """The settings the form holds (call after validation)."""
        return AssignmentSettings(
            title=self.title.data, bank=self.bank.data, mode=self.mode.data,
            length=self.length.data, same_questions=self.same_questions.data,
            opens=to_utc(self.opens.data), closes=to_utc(self.closes.data),
            max_attempts=self.max_attempts.data,
        )
