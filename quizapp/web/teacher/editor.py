"""The browser editor of a YAML bank (`/teacher/banks/<bank>/edit`) and "New bank"
(`/teacher/banks/new`), with the bank's history and its co-owners."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ... import clock
from ...i18n import Lazy, _l
from ...services import bank_editor, bank_editors
from ...services.bank_editor import Draft, EditRejected
from ...services.catalog import current_catalog
from ...services.errors import Conflict, Invalid
from ..errors import status_of
from .blueprint import bp
from .editor_form import QUESTION_TYPES, apply_button, read_draft

GRADINGS = [("", _l("pairs (the default)"))] + [(g, g) for g in (
    "pairs", "exact", "position", "distance", "next", "next_last", "neighbours", "subset",
    "contiguous")]
TYPES = [(t, t) for t in QUESTION_TYPES]


def _page(draft: Draft, *, bank_id: str | None, base: str = "", problems=None,
          said: str | Lazy = "", alert: str = "", status: int = 200, checked: bool = False):
    """The editor with a draft: its fields, the problems beside them, its preview (when it
    checks out), and for a saved bank its history and co-owners."""
    catalog = current_catalog()
    name = owner = None
    history, editors = [], []
    if bank_id is not None:
        bank, name, owner = bank_editor.editable(catalog, bank_id, current_user)
        history = bank_editor.history(catalog, name)
        editors = bank_editors.editors(name)
    preview = None
    if problems is None and (checked or bank_id is not None):
        result = bank_editor.check(catalog, draft, name or "new-bank.yaml")
        problems = result.problems
        if result.bank is not None:
            preview = (result.bank, bank_editor.generated(result.bank))
    problems = problems or {}
    known = draft.field_paths()
    placed = {path: messages for path, messages in problems.items() if path in known}
    return render_template(
        "teacher/edit.html", draft=draft, bank_id=bank_id, base=base, file=name, owner=owner,
        problems=problems, placed=placed, said=said, alert=alert, preview=preview,
        history=history, editors=editors, types=TYPES, gradings=GRADINGS,
        may_name=owner is not None and owner.may_name_editors(current_user.id,
                                                               current_user.is_admin),
    ), status


@bp.get("/banks/<bank_id>/edit")
def edit(bank_id: str):
    """The bank's file as a form, with a preview of the questions students get."""
    editing = bank_editor.open_bank(current_catalog(), bank_id, current_user)
    return _page(editing.draft, bank_id=bank_id, base=editing.base)


@bp.post("/banks/<bank_id>/edit")
def edit_post(bank_id: str):
    """Add or remove a row, check the draft, or save it over the bank's file."""
    catalog = current_catalog()
    bank_editor.editable(catalog, bank_id, current_user)  # 404 or 403 before reading the form
    draft = read_draft(request.form)
    base = str(request.form.get("base", ""))[:64]
    action = str(request.form.get("do", "check"))
    said = apply_button(draft, action, str(request.form.get("new_type", "")))
    if said is not None:
        return _page(draft, bank_id=bank_id, base=base, said=said, problems={})
    if action != "save":
        return _page(draft, bank_id=bank_id, base=base, checked=True)
    try:
        saved = bank_editor.save(catalog, bank_id, draft, base, current_user, clock.now())
    except EditRejected as e:
        return _page(draft, bank_id=bank_id, base=base, problems=e.problems,
                     alert=_("Not saved: fix the problems shown beside their fields."),
                     status=status_of(e))
    except Conflict as e:
        fresh = bank_editor.open_bank(catalog, bank_id, current_user)
        return _page(draft, bank_id=bank_id, base=fresh.base, status=status_of(e), alert=_(
            "Not saved: someone saved this bank since you opened it (their version is first "
            "in the history below). Your changes are still in the form. Save again to put "
            "yours in place of theirs (theirs stays in the history), or open the bank again "
            "to start from theirs."))
    flash(_("Saved %(name)s: the bank “%(title)s” is live for students now; the version it "
            "replaced is kept in the history.", name=saved.name, title=saved.bank.title))
    return redirect(url_for("teacher.edit", bank_id=saved.bank.id), 303)


@bp.route("/banks/new", methods=["GET", "POST"])
def new_bank():
    """A new YAML bank, made in the editor and saved as a file the teacher owns."""
    if request.method == "GET":
        return _page(bank_editor.blank(), bank_id=None, problems={})
    draft = read_draft(request.form)
    action = str(request.form.get("do", "check"))
    said = apply_button(draft, action, str(request.form.get("new_type", "")))
    if said is not None:
        return _page(draft, bank_id=None, said=said, problems={})
    if action != "save":
        return _page(draft, bank_id=None, checked=True)
    try:
        bank_id = bank_editor.create_from_draft(current_user, draft)
    except EditRejected as e:
        return _page(draft, bank_id=None, problems=e.problems, status=status_of(e),
                     alert=_("Not saved: fix the problems shown beside their fields."))
    flash(_("Saved the new bank: it is live for students now. Go on editing it here."))
    return redirect(url_for("teacher.edit", bank_id=bank_id), 303)


@bp.post("/banks/<bank_id>/editors")
def add_editor(bank_id: str):
    """Name a co-owner of the bank (its owner or an admin)."""
    try:
        teacher = bank_editors.add_editor(current_catalog(), bank_id, current_user,
                                          str(request.form.get("username", "")), clock.now())
    except Invalid as e:
        editing = bank_editor.open_bank(current_catalog(), bank_id, current_user)
        return _page(editing.draft, bank_id=bank_id, base=editing.base, status=status_of(e),
                     alert=e.message)
    flash(_("%(name)s (%(username)s) may edit this bank now.", name=teacher.display_name,
            username=teacher.username))
    return redirect(url_for("teacher.edit", bank_id=bank_id) + "#co-owners", 303)


@bp.post("/banks/<bank_id>/editors/<int:learner_id>/remove")
def remove_editor(bank_id: str, learner_id: int):
    """Take a co-owner off the bank."""
    bank_editors.remove_editor(current_catalog(), bank_id, current_user, learner_id)
    flash(_("Removed the co-owner: they no longer edit this bank."))
    return redirect(url_for("teacher.edit", bank_id=bank_id) + "#co-owners", 303)
