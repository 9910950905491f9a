"""`flask --app quizapp ...` commands."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext
from flask_migrate import upgrade

from . import backup
from .bank.export import EXPORTERS
from .bank.loader import load_paths
from .bank.summary import report_lines
from .cli_attempts import attempts_cli
from .cli_draft import draft_questions_command
from .services import accounts, sessions
from .services.catalog import current_catalog
from .services.errors import NotFound

questions_cli = AppGroup("questions", help="Check, inspect, export and draft question files.")
questions_cli.add_command(draft_questions_command)
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
    if not result.clean:  # a problem, or a broken question an import left out
        raise click.exceptions.Exit(1)


@questions_cli.command("export")
@click.argument("bank_id")
@click.option("--format", "file_format", type=click.Choice(sorted(EXPORTERS)), default="xml",
              show_default=True, help="Moodle XML or GIFT (both hold every type).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")
def export_questions_command(bank_id: str, file_format: str, output: Path | None) -> None:
    """Export a bank's written questions as Moodle XML or GIFT."""
    catalog = current_catalog()
    bank = catalog.get(bank_id)
    if bank is None:
        known = ", ".join(sorted(catalog.banks)) or "none are loaded"
        raise click.ClickException(f"there is no bank '{bank_id}'; the banks are: {known}")
    text = EXPORTERS[file_format][0](bank)
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise click.ClickException(f"cannot write {output}: {error.strerror}") from error
    count = len(bank.questions)
    click.echo(f"Wrote {count} question{'s' if count != 1 else ''} of {bank.id} to {output}.")


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
@click.option("--teacher", is_flag=True, help="A teacher, who sees their classes' results.")
@click.option("--admin", is_flag=True, help="An admin, who sees every class, learner and quiz.")
@click.option(
    "--password", cls=PasswordOption, prompt=True, hide_input=True, confirmation_prompt=True,
    help="Asked for twice when left out (which keeps it out of the shell's history).",
)
def create_user_command(username: str, teacher: bool, admin: bool, password: str) -> None:
    """Create an account; the password is asked for twice."""
    if teacher and admin:
        raise click.UsageError("Give --teacher or --admin, not both (an admin is a teacher too).")
    role = "admin" if admin else "teacher" if teacher else "student"
    try:
        learner = accounts.register(username, password, role=role)
    except accounts.AccountError as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"Created {learner.role} {learner.username}.")


@user_cli.command("password")
@click.argument("username")
@click.option(
    "--password", cls=PasswordOption, prompt="New password", hide_input=True,
    confirmation_prompt=True,
    help="Asked for twice when left out (which keeps it out of the shell's history).",
)
def password_command(username: str, password: str) -> None:
    """Set the password of the account USERNAME (a forgotten one, say): every session and API
    token of the account ends."""
    try:
        learner = sessions.reset_password(username, password)
    except (accounts.AccountError, NotFound) as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"Set a new password for {learner.username}: its sessions and API tokens ended.")


@user_cli.command("duplicates")
def duplicates_command() -> None:
    """List accounts whose usernames differ only in case or Unicode form, to be renamed."""
    found = accounts.duplicates()
    if not found:
        click.echo("No duplicate usernames: every account has its own name.")
        return
    for twin in found:
        beside = (f"beside {twin.keyed.username!r} (id {twin.keyed.id})" if twin.keyed
                  else "(the account it shadowed was renamed)")
        made = twin.twin.created
        click.echo(f"{twin.twin.username!r} (id {twin.twin.id}, created {made:%Y-%m-%d}, "
                   f"{len(twin.twin.attempts)} attempts) {beside}")
    click.echo(f"{len(found)} account{'s' if len(found) != 1 else ''} to rename. Until then each "
               "signs in only by its exact username. Rename one with:\n"
               "  flask --app quizapp user rename OLD NEW\n"
               "and tell its owner the new name (their password and attempts stay).")


@user_cli.command("rename")
@click.argument("old")
@click.argument("new")
def rename_user_command(old: str, new: str) -> None:
    """Rename the account named exactly OLD to NEW (which must be free in any case or form)."""
    try:
        learner = accounts.rename(old, new)
    except (accounts.AccountError, NotFound) as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"Renamed {old} to {learner.username}.")


@click.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@with_appcontext
def backup_command(path: Path) -> None:
    """Copy the live SQLite database to PATH, consistently, while it serves."""
    try:
        counts = backup.backup(current_app.config["SQLALCHEMY_DATABASE_URI"], path)
    except backup.BackupError as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"Backed up {backup.describe(counts)} to {path}.")


@click.command("restore")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask before replacing the database.")
@with_appcontext
def restore_command(path: Path, yes: bool) -> None:
    """Replace the SQLite database with the backup at PATH (after checking it)."""
    url = current_app.config["SQLALCHEMY_DATABASE_URI"]
    try:
        counts = backup.check(path)
        target = backup.sqlite_path(url)
        if not yes:
            click.confirm(f"Replace {target} with {path} ({backup.describe(counts)})? Anything "
                          "written since that backup is lost", abort=True)
        counts, kept = backup.restore(url, path)
    except backup.BackupError as e:
        raise click.ClickException(str(e)) from None
    if kept:
        click.echo(f"The database it replaced is kept at {kept}.")
    click.echo(f"Restored {backup.describe(counts)} from {path}.")


def init_app(app: Flask) -> None:
    """Register the commands."""
    app.cli.add_command(init_db_command)
    app.cli.add_command(backup_command)
    app.cli.add_command(restore_command)
    app.cli.add_command(questions_cli)
    app.cli.add_command(user_cli)
    app.cli.add_command(attempts_cli)
