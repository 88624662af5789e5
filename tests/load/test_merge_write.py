"""A merge whose survivor takes the wording of the claim it absorbs: the writer deletes
the absorbed row before it rewords the survivor (claims are unique by expert, kind and
text_key, so the other order failed the batch; found at 12,500 benchmark articles)."""

from __future__ import annotations

from sqlalchemy import Engine, text

from eventstore.extract import ArticleDoc
from eventstore.extract.article import ArticleMeta
from eventstore.load.plan import ArticleWrite, Extracted, Merge, Plan, RowWrite
from eventstore.load.read import RawArticle
from eventstore.normalize import text_key
from tests.load.plans import apply_in_run

SHORT = "Sanctions will not stop the war"
LONG = "Sanctions alone will not stop the war this year"


def _claims(engine: Engine) -> tuple[int, int]:
    """An expert and two of their quotes (raw SQL); the ids of the short and the long."""
    with engine.begin() as connection:
        expert = connection.execute(
            text(
                "INSERT INTO experts (name, key, kind) VALUES ('Ann Lee', 'ann lee', 'expert') "
                "RETURNING id"
            )
        ).scalar_one()
        ids = []
        for wording in (SHORT, LONG):
            ids.append(
                connection.execute(
                    text(
                        "INSERT INTO claims (expert_id, kind, text, text_key) "
                        "VALUES (:e, 'quote', :t, :k) RETURNING id"
                    ),
                    {"e": expert, "t": wording, "k": text_key(wording)},
                ).scalar_one()
            )
    return ids[0], ids[1]


def test_a_survivor_takes_the_wording_of_the_claim_it_absorbs(engine: Engine) -> None:
    survivor, absorbed = _claims(engine)
    raw = RawArticle("a1", "A body.", ArticleMeta(), "a1.txt")
    doc = ArticleDoc(external_id="a1", title="A title", body="A body.")
    plan = Plan(
        articles=(ArticleWrite(Extracted(raw, doc), None),),
        claims=(RowWrite(ref=1, id=survivor, values={"text": LONG}),),
        claim_merges=(Merge(loser=absorbed, survivor=1),),
    )
    with engine.begin() as connection:
        apply_in_run(connection, plan)

    with engine.connect() as connection:
        claims = connection.execute(text("SELECT id, text, text_key FROM claims")).all()
        merged = connection.execute(
            text("SELECT entity_id, op FROM changes WHERE entity = 'claim' ORDER BY seq")
        ).all()
    assert [tuple(row) for row in claims] == [(survivor, LONG, text_key(LONG))]
    assert [op for _, op in merged] == ["merge", "update"]
