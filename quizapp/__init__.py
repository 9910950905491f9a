"""Quipu: learn a text by quizzing yourself on it."""

from __future__ import annotations

import os
from pathlib import Path

from flask import Flask

from .config import PROJECT_ROOT, from_environment, secret_key, time_zone


def create_app(config: dict | None = None) -> Flask:
    """Build the app: settings from the environment, then `config` on top (tests pass theirs)."""
    instance_path = (config or {}).get("INSTANCE_PATH") or os.environ.get("QUIZAPP_INSTANCE_PATH")
    app = Flask(
        __name__,
        instance_path=str(Path(instance_path).resolve()) if instance_path else None,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
    )
    app.config.from_mapping(from_environment(Path(app.instance_path)))
    if config:
        app.config.update(config)
    app.config["TIMEZONE"] = time_zone(app.config.get("TIMEZONE"))  # refuse a wrong one now
    if not app.config.get("SECRET_KEY"):  # only now: a key given by config needs no file
        app.config["SECRET_KEY"] = secret_key(Path(app.instance_path))
    app.jinja_env.trim_blocks = app.jinja_env.lstrip_blocks = True  # tidy HTML from block tags

    from . import cli, database, models, security  # noqa: F401  (models: the tables)
    from .extensions import csrf, login_manager
    from .services import catalog, fast
    from .web import (
        api,
        api_live,  # noqa: F401  (its routes join the API's blueprint)
        assets,
        auth,
        classes,
        errors,
        filters,
        join,
        language,
        live,
        quiz,
        quiz_words,
        study,
        teacher,
    )

    database.init_app(app)
    security.init_app(app)
    login_manager.init_app(app)
    login_manager.user_loader(fast.load_signed_in)
    csrf.init_app(app)
    catalog.init_app(app)
    cli.init_app(app)
    filters.init_app(app)
    language.init_app(app)
    quiz_words.init_app(app)
    for blueprint in (errors.bp, auth.bp, quiz.bp, study.bp, api.bp, teacher.bp, join.bp,
                      classes.bp, assets.bp, live.bp, language.bp):
        app.register_blueprint(blueprint)
    csrf.exempt(api.bp)  # API calls carry a bearer token, not a cookie a forged form could use
    return app
