"""Guest accounts made per address, kept for an hour: the limit on guests from one address; an
index of each learner's open attempts, which every start counts.

Revision ID: 0009_h_limits
Revises: 0008_h_sessions
Create Date: 2026-12-03 10:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0009_h_limits'
down_revision = '0008_h_sessions'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table('guest_creation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('address', sa.String(length=64), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_guest_creation'))
    )
    with op.batch_alter_table('guest_creation', schema=None) as batch_op:
        batch_op.create_index('ix_guest_creation_address_at', ['address', 'at'], unique=False)
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.create_index('ix_attempt_learner_open', ['learner_id', 'started'], unique=False,
                              sqlite_where=sa.text('submitted IS NULL'),
                              postgresql_where=sa.text('submitted IS NULL'))


def downgrade() -> None:
    """Undo this revision."""
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.drop_index('ix_attempt_learner_open')
    with op.batch_alter_table('guest_creation', schema=None) as batch_op:
        batch_op.drop_index('ix_guest_creation_address_at')

    op.drop_table('guest_creation')
