"""Moodle XML files (`*.xml`): multichoice, truefalse and ordering questions; others skipped.

A `<question type="category">` names a category; every other `<question>` has a `<name>`, a
`<questiontext>`, an optional `<generalfeedback>` (the explanation), `<answer fraction="...">`
elements with their own `<feedback>`, and `<tags>`. Text may be HTML (often in CDATA): Quipu
shows everything as text, so tags are stripped and entities read.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from .imports import Draft, Import
from .media import alt_texts, missing_media, read_image
from .model import Image, ParseResult
from .moodle_ordering import GRADING, MOODLE_DEFAULT_GRADING, grading_of, known_gradings
from .said import Said, _m
from .xml_reading import XmlProblem, html_to_text, read_xml
from .yaml_nodes import closest

SKIPPED = {
    "essay": _m("an essay question"),
    "numerical": _m("a numerical question"),
    "matching": _m("a matching question"),
    "shortanswer": _m("a short-answer question"),
    "description": _m("a description (text with no answers)"),
    "cloze": _m("a cloze (embedded answers) question"),
    "calculated": _m("a calculated question"),
}
PLAIN_FORMATS = ("plain_text", "markdown")
Lines = dict[ET.Element, int]


@dataclass(frozen=True)
class Answer:
    """One `<answer>`: its text, fraction (None when not a number), feedback and line."""

    text: str
    fraction: float | None
    feedback: str
    line: int


def parse_moodle_xml(text: str, path: str) -> ParseResult:
    """The bank a Moodle XML text holds, or None; its problems; and the questions it skipped."""
    found = Import(path, ".xml")
    try:
        root, lines = read_xml(text)
    except XmlProblem as problem:
        found.problem(problem.line, problem.message)
        return found.finish()
    if root.tag == "question":  # one question without <quiz>, as Moodle's own tests keep them
        _read_element(found, root, lines)
        return found.finish()
    if root.tag != "quiz":
        found.problem(lines[root], _m("the top element is <%(tag)s>; a Moodle XML file holds "
                                      "its questions in <quiz>", tag=root.tag))
        return found.finish()
    for element in root:
        _read_element(found, element, lines)
    return found.finish()


def _read_element(found: Import, element: ET.Element, lines: Lines) -> None:
    line = lines[element]
    qtype = element.get("type", "").strip()
    found.between()
    if element.tag != "question" or not qtype:
        found.orphan()  # something where a question goes: left out, the numbers kept
        found.problem(line, _m("<%(tag)s> is not a <question type=\"...\">; <quiz> holds "
                               "questions only", tag=element.tag))
        return
    if qtype == "category":
        found.add_category(_text(element.find("category")))
        return
    moodle_name = _name(element.find("name"))
    name = (element.findtext("idnumber") or "").strip() or moodle_name
    number = found.next_number(name)
    read = READERS.get(qtype)
    if read is None:
        kind = SKIPPED[qtype] if qtype in SKIPPED else _m("a '%(type)s' question", type=qtype)
        found.skip(line, number, name, kind)
        return
    answers = _answers(found, element, lines)
    # Each type's reader below settles the type and key, and may reorder the options.
    draft = Draft(number=number, line=line, type="choice",
                  prompt=_rich(element.find("questiontext")),
                  options=tuple(a.text for a in answers), key=(),
                  option_lines=tuple(a.line for a in answers), name=name,
                  moodle_name=moodle_name, explanation=_rich(element.find("generalfeedback")),
                  feedback=tuple(a.feedback for a in answers), tags=found.tags(_tags(element)),
                  **_media(element))
    typed = read(found, element, lines, draft, answers)
    if typed is not None and not found.is_broken(number):
        found.drafts.append(typed)


def _media(element: ET.Element) -> dict[str, Any]:
    """The pictures its text shows that are kept (base64 `<file>`s of its `<questiontext>`), and
    what its texts point at that is not kept, for a note."""
    question_text = element.find("questiontext")
    alts = alt_texts(question_text.findtext("text") or "") if question_text is not None else {}
    images: list[Image] = []
    why: dict[str, Said] = {}
    for file in question_text.findall("file") if question_text is not None else []:
        name = (file.get("name") or "").strip()
        if name not in alts or any(i.name == name for i in images):
            continue  # a file its text never shows
        read = read_image(name, file.text or "", alts[name])
        if isinstance(read, Image):
            images.append(read)
        else:
            why[name] = read
    texts = [t.text or "" for t in element.iter("text")]
    return {"images": tuple(images),
            "missing": missing_media(*texts, kept=frozenset(i.name for i in images), why=why)}


def _name(element: ET.Element | None) -> str:
    """A question's name as plain text: Moodle's names may hold markup (`<b>`, `&amp;`)."""
    return " ".join(html_to_text(_text(element)).split())


def _text(element: ET.Element | None) -> str:
    """The plain `<text>` of an element (a name, a category), trimmed."""
    if element is None:
        return ""
    return (element.findtext("text") or "").strip()


def _rich(element: ET.Element | None) -> str:
    """The `<text>` of an element in the element's format, as plain text."""
    if element is None:
        return ""
    raw = element.findtext("text") or ""
    if element.get("format", "html") in PLAIN_FORMATS:
        return raw.strip()
    return html_to_text(raw)


def _tags(element: ET.Element) -> tuple[str, ...]:
    texts = (_text(tag) for tag in element.findall("tags/tag"))
    return tuple(t for t in texts if t)


def _answers(found: Import, element: ET.Element, lines: Lines) -> list[Answer]:
    answers = []
    for answer in element.findall("answer"):
        raw = answer.get("fraction", "0").strip()
        try:
            fraction: float | None = float(raw)
        except ValueError:
            fraction = None
        if fraction is None or not math.isfinite(fraction):
            found.problem(lines[answer], _m("fraction \"%(raw)s\" is not a number; Moodle "
                                            "gives each answer's worth in percent, like "
                                            "fraction=\"100\"", raw=raw))
            fraction = None
        answers.append(Answer(_rich(answer), fraction, _rich(answer.find("feedback")),
                              lines[answer]))
    return answers


def _multichoice(found: Import, element: ET.Element, lines: Lines, draft: Draft,
                 answers: list[Answer]) -> Draft:
    """One answer worth 100% (a choice), or `<single>false</single>`: those worth more than 0."""
    single = (element.findtext("single") or "true").strip().lower() not in ("false", "0")
    weights = tuple(a.fraction or 0.0 for a in answers)
    if single:
        key = [a.text for a in answers if a.fraction is not None and a.fraction >= 100]
        return replace(draft, type="choice", key=tuple(key), weights=weights)
    key = [a.text for a in answers if a.fraction is not None and a.fraction > 0]
    return replace(draft, type="multiple", key=tuple(key), weights=weights)


def _truefalse(found: Import, element: ET.Element, lines: Lines, draft: Draft,
               answers: list[Answer]) -> Draft | None:
    """Answers `true` and `false`, the right one worth 100%: a choice of True and False."""
    by_text = {a.text.strip().lower(): a for a in answers}
    if sorted(by_text) != ["false", "true"] or len(answers) != 2:
        found.problem(draft.line, _m("a truefalse question has two answers, true and false"))
        return None
    right = [name for name, a in by_text.items() if a.fraction is not None and a.fraction >= 100]
    line = by_text["true"].line, by_text["false"].line
    return replace(draft, options=("True", "False"), option_lines=line,
                 key=tuple(n.capitalize() for n in right),
                 feedback=(by_text["true"].feedback, by_text["false"].feedback))


def _ordering(found: Import, element: ET.Element, lines: Lines, draft: Draft,
              answers: list[Answer]) -> Draft:
    """The items in the right order: Moodle stores that order as the answers' fractions."""
    by_fraction = [(a.fraction, a) for a in answers if a.fraction is not None]
    if len(by_fraction) == len(answers):
        answers = [a for _, a in sorted(by_fraction, key=lambda pair: pair[0])]
    grading_element = element.find("gradingtype")
    name = (grading_element.text or "").strip().upper() if grading_element is not None else ""
    grading = grading_of(name) or MOODLE_DEFAULT_GRADING
    if grading_element is not None and name and grading_of(name) is None:
        found.problem(lines[grading_element], _m(
            "gradingtype %(name)s is not a Moodle grading type%(hint)s; use one of %(names)s",
            name=name, hint=closest(name, known_gradings()), names=", ".join(GRADING)))
    items = tuple(a.text for a in answers)
    return replace(draft, type="ordering", options=items, key=items, grading=grading,
                 option_lines=tuple(a.line for a in answers),
                 feedback=tuple(a.feedback for a in answers))


Reader = Callable[[Import, ET.Element, Lines, Draft, list[Answer]], Draft | None]
READERS: dict[str, Reader] = {
    "multichoice": _multichoice,
    "truefalse": _truefalse,
    "ordering": _ordering,
}
