"""A learner's daily goal (facts a day; NULL: the default), and an index of each learner's
attempts by submission time, which the streak reads.

Revision ID: 0011_daily_goal
Revises: 0009_h_limits
Create Date: 2026-12-03 12:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0011_daily_goal'
down_revision = '0009_h_limits'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table('learner', schema=None) as batch_op:
        batch_op.add_column(sa.Column('daily_goal', sa.Integer(), nullable=True))
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.create_index('ix_attempt_learner_submitted', ['learner_id', 'submitted'],
                              unique=False)


def downgrade() -> None:
    """Undo this revision."""
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.drop_index('ix_attempt_learner_submitted')
    with op.batch_alter_table('learner', schema=None) as batch_op:
        batch_op.drop_column('daily_goal')
