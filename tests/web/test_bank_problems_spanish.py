"""A question file's problems in the reader's language (issue 17): the upload page, the bank
editor's fields and its history, and `questions check` say them in Spanish to a Spanish reader,
and in English as before to everyone else."""

from __future__ import annotations

from html import unescape
from pathlib import Path

import pytest

from quizapp.services.catalog import current_catalog
from tests.bank.test_translation import write
from tests.web.teacher_helpers import sign_in_teacher
from tests.web.test_bank_editor import EDIT, opened, people, small  # noqa: F401  (fixtures)
from tests.web.test_teacher_upload import BAD, upload

DATA = Path(__file__).resolve().parents[1] / "data"
BROKEN = DATA / "broken"
SPANISH = {"QUIZAPP_LANGUAGE": "es"}
NO_LANGUAGE = {"QUIZAPP_LANGUAGE": None, "LANG": None}


def check(runner, env, *paths):
    return runner.invoke(args=["questions", "check", *map(str, paths)], env=env)


def test_an_upload_s_problems_are_listed_in_spanish(client, folder, auth):
    sign_in_teacher(auth)
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "es"
    response = upload(client, BAD, "week3.yaml")
    assert response.status_code == 400
    page = unescape(response.text)
    assert ("week3.yaml:8: pregunta 'embassy-year': la respuesta '1921' no es una de sus "
            'alternativas ("1914", "1916", "1920", "1952")') in page
    assert "is not one of its choices" not in page
    response = upload(client, BAD + b"  - id: [\n", "week3.yaml")
    assert response.status_code == 400
    page = unescape(response.text)
    assert ("week3.yaml:10: esto no es YAML válido: did not find expected node content; revisa "
            "la sangría de esta línea y de las líneas de arriba") in page
    assert "this is not valid YAML" not in page and "check the indentation" not in page
    assert list(folder.iterdir()) == []


def test_the_same_upload_in_english_is_as_before(client, folder, auth):
    sign_in_teacher(auth)
    page = unescape(upload(client, BAD, "week3.yaml").text)
    assert ("week3.yaml:8: question 'embassy-year': answer '1921' is not one of its choices "
            '("1914", "1916", "1920", "1952")') in page


def test_questions_check_speaks_spanish_when_asked(runner):
    result = check(runner, SPANISH, BROKEN)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert f"{BROKEN / 'bad-years.yaml'}:6: hecho 'leguia-term': 'until' 1919 es anterior a " \
           "'year' 1930" in lines
    assert f"{BROKEN / 'unknown-key.yaml'}:8: pregunta 'embassy-year': clave desconocida " \
           "'answr' (¿quisiste decir 'answer'?); las claves permitidas aquí son id, type, " \
           "prompt, choices, answer, answers, items, explanation, facts, difficulty, grading, " \
           "tags" in lines
    assert f"{BROKEN / 'yaml-syntax.yaml'}:5: aquí se usa un tabulador; en YAML la sangría se " \
           "hace solo con espacios" in lines
    assert lines[-1] == "13 problemas en 10 archivos."
    assert "is before year" not in result.output and "unknown key" not in result.output


def test_questions_check_speaks_english_without_a_language(runner):
    result = check(runner, NO_LANGUAGE, BROKEN / "bad-years.yaml")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{BROKEN / 'bad-years.yaml'}:6: fact 'leguia-term': until 1919 is before year 1930",
        f"{BROKEN / 'bad-years.yaml'}:9: fact 'canal': 'year' must be a whole number, not "
        "true/false ('yes' means true or false in YAML)",
        f"{BROKEN / 'bad-years.yaml'}:12: fact 'moon': year 2969 is not a plausible year "
        "(Quipu accepts 1000 to 2100)",
        "3 problems in 1 file.",
    ]


def test_the_summary_of_good_banks_in_spanish(runner):
    result = check(runner, SPANISH, DATA / "good" / "small.yaml")
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "small: A small bank",
        "  2 hechos, 1 persona, 3 preguntas (de alternativas: 1, múltiples: 1, de ordenar: 1)",
        "Total: 1 banco, 2 hechos, 1 persona, 3 preguntas (de alternativas: 1, múltiples: 1, "
        "de ordenar: 1)",
    ]


def test_a_folder_without_question_files_says_so_in_spanish(runner, tmp_path):
    assert check(runner, SPANISH, tmp_path).output == "No se encontraron archivos de preguntas.\n"


def test_a_translation_file_s_problems_in_spanish(runner, tmp_path):
    from tests.bank.test_translation import GOOD
    wrong = GOOD.replace("  - id: embassy\n", "  - id: embasy\n").replace(
        'choices: ["En 1914", "En 1916", "En 1920"]', 'choices: ["En 1914", "En 1916"]')
    folder = write(tmp_path, es=wrong)
    result = check(runner, SPANISH, folder)
    assert result.exit_code == 1
    translation = folder / "tiny.es.yaml"
    lines = result.output.splitlines()
    assert (f"{translation}:7: el hecho 'embasy' no es del banco; una traducción usa los ids "
            "del propio banco") in lines
    assert (f"{translation}:16: pregunta 'canal-year': 2 alternativas traducidas, pero la "
            "pregunta del banco tiene 3; traduce cada una, en el mismo orden") in lines
    assert lines[-1] == "2 problemas en 1 archivo."
    english = check(runner, NO_LANGUAGE, folder).output
    assert "fact 'embasy' is not one of the bank's" in english
    assert "question 'canal-year': 2 choices translated" in english


@pytest.fixture
def spanish_editor(small):  # noqa: F811
    small.environ_base["HTTP_ACCEPT_LANGUAGE"] = "es"
    return small


def test_the_editor_names_a_field_s_problem_in_spanish(folder, spanish_editor):
    form = opened(spanish_editor)
    form["facts-1-year"] = "19x0"
    form["questions-0-answer"] = "1921"
    response = spanish_editor.post(EDIT, data=form | {"do": "save"})
    assert response.status_code == 400
    page = unescape(response.text)
    assert 'id="f-facts-1-year-error"' in page
    assert "hecho 'embassy': 'year' debe ser un número entero, no el texto '19x0'" in page
    assert "la respuesta '1921' no es una de sus alternativas" in page
    assert "must be a whole number" not in page and "is not one of its choices" not in page
    assert "No se guardó: corrige los problemas que se muestran junto a sus campos." in page


def test_the_history_says_what_changed_in_spanish(folder, spanish_editor):
    form = opened(spanish_editor)
    form["title"] = "Un banco pequeño"
    form["facts-0-text"] = "The Panama Canal opens to ships."
    form["questions-0-prompt"] = "When did the U.S. mission in Peru become an embassy?"
    response = spanish_editor.post(EDIT, data=form | {"do": "save"})
    assert response.status_code == 303, response.text
    page = spanish_editor.get(EDIT).text
    assert "Título cambiado, 1 hecho cambiado, 1 pregunta cambiada" in page
    assert "fact changed" not in page
    spanish_editor.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    assert "Title changed, 1 fact changed, 1 question changed" in spanish_editor.get(EDIT).text


def test_a_folder_s_problem_loaded_once_is_read_in_each_reader_s_language(app, client, folder,
                                                                          auth):
    (folder / "week3.yaml").write_bytes(BAD)
    with app.app_context():
        current_catalog().refresh(force=True)
    sign_in_teacher(auth)
    english = unescape(client.get("/teacher/").text)
    assert "week3.yaml:8: question 'embassy-year': answer '1921' is not one of its" in english
    spanish = unescape(client.get("/teacher/", headers={"Accept-Language": "es"}).text)
    assert "week3.yaml:8: pregunta 'embassy-year': la respuesta '1921' no es una de sus" in spanish
    assert "is not one of its choices" not in spanish
