"""Names the small model's recognizer misses (pure): a name it tags a person in one
paragraph ("the Ombudsman Taras Kovalets") is that person wherever the article uses it
again, in full or by the family name ("According to Kovalets, ..."), whatever the tagger
made of the word there; and a person a source line names ("This was reported by X, a
spokesman for ...") is the one "according to him" in the next paragraph means; a name
that describes a noun ("a senior Trump administration official") names no speaker; and "X
noted that Y had backed her and had not expressed concerns" is X's words to the end,
though the parser coordinates "expressed" inside them; an Arabic family name opens with its
article in lower case ("According to Noura al-Mansouri, ...").

Each case is a short article of our own in the manner of Ukrainian newswires.
"""

from __future__ import annotations

from datetime import date

from tests.extract.lines import article, claim_of, event_of

DAY = date(2024, 6, 30)


def test_a_family_name_used_again_is_the_person_named_in_full() -> None:
    doc = article(
        "Russia is unlawfully holding more than 9,000 Ukrainian civilians, and bringing them "
        "home is the hardest task of all. This was reported by the Ombudsman Taras Kovalets "
        "in a commentary to Interfax-Ukraine.",
        "According to Kovalets, for civilians there can be no exchange, only a return.",
        '"We have nothing to trade for them, and no legal ground to demand them back," he added.',
        published=DAY,
    )
    assert claim_of(doc, "no exchange, only a return").speaker.name == "Taras Kovalets"
    assert claim_of(doc, "nothing to trade for them").speaker.name == "Taras Kovalets"


def test_the_person_a_source_line_names_is_followed() -> None:
    doc = article(
        "The Russian army managed to cross the canal near the town and push into the defence "
        "line. Fighting continues. This was reported by Mykola Zavhorodnii, a spokesman for "
        "the 24th Brigade, on the national telethon.",
        "According to him, the Russian troops used the morning fog to cross the water.",
        published=DAY,
    )
    claim = claim_of(doc, "used the morning fog")
    assert claim.speaker.name == "Mykola Zavhorodnii"
    assert claim.kind == "paraphrase"


def test_what_is_said_runs_on_over_a_coordination_inside_it() -> None:
    doc = article(
        "The procurement of shells through the agency may stall over a legal dispute, "
        "reported Radio Svoboda, citing the agency's head, Olena Bezrukova.",
        "However, Defense Minister Rustam Kerimov canceled the board's decision on January "
        "24, stating that he would not extend Bezrukova's contract.",
        "Bezrukova also noted that Kerimov had publicly supported her during team "
        "meetings and had not expressed any concerns regarding the quality of her work.",
        published=DAY,
    )
    claim = claim_of(doc, "had not expressed any concerns")
    assert claim.speaker.name == "Olena Bezrukova"


def test_a_name_that_describes_a_noun_does_not_speak() -> None:
    doc = article(
        "The envoy of President Donald Trump, Steve Witkoff, will meet the Ukrainian "
        "delegation in Miami, the Associated Press reports.",
        "According to a senior Trump administration official, who spoke on condition of "
        "anonymity, the envoys will meet Ukraine's chief negotiator on Thursday.",
        published=DAY,
    )
    assert not [c for c in doc.claims if c.speaker.name == "Donald Trump"]
    assert "chief negotiator on Thursday" in event_of(doc, "chief negotiator").span.text


def test_an_arabic_family_name_opens_with_its_article() -> None:
    doc = article(
        "Six children taken to Russia have returned to Ukraine with Qatar's mediation, said "
        "Noura al-Mansouri, Qatar's minister of state for international cooperation.",
        "According to Noura al-Mansouri, the children were between eight and 15 years old.",
        published=DAY,
    )
    assert claim_of(doc, "between eight and 15").speaker.name == "Noura al-Mansouri"


def test_a_call_sign_between_the_names_is_no_part_of_the_name() -> None:
    doc = article(
        'Oleksii "Sokil" Marchuk, commander of the drone battalion, has summed up the week '
        "of strikes on fuel depots.",
        "Marchuk reported that the battalion's drones had struck three depots in Bryansk "
        "Oblast since Monday.",
        published=DAY,
    )
    speaker = claim_of(doc, "had struck three depots").speaker
    assert speaker.name == "Oleksii Marchuk"
    assert "drone battalion" in f"{speaker.role}, {speaker.affiliation}"


def test_a_family_name_read_as_a_plural_noun_is_a_person() -> None:
    doc = article(
        "In 2024, the ombudsman's office received 1,200 complaints about recruitment "
        "officers. Hrytsenets believes that the situation is getting worse.",
        "Hrytsenets announced this during his speech in parliament.",
        published=DAY,
    )
    assert claim_of(doc, "the situation is getting worse").speaker.name == "Hrytsenets"


def test_irish_and_scottish_family_names_are_whole() -> None:
    doc = article(
        "A campaign for new arrivals will be launched next month, said Housing Minister "
        "Ciaran O\u2019Dwyer after the announcement.",
        '"This flies in the face of that generosity," Aidan McCarthy, founder of a small '
        "aid charity, told national radio.",
        published=DAY,
    )
    assert claim_of(doc, "A campaign for new arrivals").speaker.name == "Ciaran O\u2019Dwyer"
    assert claim_of(doc, "flies in the face").speaker.name == "Aidan McCarthy"
