"""A live game may be for a class (issue 16): only its students and teachers join it.

Revision ID: 0015_live_class
Revises: 0014_language
Create Date: 2026-12-03 14:15:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0015_live_class'
down_revision = '0014_language'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table('live_game', schema=None) as batch_op:
        batch_op.add_column(sa.Column('class_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_live_game_class_id'), ['class_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_live_game_class_id_classroom'), 'classroom',
                                    ['class_id'], ['id'], ondelete='SET NULL')


def downgrade() -> None:
    """Undo this revision."""
    with op.batch_alter_table('live_game', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_live_game_class_id_classroom'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_live_game_class_id'))
        batch_op.drop_column('class_id')
