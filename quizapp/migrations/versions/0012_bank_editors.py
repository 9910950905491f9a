"""Co-owners of question files: the teachers a file's owner lets edit it in the browser editor.

Revision ID: 0012_bank_editors
Revises: 0011_daily_goal
Create Date: 2026-12-03 12:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0012_bank_editors'
down_revision = '0011_daily_goal'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table('bank_editor',
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('added_by', sa.Integer(), nullable=False),
    sa.Column('added', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['added_by'], ['learner.id'],
                            name=op.f('fk_bank_editor_added_by_learner')),
    sa.ForeignKeyConstraint(['learner_id'], ['learner.id'],
                            name=op.f('fk_bank_editor_learner_id_learner')),
    sa.PrimaryKeyConstraint('name', 'learner_id', name=op.f('pk_bank_editor'))
    )
    with op.batch_alter_table('bank_editor', schema=None) as batch_op:
        batch_op.create_index('ix_bank_editor_learner', ['learner_id'], unique=False)


def downgrade() -> None:
    """Undo this revision."""
    with op.batch_alter_table('bank_editor', schema=None) as batch_op:
        batch_op.drop_index('ix_bank_editor_learner')
    op.drop_table('bank_editor')
