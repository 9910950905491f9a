"""Signing up, in and out, and starting as a guest."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_user, logout_user
from werkzeug.wrappers import Response

from ..services import accounts
from ..services.errors import RateLimited
from ..services.throttle import Throttled
from .errors import retry_headers
from .forms import GuestForm, LoginForm, RegisterForm

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
            return _signed_in(learner, None, f"Welcome, {learner.display_name}.")
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
                return _signed_in(learner, form.next.data, f"Signed in as {learner.display_name}.")
            form.form_errors.append("That username and password do not match an account.")
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
            return _signed_in(learner, form.next.data, f"Welcome, {learner.display_name}.")
    status = 429 if headers else 400 if form.errors else 200
    return render_template("auth/guest.html", form=form), status, headers


@bp.post("/logout")
def logout():
    """Sign out (a POST with the CSRF token, so no other site can sign anyone out)."""
    logout_user()
    flash("You are signed out.")
    return redirect(url_for("quiz.index"), 303)
