"""Quotations and clauses of news copy (pure): a quotation of several sentences whose
middle sentence runs "..., but what it will ask for in return" is one speaker's words,
one claim, not two speakers' halves; a quotation set in single curly quotes is one too
(but an opening single mark never closed opens none); unquoted words in the first person before a
paragraph's closing frame are its speaker's; what a body says it is "concerned" about,
hopes or complains of is its stance, and "reprimanded X for ..." is a person's stance,
not news; a newswire's words with no quotation marks, signed after a dash ("... -
wrote Grossi.", "... - he added, noting that ...", "... - Sokil noted.", "... - the minister
emphasized."), are the signer's quote, and the "I" of such words is no source; an agency
that "quoted X as telling the court" gives X's words.

Each case is a short article of our own in the manner of Ukrainian news sites and wires.
"""

from __future__ import annotations

from datetime import date

from tests.extract.lines import article, claim_of

DAY = date(2024, 11, 14)


def test_a_but_inside_a_quotation_does_not_split_it_into_two_claims() -> None:
    doc = article(
        "Mykola Baran, an energy analyst at the Kyiv Grid Institute, believes that repairs "
        "will take all winter.",
        '"Nobody should expect quick results while the strikes go on. The question is not '
        "whether the partners can help, but what they will ask for in return. The speed of "
        'repairs will decide the winter," Baran said.',
        published=DAY,
    )
    quoted = [c for c in doc.claims if c.kind == "quote"]
    assert len(quoted) == 1
    assert quoted[0].speaker.name == "Mykola Baran"
    assert quoted[0].text.startswith("Nobody should expect quick results")
    assert quoted[0].text.endswith("The speed of repairs will decide the winter")


def test_a_quotation_in_single_curly_quotes_is_one_claim() -> None:
    doc = article(
        "Prosecutor General Taras Melnyk spoke at a conference in The Hague on Monday.",
        "‘Investigating crimes during a war is extremely difficult. We document every crime "
        "in national courts. But our task goes much further,’ Melnyk explained.",
        published=DAY,
    )
    (claim,) = doc.claims
    assert claim.kind == "quote"
    assert claim.text == (
        "Investigating crimes during a war is extremely difficult. We document every crime "
        "in national courts. But our task goes much further"
    )


def test_a_single_quote_never_closed_opens_no_quotation() -> None:
    # an opening single mark closed by a double one: the sentence after it is read on
    # its own, not as part of a quotation running to the paragraph's end
    doc = article(
        "Ukraine's defence ministry said on Friday that three firms had started making "
        "interceptor drones.",
        "The interceptors use a domestic technology called ‘Hornet”. The ministry said the "
        "technology was tested in combat and proved that it worked at night.",
        published=DAY,
    )
    (told,) = [e for e in doc.events if "tested in combat" in e.span.text]
    assert told.span.text.startswith("The ministry said")
    assert [s.name for s in told.sources] == ["Ukraine's defence ministry"]


def test_first_person_words_before_a_closing_frame_are_the_speakers() -> None:
    doc = article(
        "The German arms maker plans to build a plant in western Ukraine.",
        "Four of our systems are already in Ukraine, and more will follow this year. The "
        "next one is in just a few weeks, Lindner said during a call with journalists.",
        published=DAY,
    )
    said = claim_of(doc, "Four of our systems")
    assert said.speaker.name == "Lindner"
    assert "The next one is in just a few weeks" in said.text


def test_a_bodys_concern_hope_and_complaint_are_its_stances() -> None:
    doc = article(
        "Blasts hit the state security ministry in Tiraspol on Monday.",
        "Moldova's Office for Reintegration Policy said it was “concerned” about the blasts.",
        "Kyiv has said it hoped to raise its monthly grain exports to 4 million tonnes.",
        "Russia has complained that its own fertilizer exports faced obstacles.",
        "Andriy Hrytsak, head of the Ukrainian Red Cross Society, reprimanded the committee "
        "for ignoring the request to visit the camp.",
        published=DAY,
    )
    assert claim_of(doc, "about the blasts").speaker.name == (
        "Moldova's Office for Reintegration Policy"
    )
    assert claim_of(doc, "4 million tonnes").speaker.name == "Kyiv"
    assert claim_of(doc, "faced obstacles").speaker.name == "Russia"
    assert claim_of(doc, "ignoring the request").speaker.name == "Andriy Hrytsak"
    assert len(doc.events) == 1  # the blasts


def test_a_stance_verb_in_a_clause_of_the_cue_does_not_take_the_quotation() -> None:
    doc = article(
        "Belarus hosts the first column of the volunteer battalion.",
        '"These men have seen real combat and will pass their experience on to our '
        'soldiers," the Belarusian Defence Ministry said as Lukashenko welcomed them '
        "into the country.",
        published=DAY,
    )
    (claim,) = doc.claims
    assert claim.speaker.name == "Belarusian Defence Ministry"
    assert claim.kind == "quote"
    assert claim.text.startswith("These men have seen real combat")


def test_words_signed_after_a_dash_are_a_quote() -> None:
    doc = article(
        "IAEA chief Rafael Grossi is travelling to the Zaporizhzhia plant again, the agency said.",
        "I am heading to the plant to continue our assistance and help prevent an accident "
        "- wrote Grossi.",
        'It is crucial that they keep the "Shield" programme running. We will support them. '
        "- he added, noting that the next rotation of inspectors is ready.",
        published=DAY,
    )
    signed = claim_of(doc, "I am heading to the plant")
    assert (signed.speaker.name, signed.kind) == ("Rafael Grossi", "quote")
    assert claim_of(doc, "It is crucial that they keep").speaker.name == "Rafael Grossi"
    noting = claim_of(doc, "the next rotation of inspectors is ready")
    assert (noting.speaker.name, noting.kind) == ("Rafael Grossi", "paraphrase")


def test_words_signed_with_the_name_or_role_first_are_a_quote() -> None:
    doc = article(
        "Foreign Minister Ivan Sokil said that one country still blocks the opening of the "
        "accession clusters.",
        "Ukraine is doing its homework. We are ready to open three clusters. - Sokil noted.",
        "I named the deficit our defence sector faces today. We are talking about 15 billion "
        "euros. - the minister emphasized.",
        published=DAY,
    )
    assert claim_of(doc, "doing its homework").speaker.name == "Ivan Sokil"
    named = claim_of(doc, "15 billion euros")
    assert (named.speaker.name, named.kind, named.sources) == ("Ivan Sokil", "quote", ())


def test_an_agency_quoting_someone_as_telling_the_court() -> None:
    doc = article(
        '"I cannot post anything, I am in a penal colony," the state news agency quoted Ivan '
        "Orekhov as telling the court by video link.",
        published=DAY,
    )
    told = claim_of(doc, "I am in a penal colony")
    assert told.speaker.name == "Ivan Orekhov"
