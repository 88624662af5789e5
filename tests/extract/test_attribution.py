"""Attribution by sentence (pure): cue verbs in any position, speakers, quotes, events.

Each case is a short article of our own; the test states who said what (or which event
with which date) a reader would take from it.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest

from eventstore.extract import ArticleDoc, ArticleMeta, extract_article
from eventstore.extract.people import split_role

PUBLISHED = date(2024, 6, 5)  # a Wednesday


def extract(*lines: str, published: date | None = PUBLISHED) -> ArticleDoc:
    text = "A headline of our own\n" + "\n".join(lines) + "\n"
    meta = ArticleMeta(published_on=published)
    return extract_article(text, external_id="t", meta=meta, today=date(2026, 11, 30))


def said(doc: ArticleDoc) -> list[tuple[str, str]]:
    return [(claim.speaker.name, claim.text) for claim in doc.claims]


CLAIMS = [
    (
        [
            '"We will respond to any provocation," Kremlin spokesman Dmitry Peskov told '
            "reporters on Tuesday."
        ],
        ("Dmitry Peskov", "We will respond to any provocation"),
    ),
    (
        ["The sanctions will not work, said Matthew Bryza, a former US ambassador."],
        ("Matthew Bryza", "The sanctions will not work"),
    ),
    (
        [
            "According to Ukrainian Prime Minister Denys Shmyhal, the country needs more "
            "air defence systems."
        ],
        ("Denys Shmyhal", "the country needs more air defence systems"),
    ),
    (
        [
            "Speaking to Radio NV, political analyst Volodymyr Fesenko said the West would "
            "not abandon Kyiv."
        ],
        ("Volodymyr Fesenko", "the West would not abandon Kyiv"),
    ),
    (
        [
            "Matthew Bryza, a former US ambassador to Azerbaijan, is sure that the sanctions "
            "will bite."
        ],
        ("Matthew Bryza", "the sanctions will bite"),
    ),
    (
        [
            "Germany's Bild reporter Julian Roepcke wrote that Russia had lost 40 tanks "
            "near the town."
        ],
        ("Julian Roepcke", "Russia had lost 40 tanks near the town"),
    ),
    (
        [
            "The Foreign Minister of Ukraine, Dmytro Kuleba, said that Ukraine is ready to "
            "share the evidence."
        ],
        ("Dmytro Kuleba", "Ukraine is ready to share the evidence"),
    ),
    (
        [
            "“The front is holding, but we need shells,” Oleksandr Musienko, head of the "
            "Center for Military Legal Studies, said."
        ],
        ("Oleksandr Musienko", "The front is holding, but we need shells"),
    ),
]


@pytest.mark.parametrize(("lines", "expected"), CLAIMS, ids=[c[1][0] for c in CLAIMS])
def test_cue_verbs_in_any_position(lines: list[str], expected: tuple[str, str]) -> None:
    assert said(extract(*lines)) == [expected]


def test_later_references_resolve_to_the_named_speaker() -> None:
    doc = extract(
        "Ukrainian diplomat Olena Zinovieva said Kyiv expects a decision by the summit.",
        "The diplomat added that the partners had promised two more batteries.",
        "Zinovyeva also noted that the talks would resume next week.",
        '"We are not in a hurry," she said.',
    )
    assert {claim.speaker.name for claim in doc.claims} == {"Olena Zinovieva"}
    assert len(doc.claims) == 4


def test_a_quote_paragraph_without_a_cue_belongs_to_the_speaker_followed() -> None:
    doc = extract(
        "Russia struck power plants in four regions overnight.",
        "Energy Minister Herman Halushchenko said the grid had survived the night.",
        '"Repairs are under way in every region. We expect power back by the evening."',
    )
    assert [(c.speaker.name, c.kind) for c in doc.claims] == [
        ("Herman Halushchenko", "paraphrase"),
        ("Herman Halushchenko", "quote"),
    ]


def test_a_quote_over_several_paragraphs_is_one_claim() -> None:
    doc = extract(
        "North Korean shells reach the front unevenly.",
        'Analyst Mykola Bielieskov said: "The shells arrive in waves.',
        '"Each wave lasts about a month.',
        '"Then the front quiets down again."',
    )
    assert len(doc.claims) == 1
    claim = doc.claims[0]
    assert claim.text == (
        "The shells arrive in waves Each wave lasts about a month Then the front quiets down again"
    )
    # one mention per paragraph, each the whole sentence, its frame included
    assert [span.text for span in claim.spans] == [
        'Analyst Mykola Bielieskov said: "The shells arrive in waves.',
        '"Each wave lasts about a month.',
        '"Then the front quiets down again."',
    ]


def test_a_mention_is_the_sentence_that_states_the_claim() -> None:
    doc = extract(
        "Kremlin dismisses the new sanctions list",
        '"The new list changes nothing," Peskov told reporters on Friday.',
        '"The shells arrive late," Kuleba said, "and half of them fail to explode."',
        "Dmytro Kuleba said the talks were useful, while Sergei Lavrov said they had "
        "achieved nothing.",
    )
    said = {c.text: (c.speaker.name, [s.text for s in c.spans]) for c in doc.claims}
    # the words said are the claim; the mention is the sentence, speaker and cue included
    assert said["The new list changes nothing"] == (
        "Peskov",
        ['"The new list changes nothing," Peskov told reporters on Friday.'],
    )
    # a quotation split by its cue: one mention
    assert said["The shells arrive late and half of them fail to explode"] == (
        "Dmytro Kuleba",
        ['"The shells arrive late," Kuleba said, "and half of them fail to explode."'],
    )
    # two speakers in one sentence: each mention is its own part, speaker and cue
    # included, and no mention overlaps
    assert said["they had achieved nothing"] == (
        "Sergei Lavrov",
        ["Sergei Lavrov said they had achieved nothing."],
    )
    assert said["the talks were useful"] == (
        "Dmytro Kuleba",
        ["Dmytro Kuleba said the talks were useful"],
    )
    spans = sorted((s.start, s.end) for c in doc.claims for s in c.spans)
    assert all(end <= start for (_, end), (start, _) in pairwise(spans))
    assert all(doc.body[s.start : s.end] == s.text for c in doc.claims for s in c.spans)


def test_a_quote_attributed_at_its_end_over_two_paragraphs() -> None:
    doc = extract(
        "Convoys with fuel are moving towards the front.",
        '"The first convoy crossed the border at dawn.',
        '"The second is expected tomorrow," said Colonel Yurii Ihnat.',
    )
    assert [c.speaker.name for c in doc.claims] == ["Yurii Ihnat"]
    assert len(doc.claims[0].spans) == 2


def test_institutions_speak_and_anonymous_sources_are_sources() -> None:
    doc = extract(
        "Talks are not expected soon.",
        "The Kremlin said the talks were not on the agenda.",
        "Officials said on Monday that a missile struck a warehouse in the port.",
    )
    assert [(c.speaker.name, c.speaker.kind) for c in doc.claims] == [("Kremlin", "organization")]
    assert [[s.name for s in e.sources] for e in doc.events] == [["Officials"]]
    assert (doc.events[0].date.month, doc.events[0].date.day) == (6, 3)


def test_an_institution_reporting_a_dated_happening_gives_an_event() -> None:
    doc = extract("Ukraine's air force said on Wednesday it shot down 24 of 29 drones overnight.")
    assert doc.claims == ()
    (event,) = doc.events
    assert (event.date.year, event.date.month, event.date.day) == (2024, 6, 5)
    assert event.extracted_by == "event.reported"


def test_a_persons_dated_statement_is_a_claim_not_an_event() -> None:
    doc = extract(
        "Moscow is not preparing a new wave of mobilisation.",
        "Dmitry Peskov said on Oct. 19 that the Kremlin had no plans to mobilise.",
    )
    assert doc.events == ()
    assert [c.text for c in doc.claims] == ["the Kremlin had no plans to mobilise"]


@pytest.mark.parametrize(
    "lede",
    [
        "Ukrainian President Volodymyr Zelensky said on Tuesday that Germany would send a "
        "third Patriot system before the end of the year.",
        "Volodymyr Zelensky, the president of Ukraine, said last week that Germany would send "
        "a third Patriot system before the end of the year.",
    ],
)
def test_a_ledes_summary_leaves_the_time_of_saying_out(lede: str) -> None:
    doc = extract(lede)
    assert said(doc) == [
        (
            "Volodymyr Zelensky",
            "Germany would send a third Patriot system before the end of the year",
        )
    ]


def test_every_mention_says_how_it_was_found() -> None:
    doc = extract(
        "The plant lost power for an hour.",
        '"It is a reckless attack," said Rafael Grossi, head of the IAEA.',
        "Drones struck the plant's dome on Sunday, the agency said.",
    )
    found = [(m.extracted_by, 0 < m.confidence <= 1) for m in (*doc.claims, *doc.events)]
    assert found == [
        ("quote.cue_after", True),
        ("event.line", True),  # a narrated happening with no date
        ("event.reported", True),
    ]


def test_a_wire_storys_undated_happenings_take_the_day_it_tells() -> None:
    doc = extract(
        "Russian missiles struck the port of Odesa on Monday night.",
        "The strikes damaged two grain terminals and a warehouse of the port authority.",
        "Kyiv has asked its partners for more air defence many times.",
    )
    days = [(e.date.month, e.date.day, e.date.text) for e in doc.events]
    assert days[:2] == [(6, 3, "on Monday night"), (6, 3, None)]
    assert len(days) == 2, "a paragraph with no happening ends the story's day"


def test_a_possessive_employer_is_the_affiliation() -> None:
    doc = extract(
        "The attack lasted all night.",
        "Ukraine’s air force commander Mykola Oleshchuk said it was the largest attack yet.",
    )
    (claim,) = doc.claims
    assert (claim.speaker.role, claim.speaker.affiliation) == ("commander", "Ukraine’s air force")


def test_summary_bullets_above_a_wire_story_are_not_read() -> None:
    text = (
        "A headline of our own\nSummary\n* Drones hit gas sites\n* Output suspended\n"
        "KYIV, June 5 (Reuters) - Russian drones struck gas production sites on Tuesday,"
        " the company said.\n"
    )
    doc = extract_article(text, external_id="t", meta=ArticleMeta(), today=PUBLISHED)
    assert doc.outlet == "Reuters"
    assert [e.span.text[:20] for e in doc.events] == ["Russian drones struc"]


def test_a_name_after_an_organization_is_a_person_the_text_can_follow() -> None:
    doc = extract(
        "The air force commented on the report on Tuesday.",
        "The representative of the Air Force Command Yurii Ihnat spoke on television.",
        "“We are very cautious about such claims. The shortage is real, but production grows",
        "Ihnat stressed that Ukraine depends on Western supplies.",
    )
    assert [(c.speaker.name, c.extracted_by) for c in doc.claims] == [
        ("Yurii Ihnat", "quote.following"),
        ("Yurii Ihnat", "paraphrase.cue_before"),
    ]
    # The unclosed quotation is attributed, and the line still says what was wrong with it.
    assert [n.message for n in doc.notes] == [
        "line 4: unbalanced quotation mark; the quotation was read to the end of its paragraph"
    ]


def test_a_title_before_a_name_the_recognizer_calls_an_organization() -> None:
    doc = extract(
        "Air defence was on the agenda.",
        "President of Ukraine Volodymyr Zelenskyy met the defence minister, stating that"
        " air defence remains the top priority.",
    )
    assert [(c.speaker.name, c.speaker.role) for c in doc.claims] == [
        ("Volodymyr Zelenskyy", "President")
    ]


def test_outlets_that_carry_the_words_are_their_sources() -> None:
    doc = extract(
        "Shells keep arriving at the front.",
        '"The Russians have imported a million shells," Maj. Gen. Vadym Skibitskyi told'
        " news outlet Interfax-Ukraine.",
    )
    (claim,) = doc.claims
    assert claim.speaker.name == "Vadym Skibitskyi"
    assert [(s.name, s.role) for s in claim.sources] == [("Interfax-Ukraine", "reported_by")]


def test_a_source_label_naming_an_outlet_sources_what_follows() -> None:
    doc = extract(
        "The EU agreed new sanctions on Wednesday.",
        "Source: European Pravda, referring to a European diplomat",
        "Details: On Wednesday, the ambassadors approved sanctions against three companies.",
    )
    (event,) = [e for e in doc.events if "ambassadors" in e.span.text]
    assert ("European Pravda", "reported_by") in [(s.name, s.role) for s in event.sources]


def test_calling_something_names_a_claim() -> None:
    doc = extract(
        "The EU adopted new sanctions.",
        "Kremlin spokesman Dmitry Peskov called the European Union’s new sanctions list absurd.",
    )
    assert [(c.speaker.name, c.text) for c in doc.claims] == [
        ("Dmitry Peskov", "the European Union’s new sanctions list absurd")
    ]


@pytest.mark.parametrize(
    ("role_text", "expected"),
    [
        ("the commander of Ukraine’s air force", ("commander", "Ukraine’s air force")),
        ("head of Ukraine’s presidential office", ("head", "Ukraine’s presidential office")),
        ("Ukraine’s air force commander", ("commander", "Ukraine’s air force")),
        ("U.N. spokesman", ("spokesman", "U.N.")),
    ],
    ids=["of-possessive", "head-of-possessive", "possessive-before", "initials"],
)
def test_employers_named_with_a_possessive(role_text: str, expected: tuple[str, str]) -> None:
    assert split_role(role_text) == expected


def test_a_quotation_closed_by_its_own_mark_is_the_next_sentences_speakers() -> None:
    doc = extract(
        "Orban meets Trump in Florida",
        "Hungarian Prime Minister Viktor Orban flew to Florida on Thursday to meet Donald "
        "Trump. \u201cWe talked about peace. He will fix it!\u201d Orban later wrote on social "
        "media.",
        "Foreign Minister Andrii Sybiha said the talks had been useful.",
        '"It is over." Sybiha wrote a letter to his counterparts.',
    )
    said = [(c.speaker.name, c.text) for c in doc.claims]
    assert ("Viktor Orban", "We talked about peace. He will fix it!") in said
    # a sentence that does more than say who spoke ("wrote a letter") attributes nothing
    assert not [
        c for c in doc.claims if c.text == "It is over" and c.extracted_by != "quote.following"
    ]


def test_a_trailing_speaker_named_after_a_title_and_a_comma() -> None:
    doc = extract(
        "Wagner claims a village",
        "Russian forces have taken full control of the village of Dubove, the Wagner "
        "founder, Yevgeny Prigozhin, claimed on Telegram.",
    )
    (claim,) = doc.claims
    assert claim.speaker.name == "Yevgeny Prigozhin"
    assert claim.text == "Russian forces have taken full control of the village of Dubove"


def test_a_second_sentence_saying_where_the_first_was_said_keeps_the_paragraph_before() -> None:
    doc = extract(
        "Talks open in Istanbul",
        "The Russian delegation is led by presidential aide Vladimir Medinsky.",
        "The head of the Ukrainian delegation, Rustem Umerov, said that peace was possible "
        "only after a full ceasefire. He wrote this on his Facebook page before the talks.",
    )
    # the "this" is the sentence before it, not the line before: Medinsky's line is no claim
    (claim,) = doc.claims
    assert claim.speaker.name == "Rustem Umerov"
    assert claim.text.startswith("peace was possible only after a full ceasefire")
    assert all(0 <= s.start < s.end for s in claim.spans)


def test_asking_someone_to_act_is_an_appeal_not_a_happening() -> None:
    doc = extract(
        "Speaker asks Tokyo for air defence",
        "Parliament Speaker Ruslan Stefanchuk asked Japan to provide an air defence system "
        "during talks in Tokyo on Wednesday.",
    )
    assert doc.events == ()
    (claim,) = doc.claims
    assert claim.speaker.name == "Ruslan Stefanchuk"
    assert claim.text.startswith("to provide an air defence system")


def test_not_ruling_something_out_is_a_stance() -> None:
    doc = extract(
        "Prime minister on the match",
        "Prime Minister Irakli Kobakhidze does not rule out provocations during the "
        "football match with Russia.",
        "The court ruled that the ban was lawful.",
    )
    (claim,) = doc.claims
    assert claim.speaker.name == "Irakli Kobakhidze"
    # the words keep their "not": the opposite claim is not his
    assert claim.text == "does not rule out provocations during the football match with Russia"


@pytest.mark.parametrize(
    ("role_text", "expected"),
    [
        (
            "spokesperson for the Khortytsya operational and strategic group of troops",
            ("spokesperson", "Khortytsya operational and strategic group of troops"),
        ),
        (
            "spokeswoman for the Luhansk military operation",
            ("spokeswoman", "Luhansk military operation"),
        ),
    ],
    ids=["group-of-troops", "military-operation"],
)
def test_formations_named_in_lower_case_after_their_name(
    role_text: str, expected: tuple[str, str]
) -> None:
    assert split_role(role_text) == expected
