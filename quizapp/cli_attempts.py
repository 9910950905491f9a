"""`flask --app quizapp attempts ...`: attempts, for whoever runs the school's server."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from . import clock
from .services.handin import close_overdue

attempts_cli = AppGroup("attempts", help="Manage attempts.")


@attempts_cli.command("close-overdue")
def close_overdue_command() -> None:
    """Hand in every attempt past its deadline, with the answers it saved; say how many.

    Reading an overdue attempt does this too; run it from cron to settle them all at once.
    """
    closed = close_overdue(clock.now())
    click.echo(f"Closed {closed} overdue attempt{'' if closed == 1 else 's'}.")
