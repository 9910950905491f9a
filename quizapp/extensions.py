"""Flask extensions, created unbound here and bound to the app in create_app()."""

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    """The declarative base of every table."""


db = SQLAlchemy(model_class=Base)
