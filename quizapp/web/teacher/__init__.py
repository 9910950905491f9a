"""The teacher's pages under /teacher: question files, classes, class results, item analysis,
set quizzes.

Each module adds its routes to the one blueprint of `blueprint.py`, whose check lets teachers only.
"""

from . import analysis, assignments, banks, classes, drafts, editor, live, results
from .blueprint import bp

__all__ = ["analysis", "assignments", "banks", "bp", "classes", "drafts", "editor", "live",
           "results"]
