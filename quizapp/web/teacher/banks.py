"""The teacher's dashboard, uploading a question file, a bank's preview with its keys, its file's
owner and kept versions (restorable), exports, and a bank's exam-only switch."""

from __future__ import annotations

import os

from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.exceptions import RequestEntityTooLarge

from ... import clock
from ...services import bank_versions
from ...services.catalog import current_catalog, exam_only, export_bank, set_exam_only
from ...services.restores import file_of, restore_version, source_of
from ...services.rolls import MAX_CSV
from ...services.uploads import (
    MAX_UPLOAD,
    NotYours,
    UploadRejected,
    known_suffixes,
    save_upload,
)
from ..errors import render_error, status_of
from .blueprint import bp
from .classes import class_page
from .drafts import DRAFT_ENDPOINTS
from .drafts import too_large as draft_too_large
from .forms import UploadForm

FORM_OVERHEAD = 64 * 1024  # room in the request for the multipart headers and the CSRF token
EDITOR_FORM = 3 * MAX_UPLOAD  # the largest file, URL-encoded with its field names


def _file_name(path: str, folder: os.PathLike[str]) -> str:
    """A bank's file as named within the questions folder ('' for a bank made in code)."""
    return os.path.relpath(path, folder) if path else ""


@bp.get("/")
def dashboard():
    """The banks with links to their preview and analysis, and any file that failed to load."""
    catalog = current_catalog()
    flags = exam_only(catalog.banks.values())
    files = {bank.id: _file_name(bank.path, catalog.folder) for bank in catalog.banks.values()}
    owners = bank_versions.owners(files.values())
    banks = [(bank, catalog.pool(bank.id), files[bank.id], flags[bank.id], owners[files[bank.id]])
             for bank in catalog.banks.values()]
    return render_template("teacher/dashboard.html", banks=banks, folder=catalog.folder,
                           problems=catalog.result.problems)


@bp.url_value_preprocessor
def limit_upload_size(endpoint: str | None, values: dict | None) -> None:
    """Cap the size of an upload's request before anything reads its body.

    URL value preprocessors run before every before-request function, CSRFProtect's included, and
    that one reads the form: a limit set in the view would come too late.
    """
    if endpoint == "teacher.upload":
        request.max_content_length = 2 * MAX_UPLOAD + FORM_OVERHEAD  # a bank and its text
    elif endpoint == "teacher.add_members":
        request.max_content_length = MAX_CSV + FORM_OVERHEAD
    elif endpoint in ("teacher.edit_post", "teacher.new_bank"):  # a bank's file as form fields
        request.max_content_length = request.max_form_memory_size = EDITOR_FORM


def _upload_page(form: UploadForm, problems: list[str], status: int = 200, saved=None,
                 source: str = ""):
    return render_template("teacher/upload.html", form=form, problems=problems,
                           suffixes=known_suffixes(), saved=saved, source=source), status


@bp.route("/upload", methods=["GET", "POST"])
def upload():
    """Upload a question file: checked, then saved and live at once, or refused with reasons."""
    form = UploadForm()
    if not form.validate_on_submit():
        return _upload_page(form, [], 400 if form.errors else 200)
    storage, text = form.file.data, form.source.data
    try:
        saved = save_upload(current_catalog(), storage.filename, storage.read(MAX_UPLOAD + 1),
                            current_user, clock.now(),
                            text.read(MAX_UPLOAD + 1) if text and text.filename else None)
    except (UploadRejected, NotYours) as e:
        return _upload_page(form, e.problems, status_of(e))
    named = saved.bank.source_name
    source = (" " + _("Its source text is saved as %(name)s.", name=saved.source) if saved.source
              else " " + _("It names the source text %(name)s, which is not there: upload it with "
                           "the bank to give the bank its reading page (its cites are not checked "
                           "until then).", name=named)
              if named and saved.bank.source is None else "")
    if saved.skipped or saved.notes:
        # Questions left out or something to check: the list stays on the page, beside the form.
        return _upload_page(UploadForm(formdata=None), [], saved=saved, source=source)
    if saved.replaced:
        done = _("Replaced %(name)s: the bank “%(title)s” is live for students now. The file it "
                 "replaced is kept: see its versions below.", name=saved.name,
                 title=saved.bank.title)
    else:
        done = _("Saved %(name)s: the bank “%(title)s” is live for students now.",
                 name=saved.name, title=saved.bank.title)
    flash(done + source)
    return redirect(url_for("teacher.preview", bank_id=saved.bank.id), 303)


@bp.errorhandler(RequestEntityTooLarge)
def upload_too_large(e: RequestEntityTooLarge):
    """A request over the size limit: the upload page again, saying so."""
    if not (current_user.is_authenticated and current_user.is_teacher):
        return render_error(403, _("These pages are for teachers."))
    if request.endpoint in ("teacher.edit_post", "teacher.new_bank"):
        return render_error(413, _("The form is larger than %(size)s KB, so it was not saved: "
                                    "split the bank into smaller ones.", size=EDITOR_FORM // 1024))
    if request.endpoint == "teacher.add_members" and request.view_args:
        return class_page(request.view_args["class_id"], problem=_(
            "The file is larger than %(size)s KB, so nothing was added: a list of usernames is "
            "smaller. Check it is the right file.", size=MAX_CSV // 1024), status=413)
    if request.endpoint in DRAFT_ENDPOINTS:
        return draft_too_large()
    problem = _("The file is larger than %(size)s KB, so it was not saved: split the bank into "
                "smaller files.", size=MAX_UPLOAD // 1024)
    return _upload_page(UploadForm(formdata=None), [problem], 413)


@bp.get("/banks/<bank_id>")
def preview(bank_id: str):
    """A bank's written questions as students see them, with the keys and the explanations."""
    return _bank_page(bank_id)


def _bank_page(bank_id: str, problems: list[str] | None = None, status: int = 200):
    catalog = current_catalog()
    bank, name = file_of(catalog, bank_id)
    generated = len(catalog.pool(bank_id).questions) - len(bank.questions)
    owner = bank_versions.owners([name])[name]
    source = source_of(bank, name)
    return render_template(
        "teacher/preview.html", bank=bank, generated=generated, flag=exam_only([bank])[bank.id],
        file=name, owner=owner, versions=bank_versions.versions(name) if name else [],
        source=source, source_versions=bank_versions.versions(source) if source else [],
        problems=problems or [],
        may_restore=owner.may_replace(current_user.id, current_user.is_admin)), status


@bp.post("/banks/<bank_id>/versions/<int:version_id>")
def restore(bank_id: str, version_id: int):
    """Put a kept version of the bank's file back (keeping the current one as a version)."""
    try:
        saved = restore_version(current_catalog(), bank_id, version_id, current_user, clock.now())
    except UploadRejected as e:
        return _bank_page(bank_id, e.problems, status_of(e))
    restored = (_("the source text %(text)s of %(name)s", text=saved.source, name=saved.name)
                if saved.source else saved.name)
    flash(_("Restored %(what)s: the bank “%(title)s” is live for students now; the file it "
            "replaced is kept as a version.", what=restored, title=saved.bank.title))
    back = "teacher.edit" if request.form.get("back") == "edit" else "teacher.preview"
    return redirect(url_for(back, bank_id=saved.bank.id), 303)


@bp.post("/banks/<bank_id>/exam-only")
def switch_exam_only(bank_id: str):
    """Switch a bank to assigned quizzes only ("on") or back to self-study ("off"), over its
    file's `exam_only`; back to the page the switch was on."""
    turn = request.form.get("exam_only")
    if turn not in ("on", "off"):
        return render_error(400, _("Say whether the bank is for assigned quizzes only: on or off."))
    flag = set_exam_only(current_user.id, bank_id, turn == "on", clock.now())
    title = current_catalog().banks[bank_id].title
    flash(_("“%(title)s” is for assigned quizzes only now: students no longer see it for "
            "self-study.", title=title) if flag.on else
          _("“%(title)s” is open for self-study again, except while an assigned quiz on it is "
            "open.", title=title))
    back = (url_for("teacher.preview", bank_id=bank_id) if request.form.get("back") == "preview"
            else url_for("teacher.dashboard"))
    return redirect(back, 303)


@bp.get("/banks/<bank_id>/export.<any(xml, gift):file_format>")
def export(bank_id: str, file_format: str):
    """A bank's written questions as a Moodle XML or GIFT file to download (for Moodle)."""
    download = export_bank(bank_id, file_format)
    return Response(download.text, mimetype=download.media_type, headers={
        "Content-Disposition": f'attachment; filename="{download.filename}"'})
