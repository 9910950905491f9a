"""`flask --app quizapp ...` commands."""

from __future__ import annotations

import sys

import click
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext
from flask_migrate import upgrade

from . import accounts
from .bank.loader import load_paths
from .bank.summary import report_lines

questions_cli = AppGroup("questions", help="Check and inspect question files.")
user_cli = AppGroup("user", help="Manage learners.")


@click.command("init-db")
@with_appcontext
def init_db_command() -> None:
    """Create or upgrade the database (`flask db upgrade`, adopting a pre-migration database)."""
    upgrade()
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


class PasswordOption(click.Option):
    """A hidden, confirmed password prompt that also reads a password piped to standard input."""

    def prompt_for_value(self, ctx: click.Context):
        """Prompt as usual; from a pipe, read the lines without hiding them (nothing shows them).

        Hidden input goes through getpass, which reads the terminal rather than the pipe whenever
        there is one: `printf 'pw\\npw\\n' | flask ...` would ignore the pipe and wait for typing.
        """
        hide, self.hide_input = self.hide_input, self.hide_input and sys.stdin.isatty()
        try:
            return super().prompt_for_value(ctx)
        finally:
            self.hide_input = hide


@user_cli.command("create")
@click.argument("username")
@click.option("--teacher", is_flag=True, help="A teacher, who sees the class's results.")
@click.option(
    "--password", cls=PasswordOption, prompt=True, hide_input=True, confirmation_prompt=True,
    help="Asked for twice when left out (which keeps it out of the shell's history).",
)
def create_user_command(username: str, teacher: bool, password: str) -> None:
    """Create an account; the password is asked for twice."""
    try:
        learner = accounts.register(username, password, role="teacher" if teacher else "student")
    except accounts.AccountError as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"Created {learner.role} {learner.username}.")


def init_app(app: Flask) -> None:
    """Register the commands."""
    app.cli.add_command(init_db_command)
    app.cli.add_command(questions_cli)
    app.cli.add_command(user_cli)
