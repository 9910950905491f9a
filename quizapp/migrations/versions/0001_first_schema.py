"""First schema: learners, attempts, attempt items, API tokens.

Revision ID: 0001
Revises:
Create Date: 2026-11-27 21:45:14
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the four tables."""
    op.create_table(
        "learner",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=40), nullable=True),
        sa.Column("display_name", sa.String(length=80), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=True),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_learner")),
        sa.UniqueConstraint("username", name=op.f("uq_learner_username")),
    )
    op.create_table(
        "api_token",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.Column("last_used", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["learner_id"], ["learner.id"],
                                name=op.f("fk_api_token_learner_id_learner")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_token")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_api_token_token_hash")),
    )
    op.create_index(op.f("ix_api_token_learner_id"), "api_token", ["learner_id"])
    op.create_table(
        "attempt",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("bank", sa.String(length=80), nullable=False),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("started", sa.DateTime(), nullable=False),
        sa.Column("submitted", sa.DateTime(), nullable=True),
        sa.Column("score", sa.Double(), nullable=True),
        sa.Column("max_score", sa.Double(), nullable=False),
        sa.ForeignKeyConstraint(["learner_id"], ["learner.id"],
                                name=op.f("fk_attempt_learner_id_learner")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attempt")),
    )
    op.create_index("ix_attempt_learner_started", "attempt", ["learner_id", "started"])
    op.create_table(
        "attempt_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("attempt_id", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("public_id", sa.String(length=16), nullable=False),
        sa.Column("question_id", sa.String(length=120), nullable=False),
        sa.Column("snapshot", sa.Text(), nullable=False),  # JSON, as text
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("points", sa.Double(), nullable=True),
        sa.ForeignKeyConstraint(["attempt_id"], ["attempt.id"], ondelete="CASCADE",
                                name=op.f("fk_attempt_item_attempt_id_attempt")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attempt_item")),
        sa.UniqueConstraint("attempt_id", "position",
                            name=op.f("uq_attempt_item_attempt_id_position")),
    )


def downgrade() -> None:
    """Drop the four tables."""
    op.drop_table("attempt_item")
    op.drop_index("ix_attempt_learner_started", table_name="attempt")
    op.drop_table("attempt")
    op.drop_index(op.f("ix_api_token_learner_id"), table_name="api_token")
    op.drop_table("api_token")
    op.drop_table("learner")
