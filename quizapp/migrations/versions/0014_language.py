"""A learner's interface language ("en" or "es"; NULL: the browser's Accept-Language decides).

Revision ID: 0014_language
Revises: 0013_live
Create Date: 2026-12-03 13:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0014_language'
down_revision = '0013_live'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table('learner', schema=None) as batch_op:
        batch_op.add_column(sa.Column('language', sa.String(length=8), nullable=True))


def downgrade() -> None:
    """Undo this revision."""
    with op.batch_alter_table('learner', schema=None) as batch_op:
        batch_op.drop_column('language')
