"""An index of the open attempts by deadline: closing the overdue ones, on every read of results,
is one probe of it.

Revision ID: 0006_exam_clock
Revises: 0005_key_safety
Create Date: 2026-12-03 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0006_exam_clock'
down_revision = '0005_key_safety'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.create_index('ix_attempt_open_deadline', ['deadline'], unique=False,
                              sqlite_where=sa.text('submitted IS NULL'),
                              postgresql_where=sa.text('submitted IS NULL'))


def downgrade() -> None:
    """Undo this revision."""
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.drop_index('ix_attempt_open_deadline')
