"""Signing up, in and out, and starting as a guest."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required, login_user, logout_user
from werkzeug.wrappers import Response
from wtforms import PasswordField
from wtforms.validators import DataRequired, EqualTo

from ..services import accounts, sessions
from ..services.accounts import MIN_PASSWORD
from ..services.errors import RateLimited
from ..services.throttle import Throttled
from .errors import retry_headers
from .forms import GuestForm, LoginForm, PageForm, RegisterForm

bp = Blueprint("auth", __name__)


def local_path(target: str | None) -> str | None:
    """`target` if it is a path on this site, else None: signing in must not send anyone away.

    Browsers read `\\` as `/` and drop tabs and newlines, so `/\\evil` or `/<tab>/evil` would leave
    the site: anything but a plain absolute path is refused.
    """
    if not target or not target.startswith("/") or target.startswith("//"):
        return None
    if "\\" in target or any(ord(c) < 0x21 or ord(c) == 0x7F for c in target):
        return None
    parts = urlsplit(target)
    return None if parts.scheme or parts.netloc else target


def home_of(learner) -> str:
    """Where a sign-in leads without a `next`: a teacher's (or admin's) pages, or the quizzes."""
    return url_for("teacher.dashboard") if learner.is_teacher else url_for("quiz.index")


def _signed_in(learner, next_url: str | None, message: str) -> Response:
    login_user(learner)
    flash(message)
    return redirect(local_path(next_url) or home_of(learner), 303)


@bp.route("/register", methods=["GET", "POST"])
def register():
    """Create an account; a guest who registers keeps their attempts."""
    form = RegisterForm()
    if form.validate_on_submit():
        guest = current_user if current_user.is_authenticated else None
        try:
            learner = accounts.register(form.username.data, form.password.data, guest=guest)
        except accounts.AccountError as e:
            form.form_errors.append(str(e))
        else:
            return _signed_in(learner, None, _("Welcome, %(name)s.", name=learner.display_name))
    return render_template("auth/register.html", form=form), 400 if form.errors else 200


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Sign in; then go on to `next` if it is a page of this site."""
    form = LoginForm(next=request.args.get("next", ""))
    status, headers = 200, {}
    if form.validate_on_submit():
        try:
            learner = accounts.authenticate(
                form.username.data, form.password.data, request.remote_addr or ""
            )
        except Throttled as e:
            form.form_errors.append(str(e))
            status, headers = 429, {"Retry-After": str(e.retry_after)}
        else:
            if learner is not None:
                return _signed_in(learner, form.next.data,
                                  _("Signed in as %(name)s.", name=learner.display_name))
            form.form_errors.append(_("That username and password do not match an account."))
    guest = GuestForm(formdata=None, next=form.next.data)
    return render_template("auth/login.html", form=form, guest=guest), status, headers


@bp.route("/guest", methods=["GET", "POST"])
def guest():
    """Start as a guest, known only by a display name."""
    form = GuestForm(next=request.args.get("next", ""))
    headers: dict[str, str] = {}
    if form.validate_on_submit():
        try:
            learner = accounts.create_guest(form.display_name.data, request.remote_addr or "")
        except accounts.AccountError as e:
            form.display_name.errors.append(str(e))
        except RateLimited as e:  # guests from one address in an hour (services/limits)
            form.form_errors.append(e.message)
            headers = retry_headers(e)
        else:
            return _signed_in(learner, form.next.data,
                              _("Welcome, %(name)s.", name=learner.display_name))
    status = 429 if headers else 400 if form.errors else 200
    return render_template("auth/guest.html", form=form), status, headers


@bp.post("/logout")
def logout():
    """Sign out (a POST with the CSRF token, so no other site can sign anyone out): the session
    ends on the server too, so a copy of its cookie no longer signs anyone in."""
    if current_user.is_authenticated:
        sessions.end_sessions(current_user.id)
    logout_user()
    flash(_("You are signed out."))
    return redirect(url_for("quiz.index"), 303)


class PasswordForm(PageForm):
    """A new password, with the current one."""

    current = PasswordField(_l("Current password"), validators=[DataRequired()],
                            render_kw={"autocomplete": "current-password"})
    password = PasswordField(
        _l("New password"), validators=[DataRequired()],
        render_kw={"autocomplete": "new-password"},
        description=_l("At least %(n)d characters.", n=MIN_PASSWORD))
    confirm = PasswordField(
        _l("New password again"),
        validators=[DataRequired(), EqualTo("password", _l("The two new passwords differ."))],
        render_kw={"autocomplete": "new-password"})


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def password():
    """Change one's password: every other session and API token of the account ends; this one
    goes on, with a fresh session."""
    if current_user.is_guest:
        flash(_("A guest has no password: register to choose a username and password."))
        return redirect(url_for("auth.register"), 303)
    form = PasswordForm()
    status, headers = 200, {}
    if form.validate_on_submit():
        try:
            learner = sessions.change_password(current_user.id, form.current.data,
                                               form.password.data, request.remote_addr or "")
        except Throttled as e:
            form.form_errors.append(str(e))
            status, headers = 429, {"Retry-After": str(e.retry_after)}
        except accounts.AccountError as e:
            form.form_errors.append(str(e))
        else:
            login_user(learner, fresh=True)
            flash(_("Your password is changed. Every other session and API token of your "
                    "account has ended."))
            return redirect(url_for("auth.password"), 303)
    if status == 200 and (form.errors or form.form_errors):
        status = 400
    return render_template("auth/password.html", form=form), status, headers
