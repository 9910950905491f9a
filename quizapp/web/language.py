"""The interface's language: which one a request gets, and the switch on every page.

The learner's choice (kept in their account; for a visitor, in the `language` cookie), else the
browser's Accept-Language, else English. `<html lang>` says the same (base.html).
"""

from __future__ import annotations

from flask import (
    Blueprint,
    Flask,
    g,
    has_app_context,
    has_request_context,
    make_response,
    redirect,
    request,
    url_for,
)
from flask_babel import Babel, get_locale, get_translations
from flask_login import current_user
from werkzeug.wrappers import Response

from .. import i18n
from ..services import language as languages
from ..services.errors import Invalid
from .auth import local_path
from .errors import render_error, status_of

bp = Blueprint("language", __name__)

COOKIE = "language"  # a visitor's choice, a year long
COOKIE_AGE = 365 * 24 * 3600


def chosen() -> str | None:
    """The language the person chose: in their account, else in the cookie; None if neither."""
    if current_user and current_user.is_authenticated and current_user.language:
        return current_user.language
    cookie = request.cookies.get(COOKIE)
    return cookie if cookie in languages.LANGUAGES else None


def select_locale() -> str:
    """Flask-Babel's locale selector: the choice, else Accept-Language, else English (and
    English outside a request, unless the CLI forces its language: cli_language.speaking)."""
    if not has_request_context():
        return languages.DEFAULT
    return chosen() or request.accept_languages.best_match(languages.LANGUAGES) \
        or languages.DEFAULT


def current() -> str:
    """The language of this request ("en", "es"), as `<html lang>` writes it."""
    return str(get_locale() or languages.DEFAULT)


def others() -> list[tuple[str, str]]:
    """The languages the switch offers (code, name in its own words): all but this one."""
    here = current()
    return [(code, languages.NAMES[code]) for code in languages.LANGUAGES if code != here]


@bp.post("/language")
def switch() -> Response | tuple:
    """Switch the interface's language (a POST with the CSRF token): kept in the account of a
    signed-in learner (a guest too) and in a cookie, so it outlives signing out; then back to
    the page the switch was on. A language that is not offered is a 400 (services.errors)."""
    try:
        language = languages.checked(request.form.get("language"))
    except Invalid as e:
        return make_response(render_error(status_of(e), e.message))
    if current_user.is_authenticated:
        languages.set_language(current_user, language)
    response = redirect(local_path(request.form.get("next")) or url_for("quiz.index"), 303)
    response.set_cookie(COOKIE, language, max_age=COOKIE_AGE, secure=request.is_secure,
                        httponly=True, samesite="Lax")
    return response


def init_app(app: Flask) -> None:
    """Bind Flask-Babel (catalogs in quizapp/translations) with the selector, and give the
    templates `language()` and `other_languages()`."""
    Babel(app, locale_selector=select_locale)
    app.jinja_env.policies["ext.i18n.trimmed"] = True  # {% trans %}'s whitespace as babel.cfg's
    i18n.install(_gettext, _ngettext)
    app.add_template_global(current, "language")
    app.add_template_global(others, "other_languages")
    app.add_template_global(bank_note, "bank_language_note")


def bank_note(bank_id: str, text: bool = False) -> i18n.Lazy | None:
    """What a page showing the bank's questions or facts (its text) says of their language, in
    this request's language; None when they are all in it (services.language)."""
    return languages.bank_language_note(bank_id, current(), text=text)


FORCED = "quipu_language_forced"  # set in `g` by cli_language.speaking


def _speaks() -> bool:
    """Whether to translate: in a request, or where a command forces its language."""
    return has_request_context() or (has_app_context() and bool(g.get(FORCED)))


def _gettext(message: str) -> str:
    """A message in the request's language, or the command's (cli_language); elsewhere (a job,
    a test's app context) as written."""
    return get_translations().ugettext(message) if _speaks() else message


def _ngettext(one: str, many: str, n: int) -> str:
    if _speaks():
        return get_translations().ungettext(one, many, n)
    return one if n == 1 else many
