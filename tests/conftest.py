"""Shared fixtures: an app with a fresh database and instance folder per test."""

from __future__ import annotations

import pytest

from quizapp import catalog, create_app
from quizapp.extensions import db
from tests.sample_bank import load_sample


@pytest.fixture
def app(tmp_path):
    """An app on a fresh SQLite file, with CSRF off (tests that check CSRF turn it on)."""
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret-key",
            "INSTANCE_PATH": str(tmp_path / "instance"),
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'test.sqlite'}",
            "WTF_CSRF_ENABLED": False,
        }
    )
    catalog.init_app(app, catalog.Catalog(tmp_path / "questions", load=load_sample))
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def client(app):
    """A test client."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """A CLI runner."""
    return app.test_cli_runner()
