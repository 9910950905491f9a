"""The app with the sample bank, for tests that run it in a real server.

`gunicorn "tests.serve_sample:create_app()"`, from the repository root. The questions folder is
not read: the sample bank is installed the way tests/conftest.py installs it, so the server needs
no bank file (and no file loader) to serve quizzes.
"""

from flask import Flask

import quizapp
from quizapp.services import catalog
from tests.sample_bank import load_sample


def create_app() -> Flask:
    """quizapp.create_app(), settings from QUIZAPP_* variables, serving the sample bank."""
    app = quizapp.create_app()
    catalog.init_app(app, catalog.Catalog(app.config["QUESTIONS_DIR"], load=load_sample))
    return app
