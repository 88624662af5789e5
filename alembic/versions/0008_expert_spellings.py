"""One person spelt several ways across outlets: experts.skeleton and expert_names.

- ``experts.skeleton`` (nullable, indexed): the consonants of the full name with
  transliteration folded ("Kirill" and "Kyrylo Budanov" share "krl bdnv"). The loader
  gives a speaker whose key is new the expert that has the same skeleton, so a person
  spelt another way by another outlet is one expert. Filled for the stored experts.
- ``experts.surname_skeleton`` (nullable, indexed): the skeleton of the name's last
  word; a speaker named by surname alone ("Kuleba said") whose full name the article
  never gives is the one expert with it, if only one. Filled for the stored experts.
- ``expert_names``: how each article spells each expert it quotes or features; the
  expert's ``name`` is the spelling most articles use. Filled from the stored mentions
  and featured experts with the name each expert has now.

Experts stored twice before this revision under two spellings stay two rows: the loader
attaches new mentions to the older one.

PostgreSQL: the column is catalog-only, the index is built CONCURRENTLY outside a
transaction, both under ``SET lock_timeout``; the new table is created with its keys.
Downgrade drops the table, the index and the column.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

import re
import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import context, op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LOCK_TIMEOUT = "10s"
CHUNK = 5_000
INDEXES = {"ix_experts_skeleton": "skeleton", "ix_experts_surname_skeleton": "surname_skeleton"}
ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
NAME_COMMENTS = (
    "Full name as first seen.",
    "Full name as most articles spell it (see expert_names).",
)
SURNAME_COMMENT = (
    "Consonants of the last word of the name: a speaker named by surname alone ('Kuleba "
    "said') is the one expert with it. NULL for institutions."
)
SKELETON_COMMENT = (
    "Consonants of the full name, transliteration folded: one for 'Kirill' and 'Kyrylo "
    "Budanov'; a person spelt another way is matched on it. NULL for one word."
)

# Frozen copy of eventstore.extract.names.name_skeleton as of this revision.
_DIGRAPHS = tuple(
    pair.split(":")
    for pair in "shch:s sch:s sh:s ch:c zh:z kh:k th:t ph:f ts:c tz:c x:ks w:v".split()
)
_VOWELS = re.compile(r"[aeiouy]")


def _fold(text: str) -> str:
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


def _skeleton(name: str) -> str | None:
    tokens = _fold(name).replace("-", " ").split()
    if len(tokens) < 2:
        return None
    skeletons = []
    for token in tokens:
        word = token
        for digraph, sound in _DIGRAPHS:
            word = word.replace(digraph, sound)
        consonants = re.sub(r"(.)\1+", r"\1", _VOWELS.sub("", word.replace("g", "h")))
        if not consonants:
            return None
        skeletons.append(consonants + ("a" if token.endswith("a") else ""))
    return " ".join(skeletons)


def _surname(name: str) -> str | None:
    tokens = _fold(name).split()
    skeleton = _skeleton(f"x {tokens[-1]}") if tokens else None
    return skeleton.split()[-1] if skeleton else None


def upgrade() -> None:
    postgresql = op.get_context().dialect.name == "postgresql"
    if postgresql:
        op.execute(f"SET lock_timeout = '{LOCK_TIMEOUT}'")
    # SQLite has no IF NOT EXISTS here
    skeleton = sa.Column("skeleton", sa.String(length=200), comment=SKELETON_COMMENT)
    op.add_column("experts", skeleton, if_not_exists=postgresql)
    surname = sa.Column("surname_skeleton", sa.String(length=100), comment=SURNAME_COMMENT)
    op.add_column("experts", surname, if_not_exists=postgresql)
    if postgresql:
        op.alter_column(
            "experts",
            "name",
            existing_type=sa.String(length=200),
            existing_nullable=False,
            comment=NAME_COMMENTS[1],
            existing_comment=NAME_COMMENTS[0],
        )
        op.execute("RESET lock_timeout")
    _create_names()
    _backfill()
    _index(create=True)


def downgrade() -> None:
    _index(create=False)
    op.drop_index(op.f("ix_expert_names_article_id"), table_name="expert_names")
    op.drop_table("expert_names")
    postgresql = op.get_context().dialect.name == "postgresql"
    if postgresql:
        op.execute(f"SET lock_timeout = '{LOCK_TIMEOUT}'")
        op.alter_column(
            "experts",
            "name",
            existing_type=sa.String(length=200),
            existing_nullable=False,
            comment=NAME_COMMENTS[0],
            existing_comment=NAME_COMMENTS[1],
        )
    op.drop_column("experts", "surname_skeleton")
    op.drop_column("experts", "skeleton")
    if postgresql:
        op.execute("RESET lock_timeout")


def _create_names() -> None:
    op.create_table(
        "expert_names",
        sa.Column("expert_id", ID, nullable=False, comment="The expert."),
        sa.Column("article_id", ID, nullable=False, comment="The article."),
        sa.Column(
            "name",
            sa.String(length=200),
            nullable=False,
            comment="The name as that article spells it.",
        ),
        sa.ForeignKeyConstraint(
            ["expert_id"],
            ["experts.id"],
            name=op.f("fk_expert_names_expert_id_experts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_expert_names_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("expert_id", "article_id", "name", name=op.f("pk_expert_names")),
        comment="How each article spells each expert it quotes or features: the name most "
        "articles use is the expert's.",
        if_not_exists=True,
    )
    op.create_index(
        op.f("ix_expert_names_article_id"),
        "expert_names",
        ["article_id"],
        unique=False,
        if_not_exists=True,
    )


def _index(*, create: bool) -> None:
    if op.get_context().dialect.name != "postgresql":
        for name, column in INDEXES.items():
            if create:
                op.create_index(name, "experts", [column])
            else:
                op.drop_index(name, table_name="experts")
        return
    with op.get_context().autocommit_block():
        op.execute(f"SET lock_timeout = '{LOCK_TIMEOUT}'")
        for name, column in INDEXES.items():
            # A build interrupted earlier leaves an invalid index of that name behind.
            op.drop_index(name, table_name="experts", postgresql_concurrently=True, if_exists=True)
            if create:
                op.create_index(
                    name, "experts", [column], postgresql_concurrently=True, if_not_exists=True
                )
        op.execute("RESET lock_timeout")


def _backfill() -> None:
    """Skeletons of the stored experts, and the spelling of each in every article that
    quotes or features it (online only: offline SQL cannot compute a skeleton)."""
    if context.is_offline_mode():
        return
    bind = op.get_bind()
    experts = bind.execute(sa.text("SELECT id, name, kind FROM experts")).all()
    rows = [
        {"id": i, "skeleton": _skeleton(name), "surname": _surname(name)}
        for i, name, kind in experts
        if kind != "organization" and _surname(name)
    ]
    statement = sa.text(
        "UPDATE experts SET skeleton = :skeleton, surname_skeleton = :surname WHERE id = :id"
    )
    for start in range(0, len(rows), CHUNK):
        bind.execute(statement, rows[start : start + CHUNK])
    bind.execute(
        sa.text(
            "INSERT INTO expert_names (expert_id, article_id, name) "
            "SELECT DISTINCT e.id, m.article_id, e.name FROM claim_mentions m "
            "JOIN claims c ON c.id = m.claim_id JOIN experts e ON e.id = c.expert_id "
            "UNION "
            "SELECT e.id, a.id, e.name FROM articles a JOIN experts e ON e.id = a.featured_expert_id"
        )
    )
