"""Transcripts: turns under a speaker's label in capitals are the labelled speaker's;
questions, a moderator's words, greetings and thanks are nobody's claims (pure).

Each case is a short transcript of our own in the manner of a State Department or
Pentagon briefing.
"""

from __future__ import annotations

from datetime import date

from eventstore.extract import ArticleDoc, ArticleMeta, extract_article

PUBLISHED = date(2024, 3, 12)


def extract(title: str, *lines: str, category: str | None = None) -> ArticleDoc:
    text = title + "\n" + "\n".join(lines) + "\n"
    meta = ArticleMeta(published_on=PUBLISHED, outlet="U.S. Department of State", category=category)
    return extract_article(text, external_id="t", meta=meta, today=date(2026, 11, 30))


def said(doc: ArticleDoc) -> list[tuple[str, str]]:
    return [(c.speaker.name, c.text) for c in doc.claims]


def test_each_turn_is_its_labelled_speaker_named_in_full_by_the_intro() -> None:
    doc = extract(
        "Secretary Blinken and Foreign Minister Kuleba at a Joint Press Availability",
        "MODERATOR: Good morning. Secretary of State Antony Blinken and Foreign Minister "
        "Dmytro Kuleba will speak first.",
        "SECRETARY BLINKEN: Good morning, everyone. The aid package will pass, and it will "
        "reach Ukraine before the summer.",
        "Moscow is counting on our patience running out, and it will be disappointed.",
        "QUESTION: Mr. Secretary, when will the first Patriot missiles arrive in Kyiv?",
        "FOREIGN MINISTER KULEBA: Thank you. Our cities need the interceptors this month, "
        "not next year.",
    )
    assert said(doc) == [
        (
            "Antony Blinken",
            "The aid package will pass, and it will reach Ukraine before the summer",
        ),
        (
            "Antony Blinken",
            "Moscow is counting on our patience running out, and it will be disappointed",
        ),
        ("Dmytro Kuleba", "Our cities need the interceptors this month, not next year"),
    ]
    assert all(c.kind == "quote" and c.extracted_by == "transcript.turn" for c in doc.claims)
    assert doc.events == ()


def test_a_spokespersons_briefing_takes_the_name_from_the_title_line() -> None:
    doc = extract(
        "Department Press Briefing",
        "Matthew Miller, Department Spokesperson",
        "MR MILLER: Good afternoon. I have one announcement before I take your questions. "
        "Today the department is imposing sanctions on twelve companies that ship drone "
        "parts to Russia.",
        "QUESTION: Thanks, Matt. Do you expect Iran to deliver ballistic missiles?",
        "MR MILLER: We have seen nothing that changes our assessment that Iran is "
        "preparing to do so.",
        "QUESTION: Thank you.",
        "MR MILLER: Thanks, everyone.",
        category="Statement",
    )
    assert [name for name, _ in said(doc)] == ["Matthew Miller", "Matthew Miller"]
    # "I have one announcement ..." says what comes, and is no statement
    assert said(doc)[0][1].startswith("Today the department is imposing sanctions")
    assert said(doc)[1][1].startswith("We have seen nothing")
    assert doc.claims[0].speaker.role is not None
    assert "Spokesperson" in doc.claims[0].speaker.role
    # the issuer of a "statement" does not take the turns
    assert not any(c.speaker.name == "U.S. Department of State" for c in doc.claims)


def test_a_labelled_speaker_never_named_in_full_keeps_the_surname() -> None:
    doc = extract(
        "Pentagon Press Secretary Holds a Briefing",
        "GENERAL RYDER: Good afternoon. Russia has lost more than 2,000 tanks since the war "
        "began, by our count.",
        "QUESTION: General, is that count confirmed by Ukraine?",
        "GENERAL RYDER: We stand by the assessment and will not go beyond it today.",
    )
    assert [name for name, _ in said(doc)] == ["Ryder", "Ryder"]
    assert doc.claims[0].speaker.role == "General"


def test_lines_in_capitals_once_are_no_transcript() -> None:
    doc = extract(
        "Zelensky thanks partners for air defence",
        "KYIV: Ukrainian President Volodymyr Zelensky said on Monday that the new "
        "systems had already saved lives in Kharkiv.",
        "He said Ukraine still needed more interceptors for the coming winter.",
    )
    assert [name for name, _ in said(doc)] == ["Volodymyr Zelensky", "Volodymyr Zelensky"]


def test_an_interviewers_outlet_label_on_questions_only_is_no_speaker() -> None:
    doc = extract(
        "Interview with a drone pilot",
        "Taras Hnatiuk is the commander of a drone unit near Pokrovsk.",
        "NV: How many drones does your unit fly each night?",
        "Around sixty. Most of them are bombers now, not reconnaissance.",
        "NV: What do you need most?",
        "Batteries and radios. The drones themselves we can build.",
    )
    assert doc.featured_expert is not None
    assert doc.featured_expert.name == "Taras Hnatiuk"
    assert {c.speaker.name for c in doc.claims} == {"Taras Hnatiuk"}
    assert not any("?" in c.text for c in doc.claims)


def test_datelines_in_capitals_are_no_speakers() -> None:
    doc = extract(
        "Strikes on both sides of the border",
        "KYIV: Russian drones struck a power substation in the Sumy region on Monday night, "
        "the regional administration said.",
        "BELGOROD: Governor Vyacheslav Gladkov said Ukrainian shelling had damaged three "
        "houses in a border village.",
    )
    assert "Vyacheslav Gladkov" in {c.speaker.name for c in doc.claims}
    assert not any(c.extracted_by == "transcript.turn" for c in doc.claims)


def test_a_reporters_q_with_or_without_a_colon_is_nobodys() -> None:
    doc = extract(
        "Press Briefing by Press Secretary and NSC Coordinator John Kirby",
        "MR. KIRBY: Thanks, Karine. The President approved a new package of air defence "
        "interceptors for Ukraine this morning.",
        "Q    Admiral, will the package include long-range missiles for Ukraine?",
        "MR. KIRBY: The package is about air defence, and I will not go beyond that today.",
        "Q: Is the President worried that Congress will not pass the funding in time?",
        "MR. KIRBY: He is confident that a majority in both chambers supports Ukraine.",
    )
    assert [c.speaker.name for c in doc.claims] == ["John Kirby"] * 3
    assert not any("?" in c.text for c in doc.claims)


def test_one_label_runs_on_over_the_paragraphs_after_it() -> None:
    doc = extract(
        "Department Press Briefing",
        "The State Department held a briefing on Monday with Matthew Miller, spokesperson.",
        "MR MILLER:  Good afternoon, everyone.  Happy Monday.  Nobody likes Mondays more "
        "than I do, I suppose.  Let me start with a few comments.",
        "The United States condemns Russia's strikes on the port of Izmail in the strongest terms.",
        "We will keep helping Ukraine to export its grain by every route it has.",
    )
    assert said(doc) == [
        (
            "Matthew Miller",
            "The United States condemns Russia's strikes on the port of Izmail in the "
            "strongest terms",
        ),
        (
            "Matthew Miller",
            "We will keep helping Ukraine to export its grain by every route it has",
        ),
    ]


def test_a_single_capitalised_word_on_one_line_is_no_transcript() -> None:
    doc = extract(
        "Drones hit Odesa port",
        "ODESA: Russian drones hit grain silos in the port overnight, the regional governor "
        "Oleh Kiper said.",
        "Kiper said two workers were injured.",
    )
    assert not any(c.extracted_by == "transcript.turn" for c in doc.claims)


def test_a_radio_hosts_questions_are_nothing_and_a_correspondent_reports() -> None:
    doc = extract(
        "Russia strikes Kharkiv again",
        "ANNA REED, HOST:",
        "Russian glide bombs hit Kharkiv on Sunday, the regional governor said.",
        "REED: Our correspondent Pavlo Marr is in Kharkiv. What did you see there?",
        "PAVLO MARR, BYLINE: The bombs destroyed a shopping centre in the north of the city. "
        "Rescuers told us that 12 people were still missing.",
        '"We need more air defence, not more promises," President Volodymyr Zelensky said '
        "in his evening address.",
        "REED: How are people coping?",
    )
    assert [(c.speaker.name, c.kind) for c in doc.claims] == [("Volodymyr Zelensky", "quote")]
    texts = [e.span.text for e in doc.events]
    assert any(t.startswith("The bombs destroyed a shopping centre") for t in texts)
    assert not any("?" in t or "correspondent" in t for t in texts)
    assert not any(name in {"Anna Reed", "Pavlo Marr", "Reed", "Marr"} for name, _ in said(doc))


def test_a_guest_with_a_role_label_speaks_for_themselves() -> None:
    doc = extract(
        "Interview on the grid",
        "ANDERSON COOPER, CNN ANCHOR: Joining me now is an energy analyst in Kyiv.",
        "OLHA BRYK, ENERGY ANALYST: Ukraine has lost half of its generating capacity, and "
        "it cannot rebuild it before the winter.",
        "COOPER: What does that mean for Kyiv?",
        "BRYK: Kyiv will have power for eight or ten hours a day in the coldest weeks.",
    )
    assert said(doc) == [
        (
            "Olha Bryk",
            "Ukraine has lost half of its generating capacity, and it cannot rebuild it "
            "before the winter",
        ),
        ("Olha Bryk", "Kyiv will have power for eight or ten hours a day in the coldest weeks"),
    ]


def test_a_transcription_services_time_coded_labels_unnamed_speakers_are_nobody() -> None:
    doc = extract(
        "Press Briefing Transcript",
        "Karine Jean-Pierre: (00:00) Good afternoon. The President will meet the Ukrainian "
        "delegation at the White House on Thursday.",
        "Speaker 1 (01:10): The Russians say they have taken two more villages this week.",
        "John Kirby (01:20): Those villages were in the gray zone, and the line is holding.",
        "As Secretary Austin told reporters, the first interceptors are already in Poland.",
    )
    assert [c.speaker.name for c in doc.claims] == [
        "Karine Jean-Pierre",
        "John Kirby",
        "Austin",
    ]
    assert not any("Russians" in c.text for c in doc.claims)


def test_a_question_under_a_surname_label_is_nobodys_claim() -> None:
    doc = extract(
        "An update on the grain corridor",
        "DAVIES: The port of Odesa is open again, and insurers have doubled their prices.",
        "KATERYNA KOVAL, BYLINE: Thanks for having me.",
        "DAVIES: So what does that mean for the ships already at sea?",
        "KOVAL: They keep sailing, slower and closer to the Romanian coast.",
    )
    assert said(doc) == [
        ("Davies", "The port of Odesa is open again, and insurers have doubled their prices")
    ]
