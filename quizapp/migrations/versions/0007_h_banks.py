"""Question files' owners and the versions a replacement keeps.

Revision ID: 0007_h_banks
Revises: 0006_exam_clock
Create Date: 2026-12-04 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0007_h_banks'
down_revision = '0006_exam_clock'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table('bank_file',
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('uploaded_by', sa.Integer(), nullable=True),
    sa.Column('uploaded', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['learner.id'], name=op.f('fk_bank_file_owner_id_learner')),
    sa.ForeignKeyConstraint(['uploaded_by'], ['learner.id'], name=op.f('fk_bank_file_uploaded_by_learner')),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_bank_file'))
    )
    with op.batch_alter_table('bank_file', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_bank_file_owner_id'), ['owner_id'], unique=False)

    op.create_table('bank_file_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('bank', sa.String(length=80), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('uploaded_by', sa.Integer(), nullable=True),
    sa.Column('uploaded', sa.DateTime(), nullable=False),
    sa.Column('kept_by', sa.Integer(), nullable=False),
    sa.Column('kept', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['kept_by'], ['learner.id'], name=op.f('fk_bank_file_version_kept_by_learner')),
    sa.ForeignKeyConstraint(['uploaded_by'], ['learner.id'], name=op.f('fk_bank_file_version_uploaded_by_learner')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bank_file_version'))
    )
    with op.batch_alter_table('bank_file_version', schema=None) as batch_op:
        batch_op.create_index('ix_bank_file_version_name', ['name', 'kept'], unique=False)


def downgrade() -> None:
    """Undo this revision."""
    with op.batch_alter_table('bank_file_version', schema=None) as batch_op:
        batch_op.drop_index('ix_bank_file_version_name')
    op.drop_table('bank_file_version')
    with op.batch_alter_table('bank_file', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_bank_file_owner_id'))
    op.drop_table('bank_file')
