"""Flask extensions, created unbound here and bound to the app in create_app()."""

from flask_login import LoginManager
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    """The declarative base of every table."""


# Objects stay readable after commit: nothing after a commit may query (and fail) a saved request.
db = SQLAlchemy(model_class=Base, session_options={"expire_on_commit": False})

login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = "Sign in, or start as a guest, to take a quiz."

csrf = CSRFProtect()
