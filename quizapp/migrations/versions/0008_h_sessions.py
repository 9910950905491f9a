"""Sessions that can be ended, and sign-in tries noted as known or made-up names: a learner's
session epoch (in every session cookie; raised on signing out and on a new password), and whether
a noted sign-in try named an account (and an index to forget old tries by time).

Revision ID: 0008_h_sessions
Revises: 0007_h_banks
Create Date: 2026-12-03 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0008_h_sessions'
down_revision = '0007_h_banks'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table('learner', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_epoch', sa.Integer(), server_default='0',
                                      nullable=False))
    with op.batch_alter_table('sign_in_failure', schema=None) as batch_op:
        batch_op.add_column(sa.Column('known', sa.Boolean(), server_default=sa.true(),
                                      nullable=False))
        batch_op.create_index('ix_sign_in_failure_at', ['at'], unique=False)


def downgrade() -> None:
    """Undo this revision."""
    with op.batch_alter_table('sign_in_failure', schema=None) as batch_op:
        batch_op.drop_index('ix_sign_in_failure_at')
        batch_op.drop_column('known')
    with op.batch_alter_table('learner', schema=None) as batch_op:
        batch_op.drop_column('session_epoch')
