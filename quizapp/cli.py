"""`flask --app quizapp ...` commands."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup, with_appcontext

from .database import create_tables

questions_cli = AppGroup("questions", help="Check and inspect question files.")
user_cli = AppGroup("user", help="Manage learners.")


@click.command("init-db")
@with_appcontext
def init_db_command() -> None:
    """Create the database tables that are missing."""
    create_tables()
    click.echo("Database ready.")


def init_app(app: Flask) -> None:
    """Register the commands."""
    app.cli.add_command(init_db_command)
    app.cli.add_command(questions_cli)
    app.cli.add_command(user_cli)
