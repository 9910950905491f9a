"""The teacher's forms: uploading a question file, filtering results, setting an assigned quiz,
making a class and adding its members and co-teachers."""

from __future__ import annotations

from collections.abc import Iterable

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    DateField,
    DateTimeLocalField,
    IntegerField,
    RadioField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, NumberRange, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from ...services.assignments import (
    DEFAULT_REVIEW_AFTER_CLOSE,
    DEFAULT_REVIEW_AFTER_SUBMIT,
    MAX_ATTEMPTS_LIMIT,
    MAX_TIME_LIMIT,
    MAX_TITLE,
    MIN_TIME_LIMIT,
    REVIEW_OPTIONS,
    AssignmentSettings,
)
from ...services.classes import MAX_NAME, Viewer
from ...services.results import ResultFilter
from ...services.rolls import MAX_CSV
from ...services.rules import to_utc, zone_name
from ...services.uploads import MAX_UPLOAD, known_suffixes
from ..forms import MODE_CHOICES, PageForm, quiz_length_field


class UploadForm(PageForm):
    """One question file, and the source text it names (if any)."""

    file = FileField(
        _l("Question file"), validators=[FileRequired(_l("Choose a question file to upload."))],
        description=_l("A file ending in %(suffixes)s, of at most %(size)s KB.",
                       suffixes=", ".join(known_suffixes()), size=MAX_UPLOAD // 1024),
    )
    source = FileField(
        _l("Its source text (optional)"),
        description=_l("The .txt or .md file a YAML bank names with 'source:', saved beside it "
                       "under that name; at most %(size)s KB. Its facts' cites are checked "
                       "against it.", size=MAX_UPLOAD // 1024),
    )


class ResultFilterForm(PageForm):
    """Which results to show: a bank, and the days the attempts were started on (read from GET)."""

    class Meta:
        csrf = False  # a GET form: it changes nothing

    bank = SelectField(_l("Bank"), default="")
    since = DateField(_l("From"), validators=[Optional()], description=_l("The first day."))
    until = DateField(_l("To"), validators=[Optional()], description=_l("The last day."))

    def __init__(self, banks: Iterable[tuple[str, str]], *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.bank.choices = [SelectChoice("", _("All banks"))] + [
            SelectChoice(bank_id, title) for bank_id, title in banks]
        for day in (self.since, self.until):  # the school's days: services/results.day_start
            day.description = _("%(day)s, in %(zone)s.", day=str(day.description)[:-1],
                                zone=zone_name())

    def validate_until(self, field: DateField) -> None:
        """The last day is not before the first."""
        if field.data and self.since.data and field.data < self.since.data:
            raise ValidationError(_("The last day comes before the first."))

    def result_filter(self, viewer: Viewer, assignment_id: int | None = None) -> ResultFilter:
        """The filter the form describes, for the viewer (call after validation)."""
        return ResultFilter(viewer=viewer, bank=self.bank.data or None, since=self.since.data,
                            until=self.until.data, assignment_id=assignment_id)


def review_field(label: object, default: str) -> RadioField:
    """What a student sees of a submitted attempt, at one moment."""
    return RadioField(label, default=default,
                      choices=[SelectChoice(k, v) for k, v in REVIEW_OPTIONS.items()])


class AssignmentForm(PageForm):
    """An assigned quiz: for which classes, which questions, when, how often, what is shown."""

    title = StringField(_l("Title"), validators=[DataRequired()],
                        description=_l("What students see, e.g. “Week 3: the 1920s”."),
                        render_kw={"maxlength": MAX_TITLE})
    classes = SelectMultipleField(
        _l("For the classes"), coerce=int, validate_choice=False,  # the service says whose they are
        widget=ListWidget(prefix_label=False), option_widget=CheckboxInput(),
        description=_l("Only their students can take the quiz."))
    bank = SelectField(_l("Question bank"), validators=[InputRequired()])
    mode = RadioField(_l("Questions"), choices=MODE_CHOICES, default="mixed")
    length = quiz_length_field()
    same_questions = BooleanField(
        _l("Give every student the same questions, in the same order"),
        description=_l("Otherwise each attempt draws its own questions from the bank."),
    )
    opens = DateTimeLocalField(_l("Opens"), validators=[InputRequired()])
    closes = DateTimeLocalField(_l("Closes"), validators=[Optional()],
                                description=_l("Leave empty to keep it open."))
    max_attempts = IntegerField(
        _l("Attempts allowed to each student"),
        validators=[Optional(), NumberRange(1, MAX_ATTEMPTS_LIMIT)],
        description=_l("Leave empty for no limit."),
        render_kw={"min": 1, "max": MAX_ATTEMPTS_LIMIT},
    )
    time_limit = IntegerField(
        _l("Time limit (minutes)"),
        validators=[Optional(), NumberRange(MIN_TIME_LIMIT, MAX_TIME_LIMIT)],
        description=_l("%(low)s to %(high)s minutes from a student's start (never past the "
                       "closing time). Leave empty for none.", low=MIN_TIME_LIMIT,
                       high=MAX_TIME_LIMIT),
        render_kw={"min": MIN_TIME_LIMIT, "max": MAX_TIME_LIMIT},
    )
    review_after_submit = review_field(_l("Right after submitting, students see"),
                                       DEFAULT_REVIEW_AFTER_SUBMIT)
    review_after_close = review_field(_l("After the quiz closes, students see"),
                                      DEFAULT_REVIEW_AFTER_CLOSE)

    def __init__(self, banks: Iterable[tuple[str, str]], classes: Iterable[tuple[int, str]],
                 *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.bank.choices = [SelectChoice(bank_id, title) for bank_id, title in banks]
        for moment in (self.opens, self.closes):  # typed in the school's zone, stored in UTC
            moment.label.text = f"{moment.label.text} ({zone_name()})"
        self.classes.choices = [SelectChoice(class_id, name) for class_id, name in classes]

    def settings(self) -> AssignmentSettings:
        """The settings the form holds (call after validation)."""
        return AssignmentSettings(
            title=self.title.data, bank=self.bank.data, mode=self.mode.data,
            length=self.length.data, same_questions=self.same_questions.data,
            opens=to_utc(self.opens.data), closes=to_utc(self.closes.data),
            max_attempts=self.max_attempts.data,
            class_ids=tuple(self.classes.data or ()), time_limit=self.time_limit.data,
            review_after_submit=self.review_after_submit.data,
            review_after_close=self.review_after_close.data,
        )


class ClassForm(PageForm):
    """A new class: its name."""

    name = StringField(_l("Class name"), validators=[DataRequired()],
                       description=_l("As you and your students call it, e.g. “7B History”."),
                       render_kw={"maxlength": MAX_NAME})


class MembersForm(PageForm):
    """Students to add to a class: usernames typed, or a CSV file of them."""

    usernames = TextAreaField(
        _l("Usernames"),
        description=_l("One a line, or separated by commas. Capitals do not matter."),
        render_kw={"rows": 4, "autocapitalize": "none", "spellcheck": "false"})
    file = FileField(
        _l("Or a CSV file of usernames"),
        description=_l("One username a line (a first line “username” is skipped), at most "
                       "%(size)s KB.", size=MAX_CSV // 1024),
        render_kw={"accept": ".csv,.txt,text/csv"})


class CoTeacherForm(PageForm):
    """A teacher to add to a class."""

    username = StringField(_l("Co-teacher’s username"), validators=[DataRequired()],
                           description=_l("They must have a teacher’s account."),
                           render_kw={"autocapitalize": "none", "spellcheck": "false"})
