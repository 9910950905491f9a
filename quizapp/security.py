"""What every response carries to keep a browser safe, and how cookies are set.

- A Content-Security-Policy that allows only Quipu's own scripts and styles (no inline script can
  run, so text that slipped past escaping still cannot act), no framing, no MIME sniffing.
- The session cookie is HttpOnly and SameSite=Lax always, and Secure whenever the request came over
  HTTPS (directly, or through a trusted proxy: QUIZAPP_TRUSTED_PROXIES).
"""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, abort, request, session
from flask.json.provider import DefaultJSONProvider
from flask.sessions import SecureCookieSessionInterface
from werkzeug.middleware.proxy_fix import ProxyFix

from .i18n import _l

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


MAX_BODY = 256 * 1024  # bytes of any request body but an upload's (which sets its own limit)


def refuse_large_bodies() -> None:
    """413 before anything reads a body larger than its limit (CSRFProtect, a form, the JSON).

    A declared Content-Length is refused at once with a message; a body sent without one is cut
    at the same limit by Werkzeug while it is read (MAX_CONTENT_LENGTH).
    """
    limit = request.max_content_length
    if limit is not None and (request.content_length or 0) > limit:
        abort(413, _l("The request is larger than %(size)d KB, so it was not read: send less "
                      "at once.", size=limit // 1024))


class JSONProvider(DefaultJSONProvider):
    """Flask's JSON, where a body nested too deep is malformed (a 400), not a crash (a 500)."""

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        try:
            return super().loads(s, **kwargs)
        except RecursionError:
            raise ValueError("the JSON is nested too deep") from None


class SessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, with Secure set for HTTPS requests.

    The signing serializer is made once per key, not on every request as Flask does (about 5%
    of a small page's CPU).
    """

    _signing: tuple = (None, None)  # (the keys it was made for, the serializer)

    def get_signing_serializer(self, app: Flask):
        """Flask's serializer for the app's current keys, made again only when they change."""
        keys = (app.secret_key, tuple(app.config.get("SECRET_KEY_FALLBACKS") or ()))  # 3.1+
        if self._signing[0] != keys:
            self._signing = (keys, super().get_signing_serializer(app))
        return self._signing[1]

    def get_cookie_secure(self, app: Flask) -> bool:
        """Secure when configured so, or when this request came over HTTPS."""
        return bool(app.config["SESSION_COOKIE_SECURE"]) or request.is_secure


def add_headers(response: Response) -> Response:
    """Put the security headers on a response (keeping any a view set itself)."""
    # One look at the headers there: Headers.setdefault builds an exception for each miss.
    present = {name.lower() for name in response.headers.keys()}  # noqa: SIM118  (all, not one)
    for name, value in HEADERS.items():
        if name.lower() not in present:
            response.headers.add(name, value)
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    # A signed-in person's pages (scores, answers, keys) are never kept by the browser or a cache
    # on the way: the next person at a shared computer must not see them with Back. Static files
    # and the icon stay cacheable.
    if "_user_id" in session and request.endpoint not in ("static", "assets.favicon"):
        response.headers["Cache-Control"] = "no-store"
    return response


def init_app(app: Flask) -> None:
    """Cookie settings, the session interface, the headers and, if configured, ProxyFix."""
    app.config.setdefault("SESSION_COOKIE_HTTPONLY", True)
    app.config["SESSION_COOKIE_SAMESITE"] = app.config.get("SESSION_COOKIE_SAMESITE") or "Lax"
    app.config.setdefault("REMEMBER_COOKIE_HTTPONLY", True)
    app.config.setdefault("REMEMBER_COOKIE_SAMESITE", "Lax")
    if app.config.get("MAX_CONTENT_LENGTH") is None:  # Flask's default is None: no limit
        app.config["MAX_CONTENT_LENGTH"] = MAX_BODY
    app.session_interface = SessionInterface()
    app.json = JSONProvider(app)
    app.before_request(refuse_large_bodies)  # before CSRFProtect's check, which reads the form
    app.after_request(add_headers)
    proxies = int(app.config.get("TRUSTED_PROXIES") or 0)
    if proxies:
        # Flask's documented way to wrap the WSGI app, which mypy takes for a method assignment.
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)
