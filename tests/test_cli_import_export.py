"""`questions check` on imported files, and `questions export BANK_ID --format xml|gift`."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from quizapp import cli
from quizapp.bank.gift import parse_gift
from quizapp.bank.model import Bank
from quizapp.bank.moodle_xml import parse_moodle_xml
from tests.sample_bank import SAMPLE_BANK

IMPORTS = Path(__file__).parent / "data" / "import"
GOOD = [IMPORTS / "peru-history.gift", IMPORTS / "peru-basics.aiken.txt",
        IMPORTS / "peru-moodle.xml"]


def essentials(bank):
    return [(q.id, q.type, q.prompt, q.options, q.key, q.explanation) for q in bank.questions]


def test_check_prints_skipped_questions_and_still_exits_0(runner):
    result = runner.invoke(args=["questions", "check", *map(str, GOOD)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:4] == [
        f"{GOOD[0]}:39: question 'essay' is an essay question, which Quipu does not have (skipped)",
        f"{GOOD[0]}:41: question 'trade-growth' is a numerical question, which Quipu does not "
        "have (skipped)",
        f"{GOOD[0]}:43: question 'capital' is a short-answer question, which Quipu does not have "
        "(skipped)",
        f"{GOOD[2]}:143: question 'why-trade-grew' is an essay question, which Quipu does not "
        "have (skipped)",
    ]
    assert lines[-1] == ("Total: 3 banks, 0 facts, 0 people, 16 questions "
                         "(13 choice, 2 multiple, 1 ordering)")


def test_check_lists_a_broken_question_loads_the_rest_and_exits_1(runner):
    path = IMPORTS / "broken" / "unclosed-brace.gift"
    result = runner.invoke(args=["questions", "check", str(path)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith(f"{path}:3: question 'canal' is left out: the {{ on this line is "
                               "never closed")
    assert lines[0].endswith("(skipped)")
    assert lines[-2] == "Total: 1 bank, 0 facts, 0 people, 1 question (1 choice, 0 multiple, 0 ordering)"
    assert lines[-1] == "1 broken question left out: fix it and check again."


def test_check_warns_of_a_picture_or_sound_a_question_needs_and_exits_0(runner, tmp_path):
    path = tmp_path / "pictures.gift"
    path.write_text('::Map::[html]Where is Talara? <img src="@@PLUGINFILE@@/map.png">{=North ~South}'
                    '\n\n::Anthem::[html]<audio><source src="@@PLUGINFILE@@/anthem.mp3"></audio>'
                    "Whose anthem is this?{=Peru's ~Chile's}\n", encoding="utf-8")
    result = runner.invoke(args=["questions", "check", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:2] == [
        f"{path}:1: question 'map' shows a picture (map.png) that Quipu does not have: learners "
        "may not be able to answer it",
        f"{path}:3: question 'anthem' shows a sound (anthem.mp3) that Quipu does not have: "
        "learners may not be able to answer it"]


def test_export_writes_moodle_xml_to_standard_output_by_default(runner):
    result = runner.invoke(args=["questions", "export", "sample"])
    assert result.exit_code == 0, result.output
    back = parse_moodle_xml(result.output, "sample.xml")
    assert back.problems == () and essentials(back.bank) == essentials(SAMPLE_BANK)


def test_export_writes_gift_to_a_file_ordering_included(runner, tmp_path):
    path = tmp_path / "sample.gift"
    result = runner.invoke(args=["questions", "export", "sample", "--format", "gift", "-o",
                                 str(path)])
    assert result.exit_code == 0, result.output
    assert result.output == f"Wrote 4 questions of sample to {path}.\n"
    back = parse_gift(path.read_text("utf-8"), str(path))
    assert back.problems == ()
    assert essentials(back.bank)[:3] == essentials(SAMPLE_BANK)[:3]
    assert [(q.type, q.key) for q in back.bank.questions][3] == ("ordering", SAMPLE_BANK.questions[3].key)


def test_an_ordering_only_bank_exports_to_gift_and_says_one_question(runner, tmp_path,
                                                                     monkeypatch):
    ordering = [q for q in SAMPLE_BANK.questions if q.type == "ordering"][:1]
    only = Bank(id="order", title="Order", questions=tuple(ordering))
    monkeypatch.setattr(cli, "current_catalog", lambda: SimpleNamespace(
        get={"order": only}.get, banks={"order": only}))
    path = tmp_path / "order.gift"
    result = runner.invoke(args=["questions", "export", "order", "--format", "gift", "-o",
                                 str(path)])
    assert result.output == f"Wrote 1 question of order to {path}.\n"
    back = parse_gift(path.read_text("utf-8"), str(path))
    assert [q.key for q in back.bank.questions] == [ordering[0].key]


def test_export_of_an_unknown_bank_is_an_error_naming_the_banks(runner):
    result = runner.invoke(args=["questions", "export", "nowhere"])
    assert result.exit_code == 1
    assert "Error: there is no bank 'nowhere'; the banks are: sample" in result.output


def test_export_refuses_a_format_it_does_not_write(runner):
    result = runner.invoke(args=["questions", "export", "sample", "--format", "csv"])
    assert result.exit_code == 2
    assert "'csv' is not one of 'gift', 'xml'" in result.output


def test_export_to_a_file_that_cannot_be_written_is_an_error(runner, tmp_path):
    target = tmp_path / "missing-folder" / "x.xml"
    result = runner.invoke(args=["questions", "export", "sample", "-o", str(target)])
    assert result.exit_code == 1
    assert f"Error: cannot write {target}" in result.output


def test_check_says_an_import_s_problems_in_spanish_when_asked(runner):
    mixed = IMPORTS / "mixed"
    paths = [mixed / "peru-mixed.gift", mixed / "peru-mixed.xml",
             IMPORTS / "broken" / "bad-answer.aiken.txt", IMPORTS / "broken" / "doctype.xml"]
    result = runner.invoke(args=["questions", "check", *map(str, paths)],
                           env={"QUIZAPP_LANGUAGE": "es"})
    assert result.exit_code == 1
    out = result.output
    assert (f"{paths[0]}:1: la pregunta 'essay' es una pregunta de ensayo, un tipo que Quipu no "
            "tiene") in out
    assert f"{paths[0]}:3: la pregunta 'canal' quedó fuera: la {{ de esta línea nunca se cierra" in out
    assert (f"{paths[1]}:7: la pregunta 'canal' quedó fuera: una pregunta truefalse tiene dos "
            "respuestas, true y false") in out
    assert f"{paths[1]}:12: la pregunta 'anthem' incluye un sonido (anthem.mp3)" in out
    assert f"{paths[2]}:5: la pregunta 'q-1' quedó fuera: ANSWER: E no nombra ninguna" in out
    assert f"{paths[3]}:2: el archivo declara un DOCTYPE; Quipu no lee DTD" in out
    for english in ("which Quipu does not have", "is left out", "shows a sound", "names no option",
                    "declares a DOCTYPE"):
        assert english not in out, english
    english = runner.invoke(args=["questions", "check", *map(str, paths)],
                            env={"QUIZAPP_LANGUAGE": "", "LANG": "C.UTF-8"}).output
    assert f"{paths[0]}:3: question 'canal' is left out: the {{ on this line is never closed" in english
    assert "quedó fuera" not in english
