"""The commands speak QUIZAPP_LANGUAGE, else LANG (es* is Spanish), else English."""

import pytest

from quizapp.cli_language import cli_language


@pytest.mark.parametrize("environ, language", [
    ({}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "es_PE.UTF-8"}, "es"),
    ({"LANG": "fr_FR.UTF-8"}, "en"),
    ({"QUIZAPP_LANGUAGE": "es", "LANG": "en_US.UTF-8"}, "es"),
    ({"QUIZAPP_LANGUAGE": "en", "LANG": "es_PE.UTF-8"}, "en"),
    ({"QUIZAPP_LANGUAGE": "ES"}, "es"),
])
def test_the_language_comes_from_the_environment(environ, language):
    assert cli_language(environ) == language


def test_a_command_speaks_spanish_when_asked_and_english_otherwise(runner, auth):
    auth.create("alice")
    spanish = runner.invoke(args=["user", "rename", "alice", "ana"],
                            env={"QUIZAPP_LANGUAGE": "", "LANG": "es_PE.UTF-8"})
    assert spanish.exit_code == 0, spanish.output
    assert "Se renombró alice a ana." in spanish.output
    refused = runner.invoke(args=["questions", "export", "nope"], env={"QUIZAPP_LANGUAGE": "es"})
    assert refused.exit_code == 1
    assert "no existe el banco 'nope'" in refused.output
    english = runner.invoke(args=["user", "rename", "ana", "alice"],
                            env={"QUIZAPP_LANGUAGE": "", "LANG": "C.UTF-8"})
    assert "Renamed ana to alice." in english.output
