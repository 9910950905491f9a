"""The tables, one module a part of the school: people, quizzes, the school itself.

Importing this package registers every table (the migrations and create_all read them here).
"""

from .base import JSONText, Model, SnapshotJSON, hash_password, table_of, utcnow
from .files import BankEditor, BankFile, BankFileVersion
from .live import LiveAnswer, LiveGame, LivePlayer
from .people import ApiToken, GuestCreation, Learner, SignInFailure
from .quizzes import Attempt, AttemptItem, Card, ReviewLog
from .school import Assignment, AssignmentClass, ClassMember, Classroom, ClassTeacher
from .settings import BankSetting

__all__ = [
    "ApiToken", "Assignment", "AssignmentClass", "Attempt", "BankEditor", "BankFile",
    "BankFileVersion",
    "BankSetting", "ClassMember", "ClassTeacher", "Classroom", "AttemptItem", "Card",
    "GuestCreation", "JSONText", "Learner", "LiveAnswer", "LiveGame", "LivePlayer",
    "Model", "ReviewLog", "SignInFailure", "SnapshotJSON",
    "hash_password", "table_of", "utcnow",
]
