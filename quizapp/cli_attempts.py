"""`flask --app quizapp attempts ...`: attempts, for whoever runs the school's server."""

from __future__ import annotations

import click

from . import clock
from .cli_language import SpokenGroup
from .i18n import _l, _n
from .services.handin import close_overdue

attempts_cli = SpokenGroup("attempts", help=_l("Manage attempts."))


@attempts_cli.command("close-overdue", help=_l(
    "Hand in every attempt past its deadline, with the answers it saved; say how many.\n\n"
    "Reading an overdue attempt does this too; run it from cron to settle them all at once."))
def close_overdue_command() -> None:
    closed = close_overdue(clock.now())
    click.echo(str(_n("Closed %(num)d overdue attempt.", "Closed %(num)d overdue attempts.",
                      closed)))
