"""Classes (with co-teachers and members) and the classes a quiz is set for; time limits and
review options of assigned quizzes, an attempt's deadline; usernames compared by a case-folded
key.

Existing usernames get their key here; of twins that differ only by case or Unicode form (`Alice`
beside `alice`), the oldest account keeps the key and the others get none until an admin renames
them (`flask --app quizapp user duplicates` lists them).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 08:46:33.103910
"""

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table('classroom',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('code', sa.String(length=12), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('created', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['learner.id'], name=op.f('fk_classroom_owner_id_learner')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_classroom')),
    sa.UniqueConstraint('code', name=op.f('uq_classroom_code'))
    )
    with op.batch_alter_table('classroom', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_classroom_owner_id'), ['owner_id'], unique=False)

    op.create_table('assignment_class',
    sa.Column('assignment_id', sa.Integer(), nullable=False),
    sa.Column('class_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['assignment_id'], ['assignment.id'], name=op.f('fk_assignment_class_assignment_id_assignment'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['class_id'], ['classroom.id'], name=op.f('fk_assignment_class_class_id_classroom'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('assignment_id', 'class_id', name=op.f('pk_assignment_class'))
    )
    with op.batch_alter_table('assignment_class', schema=None) as batch_op:
        batch_op.create_index('ix_assignment_class_class', ['class_id'], unique=False)

    op.create_table('class_member',
    sa.Column('class_id', sa.Integer(), nullable=False),
    sa.Column('learner_id', sa.Integer(), nullable=False),
    sa.Column('joined', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['class_id'], ['classroom.id'], name=op.f('fk_class_member_class_id_classroom'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['learner_id'], ['learner.id'], name=op.f('fk_class_member_learner_id_learner')),
    sa.PrimaryKeyConstraint('class_id', 'learner_id', name=op.f('pk_class_member'))
    )
    with op.batch_alter_table('class_member', schema=None) as batch_op:
        batch_op.create_index('ix_class_member_learner', ['learner_id'], unique=False)

    op.create_table('class_teacher',
    sa.Column('class_id', sa.Integer(), nullable=False),
    sa.Column('teacher_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['class_id'], ['classroom.id'], name=op.f('fk_class_teacher_class_id_classroom'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['teacher_id'], ['learner.id'], name=op.f('fk_class_teacher_teacher_id_learner')),
    sa.PrimaryKeyConstraint('class_id', 'teacher_id', name=op.f('pk_class_teacher'))
    )
    with op.batch_alter_table('class_teacher', schema=None) as batch_op:
        batch_op.create_index('ix_class_teacher_teacher', ['teacher_id'], unique=False)

    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('time_limit', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('review_after_submit', sa.String(length=16), nullable=False,
                                      server_default='score'))
        batch_op.add_column(sa.Column('review_after_close', sa.String(length=16), nullable=False,
                                      server_default='all'))

    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.add_column(sa.Column('deadline', sa.DateTime(), nullable=True))

    with op.batch_alter_table('learner', schema=None) as batch_op:
        batch_op.add_column(sa.Column('username_key', sa.String(length=80), nullable=True))

    learner = sa.table('learner', sa.column('id', sa.Integer), sa.column('username', sa.String),
                       sa.column('username_key', sa.String))
    connection = op.get_bind()
    taken: set[str] = set()
    rows = connection.execute(sa.select(learner.c.id, learner.c.username)
                              .where(learner.c.username.is_not(None)).order_by(learner.c.id))
    for learner_id, username in rows.all():
        key = unicodedata.normalize("NFKC", username).casefold()  # models.people.username_key
        if key in taken:
            continue  # a twin: no key until renamed
        taken.add(key)
        connection.execute(sa.update(learner).where(learner.c.id == learner_id)
                           .values(username_key=key))

    with op.batch_alter_table('learner', schema=None) as batch_op:
        batch_op.create_unique_constraint(batch_op.f('uq_learner_username_key'), ['username_key'])


def downgrade() -> None:
    """Undo this revision."""
    with op.batch_alter_table('learner', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_learner_username_key'), type_='unique')
        batch_op.drop_column('username_key')

    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.drop_column('deadline')

    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.drop_column('review_after_close')
        batch_op.drop_column('review_after_submit')
        batch_op.drop_column('time_limit')

    with op.batch_alter_table('class_teacher', schema=None) as batch_op:
        batch_op.drop_index('ix_class_teacher_teacher')

    op.drop_table('class_teacher')
    with op.batch_alter_table('class_member', schema=None) as batch_op:
        batch_op.drop_index('ix_class_member_learner')

    op.drop_table('class_member')
    with op.batch_alter_table('assignment_class', schema=None) as batch_op:
        batch_op.drop_index('ix_assignment_class_class')

    op.drop_table('assignment_class')
    with op.batch_alter_table('classroom', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_classroom_owner_id'))

    op.drop_table('classroom')
