"""A bank written as Moodle XML or as GIFT, for Moodle and for Quipu's own importers to read back.

Every text is written as plain text (Moodle's `plain_text` format, GIFT's `[plain]` where it looks
like HTML), so what Quipu shows as text Moodle shows as text too. Facts a question tests become
tags `fact:<id>`. A question keeps the name it was imported with (else its id is its name), its id
is Moodle's idnumber, the weights it was imported with are written back as they were, and a choice
of True and False is a true/false question again; ordering questions are written in both formats.
"""

from __future__ import annotations

import base64
import html
import re
from urllib.parse import quote

from .gift_answers import WEIGHT
from .gift_text import escape, written
from .model import Bank, Question
from .moodle_ordering import MOODLE_GRADING

FACT_TAG = "fact:"
# Characters XML 1.0 cannot hold at all, even escaped; Quipu's texts never should have them.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def tags_of(question: Question) -> list[str]:
    """A question's tags, then one `fact:<id>` tag for each fact it tests."""
    return [*question.tags, *(FACT_TAG + fact for fact in question.facts)]


def percent(value: float) -> str:
    """A worth in percent as Moodle writes it: 100, -50, 33.33333."""
    return f"{value:.5f}".rstrip("0").rstrip(".")


def is_true_false(question: Question) -> bool:
    """A choice of True and False (in that order): Moodle's true/false question."""
    return question.type == "choice" and question.options == ("True", "False")


def weights(question: Question) -> list[str]:
    """Each option's worth in percent, as Moodle writes it (a multiple's wrong picks cost): the
    worths it was imported with, else Quipu's own grading put in Moodle's terms."""
    if question.weights and len(question.weights) == len(question.options):
        return [percent(w) for w in question.weights]
    if question.type == "choice":
        return ["100" if option in question.key else "0" for option in question.options]
    # Quipu scores (right - wrong) / answers: in Moodle, each right pick gives 1/k, each wrong
    # one takes 1/k away, and the total is kept within 0..100%.
    share = percent(100 / len(question.key))
    return [share if option in question.key else f"-{share}" for option in question.options]


def _x(text: str) -> str:
    """Text as XML character data (a carriage return kept as a reference, or XML drops it)."""
    text = NOT_XML.sub("", text)
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\r", "&#13;"))


def _text_block(tag: str, text: str, indent: str = "    ") -> list[str]:
    return [f'{indent}<{tag} format="plain_text">', f"{indent}  <text>{_x(text)}</text>",
            f"{indent}</{tag}>"]


def _question_text(question: Question) -> list[str]:
    """The question's text; with pictures, as HTML that shows them, each in a base64 `<file>`."""
    if not question.images:
        return _text_block("questiontext", question.prompt)
    lines = "<br>".join(html.escape(line, quote=False) for line in question.prompt.split("\n"))
    shown = "".join(f'<img src="@@PLUGINFILE@@/{quote(image.name)}" '
                    f'alt="{html.escape(image.alt)}">' for image in question.images)
    files = [f'      <file name="{html.escape(image.name)}" path="/" encoding="base64">'
             f'{base64.b64encode(image.data).decode()}</file>' for image in question.images]
    return ['    <questiontext format="html">',
            f"      <text>{_x(f'<p>{lines}</p><p>{shown}</p>')}</text>", *files,
            "    </questiontext>"]


def to_moodle_xml(bank: Bank) -> str:
    """The bank as a Moodle XML question file: one category, then every question."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>",
             '  <question type="category">', "    <category>",
             f"      <text>$course$/top/{_x(bank.title.replace('/', '//'))}</text>",
             "    </category>", "  </question>"]
    for question in bank.questions:
        lines += _xml_question(question)
    lines.append("</quiz>")
    return "\n".join(lines) + "\n"


def _xml_question(question: Question) -> list[str]:
    qtype = ("ordering" if question.type == "ordering"
             else "truefalse" if is_true_false(question) else "multichoice")
    lines = ["", f'  <question type="{qtype}">', "    <name>",
             f"      <text>{_x(question.name or question.id)}</text>", "    </name>",
             *_question_text(question),
             *_text_block("generalfeedback", question.explanation),
             "    <defaultgrade>1</defaultgrade>", "    <penalty>0</penalty>",
             "    <hidden>0</hidden>", f"    <idnumber>{_x(question.id)}</idnumber>"]
    if question.type == "ordering":
        lines += ["    <layouttype>VERTICAL</layouttype>", "    <selecttype>ALL</selecttype>",
                  f"    <selectcount>{len(question.options)}</selectcount>",
                  f"    <gradingtype>{MOODLE_GRADING[question.grading]}</gradingtype>",
                  "    <showgrading>SHOW</showgrading>",
                  "    <numberingstyle>none</numberingstyle>"]
        fractions = [str(n) for n in range(1, len(question.options) + 1)]  # the right order
    elif qtype == "truefalse":
        fractions = weights(question)
    else:
        single = "true" if question.type == "choice" else "false"
        lines += [f"    <single>{single}</single>", "    <shuffleanswers>true</shuffleanswers>",
                  "    <answernumbering>abc</answernumbering>"]
        fractions = weights(question)
    feedback = question.feedback or ("",) * len(question.options)
    for option, fraction, remark in zip(question.options, fractions, feedback, strict=True):
        text = option.lower() if qtype == "truefalse" else option  # Moodle's answers: true, false
        lines += [f'    <answer fraction="{fraction}" format="plain_text">',
                  f"      <text>{_x(text)}</text>"]
        if remark:
            lines += _text_block("feedback", remark, "      ")
        lines.append("    </answer>")
    tags = tags_of(question)
    if tags:
        lines += ["    <tags>", *(f"      <tag><text>{_x(t)}</text></tag>" for t in tags),
                  "    </tags>"]
    return [*lines, "  </question>"]


def to_gift(bank: Bank) -> str:
    """The bank as a GIFT file: every question (ordering ones as Moodle's ordering question)."""
    title = " ".join(bank.title.split())
    blocks = [f"// Quipu bank {bank.id}\n$CATEGORY: $course$/top/{title.replace('/', '//')}"]
    blocks += [_gift_question(question) for question in bank.questions]
    return "\n\n".join(blocks) + "\n"


def _gift_question(question: Question) -> str:
    comments = [f"// [id:{_bracketed(question.id)}]"]
    if question.images:
        comments.append(f"// It shows {len(question.images)} picture(s), which GIFT cannot hold: "
                        "export as Moodle XML to keep them.")
    tags = tags_of(question)
    if tags:
        comments.append("// " + " ".join(f"[tag:{_bracketed(t)}]" for t in tags))
    head = f"::{escape(question.name or question.id)}::{written(question.prompt)}{{"
    if question.type == "ordering":
        # Moodle's ordering question in GIFT: count, select, layout, grading, show; one item a
        # line. It has no place for an explanation or an item's feedback.
        words = f">{len(question.options)} ALL VERTICAL {MOODLE_GRADING[question.grading]} SHOW"
        return "\n".join([*comments, head + words, *(f"\t{_item(o)}" for o in question.options),
                          "}"])
    if is_true_false(question):
        return "\n".join([*comments, head + _gift_true_false(question) + "}"])
    lines = [*comments, head]
    feedback = question.feedback or ("",) * len(question.options)
    for option, weight, remark in zip(question.options, weights(question), feedback, strict=True):
        text = written(option)
        if question.type == "multiple":
            marker = f"~%{weight}%"
        elif option in question.key:
            marker = "="
        elif float(weight) != 0:
            marker = f"~%{weight}%"
        else:
            # A wrong option whose text starts like a weight (`%50%...`) gets an explicit 0.
            marker = "~%0%" if WEIGHT.match(text) else "~"
        lines.append(f"\t{marker}{text}" + (f"#{written(remark)}" if remark else ""))
    if question.explanation:
        lines.append(f"\t####{written(question.explanation)}")
    return "\n".join([*lines, "}"])


def _item(text: str) -> str:
    """An ordering item, a line of its own: one that starts like a comment (`//`) is marked
    `[plain]`, or GIFT would read the line as a comment."""
    line = written(text)
    return "[plain]" + line if line.startswith("//") else line


def _gift_true_false(question: Question) -> str:
    """`TRUE#feedback on a wrong answer#feedback on the right one####explanation`."""
    truth = question.key == ("True",)
    on_true, on_false = question.feedback or ("", "")
    right, wrong = (on_true, on_false) if truth else (on_false, on_true)
    text = "TRUE" if truth else "FALSE"
    if right or wrong:
        text += f"#{written(wrong)}" + (f"#{written(right)}" if right else "")
    if question.explanation:
        text += f"####{written(question.explanation)}"
    return text


def _bracketed(text: str) -> str:
    """Text for a `[id:...]` or `[tag:...]` comment: one line, `]` escaped as Moodle reads it."""
    return " ".join(text.split()).replace("]", "\\]")


# Each export format: its writer, the file suffix, and the media type a download is sent as.
EXPORTERS = {
    "xml": (to_moodle_xml, ".xml", "application/xml"),
    "gift": (to_gift, ".gift", "text/plain"),
}
