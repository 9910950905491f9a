"""An imported file's problems, skipped questions and notes, and a drafted text's refusals and
notes, read by a teacher in Spanish: the domain says them as messages, and the page (or
`questions draft` with QUIZAPP_LANGUAGE=es) says them in Spanish."""

from __future__ import annotations

import html

import pytest

from quizapp.bank.text_input import MAX_TEXT
from tests.web.teacher_helpers import sign_in_teacher
from tests.web.test_draft_pages import draft
from tests.web.test_teacher_upload import DATA, upload

MIXED = DATA / "import" / "mixed"
BROKEN = DATA / "import" / "broken"


@pytest.fixture
def spanish_teacher(client, auth):
    sign_in_teacher(auth)
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "es"


def page_of(response) -> str:
    return html.unescape(response.text)


def test_a_gift_file_s_broken_skipped_and_noted_questions_in_spanish(client, folder,
                                                                    spanish_teacher):
    data = (MIXED / "peru-mixed.gift").read_bytes()
    page = page_of(upload(client, data, "peru-mixed.gift"))
    assert (folder / "peru-mixed.gift").read_bytes() == data  # saved without the left-out ones
    assert ("peru-mixed.gift:1: la pregunta 'essay' es una pregunta de ensayo, un tipo que Quipu "
            "no tiene") in page
    assert ("peru-mixed.gift:3: la pregunta 'canal' quedó fuera: la { de esta línea nunca se "
            "cierra; termina las respuestas con }") in page
    assert ("peru-mixed.gift:7: la pregunta 'anthem' incluye un sonido (anthem.mp3) que Quipu no "
            "tiene: puede que los estudiantes no puedan responderla") in page
    for english in ("which Quipu does not have", "is left out", "is never closed", "a sound",
                    "an essay question", "learners may not"):
        assert english not in page, english


def test_a_moodle_xml_file_s_problems_in_spanish(client, folder, spanish_teacher):
    page = page_of(upload(client, (MIXED / "peru-mixed.xml").read_bytes(), "peru-mixed.xml"))
    assert ("peru-mixed.xml:3: la pregunta 'why-trade-grew' es una pregunta de ensayo, un tipo "
            "que Quipu no tiene") in page
    assert ("peru-mixed.xml:7: la pregunta 'canal' quedó fuera: una pregunta truefalse tiene dos "
            "respuestas, true y false") in page
    assert ('peru-mixed.xml:21: la pregunta \'weight\' quedó fuera: fraction "lots" no es un '
            "número; Moodle da el valor de cada respuesta en porcentaje") in page
    assert "la pregunta 'anthem' incluye un sonido (anthem.mp3) que Quipu no tiene" in page
    for english in ("which Quipu does not have", "is left out", "is not a number",
                    "has two answers", "shows a sound"):
        assert english not in page, english


def test_an_aiken_file_s_broken_question_in_spanish(client, folder, spanish_teacher):
    page = page_of(upload(client, (BROKEN / "bad-answer.aiken.txt").read_bytes(),
                          "bad-answer.aiken.txt"))
    assert ("bad-answer.aiken.txt:5: la pregunta 'q-1' quedó fuera: ANSWER: E no nombra ninguna "
            "alternativa; aquí las alternativas son de A a C") in page
    assert "names no option" not in page and "is left out" not in page


def test_a_file_refused_whole_says_why_in_spanish(client, folder, spanish_teacher):
    response = upload(client, (BROKEN / "not-well-formed.xml").read_bytes(), "nwf.xml")
    page = page_of(response)
    assert response.status_code == 400 and not (folder / "nwf.xml").exists()
    assert ("nwf.xml:8: el <answer> abierto en esta línea no se cierra antes de la línea 9, donde "
            "se cierra otro elemento") in page
    none = page_of(upload(client, b"::q::Q?{}\n", "only-essay.gift"))
    assert ("el archivo no tiene ninguna pregunta que Quipu pueda usar (1 omitida); un banco "
            "necesita al menos una") in none
    assert "holds no question" not in none and "skipped" not in none


def test_the_same_file_reads_in_english_for_the_next_teacher(client, folder, spanish_teacher):
    upload(client, (MIXED / "peru-mixed.gift").read_bytes(), "peru-mixed.gift")
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    page = page_of(upload(client, (MIXED / "peru-mixed.gift").read_bytes(), "peru-mixed.gift"))
    assert "question 'essay' is an essay question, which Quipu does not have" in page
    assert "quedó fuera" not in page


@pytest.mark.parametrize(("file", "says", "english"), [
    (("a.txt", b"Caf\xe9 in 1914"), "a.txt: el archivo no es texto UTF-8 (byte 0xE9 en la línea "
     "1); guárdalo de nuevo con la codificación UTF-8", "not UTF-8"),
    (("a.txt", b"%PDF-1.4"), "a.txt: esto es un PDF, no un texto; guárdalo como texto plano "
     "(.txt, UTF-8) y sube ese archivo", "this is a PDF"),
    (("big.txt", b"a " * (MAX_TEXT // 2 + 1)), "big.txt: el archivo pesa más de 1024 KB; divide "
     "el texto", "larger than"),
    (("a.pdf", b"%PDF-1"), "a.pdf: no es un archivo de texto que Quipu lea", "not a text file"),
])
def test_a_drafting_refusal_in_spanish(client, folder, spanish_teacher, file, says, english):
    response = draft(client, "T", "", file)
    page = page_of(response)
    assert response.status_code == 400 and says in page
    assert english not in page and list(folder.iterdir()) == []


def test_a_text_with_no_sentences_and_a_draft_s_notes_in_spanish(client, folder,
                                                                 spanish_teacher):
    nothing = page_of(draft(client, "T", "... 12 !!"))
    assert ("El texto no tiene oraciones de las que sacar hechos. Usa un texto escrito en "
            "oraciones.") in nothing
    page = page_of(draft(client, "T", "The canal opens to ships. The canal opens to ships. "
                                      "Trade grows in the port of Callao."))
    notes = page.split('<ul class="draft-notes">', 1)[1].split("</ul>", 1)[0]
    assert "El texto no da fechas que Quipu reconozca" in notes
    assert "1 oración repetida se tomó una sola vez" in notes
    assert "gives no dates" not in notes and "repeated sentence" not in notes
    # The drafted bank is the teacher's file: its YAML (and the notes it opens with) as written.
    assert "# 1 repeated sentence was drafted once (captions, say)." in page


def test_questions_draft_refuses_and_notes_in_spanish(runner, tmp_path):
    (tmp_path / "latin1.txt").write_bytes(b"Caf\xe9 in 1914")
    (tmp_path / "plain.txt").write_text("The canal opens to ships. Trade grows in Callao.")
    refused = runner.invoke(args=["questions", "draft", str(tmp_path / "latin1.txt"), "-o",
                                  str(tmp_path / "a.yaml")], env={"QUIZAPP_LANGUAGE": "es"})
    assert refused.exit_code == 1
    assert "latin1.txt: el archivo no es texto UTF-8 (byte 0xE9 en la línea 1)" in refused.output
    drafted = runner.invoke(args=["questions", "draft", str(tmp_path / "plain.txt"), "-o",
                                  str(tmp_path / "b.yaml")], env={"QUIZAPP_LANGUAGE": "es"})
    assert "- El texto no da fechas que Quipu reconozca" in drafted.output
    assert "gives no dates" not in drafted.output
    assert "# The text gives no dates" in (tmp_path / "b.yaml").read_text()  # the file as written
