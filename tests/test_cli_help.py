"""The commands' --help, and click's own words (usage, errors, prompts), in the CLI's language.

QUIZAPP_LANGUAGE=es (or LANG=es*): every help text, metavar and prompt of Quipu's commands, and
click's words, read in Spanish, from the catalog; English as before otherwise, in the same process.
"""

from __future__ import annotations

import gettext
import importlib
import os
import pkgutil
from pathlib import Path

import click
import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from click.testing import CliRunner
from flask.cli import FlaskGroup

from quizapp.cli_language import SpokenArgument, SpokenCommand, SpokenOption, speak_click
from quizapp.cli_words import WORDS

SPANISH = {"QUIZAPP_LANGUAGE": "es"}
ENGLISH = {"QUIZAPP_LANGUAGE": "", "LANG": "C.UTF-8"}
PO = Path(__file__).resolve().parent.parent / "quizapp/translations/es/LC_MESSAGES/messages.po"


def test_a_group_s_help_reads_in_spanish(runner):
    result = runner.invoke(args=["questions", "--help"], env=SPANISH)
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("Uso: ") and "questions [OPCIONES] COMANDO [ARGUMENTOS]..." in out
    assert "\nOpciones:\n" in out and "\nComandos:\n" in out
    assert "Revisa, inspecciona, exporta y hace borradores de archivos de preguntas." in out
    assert "Exporta las preguntas escritas de un banco como Moodle XML o GIFT." in out
    assert "Muestra este mensaje y termina." in out
    for english in ("Usage", "Options", "Commands", "Check question", "Export a", "Draft a",
                    "Show this"):
        assert english not in out


def test_a_command_s_help_reads_in_spanish(runner):
    result = runner.invoke(args=["questions", "export", "--help"], env=SPANISH)
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())  # as one line: the help is wrapped
    assert out.startswith("Uso: ") and "export [OPCIONES] ID_BANCO" in out
    assert "Opciones:" in out
    assert "--format [gift|xml] Moodle XML o GIFT (ambos admiten todos los tipos). " \
           "[por defecto: xml]" in out
    assert "-o, --output ARCHIVO Escribe en este archivo en vez de la salida estándar." in out
    draft = " ".join(runner.invoke(args=["questions", "draft", "--help"], env=SPANISH)
                     .output.split())
    assert "draft [OPCIONES] TEXTO" in draft
    assert "--title TEXTO El título del banco" in draft and "[obligatoria]" in draft


def test_the_help_reads_in_english_without_spanish_even_after_a_spanish_run(runner):
    runner.invoke(args=["questions", "export", "--help"], env=SPANISH)
    result = runner.invoke(args=["questions", "export", "--help"], env=ENGLISH)
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("Usage: ") and "export [OPTIONS] BANK_ID" in out
    assert "\nOptions:\n" in out
    assert "  -o, --output FILE    Write to this file instead of standard output.\n" in out
    assert "  --help               Show this message and exit.\n" in out
    assert "Moodle XML or GIFT (both hold every type).  [default:\n" in out
    assert "Muestra" not in out and "Uso" not in out


def test_quipu_s_language_rule_wins_over_the_stdlib_s(runner):
    """The stdlib would take LANG; the CLI takes QUIZAPP_LANGUAGE first, click's words too."""
    result = runner.invoke(args=["user", "rename", "--help"],
                           env={"QUIZAPP_LANGUAGE": "en", "LANG": "es_PE.UTF-8"})
    assert result.output.startswith("Usage: ") and "[OPTIONS] OLD NEW" in result.output
    result = runner.invoke(args=["user", "rename", "--help"],
                           env={"QUIZAPP_LANGUAGE": "", "LANG": "es_PE.UTF-8"})
    assert result.output.startswith("Uso: ") and "[OPCIONES] ANTERIOR NUEVO" in result.output


@pytest.mark.parametrize("args, command, error", [
    (["questions", "export"], "questions export", "Error: Falta el argumento 'ID_BANCO'."),
    (["user", "rename", "ana"], "user rename", "Error: Falta el argumento 'NUEVO'."),
    (["questions", "export", "--nope"], "questions export",
     "Error: No existe la opción '--nope'."),
    (["questions", "export", "x", "--format", "pdf"], "questions export",
     "Error: Valor no válido para '--format': 'pdf' no es ninguno de 'gift', 'xml'."),
    (["questions", "nope"], "questions", "Error: No existe el comando 'nope'."),
])
def test_a_command_line_click_cannot_take_is_refused_in_spanish(runner, args, command, error):
    result = runner.invoke(args=args, env=SPANISH)
    assert result.exit_code == 2
    assert result.output.startswith(f"Uso: quizapp {command} [OPCIONES]")
    assert f"Prueba 'quizapp {command} --help' para ver la ayuda." in result.output
    assert error in result.output


def test_the_same_mistake_is_refused_in_english_without_spanish(runner):
    result = runner.invoke(args=["questions", "export"], env=ENGLISH)
    assert result.exit_code == 2
    assert "Usage: quizapp questions export [OPTIONS] BANK_ID\n" \
           "Try 'quizapp questions export --help' for help.\n\n" \
           "Error: Missing argument 'BANK_ID'.\n" == result.output


def test_the_password_prompts_speak_spanish(app, runner):
    result = runner.invoke(args=["user", "create", "bob"], input="long enough\nanother one\n",
                           env=SPANISH)
    assert result.exit_code == 1
    assert "Contraseña: " in result.output
    assert "Repítela para confirmar: " in result.output
    assert "Error: los dos valores ingresados no coinciden." in result.output
    assert "¡Cancelado!" in result.output
    renew = runner.invoke(args=["user", "password", "bob"], input="", env=SPANISH)
    assert "Nueva contraseña: " in renew.output


def test_flask_s_own_group_still_lists_quipu_s_commands(app):
    """`flask --app quizapp --help`: Flask's group, its own help as Flask wrote it, Quipu's
    commands in the CLI's language. (Run for real, its usage and options come before the app is
    loaded, and so before click speaks Spanish: they stay English there.)"""
    flask = FlaskGroup(create_app=lambda: app)
    spanish = CliRunner().invoke(flask, ["--help"], env=SPANISH)
    assert spanish.exit_code == 0, spanish.output
    assert "Revisa, inspecciona, exporta" in spanish.output
    assert "Show the routes for the app." in spanish.output  # Flask's words: not Quipu's catalog
    english = CliRunner().invoke(flask, ["--help"], env=ENGLISH)
    assert english.exit_code == 0, english.output
    assert english.output.startswith("Usage: ")
    assert "Check, inspect, export and draft question files." in english.output


# -- every help text is in the catalog ---------------------------------------------------------

def ours(command: click.Command) -> bool:
    """A command of Quipu's (not Flask's nor Flask-Migrate's): its code is in quizapp."""
    if isinstance(command, click.Group):
        return any(ours(c) for c in command.commands.values())
    return (command.callback.__module__ or "").startswith("quizapp")


def quipu_commands(group: click.Group, path: tuple[str, ...] = ()):
    for name, command in sorted(group.commands.items()):
        if ours(command):
            yield (*path, name), command
            if isinstance(command, click.Group):
                yield from quipu_commands(command, (*path, name))


def said(command: click.Command) -> list[str]:
    """What a person reads of the command in its --help (and its prompts), as read now."""
    ctx = click.Context(command)
    texts = [command.help]
    for param in command.params:
        texts += [param.help, getattr(param, "prompt", None)]
        if not getattr(param, "is_flag", False) and not isinstance(param.type, click.Choice):
            texts.append(param.make_metavar(ctx))  # TEXT, [PATHS]...: words
    return [t for t in texts if t]


def test_every_help_text_of_quipu_s_commands_is_in_the_catalog_in_spanish(app, monkeypatch):
    with PO.open("rb") as f:
        catalog = read_po(f, locale="es")
    commands = list(quipu_commands(app.cli))
    assert {path[0] for path, _ in commands} >= {"questions", "user", "attempts", "backup"}
    for path, command in commands:
        assert isinstance(command, SpokenCommand), path
        for param in command.params:
            assert isinstance(param, SpokenOption | SpokenArgument), (path, param.name)
        monkeypatch.setenv("QUIZAPP_LANGUAGE", "en")
        english = said(command)
        monkeypatch.setenv("QUIZAPP_LANGUAGE", "es")
        spanish = said(command)
        for text, read in zip(english, spanish, strict=True):
            message = catalog.get(text)
            assert message is not None and message.string, (path, f"not in the catalog: {text}")
            assert read == message.string != text, (path, text)


# -- click's own words -------------------------------------------------------------------------

def test_the_list_holds_every_word_click_marks_for_translation():
    marked = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
            os.path.dirname(click.__file__), [("**.py", "python")],
            keywords={"_": None, "ngettext": (1, 2)}):
        marked.add(message if isinstance(message, str) else tuple(message))
    listed = {w.message if w.plural is None else (w.message, w.plural) for w in WORDS}
    assert marked <= listed, f"add to quizapp/cli_words.py: {marked - listed}"


def test_no_click_module_is_left_on_the_stdlib_s_gettext():
    speak_click()
    for found in pkgutil.iter_modules(click.__path__):
        try:
            module = importlib.import_module(f"click.{found.name}")
        except (ImportError, AssertionError):
            continue
        assert getattr(module, "_", None) is not gettext.gettext, found.name
        assert getattr(module, "ngettext", None) is not gettext.ngettext, found.name
