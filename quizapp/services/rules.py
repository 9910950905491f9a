"""The quiz rules (quiz/rules.py) as the pages and the API read them: views import no domain.

And the school's time zone (QUIZAPP_TIMEZONE): `shown` writes a stored time in it, naming it;
`said` in words where that reads better ("today at 9:40 America/Lima", "3 days ago");
`shown_day` a date, `percent_text` a percent; each written for the request's language
(Flask-Babel's locale: "3 de diciembre de 2026, 9:40", "hace 3 días", "45 %");
`to_utc` reads a time typed in it (a form's datetime-local field) as it is stored, naive UTC;
`from_utc` turns a stored time back into what such a field shows.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import overload
from zoneinfo import ZoneInfo

from babel.dates import format_datetime
from babel.numbers import format_decimal, format_percent
from flask import current_app, has_request_context
from flask_babel import get_locale, gettext, ngettext

from .. import clock
from ..quiz import rules as _rules
from ..quiz.rules import (
    ATTEMPT_MODES,
    CLOSED,
    DEFAULT_LENGTH,
    LIVE,
    MAX_LENGTH,
    MIN_LENGTH,
    MODES,
    NOT_OPEN_YET,
    OPEN,
    PRACTICE,
    REVIEW,
    SEED_LIMIT,
    day,
    in_words,
    iso,
    percent,
    relative,
    window,
)
from ..quiz.rules import from_utc as _from_utc

__all__ = ["ATTEMPT_MODES", "CLOSED", "DEFAULT_LENGTH", "LIVE", "MAX_LENGTH", "MIN_LENGTH", "MODES",
           "NOT_OPEN_YET", "OPEN", "PRACTICE", "REVIEW", "SEED_LIMIT", "day", "from_utc",
           "language", "number", "percent_text", "shown_day",
           "in_words", "iso", "percent", "said", "school_zone", "shown", "to_utc",
           "window", "zone_name"]


def school_zone() -> ZoneInfo:
    """The school's time zone (checked when the app starts: config.time_zone)."""
    return ZoneInfo(current_app.config.get("TIMEZONE") or "UTC")  # ZoneInfo keeps one per name


def zone_name() -> str:
    """The zone's IANA name, as pages name it: America/Lima, UTC."""
    return school_zone().key


def language() -> str:
    """The language times and numbers are written in: the request's ("en", "es"), else English
    (the CLI, a report written outside a request)."""
    return str(get_locale() or "en") if has_request_context() else "en"


# Each language's way of writing a date and time (CLDR patterns, Babel). English keeps the
# pages' "3 Dec 2026, 09:40"; Spanish writes "3 de diciembre de 2026, 9:40".
DATE_TIME = {"en": "d MMM y, HH:mm", "es": "d 'de' MMMM 'de' y, H:mm"}
DATE = {"en": "d MMM y", "es": "d 'de' MMMM 'de' y"}
CLOCK = {"en": "H:mm", "es": "H:mm"}


def shown(moment: datetime | None) -> str:
    """A stored time for people, in the school's zone: 3 Dec 2026, 09:40 America/Lima; in
    Spanish 3 de diciembre de 2026, 9:40 America/Lima."""
    if moment is None:
        return ""
    lang = language()
    local = _from_utc(moment, school_zone())
    return f"{format_datetime(local, DATE_TIME[lang], locale=lang)} {zone_name()}"


def shown_day(moment: datetime) -> str:
    """A date for people: 2 Mar 2026; 2 de marzo de 2026."""
    lang = language()
    return format_datetime(moment, DATE[lang], locale=lang)


def number(value: float) -> str:
    """A number for people in the request's language: 0.67, 0,67; 1; 4.5, 4,5."""
    return format_decimal(round(value, 2), locale=language())


def percent_text(value: float | None) -> str:
    """A percent (0 to 100, as quiz.rules.percent gives it) for people: "45%", "66.7%"; in
    Spanish "45 %", "66,7 %" (a no-break space); "" for None."""
    if value is None:
        return ""
    return format_percent(Decimal(str(value)) / 100, locale=language(),
                          decimal_quantization=False)


def said(moment: datetime | None) -> str:
    """A stored time in words against the app's clock, in the school's zone: "today at 9:40
    America/Lima", "3 days ago", "hace 3 días"; further off, as `shown` writes it. For pages a
    person reads now; reports and exports keep `shown`'s exact dates."""
    if moment is None:
        return ""
    kind, n = relative(moment, clock.now(), school_zone())
    if kind == "just now":
        return gettext("just now")
    if kind == "minutes ago":
        return ngettext("%(num)d minute ago", "%(num)d minutes ago", n)
    if kind == "in minutes":
        return ngettext("in %(num)d minute", "in %(num)d minutes", n)
    if kind == "days ago":
        return ngettext("%(num)d day ago", "%(num)d days ago", n)
    if kind == "day":
        local = _from_utc(moment, school_zone())
        at = format_datetime(local, CLOCK[language()], locale=language())
        words = {-1: gettext("yesterday at %(time)s %(zone)s", time=at, zone=zone_name()),
                 0: gettext("today at %(time)s %(zone)s", time=at, zone=zone_name()),
                 1: gettext("tomorrow at %(time)s %(zone)s", time=at, zone=zone_name())}
        return words[n]
    return shown(moment)


@overload
def to_utc(local: datetime) -> datetime: ...
@overload
def to_utc(local: None) -> None: ...
def to_utc(local: datetime | None) -> datetime | None:
    """A time typed in the school's zone, as stored (naive UTC); None stays None."""
    return None if local is None else _rules.to_utc(local, school_zone())


@overload
def from_utc(moment: datetime) -> datetime: ...
@overload
def from_utc(moment: None) -> None: ...
def from_utc(moment: datetime | None) -> datetime | None:
    """A stored time as the school's clocks read it (naive), for a form's field."""
    return None if moment is None else _rules.from_utc(moment, school_zone())
