"""Every problem, skipped question and note the importers (GIFT, Aiken, Moodle XML) report reads in
Spanish once a Spanish translator is installed: each is a message (bank/said.py), and it and every
message among its values are in the Spanish catalog. Checked on the test data files, on files made
to reach each report, and on the fuzz cases of the importers' own tests."""

from __future__ import annotations

import ast
import base64
from collections.abc import Callable
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.bank import said
from quizapp.bank.aiken import parse_aiken
from quizapp.bank.gift import parse_gift
from quizapp.bank.media import MAX_IMAGE
from quizapp.bank.model import ParseResult
from quizapp.bank.moodle_xml import parse_moodle_xml
from quizapp.bank.said import Said
from tests.bank.fuzzing import mutated
from tests.bank.test_problems_spanish import parts, spanish

ROOT = Path(__file__).resolve().parents[2]
IMPORTS = ROOT / "tests" / "data" / "import"
SPANISH_PO = ROOT / "quizapp" / "translations" / "es" / "LC_MESSAGES" / "messages.po"
with SPANISH_PO.open("rb") as po:
    CATALOG = read_po(po, locale="es")

PARSERS: dict[str, Callable[[str, str], ParseResult]] = {
    ".gift": parse_gift, ".aiken.txt": parse_aiken, ".xml": parse_moodle_xml}


def parse(text: str, path: str) -> ParseResult:
    suffix = next(s for s in PARSERS if path.endswith(s))
    return PARSERS[suffix](text, path)


def not_in_spanish(result: ParseResult) -> list[str]:
    """Each report that reads in English with the Spanish translator installed, or holds a
    message the Spanish catalog lacks."""
    wrong = []
    for report in [*result.problems, *result.skipped, *result.notes]:
        message = report.message
        if not isinstance(message, Said) or str(message) == message.english():
            wrong.append(str(report))
            continue
        for part in parts(message):
            entry = CATALOG.get(part.message)
            strings = entry.string if entry is not None else ""
            if not all(strings if isinstance(strings, tuple) else (strings,)):
                wrong.append(f"{report.path}:{report.line}: not in the catalog: {part.message!r}")
    return wrong


def reports(result: ParseResult) -> int:
    return len(result.problems) + len(result.skipped) + len(result.notes)


DATA_FILES = sorted(p for p in IMPORTS.rglob("*") if p.is_file() and p.name != "README.md")


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(IMPORTS)))
def test_each_report_on_the_test_data_files_reads_in_spanish(path):
    result = parse(path.read_text("utf-8"), path.name)
    with spanish():
        assert not_in_spanish(result) == []


PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\0" * 16).decode()
BIG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\0" * MAX_IMAGE).decode()


ANSWERS = '<answer fraction="100"><text>a</text></answer><answer fraction="0"><text>b</text></answer>'


def question(qtype: str, body: str = "", text: str = "Q?", answers: str = "") -> str:
    return (f'<question type="{qtype}"><name><text>n</text></name>'
            f"<questiontext><text>{text}</text>{body}</questiontext>{answers}</question>")


def picture(name: str, data: str) -> str:
    return question("multichoice", f'<file name="{name}" encoding="base64">{data}</file>',
                    f'&lt;img src="@@PLUGINFILE@@/{name}"&gt;Q?', ANSWERS)
# Files that reach each report the importers make (what the fuzz cases may not reach).
MADE = {
    "unclosed.gift": "::a::Q?{=x ~y",
    "unnamed.gift": "::a Q?{=x ~y}",
    "stray.gift": "::a::Q} ?{=x ~y}",
    "two-sets.gift": "::a::Q?{=x ~y}{=z ~w}",
    "lead.gift": "::a::Q?{ lead =x ~y}",
    "skipped.gift": "::e::Q?{}\n\nJust a text.\n\n::n::Q?{#3}\n\n::m::Q?{=a -> b =c -> d}\n\n"
                    "::s::Q?{=Lima}\n\n::k::Q?{=x ~y}",
    "no-text.gift": "::a::{=x ~y}\n\n::b::Q?{=x ~}\n\n::c::Q?{>2 ALL\n\\=\n}\n\n::k::Q?{=x ~y}",
    "only-skipped.gift": "::e::Q?{}",
    "empty.gift": "",
    "—.gift": "::k::Q?{=x ~y}",
    "media.gift": ('::p::[html]<img src="@@PLUGINFILE@@/m.png"><video src="v.mp4"></video>'
                   '<iframe src="p.html"></iframe><object data="o.swf"></object>'
                   '<embed src="e.swf"><a href="@@PLUGINFILE@@/f.pdf">f</a><svg></svg>'
                   "<audio><source src='s.mp3'></audio>Q?{=x ~y}\n\n"
                   "::f::Q? @@PLUGINFILE@@/notes.pdf {=x ~y}"),
    "orphans.aiken.txt": "A. x\nANSWER: A\n\nANSWER: B",
    "letters.aiken.txt": "Q?\nB. x\nC. y\nANSWER: B",
    "no-answer.aiken.txt": "Q?\nA. x\nB. y\n\nQ2?",
    "no-letter.aiken.txt": "Q?\nA. x\nB. y\nANSWER:\n\nR?\nA. x\nANSWER: C",
    "top.xml": "<notquiz/>",
    "not-a-question.xml": "<quiz><foo/></quiz>",
    "types.xml": "<quiz>" + "".join(question(t) for t in (
        "cloze", "calculated", "description", "essay", "numerical", "matching", "shortanswer",
        "dragdrop")) + "</quiz>",
    "fractions.xml": ('<quiz><question type="multichoice"><questiontext><text>Q?</text>'
                      '</questiontext><answer fraction="x"><text>a</text></answer>'
                      "</question></quiz>"),
    "truefalse.xml": f'<quiz><question type="truefalse">{ANSWERS}</question></quiz>',
    "empty-item.xml": "<quiz>" + question("ordering", answers=ANSWERS + "<answer><text/></answer>")
                      + "</quiz>",
    "grading.xml": ('<quiz><question type="ordering"><questiontext><text>Q?</text></questiontext>'
                    f"{ANSWERS}<gradingtype>ABSOLUTE_POSITON</gradingtype></question></quiz>"),
    "pictures.xml": "<quiz>" + picture("a.png", "!!!") + picture("b.png", "AAAA")
                    + picture("c.png", BIG) + picture("d.png", PNG) + "</quiz>",
    "doctype.xml": '<!DOCTYPE quiz [<!ENTITY a "b">]><quiz/>',
    "unicode.xml": "<quiz>\ud800</quiz>",
    "mismatch.xml": "<quiz><a></quiz>",
    "no-element.xml": "<quiz>",
    "unclosed.xml": "<quiz",
    "entity.xml": "<quiz>&nope;</quiz>",
    "attribute.xml": "<quiz a='1' a='2'/>",
    "junk.xml": "<quiz/><quiz/>",
    "token.xml": "<quiz><</quiz>",
    "prefix.xml": "<x:quiz/>",
    "cdata.xml": "<quiz><![CDATA[x</quiz>",
    "charref.xml": "<quiz>&#0;</quiz>",
    "declaration.xml": "<quiz><?xml version='1.0'?></quiz>",
    "bad-declaration.xml": "<?xml version='1.0' foo?><quiz/>",
}


@pytest.mark.parametrize("name", sorted(MADE))
def test_each_report_on_files_made_to_reach_it_reads_in_spanish(name):
    result = parse(MADE[name], name)
    assert reports(result), "the file should reach a report"
    with spanish():
        assert not_in_spanish(result) == []


IMPORTERS = ("imports", "gift", "gift_answers", "aiken", "moodle_xml", "xml_reading", "media")


def test_the_files_reach_every_message_the_importers_have():
    """So that the tests above check them all: a new message needs a file that reaches it."""
    written = {node.args[0].value
               for name in IMPORTERS
               for node in ast.walk(ast.parse((ROOT / "quizapp" / "bank" / f"{name}.py").read_text()))
               if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("_m", "_mn")}
    results = ([parse(text, name) for name, text in MADE.items()]
               + [parse(path.read_text("utf-8"), path.name) for path in DATA_FILES])
    reached = {part.message for result in results
               for report in [*result.problems, *result.skipped, *result.notes]
               if isinstance(report.message, Said) for part in parts(report.message)}
    assert sorted(written - reached) == []


def test_the_translator_is_put_back():
    with spanish():
        assert str(said._m("a picture")) == "una imagen"
    assert str(said._m("a picture")) == "a picture"


FUZZ = settings(max_examples=60, deadline=None)
GIFT = (IMPORTS / "peru-history.gift").read_text("utf-8")
ORDERING = (IMPORTS / "moodle" / "ordering.gift").read_text("utf-8")
AIKEN = (IMPORTS / "peru-basics.aiken.txt").read_text("utf-8")
MOODLE = (IMPORTS / "peru-moodle.xml").read_text("utf-8")
EXPORT = (IMPORTS / "moodle" / "course-export.xml").read_text("utf-8")
PICTURES = (IMPORTS / "moodle" / "pictures.xml").read_text("utf-8")


def check_fuzzed(text: str, path: str) -> None:
    result = parse(text, path)
    with spanish():
        assert not_in_spanish(result) == []


@FUZZ
@given(st.one_of(st.text(), st.text(alphabet="{}=~#:%\\/ \nabT-", max_size=60),
                 st.text(alphabet="{}>=~#\n 3ALRELSHOW[html]<p>ab", max_size=60),
                 mutated(GIFT, "{}=~#:\n%\\/[]$"), mutated(ORDERING, "{}>=~#:\n%0123ALRSVH[]")))
def test_each_report_on_the_gift_fuzz_cases_reads_in_spanish(text):
    check_fuzzed(text, "q.gift")


@FUZZ
@given(st.one_of(st.text(), mutated(AIKEN, "ABCDE.):\n ANSWER"),
                 mutated((IMPORTS / "tight-options.aiken.txt").read_text("utf-8"),
                         "ABCDE.):\n ANSWERU")))
def test_each_report_on_the_aiken_fuzz_cases_reads_in_spanish(text):
    check_fuzzed(text, "q.aiken.txt")


@FUZZ
@given(st.one_of(st.text(), mutated(MOODLE, "<>/=\"&;![]\n"),
                 mutated(EXPORT, "<>/=\"&;![]\n-1"), mutated(PICTURES, "<>/=\"&;![]\nA+"),
                 st.text(alphabet="<>/=\"qustinofaxmlr ", max_size=50).map(
                     lambda text: "<question" + text)))
def test_each_report_on_the_moodle_xml_fuzz_cases_reads_in_spanish(text):
    check_fuzzed(text, "q.xml")
