"""Alembic's environment: the app's engine and tables, from Flask-Migrate (`flask db ...`)."""

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from logging.config import fileConfig

from alembic import context
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import current_app
from sqlalchemy import inspect

config = context.config
if config.config_file_name and not logging.getLogger().handlers:
    # Alembic's own log lines for the command line; a server's or a test's logging stays as it is.
    fileConfig(config.config_file_name, disable_existing_loggers=False)
logger = logging.getLogger("alembic.env")

migrate = current_app.extensions["migrate"]
metadata = migrate.db.metadata
FIRST_REVISION = "0001"  # the tables the app made itself (create_all) before there were migrations


def skip_empty_revision(context, revision, directives) -> None:
    """`flask db migrate` with no change to the tables writes no empty revision."""
    if getattr(config.cmd_opts, "autogenerate", False) and directives[0].upgrade_ops.is_empty():
        directives[:] = []
        logger.info("No changes in schema detected.")


def render_item(type_: str, obj, autogen_context):
    """Render the app's JSON-as-text columns as plain Text: a revision never imports the models."""
    if type_ == "type" and obj.__class__.__name__ == "JSONText":
        return "sa.Text()"
    return False


def run_offline() -> None:
    """Write the SQL to standard output (`flask db upgrade --sql`)."""
    url = migrate.db.engine.url.render_as_string(hide_password=False)
    context.configure(url=url, target_metadata=metadata, literal_binds=True,
                      **migrate.configure_args)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    """Run the migrations on the app's database, in one transaction."""
    options = {"process_revision_directives": skip_empty_revision,
               "render_item": render_item} | migrate.configure_args
    with migrate.db.engine.connect() as connection, foreign_keys_off(connection):
        adopt_unversioned(connection)
        context.configure(connection=connection, target_metadata=metadata, **options)
        with context.begin_transaction():
            context.run_migrations()


@contextmanager
def foreign_keys_off(connection) -> Iterator[None]:
    """On SQLite, no foreign-key actions while tables are rebuilt; checked again afterwards.

    SQLite alters a table by copying it and dropping the old one: with foreign keys on, dropping
    `attempt` would cascade and delete every attempt item. The pragma only takes effect outside a
    transaction, so it is set on the driver's connection before SQLAlchemy begins one.
    """
    if connection.dialect.name != "sqlite":
        yield
        return
    raw = connection.connection.driver_connection
    raw.execute("PRAGMA foreign_keys=OFF")
    try:
        yield
        broken = raw.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise RuntimeError(f"the migration left rows pointing nowhere: {broken[:5]}")
    finally:
        raw.execute("PRAGMA foreign_keys=ON")


def adopt_unversioned(connection) -> None:
    """A database made before there were migrations holds the first revision: mark it so."""
    with connection.begin():
        tables = set(inspect(connection).get_table_names())
        if "learner" in tables and "alembic_version" not in tables:
            logger.info("Tables made before migrations: marking them revision %s.", FIRST_REVISION)
            script = ScriptDirectory.from_config(config)
            MigrationContext.configure(connection).stamp(script, FIRST_REVISION)


if context.is_offline_mode():
    run_offline()
else:
    run_online()
