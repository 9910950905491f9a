"""The teacher's pages drawn in Spanish: the same tour as test_pages_unchanged, read with
`Accept-Language: es`, draws every page (plurals and placeholders render) with no English left in
the teacher's headings."""

from __future__ import annotations

from tests.web.test_pages_unchanged import predictable, tour  # noqa: F401  (a fixture)

SPANISH = {
    "teacher-upload": "Subir un archivo de preguntas",
    "teacher-draft": "Nuevo banco a partir de un texto",
    "teacher-bank": "Jugarlo en vivo",
    "teacher-class": "Agregar estudiantes",
    "teacher-assignment": "Estudiantes por preguntas",
    "teacher-results": "Mejor porcentaje en cuestionarios",
    "teacher-analysis": "Alfa de Cronbach",
}


def test_the_teacher_s_pages_in_spanish(client, auth, clock, predictable, tmp_path):  # noqa: F811
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "es"
    pages = tour(client, auth, clock, tmp_path)
    for name, words in SPANISH.items():
        assert words in pages[name], name
    assert 'lang="es"' in pages["teacher-upload"]
