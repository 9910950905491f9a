"""Quizzes: building them from a bank and grading answers (pure Python)."""
