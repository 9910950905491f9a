"""Settings, read from QUIZAPP_* environment variables."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

PROJECT_ROOT = Path(__file__).resolve().parent.parent


LIMITS = ("OPEN_QUIZZES", "STARTS_PER_MINUTE", "PRACTICE_PER_MINUTE", "GUESTS_PER_HOUR")


def from_environment(instance_path: Path) -> dict:
    """The settings the environment gives, with defaults for everything left unset."""
    database_url = os.environ.get("QUIZAPP_DATABASE_URL") or (
        f"sqlite:///{instance_path / 'quizapp.sqlite'}"
    )
    questions_dir = os.environ.get("QUIZAPP_QUESTIONS_DIR") or str(PROJECT_ROOT / "questions")
    return {
        "SQLALCHEMY_DATABASE_URI": database_url,
        "QUESTIONS_DIR": questions_dir,
        "SECRET_KEY": os.environ.get("QUIZAPP_SECRET_KEY"),  # else made and kept: secret_key()
        # How many proxies in front of Quipu set X-Forwarded-For/-Proto (0: none, trust nothing).
        "TRUSTED_PROXIES": int(os.environ.get("QUIZAPP_TRUSTED_PROXIES") or 0),
        # FULL: a submission confirmed to the learner survives a power cut too, not only a crash.
        "SQLITE_SYNCHRONOUS": (os.environ.get("QUIZAPP_SQLITE_SYNCHRONOUS") or "FULL").upper(),
        # The school's time zone: times are shown and typed in it (stored in UTC all the same).
        "TIMEZONE": os.environ.get("QUIZAPP_TIMEZONE") or "UTC",
        # How many days an API token lasts (a new password or DELETE /api/v1/tokens/current
        # ends it sooner).
        "TOKEN_DAYS": token_days(os.environ.get("QUIZAPP_TOKEN_DAYS")),
        # Live games' event streams one process holds open (each holds a gthread thread): set it
        # below gunicorn's --threads; past it, a stream sends the state once and the client polls.
        "LIVE_STREAMS": int(os.environ.get("QUIZAPP_LIVE_STREAMS") or 100),
        # Redis, if any: live games' changes are published there to wake waiting streams at once
        # (the game's state stays in the database; without it, each process polls every 100 ms).
        "REDIS_URL": os.environ.get("QUIZAPP_REDIS_URL") or None,
        # What one account or address may create (services/limits.py has the defaults).
        **{name: int(os.environ[f"QUIZAPP_{name}"]) for name in LIMITS
           if os.environ.get(f"QUIZAPP_{name}")},
    }


class SettingError(ValueError):
    """A setting Quipu cannot start with, and what to give instead."""


def time_zone(name: str | None) -> str:
    """The IANA name of the school's time zone, checked: SettingError if there is no such zone."""
    name = (name or "UTC").strip()
    try:
        return ZoneInfo(name).key
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingError(
            f"QUIZAPP_TIMEZONE={name!r} is not a time zone Quipu knows: give an IANA name such as "
            "America/Lima, Europe/Paris or UTC (the default)."
        ) from None


def token_days(given: str | None) -> int:
    """QUIZAPP_TOKEN_DAYS as a whole number of days, 30 when unset: SettingError otherwise."""
    text = (given or "30").strip()
    if not (text.isascii() and text.isdigit() and 1 <= int(text) <= 3650):
        raise SettingError(f"QUIZAPP_TOKEN_DAYS={given!r} is not a number of days: give a whole "
                           "number from 1 to 3650 (30 unless set).")
    return int(text)


def secret_key(instance_path: Path) -> str:
    """The key kept in the instance folder, made on first use.

    Several workers may start at the same moment: the file is written under a temporary name and
    linked into place, so every worker reads the one key that won.
    """
    path = instance_path / "secret_key"
    if not path.exists():
        instance_path.mkdir(parents=True, exist_ok=True)
        tmp = instance_path / f".secret_key.{os.getpid()}.{secrets.token_hex(4)}"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_hex(32))
        try:
            os.link(tmp, path)  # atomic; fails if another worker got there first
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
    return path.read_text().strip()
