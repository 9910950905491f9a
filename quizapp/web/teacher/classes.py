"""Classes: make one and get its code; add students by username or CSV, co-teachers, remove them.

Every change is a POST that redirects back to the class's page (303) with what happened in a
message; a refusal (a CSV that is not one username a line, an unknown co-teacher) gives the page
back with the message and changes nothing.
"""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _

from ...services import classes as service
from ...services.rolls import MAX_CSV, csv_usernames, typed_usernames
from .blueprint import bp, viewer
from .forms import ClassForm, CoTeacherForm, MembersForm

MAX_LISTED = 30  # names listed in a message; more are counted


def _names(names: list[str]) -> str:
    shown = ", ".join(names[:MAX_LISTED])
    more = len(names) - MAX_LISTED
    return shown + (" " + _("and %(num)d more", num=more) if more > 0 else "")


@bp.route("/classes", methods=["GET", "POST"])
def classes():
    """The teacher's classes, and a form to make one."""
    form = ClassForm()
    if form.validate_on_submit():
        try:
            made = service.create_class(viewer(), form.name.data)
        except service.ClassError as e:
            form.name.errors = [*form.name.errors, str(e)]
        else:
            flash(_("Class “%(name)s” made. Students join it with the code %(code)s.",
                    name=made.name, code=made.code))
            return redirect(url_for("teacher.classroom", class_id=made.id), 303)
    return render_template("teacher/classes.html", form=form, rows=service.classes_of(viewer())
                           ), 400 if form.errors else 200


def class_page(class_id: int, members: MembersForm | None = None,
               co_teacher: CoTeacherForm | None = None, problem: str | None = None,
               status: int = 200):
    """One class's page, with its forms (as submitted, when one is given back)."""
    detail = service.class_detail(viewer(), class_id)
    return render_template(
        "teacher/class.html", detail=detail, classroom=detail.classroom,
        members_form=members or MembersForm(formdata=None),
        co_form=co_teacher or CoTeacherForm(formdata=None), problem=problem), status


@bp.get("/classes/<int:class_id>")
def classroom(class_id: int):
    """One class: its code, members, co-teachers and the quizzes set for it."""
    return class_page(class_id)


@bp.post("/classes/<int:class_id>/members")
def add_members(class_id: int):
    """Add students by the usernames typed, or those of a CSV file (unknown names are listed)."""
    form = MembersForm()
    service.find_class(viewer(), class_id)  # another teacher's class: 404 before anything is read
    try:
        names = typed_usernames(form.usernames.data)
        if form.file.data:
            names += csv_usernames(form.file.data.read(MAX_CSV + 1))
        added = service.add_members(viewer(), class_id, names)
    except service.ClassError as e:
        return class_page(class_id, members=form, problem=str(e), status=400)
    if added.added:
        flash(_("Added %(num)d: %(names)s.", num=len(added.added), names=_names(added.added)))
    if added.already:
        flash(_("Already in the class: %(names)s.", names=_names(added.already)))
    if added.unknown:
        flash(_("No account has these usernames, so they were not added (check the spelling, or "
                "ask them to register first): %(names)s.", names=_names(added.unknown)))
    return redirect(url_for("teacher.classroom", class_id=class_id), 303)


@bp.post("/classes/<int:class_id>/members/<int:learner_id>/remove")
def remove_member(class_id: int, learner_id: int):
    """Take a student out of the class; their attempts stay."""
    gone = service.remove_member(viewer(), class_id, learner_id)
    flash(_("%(name)s is no longer in the class. Their attempts are kept.",
            name=gone.display_name))
    return redirect(url_for("teacher.classroom", class_id=class_id), 303)


@bp.post("/classes/<int:class_id>/teachers")
def add_co_teacher(class_id: int):
    """Add a co-teacher by username (the class's owner only)."""
    form = CoTeacherForm()
    if not form.validate():
        return class_page(class_id, co_teacher=form, status=400)
    try:
        teacher = service.add_co_teacher(viewer(), class_id, form.username.data)
    except service.ClassError as e:
        form.username.errors = [str(e)]
        return class_page(class_id, co_teacher=form, status=400)
    flash(_("%(name)s teaches this class with you now.", name=teacher.display_name))
    return redirect(url_for("teacher.classroom", class_id=class_id), 303)


@bp.post("/classes/<int:class_id>/teachers/<int:teacher_id>/remove")
def remove_co_teacher(class_id: int, teacher_id: int):
    """Take a co-teacher off the class (the class's owner only)."""
    service.remove_co_teacher(viewer(), class_id, teacher_id)
    flash(_("The co-teacher no longer teaches this class."))
    return redirect(url_for("teacher.classroom", class_id=class_id), 303)
