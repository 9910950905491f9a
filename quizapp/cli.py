"""`flask --app quizapp ...` commands."""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext

from .bank.loader import load_paths
from .bank.summary import report_lines
from .database import create_tables

questions_cli = AppGroup("questions", help="Check and inspect question files.")
user_cli = AppGroup("user", help="Manage learners.")


@click.command("init-db")
@with_appcontext
def init_db_command() -> None:
    """Create the database tables that are missing."""
    create_tables()
    click.echo("Database ready.")


@questions_cli.command("check")
@click.argument("paths", nargs=-1)
def check_questions_command(paths: tuple[str, ...]) -> None:
    """Check question files (default: QUESTIONS_DIR); print each problem as path:line: message."""
    try:
        result = load_paths(paths or [current_app.config["QUESTIONS_DIR"]])
    except FileNotFoundError as error:
        raise click.ClickException(f"no such file or folder: {error.filename}") from error
    for line in report_lines(result):
        click.echo(line)
    if not result.ok:
        raise click.exceptions.Exit(1)


def init_app(app: Flask) -> None:
    """Register the commands."""
    app.cli.add_command(init_db_command)
    app.cli.add_command(questions_cli)
    app.cli.add_command(user_cli)
