"""`flask --app quizapp questions draft TEXT -o BANK.yaml`: a draft bank from a text file."""

from __future__ import annotations

from pathlib import Path

import click

from .bank.draft import NothingToDraft, draft_bank
from .bank.draft_text import slug
from .bank.text_input import NotText, read_text


@click.command("draft")
@click.argument("text", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The bank file to write (.yaml); the text is written beside it.")
@click.option("--title", help="The bank's title (default: made from the output's name).")
@click.option("--force", is_flag=True, help="Overwrite the bank file and its text if they exist.")
def draft_questions_command(text: Path, output: Path, title: str | None, force: bool) -> None:
    """Draft a bank from a text (.txt, .md or .html): a fact a sentence, with the dates, periods
    and people's terms the text gives, each citing its sentence; the text is copied beside it."""
    if output.suffix.lower() not in (".yaml", ".yml"):
        raise click.ClickException(f"{output}: the bank file's name must end in .yaml")
    bank_id = slug(output.stem, 12)[:80].strip("-")
    if not bank_id:
        raise click.ClickException(f"{output}: the name needs a letter or a digit")
    source = output.with_name(f"{bank_id}{'.md' if text.suffix.lower() == '.md' else '.txt'}")
    there = [str(p) for p in (output, source) if p.exists()]
    if there and not force:
        raise click.ClickException(f"{' and '.join(there)} already exist"
                                   f"{'s' if len(there) == 1 else ''}; nothing was written "
                                   "(use --force to overwrite)")
    try:
        data = text.read_bytes()
    except OSError as error:
        raise click.ClickException(f"cannot read {text}: {error.strerror}") from error
    try:
        draft = draft_bank(read_text(data, text.name), source.name, bank_id,
                           title or output.stem.replace("-", " ").replace("_", " ").capitalize())
    except (NotText, NothingToDraft) as error:
        raise click.ClickException(str(error)) from error
    try:
        source.write_text(draft.source_text, encoding="utf-8")
        output.write_text(draft.yaml, encoding="utf-8")
    except OSError as error:
        raise click.ClickException(f"cannot write {error.filename}: {error.strerror}") from error
    count = len(draft.people)
    people = f", {count} {'person' if count == 1 else 'people'} with their terms" if count else ""
    click.echo(f"Drafted {len(draft.facts)} facts ({draft.dated} dated{people}) from {text} "
               f"into {output}; its text is in {source}.")
    for note in draft.notes:
        click.echo(f"- {note}")
