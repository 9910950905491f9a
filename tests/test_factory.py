"""The app factory."""

import pytest

from quizapp import create_app


def test_config_passed_in_overrides_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("QUIZAPP_QUESTIONS_DIR", str(tmp_path / "from-env"))
    app = create_app({"INSTANCE_PATH": str(tmp_path / "i"), "QUESTIONS_DIR": "from-config"})
    assert app.config["QUESTIONS_DIR"] == "from-config"


def test_settings_come_from_quizapp_environment_variables(tmp_path, monkeypatch):
    monkeypatch.setenv("QUIZAPP_QUESTIONS_DIR", str(tmp_path / "qs"))
    monkeypatch.setenv("QUIZAPP_DATABASE_URL", "sqlite:///" + str(tmp_path / "x.sqlite"))
    monkeypatch.setenv("QUIZAPP_INSTANCE_PATH", str(tmp_path / "inst"))
    app = create_app()
    assert app.config["QUESTIONS_DIR"] == str(tmp_path / "qs")
    assert app.config["SQLALCHEMY_DATABASE_URI"].endswith("x.sqlite")
    assert app.instance_path == str((tmp_path / "inst").resolve())


def test_secret_key_is_generated_once_and_kept(tmp_path, monkeypatch):
    monkeypatch.delenv("QUIZAPP_SECRET_KEY", raising=False)
    first = create_app({"INSTANCE_PATH": str(tmp_path)}).config["SECRET_KEY"]
    second = create_app({"INSTANCE_PATH": str(tmp_path)}).config["SECRET_KEY"]
    assert len(first) == 64
    assert first == second
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_secret_key_from_environment_wins(tmp_path, monkeypatch):
    monkeypatch.setenv("QUIZAPP_SECRET_KEY", "from-env")
    assert create_app({"INSTANCE_PATH": str(tmp_path)}).config["SECRET_KEY"] == "from-env"


def test_init_db_command_creates_the_database(runner):
    result = runner.invoke(args=["init-db"])
    assert result.exit_code == 0
    assert "Database ready" in result.output


def sqlite_pragmas(app) -> tuple:
    from quizapp.extensions import db

    with app.app_context(), db.engine.connect() as conn:
        return tuple(conn.exec_driver_sql(f"PRAGMA {name}").scalar()
                     for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout"))


def test_sqlite_is_wal_and_a_commit_is_on_disk_before_it_is_confirmed(tmp_path, monkeypatch):
    monkeypatch.delenv("QUIZAPP_SQLITE_SYNCHRONOUS", raising=False)
    url = "sqlite:///" + str(tmp_path / "q.sqlite")
    app = create_app({"INSTANCE_PATH": str(tmp_path), "SQLALCHEMY_DATABASE_URI": url})
    assert sqlite_pragmas(app) == ("wal", 2, 1, 5000)  # synchronous 2: FULL
    monkeypatch.setenv("QUIZAPP_SQLITE_SYNCHRONOUS", "normal")
    app = create_app({"INSTANCE_PATH": str(tmp_path), "SQLALCHEMY_DATABASE_URI": url})
    assert sqlite_pragmas(app) == ("wal", 1, 1, 5000)


def test_an_unknown_synchronous_setting_is_refused_saying_what_it_can_be(tmp_path, monkeypatch):
    monkeypatch.setenv("QUIZAPP_SQLITE_SYNCHRONOUS", "fast")
    with pytest.raises(ValueError, match="QUIZAPP_SQLITE_SYNCHRONOUS is 'FAST'.*FULL, NORMAL"):
        create_app({"INSTANCE_PATH": str(tmp_path)})
