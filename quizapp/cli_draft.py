"""`flask --app quizapp questions draft TEXT -o BANK.yaml`: a draft bank from a text file."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import with_appcontext

from .bank.draft import NothingToDraft, draft_bank
from .bank.draft_text import slug
from .bank.text_input import NotText, read_text
from .cli_language import SpokenCommand, argument, option, speaking
from .i18n import _l, _n


@click.command("draft", cls=SpokenCommand, help=_l(
    "Draft a bank from a text (.txt, .md or .html): a fact a sentence, with the dates, periods "
    "and people's terms the text gives, each citing its sentence; the text is copied beside it."))
@argument("text", type=click.Path(dir_okay=False, path_type=Path), metavar=_l("TEXT"))
@option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
        metavar=_l("FILE"),
        help=_l("The bank file to write (.yaml); the text is written beside it."))
@option("--title", metavar=_l("TEXT"),
        help=_l("The bank's title (default: made from the output's name)."))
@option("--force", is_flag=True, help=_l("Overwrite the bank file and its text if they exist."))
@with_appcontext
@speaking
def draft_questions_command(text: Path, output: Path, title: str | None, force: bool) -> None:
    if output.suffix.lower() not in (".yaml", ".yml"):
        raise click.ClickException(str(_l("%(path)s: the bank file's name must end in .yaml",
                                          path=output)))
    bank_id = slug(output.stem, 12)[:80].strip("-")
    if not bank_id:
        raise click.ClickException(str(_l("%(path)s: the name needs a letter or a digit",
                                          path=output)))
    source = output.with_name(f"{bank_id}{'.md' if text.suffix.lower() == '.md' else '.txt'}")
    there = [str(p) for p in (output, source) if p.exists()]
    if there and not force:
        paths = str(_l(" and ")).join(there)
        raise click.ClickException(str(_n(
            "%(paths)s already exists; nothing was written (use --force to overwrite)",
            "%(paths)s already exist; nothing was written (use --force to overwrite)",
            len(there), paths=paths)))
    try:
        data = text.read_bytes()
    except OSError as error:
        raise click.ClickException(str(_l("cannot read %(path)s: %(why)s", path=text,
                                          why=error.strerror))) from error
    try:
        draft = draft_bank(read_text(data, text.name), source.name, bank_id,
                           title or output.stem.replace("-", " ").replace("_", " ").capitalize())
    except (NotText, NothingToDraft) as error:
        raise click.ClickException(str(error)) from error
    try:
        source.write_text(draft.source_text, encoding="utf-8")
        output.write_text(draft.yaml, encoding="utf-8")
    except OSError as error:
        raise click.ClickException(str(_l("cannot write %(path)s: %(why)s", path=error.filename,
                                          why=error.strerror))) from error
    count = len(draft.people)
    people = ", " + str(_n("%(num)d person with their terms", "%(num)d people with their terms",
                           count)) if count else ""
    click.echo(str(_l("Drafted %(facts)s facts (%(dated)s dated%(people)s) from %(text)s into "
                      "%(output)s; its text is in %(source)s.", facts=len(draft.facts),
                      dated=draft.dated, people=people, text=text, output=output,
                      source=source)))
    for note in draft.notes:
        click.echo(f"- {note}")
