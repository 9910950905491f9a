"""`flask --app quizapp ...` commands."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext
from flask_migrate import upgrade

from . import backup
from .bank.export import EXPORTERS
from .bank.loader import load_paths
from .bank.summary import report_lines
from .cli_attempts import attempts_cli
from .cli_draft import draft_questions_command
from .cli_language import (
    SpokenCommand,
    SpokenGroup,
    SpokenOption,
    argument,
    option,
    speak_click,
    speaking,
)
from .i18n import _l, _n
from .services import accounts, sessions
from .services.catalog import current_catalog
from .services.errors import NotFound

questions_cli = SpokenGroup("questions",
                            help=_l("Check, inspect, export and draft question files."))
questions_cli.add_command(draft_questions_command)
user_cli = SpokenGroup("user", help=_l("Manage learners."))
ASKED_TWICE = _l(
    "Asked for twice when left out (which keeps it out of the shell's history).")
ROLES = {"student": _l("student"), "teacher": _l("teacher"), "admin": _l("admin")}  # as said


@click.command("init-db", cls=SpokenCommand, help=_l(
    "Create or upgrade the database (`flask db upgrade`, adopting a pre-migration database)."))
@with_appcontext
@speaking
def init_db_command() -> None:
    upgrade()
    click.echo(str(_l("Database ready.")))


@questions_cli.command("check", help=_l(
    "Check question files (default: QUESTIONS_DIR); print each problem as path:line: message."))
@argument("paths", nargs=-1, metavar=_l("[PATHS]..."))
def check_questions_command(paths: tuple[str, ...]) -> None:
    try:
        result = load_paths(paths or [current_app.config["QUESTIONS_DIR"]])
    except FileNotFoundError as error:
        raise click.ClickException(str(_l("no such file or folder: %(name)s",
                                          name=error.filename))) from error
    for line in report_lines(result):
        click.echo(line)
    if not result.clean:  # a problem, or a broken question an import left out
        raise click.exceptions.Exit(1)


@questions_cli.command("export", help=_l(
    "Export a bank's written questions as Moodle XML or GIFT."))
@argument("bank_id", metavar=_l("BANK_ID"))
@option("--format", "file_format", type=click.Choice(sorted(EXPORTERS)), default="xml",
        show_default=True, help=_l("Moodle XML or GIFT (both hold every type)."))
@option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), metavar=_l("FILE"),
        help=_l("Write to this file instead of standard output."))
def export_questions_command(bank_id: str, file_format: str, output: Path | None) -> None:
    catalog = current_catalog()
    bank = catalog.get(bank_id)
    if bank is None:
        known = ", ".join(sorted(catalog.banks)) or str(_l("none are loaded"))
        raise click.ClickException(str(_l("there is no bank '%(bank)s'; the banks are: %(known)s",
                                          bank=bank_id, known=known)))
    text = EXPORTERS[file_format][0](bank)
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise click.ClickException(str(_l("cannot write %(path)s: %(why)s", path=output,
                                          why=error.strerror))) from error
    click.echo(str(_n("Wrote %(num)d question of %(bank)s to %(path)s.",
                      "Wrote %(num)d questions of %(bank)s to %(path)s.", len(bank.questions),
                      bank=bank.id, path=output)))


class PasswordOption(SpokenOption):
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


@user_cli.command("create", help=_l("Create an account; the password is asked for twice."))
@argument("username", metavar=_l("USERNAME"))
@option("--teacher", is_flag=True, help=_l("A teacher, who sees their classes' results."))
@option("--admin", is_flag=True, help=_l("An admin, who sees every class, learner and quiz."))
@option("--password", cls=PasswordOption, prompt=_l("Password"), metavar=_l("TEXT"),
        hide_input=True, confirmation_prompt=True, help=ASKED_TWICE)
def create_user_command(username: str, teacher: bool, admin: bool, password: str) -> None:
    if teacher and admin:
        raise click.UsageError(str(_l(
            "Give --teacher or --admin, not both (an admin is a teacher too).")))
    role = "admin" if admin else "teacher" if teacher else "student"
    try:
        learner = accounts.register(username, password, role=role)
    except accounts.AccountError as e:
        raise click.ClickException(str(e)) from None
    click.echo(str(_l("Created %(role)s %(name)s.", role=ROLES.get(learner.role, learner.role),
                      name=learner.username)))


@user_cli.command("password", help=_l(
    "Set the password of the account USERNAME (a forgotten one, say): every session and API "
    "token of the account ends."))
@argument("username", metavar=_l("USERNAME"))
@option("--password", cls=PasswordOption, prompt=_l("New password"), metavar=_l("TEXT"),
        hide_input=True, confirmation_prompt=True, help=ASKED_TWICE)
def password_command(username: str, password: str) -> None:
    try:
        learner = sessions.reset_password(username, password)
    except (accounts.AccountError, NotFound) as e:
        raise click.ClickException(str(e)) from None
    click.echo(str(_l("Set a new password for %(name)s: its sessions and API tokens ended.",
                      name=learner.username)))


@user_cli.command("duplicates", help=_l(
    "List accounts whose usernames differ only in case or Unicode form, to be renamed."))
def duplicates_command() -> None:
    found = accounts.duplicates()
    if not found:
        click.echo(str(_l("No duplicate usernames: every account has its own name.")))
        return
    for twin in found:
        beside = (str(_l("beside %(name)r (id %(id)s)", name=twin.keyed.username,
                         id=twin.keyed.id)) if twin.keyed
                  else str(_l("(the account it shadowed was renamed)")))
        made = twin.twin.created.strftime("%Y-%m-%d")
        click.echo(str(_l("%(name)r (id %(id)s, created %(made)s, %(attempts)s attempts) "
                          "%(beside)s", name=twin.twin.username, id=twin.twin.id,
                          made=made, attempts=len(twin.twin.attempts), beside=beside)))
    click.echo(str(_n("%(num)d account to rename.", "%(num)d accounts to rename.", len(found)))
               + " " + str(_l("Until then each signs in only by its exact username. Rename one "
                              "with:\n  flask --app quizapp user rename OLD NEW\nand tell its "
                              "owner the new name (their password and attempts stay).")))


@user_cli.command("rename", help=_l(
    "Rename the account named exactly OLD to NEW (which must be free in any case or form)."))
@argument("old", metavar=_l("OLD"))
@argument("new", metavar=_l("NEW"))
def rename_user_command(old: str, new: str) -> None:
    try:
        learner = accounts.rename(old, new)
    except (accounts.AccountError, NotFound) as e:
        raise click.ClickException(str(e)) from None
    click.echo(str(_l("Renamed %(old)s to %(new)s.", old=old, new=learner.username)))


@click.command("backup", cls=SpokenCommand, help=_l(
    "Copy the live SQLite database to PATH, consistently, while it serves."))
@argument("path", type=click.Path(dir_okay=False, path_type=Path), metavar=_l("PATH"))
@with_appcontext
@speaking
def backup_command(path: Path) -> None:
    try:
        counts = backup.backup(current_app.config["SQLALCHEMY_DATABASE_URI"], path)
    except backup.BackupError as e:
        raise click.ClickException(str(e)) from None
    click.echo(str(_l("Backed up %(what)s to %(path)s.", what=backup.describe(counts),
                          path=path)))


@click.command("restore", cls=SpokenCommand, help=_l(
    "Replace the SQLite database with the backup at PATH (after checking it)."))
@argument("path", type=click.Path(dir_okay=False, path_type=Path), metavar=_l("PATH"))
@option("--yes", is_flag=True, help=_l("Do not ask before replacing the database."))
@with_appcontext
@speaking
def restore_command(path: Path, yes: bool) -> None:
    url = current_app.config["SQLALCHEMY_DATABASE_URI"]
    try:
        counts = backup.check(path)
        target = backup.sqlite_path(url)
        if not yes:
            click.confirm(str(_l("Replace %(target)s with %(path)s (%(what)s)? Anything "
                                 "written since that backup is lost", target=target, path=path,
                                 what=backup.describe(counts))), abort=True)
        counts, kept = backup.restore(url, path)
    except backup.BackupError as e:
        raise click.ClickException(str(e)) from None
    if kept:
        click.echo(str(_l("The database it replaced is kept at %(path)s.", path=kept)))
    click.echo(str(_l("Restored %(what)s from %(path)s.", what=backup.describe(counts),
                      path=path)))


def init_app(app: Flask) -> None:
    """Register the commands, and have click speak the CLI's language (cli_language)."""
    speak_click()
    app.cli.add_command(init_db_command)
    app.cli.add_command(backup_command)
    app.cli.add_command(restore_command)
    app.cli.add_command(questions_cli)
    app.cli.add_command(user_cli)
    app.cli.add_command(attempts_cli)
