"""Review cards and their logs, sign-in failures, assigned quizzes (and attempt.assignment_id).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 22:16:56.106658
"""

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table('sign_in_failure',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=80), nullable=False),
    sa.Column('address', sa.String(length=64), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sign_in_failure'))
    )
    with op.batch_alter_table('sign_in_failure', schema=None) as batch_op:
        batch_op.create_index('ix_sign_in_failure_address_at', ['address', 'at'], unique=False)
        batch_op.create_index('ix_sign_in_failure_username_at', ['username', 'at'], unique=False)

    op.create_table('assignment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=12), nullable=False),
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.Column('teacher_id', sa.Integer(), nullable=False),
    sa.Column('bank', sa.String(length=80), nullable=False),
    sa.Column('mode', sa.String(length=16), nullable=False),
    sa.Column('length', sa.Integer(), nullable=False),
    sa.Column('seed', sa.Integer(), nullable=True),
    sa.Column('opens', sa.DateTime(), nullable=False),
    sa.Column('closes', sa.DateTime(), nullable=True),
    sa.Column('max_attempts', sa.Integer(), nullable=True),
    sa.Column('created', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['teacher_id'], ['learner.id'], name=op.f('fk_assignment_teacher_id_learner')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assignment')),
    sa.UniqueConstraint('code', name=op.f('uq_assignment_code'))
    )
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assignment_teacher_id'), ['teacher_id'], unique=False)

    op.create_table('card',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('bank', sa.String(length=80), nullable=False),
    sa.Column('fact_id', sa.String(length=120), nullable=False),
    sa.Column('fsrs', sa.Text(), nullable=False),
    sa.Column('due', sa.DateTime(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['learner_id'], ['learner.id'], name=op.f('fk_card_learner_id_learner')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_card')),
    sa.UniqueConstraint('learner_id', 'bank', 'fact_id', name=op.f('uq_card_learner_id_bank_fact_id'))
    )
    with op.batch_alter_table('card', schema=None) as batch_op:
        batch_op.create_index('ix_card_learner_due', ['learner_id', 'due'], unique=False)

    op.create_table('review_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('card_id', sa.Integer(), nullable=False),
    sa.Column('rating', sa.Integer(), nullable=False),
    sa.Column('reviewed', sa.DateTime(), nullable=False),
    sa.Column('attempt_item_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['attempt_item_id'], ['attempt_item.id'], name=op.f('fk_review_log_attempt_item_id_attempt_item'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['card_id'], ['card.id'], name=op.f('fk_review_log_card_id_card'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_log'))
    )
    with op.batch_alter_table('review_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_log_attempt_item_id'), ['attempt_item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_log_card_id'), ['card_id'], unique=False)

    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.add_column(sa.Column('assignment_id', sa.Integer(), nullable=True))
        batch_op.create_index('ix_attempt_assignment_learner', ['assignment_id', 'learner_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_attempt_assignment_id_assignment'), 'assignment', ['assignment_id'], ['id'])



def downgrade() -> None:
    """Undo this revision."""
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_attempt_assignment_id_assignment'), type_='foreignkey')
        batch_op.drop_index('ix_attempt_assignment_learner')
        batch_op.drop_column('assignment_id')

    with op.batch_alter_table('review_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_log_card_id'))
        batch_op.drop_index(batch_op.f('ix_review_log_attempt_item_id'))

    op.drop_table('review_log')
    with op.batch_alter_table('card', schema=None) as batch_op:
        batch_op.drop_index('ix_card_learner_due')

    op.drop_table('card')
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assignment_teacher_id'))

    op.drop_table('assignment')
    with op.batch_alter_table('sign_in_failure', schema=None) as batch_op:
        batch_op.drop_index('ix_sign_in_failure_username_at')
        batch_op.drop_index('ix_sign_in_failure_address_at')

    op.drop_table('sign_in_failure')
