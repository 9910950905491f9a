"""Classes: a teacher makes one and gets its code; students join by the code or are added by name.

Who a teacher is, for what they may see, lives here too (`Viewer`): the classes they teach (as
owner or co-teacher) and the learners of those classes. services/results.py turns that into the
one condition on attempts that every teacher's page, export and analysis is filtered by; an admin
sees everything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import CursorResult, Select, delete, func, or_, select

from ..database import write_transaction
from ..extensions import db
from ..i18n import _l
from ..models import Assignment, AssignmentClass, ClassMember, Classroom, ClassTeacher, Learner
from ..models.people import username_key
from .attempts import Someone
from .codes import free_code, normal_code
from .errors import Invalid, NotAllowed, NotFound

MAX_NAME = 80
MAX_NAMES = 2000  # usernames added at once
NO_CLASS = _l("There is no such class among yours.")


class ClassError(Invalid):
    """A class, member or co-teacher that cannot be set as asked, with a message for the teacher."""


@dataclass(frozen=True)
class Viewer:
    """The teacher a page is for: who they are, and whether they are an admin (who sees all)."""

    id: int
    admin: bool = False

    @classmethod
    def of(cls, someone: Any) -> Viewer:
        """The viewer for a signed-in learner (the pages' `SignedIn`, or an ORM `Learner`)."""
        return cls(someone.id, bool(getattr(someone, "is_admin", False)))


def taught_class_ids(viewer: Viewer) -> Select:
    """The ids of the classes the viewer teaches (owns or co-teaches); every class for an admin."""
    query = select(Classroom.id)
    if viewer.admin:
        return query
    co_taught = select(ClassTeacher.class_id).where(ClassTeacher.teacher_id == viewer.id)
    return query.where(or_(Classroom.owner_id == viewer.id, Classroom.id.in_(co_taught)))


def member_ids(viewer: Viewer) -> Select:
    """The ids of the learners of the viewer's classes."""
    return select(ClassMember.learner_id).where(ClassMember.class_id.in_(taught_class_ids(viewer)))


@dataclass(frozen=True)
class ClassSummary:
    """A class in the teacher's list."""

    classroom: Classroom
    members: int
    owner_name: str


def classes_of(viewer: Viewer) -> list[ClassSummary]:
    """The classes the viewer teaches, by name, with their number of members."""
    count = (select(func.count()).where(ClassMember.class_id == Classroom.id)
             .correlate(Classroom).scalar_subquery())
    query = (
        select(Classroom, count, Learner.display_name)
        .join(Learner, Learner.id == Classroom.owner_id)
        .where(Classroom.id.in_(taught_class_ids(viewer)))
        .order_by(func.lower(Classroom.name), Classroom.id)
    )
    return [ClassSummary(c, n, owner) for c, n, owner in db.session.execute(query)]


def class_choices(viewer: Viewer) -> list[tuple[int, str]]:
    """(id, name) of the viewer's classes, for a form."""
    return [(s.classroom.id, s.classroom.name) for s in classes_of(viewer)]


def create_class(viewer: Viewer, name: str) -> Classroom:
    """A new class owned by the viewer, with a new code."""
    name = " ".join((name or "").split())
    if not 1 <= len(name) <= MAX_NAME:
        raise ClassError(_l("Give the class a name of 1 to %(max)d characters.", max=MAX_NAME))
    with write_transaction():
        classroom = Classroom(name=name, code=free_code(), owner_id=viewer.id)
        db.session.add(classroom)
        db.session.flush()
    return classroom


def find_class(viewer: Viewer, class_id: int) -> Classroom:
    """A class the viewer teaches; NotFound for one that is not there or not theirs."""
    found = db.session.scalar(select(Classroom).where(
        Classroom.id == class_id, Classroom.id.in_(taught_class_ids(viewer))))
    if found is None:
        raise NotFound(NO_CLASS)
    return found


@dataclass(frozen=True)
class ClassDetail:
    """One class as its teacher sees it."""

    classroom: Classroom
    members: list[Learner]
    co_teachers: list[Learner]
    quizzes: list[Assignment]
    owned: bool  # whether the viewer may add and remove co-teachers (owner or admin)


def class_detail(viewer: Viewer, class_id: int) -> ClassDetail:
    """The class with its members, co-teachers and the quizzes set for it."""
    classroom = find_class(viewer, class_id)
    by_name = (func.lower(Learner.display_name), Learner.id)
    members = db.session.scalars(
        select(Learner).join(ClassMember, ClassMember.learner_id == Learner.id)
        .where(ClassMember.class_id == class_id).order_by(*by_name))
    teachers = db.session.scalars(
        select(Learner).join(ClassTeacher, ClassTeacher.teacher_id == Learner.id)
        .where(ClassTeacher.class_id == class_id).order_by(*by_name))
    quizzes = db.session.scalars(
        select(Assignment).join(AssignmentClass, AssignmentClass.assignment_id == Assignment.id)
        .where(AssignmentClass.class_id == class_id)
        .order_by(Assignment.created.desc(), Assignment.id.desc()))
    owned = viewer.admin or classroom.owner_id == viewer.id
    return ClassDetail(classroom, list(members), list(teachers), list(quizzes), owned)


@dataclass(frozen=True)
class Added:
    """What adding usernames did: who joined, who was already in, which names are unknown."""

    added: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)


def add_members(viewer: Viewer, class_id: int, usernames: list[str]) -> Added:
    """Add the accounts with these usernames (compared ignoring case) to the class."""
    classroom = find_class(viewer, class_id)
    wanted = list(dict.fromkeys(usernames))  # in order, once each
    if not wanted:
        raise ClassError(_l("Type at least one username, or choose a CSV file of usernames."))
    if len(wanted) > MAX_NAMES:
        raise ClassError(_l("Add at most %(max)d usernames at once.", max=MAX_NAMES))
    keys = {name: username_key(name) for name in wanted}
    with write_transaction():
        found: dict[Any, tuple[int, Any]] = {
            key: (learner_id, username) for learner_id, username, key in db.session.execute(
            select(Learner.id, Learner.username, Learner.username_key)
            .where(Learner.username_key.in_(set(keys.values()))))}
        present = set(db.session.scalars(select(ClassMember.learner_id).where(
            ClassMember.class_id == classroom.id)))
        result = Added()
        for name in wanted:
            if keys[name] not in found:
                result.unknown.append(name)
                continue
            learner_id, username = found[keys[name]]
            if learner_id in present:
                result.already.append(username)
            else:
                present.add(learner_id)
                db.session.add(ClassMember(class_id=classroom.id, learner_id=learner_id))
                result.added.append(username)
    return result


def remove_member(viewer: Viewer, class_id: int, learner_id: int) -> Learner:
    """Take a learner out of the class (their attempts stay); NotFound if not a member."""
    classroom = find_class(viewer, class_id)
    learner = db.session.get(Learner, learner_id)
    with write_transaction():
        gone = _deleted(delete(ClassMember).where(
            ClassMember.class_id == classroom.id, ClassMember.learner_id == learner_id))
    if not gone or learner is None:
        raise NotFound(_l("That learner is not in this class."))
    return learner


def _deleted(statement: Any) -> int:
    """Run a DELETE: how many rows it took."""
    return cast(CursorResult[Any], db.session.execute(statement)).rowcount


def _owned(viewer: Viewer, class_id: int) -> Classroom:
    classroom = find_class(viewer, class_id)
    if not (viewer.admin or classroom.owner_id == viewer.id):
        raise NotAllowed(_l(
            "Only the teacher who made the class adds and removes its co-teachers."))
    return classroom


def add_co_teacher(viewer: Viewer, class_id: int, username: str) -> Learner:
    """Let another teacher see and set what the owner does for this class."""
    classroom = _owned(viewer, class_id)
    teacher = db.session.scalar(select(Learner).where(
        Learner.username_key == username_key((username or "").strip())))
    if teacher is None or not teacher.is_teacher:
        raise ClassError(_l("No teacher has the username %(name)r: a co-teacher needs a "
                            "teacher’s account.", name=username.strip()))
    if teacher.id == classroom.owner_id:
        raise ClassError(_l("%(name)s made this class: they teach it already.",
                            name=teacher.username))
    with write_transaction():
        if db.session.get(ClassTeacher, (classroom.id, teacher.id)) is None:
            db.session.add(ClassTeacher(class_id=classroom.id, teacher_id=teacher.id))
    return teacher


def remove_co_teacher(viewer: Viewer, class_id: int, teacher_id: int) -> None:
    """Take a co-teacher off the class; NotFound if they are not one."""
    classroom = _owned(viewer, class_id)
    with write_transaction():
        gone = _deleted(delete(ClassTeacher).where(
            ClassTeacher.class_id == classroom.id, ClassTeacher.teacher_id == teacher_id))
    if not gone:
        raise NotFound(_l("That teacher is not a co-teacher of this class."))


def class_by_code(code: str | None) -> Classroom:
    """The class with this code; NotFound if none."""
    found = db.session.scalar(select(Classroom).where(Classroom.code == normal_code(code)))
    if found is None:
        raise NotFound(_l("No class has the code %(code)s: check it with your teacher.",
                          code=repr(normal_code(code) or code)))
    return found


def join_class(learner: Someone, code: str | None) -> tuple[Classroom, bool]:
    """Join the class with this code: (the class, whether newly joined). A guest is refused."""
    classroom = class_by_code(code)
    account = db.session.get(Learner, learner.id)
    if account is None or account.is_guest:
        raise NotAllowed(_l("Register first to join a class (your scores as a guest are kept), "
                            "then type the class code again."))
    with write_transaction():
        if db.session.get(ClassMember, (classroom.id, learner.id)) is not None:
            return classroom, False
        db.session.add(ClassMember(class_id=classroom.id, learner_id=learner.id))
    return classroom, True


def classes_joined(learner: Someone) -> list[Classroom]:
    """The classes the learner is a member of, by name."""
    return list(db.session.scalars(
        select(Classroom).join(ClassMember, ClassMember.class_id == Classroom.id)
        .where(ClassMember.learner_id == learner.id).order_by(func.lower(Classroom.name))))


def is_member(learner_id: int, class_ids: list[int]) -> bool:
    """Whether the learner belongs to one of these classes."""
    return bool(class_ids) and (db.session.scalar(
        select(func.count()).where(ClassMember.learner_id == learner_id,
                                   ClassMember.class_id.in_(class_ids))) or 0) > 0
