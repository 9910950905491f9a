"""The exam lock: a teacher's exam-only switch per bank (over the file's flag), and an index to
find what is open on a bank.

Revision ID: 0005_key_safety
Revises: 0004
Create Date: 2026-12-03 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0005_key_safety'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table('bank_setting',
    sa.Column('bank', sa.String(length=80), nullable=False),
    sa.Column('exam_only', sa.Boolean(), nullable=False),
    sa.Column('changed_by', sa.Integer(), nullable=True),
    sa.Column('changed', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['changed_by'], ['learner.id'], name=op.f('fk_bank_setting_changed_by_learner')),
    sa.PrimaryKeyConstraint('bank', name=op.f('pk_bank_setting'))
    )
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.create_index('ix_assignment_bank_closes', ['bank', 'closes'], unique=False)


def downgrade() -> None:
    """Undo this revision."""
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.drop_index('ix_assignment_bank_closes')

    op.drop_table('bank_setting')
