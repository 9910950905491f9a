"""Flask extensions, created unbound here and bound to the app in create_app()."""

from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

from .i18n import _l


class Base(DeclarativeBase):
    """The declarative base of every table."""

    # Named constraints, so a migration can drop or alter one by name (SQLite gives none).
    metadata = MetaData(naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    })


# Objects stay readable after commit: nothing after a commit may query (and fail) a saved request.
db = SQLAlchemy(model_class=Base, session_options={"expire_on_commit": False})

migrate = Migrate()

login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = _l("Sign in, or start as a guest, to take a quiz.")
login_manager.localize_callback = str  # a Lazy message, read in the request's language

csrf = CSRFProtect()
