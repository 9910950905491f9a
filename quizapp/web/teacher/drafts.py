"""New bank from a text: paste a text or upload a .txt, .md or .html file, see the facts Quipu
drafts from it, and create the bank (then edited in the bank editor)."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf.file import FileField
from wtforms import HiddenField, StringField, TextAreaField

from ... import clock
from ...services.bank_drafts import (
    MAX_TITLE,
    DraftRefused,
    DraftText,
    make_draft,
    read_given,
    save_draft,
)
from ...services.catalog import current_catalog
from ...services.uploads import NotYours, UploadRejected
from ..errors import status_of
from ..forms import PageForm
from .blueprint import bp

MAX_TEXT_KB = 1024
FORM_OVERHEAD = 64 * 1024
# A pasted text and the hidden copy of a read one are sent as multipart: no percent-encoding.
MAX_REQUEST = 2 * MAX_TEXT_KB * 1024 + FORM_OVERHEAD
DRAFT_ENDPOINTS = ("teacher.draft", "teacher.create_draft")
SHOWN = 300  # facts listed on the page; the YAML below them holds every one


class DraftForm(PageForm):
    """A title, and a text pasted or a file."""

    title = StringField(_l("Title of the new bank"), render_kw={"maxlength": MAX_TITLE},
                        description=_l("Students see it; the bank’s name is made from it."))
    text = TextAreaField(_l("Paste the text"), render_kw={"rows": 10})
    file = FileField(_l("Or choose a file"),
                     description=_l("A .txt, .md or .html file of at most %(size)d KB, in UTF-8. "
                                    "HTML is read as text: its scripts never run.",
                                    size=MAX_TEXT_KB))


class CreateForm(PageForm):
    """The text read and the title, sent back to create the bank from the same draft."""

    title = HiddenField()
    text = HiddenField()
    markdown = HiddenField()


@bp.url_value_preprocessor
def limit_draft_size(endpoint: str | None, values: dict | None) -> None:
    """Cap a draft's request before CSRFProtect reads its body (see banks.limit_upload_size)."""
    if endpoint in DRAFT_ENDPOINTS:
        request.max_content_length = MAX_REQUEST


def _page(form: DraftForm, draft=None, given: DraftText | None = None,
          problems: list[str] | None = None, status: int = 200):
    create = None
    if draft is not None and given is not None:
        create = CreateForm(formdata=None, prefix="create", title=given.title, text=given.text,
                            markdown="md" if given.markdown else "")
    return render_template("teacher/draft.html", form=form, draft=draft, create=create,
                           problems=problems or [], shown=SHOWN), status


def too_large():
    """A request over the size limit: the page again, saying so."""
    form = DraftForm(formdata=None)
    form.text.errors = [_("The text is larger than %(size)d KB, so nothing was drafted: draft a "
                          "bank from each part of it.", size=MAX_TEXT_KB)]
    return _page(form, status=413)


@bp.route("/banks/draft", methods=["GET", "POST"])
def draft():
    """Draft a bank from a text; the draft shown with a button that creates it."""
    form = DraftForm()
    if request.method == "GET":
        return _page(form)
    if not form.validate_on_submit():
        return _page(form, status=400)
    storage = form.file.data
    chosen = storage is not None and bool(getattr(storage, "filename", ""))
    try:
        given = read_given(form.title.data or "", form.text.data or "",
                           storage.filename if chosen else "",
                           storage.read(MAX_TEXT_KB * 1024 + 1) if chosen else None)
        drafted = make_draft(given)
    except DraftRefused as e:
        for name, message in e.problems.items():
            getattr(form, name).errors = [message]
        return _page(form, status=status_of(e))
    return _page(form, drafted, given)


@bp.post("/banks/draft/create")
def create_draft():
    """Save the drafted bank as the teacher's, with its source text; on to the bank editor."""
    create = CreateForm(prefix="create")
    form = DraftForm(formdata=None, title=create.title.data, text=create.text.data)
    if not create.validate_on_submit():
        return _page(form, problems=[_("The form expired or was changed: draft the text again.")],
                     status=400)
    try:
        given = read_given(create.title.data or "", create.text.data or "", "", None)
        given = DraftText(given.title, given.text, create.markdown.data == "md")
        drafted = make_draft(given)
    except DraftRefused as e:
        for name, message in e.problems.items():
            getattr(form, name).errors = [message]
        return _page(form, status=status_of(e))
    try:
        bank_id = save_draft(current_catalog(), drafted, current_user, clock.now())
    except (UploadRejected, NotYours) as e:
        return _page(form, drafted, given, e.problems, status_of(e))
    flash(_("Created the bank “%(title)s” from your text, with %(facts)s facts (%(dated)s "
            "dated). Students can see it now: put the facts in your own words.",
            title=drafted.title, facts=len(drafted.facts), dated=drafted.dated))
    # The bank editor (/teacher/banks/<bank>/edit) is where a new bank is worked on.
    return redirect(f"{url_for('teacher.preview', bank_id=bank_id)}/edit", 303)
