"""The parts of an article: title, lede, venue line, body, background section, category.

The seed outlet writes: a title line, a lede naming the expert, a venue line ("He
expressed his opinion on Espreso TV."), quotes and paraphrases, a background header
("Some details about ...", "Background", "...: chronology"), a timeline, and "- News".
Wire copy opens with a dateline instead ("KYIV, June 3 (Reuters) - ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from eventstore.extract.claims import SPEECH_VERBS
from eventstore.extract.dates import leading_date
from eventstore.extract.names import NATIONALITY_WORDS, is_outlet, looks_like_organization
from eventstore.extract.naming import ROLE_NOUNS
from eventstore.extract.people import make_person, name_at_end, parse_person
from eventstore.extract.text import QUOTE_CLOSE, QUOTE_OPEN, Paragraph
from eventstore.extract.transcript import Turn, transcript_turns
from eventstore.normalize import fold

_OUTLET = r"(?P<outlet>[A-Z][\w.'’&-]*(?:\s+[A-Z0-9][\w.'’&-]*)*)"
_OUTLET_TAIL = r"(?:\s+(?:TV\s+)?(?:channel|broadcast|program|programme|show|website|podcast))?"
_VENUE = re.compile(
    r"^(?:He|She|They|The\s+[\w-]+(?:\s+[\w-]+)?|[A-Z][\w'-]+)\s+"
    r"(?:expressed|shared|voiced|gave|made|said|stated|spoke|told|commented)\b[^.]{0,60}?"
    r"\b(?:on|with|to|in\s+an\s+interview\s+(?:with|to)|on\s+the\s+air\s+of)\s+"
    rf"(?:the\s+)?{_OUTLET}{_OUTLET_TAIL}\s*\.?$"
)
_TOLD_OUTLET = re.compile(rf"\btold\s+(?:the\s+)?{_OUTLET}{_OUTLET_TAIL}\s+that\b")
# KYIV, June 3 (Reuters) -   KYIV, Ukraine (AP) —   Warsaw (AFP) -   Bratislava, 18 July (TASR) -
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z .'’/-]{1,30}(?:,\s+[A-Z][A-Za-z .'’-]{1,30})?"
    r"(?:,\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}))?)"
    r"\s+\((?P<outlet>[^()]{2,40})\)\s*[-–—]+\s*"
    # Dec 21 (Reuters) - : a wire's date and name with no place
    r"|^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?\s+\d{1,2}\s+"
    r"\((?P<outlet5>[^()]{2,40})\)\s*[-–—]+\s*"
    # MOSCOW, September 14. /TASS/.
    r"|^[A-Z][A-Z .'’-]{1,30},\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\.?\s+"
    r"/(?P<outlet2>[A-Za-z-]{2,20})/\.?\s*"
    # (MENAFN- UkrinForm) US Secretary of State ...: a syndicator's bracket, no dash
    r"|^\((?:MENAFN\s*-\s*)?(?P<outlet3>[A-Z][\w .'’&-]{1,30})\)(?:\s+|\s*[-–—]\s*)(?=[A-Z])"
    # SEOUL, South Korea — / TAIPEI — (AP style: the city in capitals, no outlet)
    r"|^[A-Z][A-Z.'’-]{2,20}(?:\s[A-Z][A-Z.'’-]{1,20})?(?:,\s+[A-Z][A-Za-z .'’-]{1,30})?\s+[—–]\s*"
    r"(?=[A-Z])"
    # Ankara [Turkey], August 6 (ANI): / Ankara [Turkey], August 6 : / Moscow, May 13:
    r"|^[A-Z][\w .'’-]{1,30}(?:\s+\[[A-Z][\w .'’-]{1,30}\])?,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*"
    r"(?:\((?P<outlet4>[A-Z][\w .&-]{1,20})\))?\s*:\s*(?=[A-Z])"
    # "Vilnius, Lithuania, October 12, 2021 - ": a press release's place and full date
    r"|^[A-Z][\w .'’-]{1,30},\s+[A-Z][\w .'’-]{1,30},\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}"
    r"\s+[—–-]+\s*(?=[A-Z])"
)
_DATELINE_OUTLETS = ("outlet", "outlet2", "outlet3", "outlet4", "outlet5")
_CATEGORY = re.compile(r"^[-–—]\s*(?P<category>[A-Z][\w &/,'-]{0,40})$")
_SENTENCE_END = '.!?…"”»)'


@dataclass
class Layout:
    """Where each part of an article is."""

    title: Paragraph
    lede: Paragraph | None = None
    deck: Paragraph | None = None  # under the title: "Key Takeaways from the ISW:"
    lede_offset: int = 0
    venue: Paragraph | None = None
    outlet: str | None = None
    header: Paragraph | None = None
    body: list[Paragraph] = field(default_factory=list)
    background: list[Paragraph] = field(default_factory=list)
    category: str | None = None
    labels: dict[int, str] = field(default_factory=dict)
    author: str | None = None  # an op-ed's byline
    author_body: bool = False  # the byline names a body ("By Kyiv School of Economics")
    author_bio: str | None = None  # "Taras Levchuk is a senior fellow at ...": the role
    author_paper: str | None = None  # the paper a column first ran in, after its byline
    opinion: bool = False  # an opinion page's disclaimer: its text is its author's
    interviewee: tuple[str, str] | None = None  # an interview's intro: (name, role)
    turns: dict[int, Turn] = field(default_factory=dict)  # a transcript's, by paragraph
    # lines that are no text but may name people ("Japan's Foreign Minister Takeshi Iwaya
    # visits ... (AFP)"): a caption names whom "the minister" later is
    asides: list[Paragraph] = field(default_factory=list)
    subheads: frozenset[int] = frozenset()  # paragraphs that head a part of the story


_NOT_TEXT = re.compile(
    r"^(?:\(END\)|\(?(?:Reporting|Writing|Additional reporting|Editing)\s+by\b.*"
    r"|(?:Read|See)\s+(?:also|more)\s*:.*|Photo(?:s)?\s*(?:by)?\s*:.*|_{3,}|[*•]{1,3}\s*$|Subscribe\b.*|Follow\s+(?:us|our)\b.*"
    r"|.*\b[\w.+-]+@[\w-]+\.[\w.]+\s*\)?$"
    r"|.*\bcontributed\s+(?:reporting\s+)?to\s+th(?:is|e)\s+(?:report|story|article).*"
    r"|.*\(Photo:.*\)$)$",
    re.IGNORECASE,
)
# Bylines with a time, lines that are only a date or time, author lines and credits,
# photo captions (a credit in brackets at the end, or "(L)"/"(R)" placements).
_DISCLAIMER_RE = (
    r"\b(?:[Oo]pinions?|[Vv]iews?|[Vv]iewpoints?)\b[^.]{0,40}\b(?:represent|reflect|are)\s+"
    r"(?:solely\s+|only\s+)?(?:the\s+)?(?:viewpoints?|views?|opinions?|those)\s+of\s+the\s+"
    r"(?:author|writer|columnist)s?\b"
)
_DISCLAIMER = re.compile(_DISCLAIMER_RE)
# "Article published in The Daily Telegraph, 19 October 2022. © Jane Roe": the author
_COPYRIGHT = re.compile(r"©\s*(?P<name>[A-Z][a-z]+(?:\s+[A-Z][\w'’-]+){1,2})\s*$")
_NOT_TEXT_2 = re.compile(
    r"\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?\b.*\bmin(?:ute)?s?\s+read\b"
    r"|^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+"
    r"\.?\s+\d{1,2}),?\s+\d{4}(?:,?\s+\d{1,2}:\d{2}(?:\s*[apAP]\.?[mM]\.?)?(?:\s+[A-Z]{2,4})?)?$"
    # "02 January 2024 11:19 RUSSIA'S AGGRESSION AGAINST UKRAINE": a time stamp and a
    # section name in capitals
    r"|^\d{1,2}\s+[A-Z][a-z]+\s+\d{4},?\s+\d{1,2}:\d{2}(?:\s+[A-Z][A-Z'’,&-]*)+$"
    r"|^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){1,2}$"
    r"|^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}\s+is\s+(?:the|a|an)\s+.{0,80}"
    r"(?:correspondent|editor|reporter|writer|journalist|columnist)\.?$"
    # "Kyiv Ledger | Opinion", "News / Opinion / Columns": a site's section path
    r"|^[A-Z][\w'’ -]{1,30}(?:\s+[•|/>›»]\s+[\w'’ -]{2,30})+$"
    r"|[(\[](?:File:|Photo:)?[^()\[\]]*(?:/|Getty|AFP|AP Photo|Reuters|via\s|Pool|EPA|Shutterstock"
    r"|[Pp]hoto|Screenshot|Pic\.|[Ii]mage:)[^()\[\]]*[)\]]\s*$"
    r"|\((?:L|R|C|left|right|center|centre)\)"
    # "Ruslan Stefanchuk, left, shakes hands with ...": a caption placing who is where
    r"|[a-z]\s*,\s+(?:left|right|center|centre|second\s+(?:left|right))\s*,\s+[a-z]"
    # "This article was first published by ...": a repost's line above the byline
    r"|^This (?:article|story|piece|column|op-ed|commentary) (?:was|is|has been) "
    r"(?:originally |first )?(?:published|reprinted|posted)\b"
    r"|^This (?:article|story|piece|column|op-ed|commentary) (?:originally |first )?appeared\b"
    r"|^(?:Originally|First) (?:published|appeared)\b"
    r"|\bedited for (?:length|clarity|brevity)\b|\bPhotos?:\s"
    # an embedded post's signature: "— Jane Roe (@janeroe) December 12, 2025"
    r"|^[—–-]\s*[^()]{2,100}\(@\w+\)\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}$"
    # a page's stamps: "Published May 9, 2025last updated May 9, 2025", "Posted 10:05 AM"
    r"|^(?:Published|Posted|Updated|Last\s+updated)\b.{0,50}\d{4}.{0,40}$"
    # a live blog's housekeeping: "This blog is now closed. Please move over to ..."
    r"|^(?:This|Our)\s+(?:live\s+)?blog\s+(?:is\s+)?(?:now\s+)?clos\w*\b"
    # "For the latest headlines, follow our Google News channel online or via the app."
    r"|^For\s+the\s+latest\s+(?:headlines|news|updates)\b.*\bfollow\s+(?:us|our)\b"
    # a page's call to its readers: "Support the Kyiv Ledger on Patreon!", "Join us today!"
    r"|^(?:Support|Donate\s+to|Join|Sign\s+up|Become)\b[^.?!]{0,60}"
    r"(?:!|\b(?:Patreon|newsletter|donations?|subscription|membership)\W*)$"
    # a caption that says what its picture is: "Illustrative purposes only: A missile ..."
    r"|^(?:Illustrative|Illustration|Archive|File)\s+(?:purposes\s+only|photos?|images?"
    r"|pictures?)\b\s*[:.(]"
    # a caption ending in its credit: "... on 12 May 2022. Photograph: AP"
    r"|\b(?:Photograph|Picture|Image|Illustration|Credit)s?:\s*[A-Z][\w .,/&'’-]{0,60}$"
    # a wire photo's: "... Ukraine August 26, 2022. REUTERS/Jane Roe", "FILE PHOTO: ...",
    # "In this photo provided by ..."
    r"|\b(?:REUTERS|AFP|AP|EPA|ANADOLU)\s*/\s*[A-Z][\w'’ .-]{0,40}(?:/\s*File\s+Photo)?\s*$"
    r"|^(?:FILE\s+PHOTO|File\s+photo)\s*:|^In\s+this\s+(?:handout\s+)?(?:photo|image)\b"
    # or in an agency's and photographer's: "... in Warsaw. © UNHCR/Anna Liminowicz"
    r"|©\s*[A-Z][\w.&-]*\s*/\s*[A-Z][\w'’ .-]{0,40}$"
    # an opinion page's disclaimer: "Opinions represent the viewpoint of the author."
    rf"|{_DISCLAIMER_RE}"
    r"|\d{4},?\s+\d{1,2}:\d{2}$"
    r"|^By\s+[A-Z][a-z]+(?:\s+[A-Z][\w.'’-]+){1,3}(?:\s*(?:and|,)\s*[A-Z][\w.'’-]+"
    r"(?:\s+[A-Z][\w.'’-]+){0,3})*(?:\s*[|,].*)?$"
    # "JANE ROE and JOHN DOE, Associated Press Oct. 8, 2022 Updated: ...": a wire byline
    r"|^[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){1,3}(?:\s*(?:and|,)\s*[A-Z][A-Z.'’-]+"
    r"(?:\s+[A-Z][A-Z.'’-]+){1,3})*\s*,\s+(?:The\s+)?[A-Z][\w ]{1,30}?\s+[A-Z][a-z]{2}\w*\.?\s+\d"
    # "KUPIANSK, UKRAINE -- MAY 23: An electricity pylon ...": a photo agency's caption
    r"|^[A-Z][A-Z .'’-]+,\s+[A-Z][A-Z .'’-]+\s+(?:--|[-–—])\s+[A-Z]{3,9}\s+\d{1,2}:\s"
)
# A page's time stamp: "• updated: Nov 02 2022, 22:01 ist", "Posted March 7, 2025 3:35
# am.", "Last Updated 7 March 2025, 5:02 a.m. EST", "Updated 12:05 GMT": a date or a clock
# time (or both), with its zone, after an optional word of posting.
_DAY = r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4})"
_CLOCK = r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s?m\.?)?(?:\s+\(?[A-Z]{2,4}\)?|\s+ist)?"
_POSTED = r"(?i:(?:last\s+)?(?:updated|published|posted|modified))(?:\s+on)?\s*:?\s*"
_STAMP = re.compile(
    rf"^[•*]?\s*(?:{_POSTED}(?:{_DAY},?(?:\s+(?:at\s+)?{_CLOCK})?|{_CLOCK})"
    rf"|{_DAY},?(?:\s+{_CLOCK})?)\.?$"
)
_SUMMARY_HEADER = re.compile(r"^(?:Summary|Key points|Highlights|In brief|Main points):?$", re.I)
_BULLET = re.compile(r"^[•*▪●◦–-]\s+")
# the name a label gives for the words after it ("Quote by Peskov:", "Said Brink:")
_QUOTED_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}"
_LABEL = re.compile(
    r"^(?P<label>Source|Details|Quote|Background|Context|Reminder|Update|Summary|Key points|"
    r"Also|Earlier|What happened|Analysis)"
    # "Quote by Peskov:": whose words follow
    rf"(?:\s+(?:by|from)\s+(?P<quoted>{_QUOTED_NAME})(?=\s*:))?"
    r"(?:\s*:\s*(?=\S)|(?=[A-Z][a-z]))"
    # ^ "DetailsAccording to ...": a label whose line break the page lost
)
# "Said Brink: “We continued ...”": a columnist's inverted cue before a quotation
_SAID_BY = re.compile(rf"^(?:Said|Says|Added|Adds)\s+(?P<quoted>{_QUOTED_NAME}):\s+(?=[\"“«])")
# A newswire's lead-in to what it told before: "Also remind, in July ...", "Recall that
# ...", "As a reminder, ...", "Let us remind you that ..."
_REMINDER = re.compile(
    r"^(?:Also,?\s+)?(?:(?:(?:let\s+us|we)\s+)?(?:remind|recall)(?:\s+you)?(?:\s+that)?"
    r"|As\s+a\s+reminder(?:\s+that)?)\s*,?\s+(?=\S)",
    re.IGNORECASE,
)
# An interviewer's question: "— How has Russia changed its tactics?", "Q: ...", "NV: ...?",
# "ntv.de: ...?"; in an interview, a bare question line too ("Are battles going on?").
_QUESTION = re.compile(
    r"^(?:[—–-]\s*|Q\s*:\s*|Question\s*:\s*|(?:[A-Z]{1,6}|[\w'’&-]+\.[a-z]{2,4})\s*:\s*)"
    r".*\?[\"”»]?$"
)
_BARE_QUESTION = re.compile(r"^[A-Z\"“«].{0,200}\?[\"”»]?$")
_INTERVIEW = re.compile(r"\binterview\b", re.I)
# "interview with Interfax-Ukraine of Enlargement Commissioner X": the outlet that asked
_OUTLET_OF = re.compile(r"^[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)?\s+of\s+(?=[A-Z])")
_INTERVIEW_WITH = re.compile(r"\b[Ii]nterview\s+with\s+(?P<who>[^,:;?]+?)(?:\s+for\s+|[,:;?]|$)")
# a paragraph whose last (or first) sentence asks "you" something
_ASKED = re.compile(
    r"(?:^|[.!?…]\s+)[^.!?…]*\b[Yy]ou\b[^.!?…]*\?[\"”»]?$|^[^.!?…]*\b[Yy]ou\b[^.!?…]*\?\s"
)
_FULL_NAME = re.compile(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")
_NAME = r"[A-Z][a-z]+(?:\s+[A-Z][\w'’-]+){1,2}"
# "Olexander Kravchenko is the commander of ...", "X commands a battalion ...", "The Kyiv
# Ledger spoke to X, the commander of ...": an interview's intro names who answers
_INTRO = re.compile(
    rf"^(?P<name>{_NAME}),?\s+(?:is|was)\s+(?P<role>(?:a|an|the)\s+[^.,;]+)"
    rf"|^(?P<doer>{_NAME})\s+(?P<verb>commands|heads|leads|runs|directs|chairs)\s+"
    r"(?P<what>[^.,;]+)"
    rf"|\b(?:spoke|talked)\s+(?:to|with)\s+(?P<asked>{_NAME}),\s+(?P<asked_role>(?:a|an|the)\s+[^.,;]+)"
)
# the role noun of a verb of leading: "X commands a battalion" is its commander
_LEADING = {"commands": "commander", "heads": "head", "leads": "leader", "runs": "head"}
_LEADING |= {"directs": "director", "chairs": "chair"}
# "Jane Roe: What effect ...?" then "John Doe: Suppose ...": turns labelled with the full
# names of who asks and who answers
_NAMED_TURN = re.compile(rf"^(?P<name>{_NAME}):\s+(?=\S)")
# an answer under a short name: "M. Reisner: ...", "Vlasiuk: ..." (not a layout's label)
_SHORT_TURN = re.compile(r"^(?P<name>(?:[A-Z]\.\s*)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?):\s+(?=\S)")
_LABEL_WORDS = frozenset(
    "Source Details Quote Background Update Photo Video Reference Context Note Read".split()
)
# the asking turn may be the outlet's ("Respekt: When were you ...?")
_ASKING_TURN = re.compile(r"^(?P<name>[A-Z][\w'’.&-]+(?:\s+[A-Z][\w'’-]+){0,2}):\s+(?=\S)")
# "..., Professor Jane Roe, PhD, is ready to provide answers": who the questions go to
_ANSWERS = re.compile(
    rf"(?P<name>{_NAME}),?\s+(?:[A-Z][A-Za-z.]{{1,5}},\s+)?(?:is|was|will|has|answers|answered)\b"
)
_SPOKE_TO = re.compile(rf"\b(?:spoke|talked)\s+(?:to|with)\s+{_NAME}\b")
_BYLINE_DATE = r"(?:\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})"
# "By Jane Doe", "By Jane Doe, February 25, 2022", "Jane Doe | 25 February 2022"
_BYLINE = re.compile(
    r"^(?:By\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z][\w'’-]+){1,2})(?:\s*[,|]\s*"
    + _BYLINE_DATE
    # "By Alexis Mrachek, opinion contributor": a role in lower case after the name
    + r"|,\s+(?P<byrole>[a-z][a-z -]{2,40})"
    # "By Trudy Rubin / The Philadelphia Inquirer": the paper the column first ran in
    + r"|\s+/\s+(?P<paper>(?:The\s+)?[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,4}))?"
    r"|(?P<dated>[A-Z][a-z]+(?:\s+[A-Z][\w'’-]+){1,2})\s*[,|]\s*" + _BYLINE_DATE + r")\.?$"
)
# "Antara Haldar for Project Syndicate": a syndicated column's byline
_FOR_OUTLET = re.compile(
    r"^(?P<name>[A-Z][a-z]+(?:\s+[A-Z][\w'’-]+){1,2})\s+for\s+[A-Z][\w'’ -]{2,40}$"
)
# "Op-ed article by NATO Secretary General Mark Rutte": the author with his titles
_OPED_BY = re.compile(
    r"^(?:An?\s+)?(?:Op-?ed|Opinion|Commentary|Column|Guest\s+column)(?:\s+(?:article|piece))?"
    r"\s+by\s+(?P<who>[A-Z][^.!?]{3,120})$",
    re.I,
)
# "Author" / "About the author" / "Written by" on a line of its own, then the name, then
# perhaps a short role line with no sentence in it ("Fellow", "Senior Fellow, Asia")
_AUTHOR_BOX = re.compile(r"^(?:Authors?|About the authors?|Written by)\s*:?$", re.I)
_BOX_NAME = re.compile(r"^[A-Z][a-z]+(?:\s+[A-Z][\w'’-]+){1,2}$")
# "- Carl P. Leubsdorf", "ANGELO LYNN": a byline's name with a dash before it, a middle
# initial or in capitals (the initial is dropped, the capitals made a name's)
_DASHED_OR_CAPITAL_NAME = re.compile(
    r"^(?:[-–—]\s*)?(?P<first>[A-Z][A-Za-z]+)(?:\s+[A-Z]\.)?(?P<rest>(?:\s+[A-Z][\w'’-]+){1,2})$"
)
# "About the author: Jane Roe is Estonia's foreign minister." on one line
_ABOUT_LINE = re.compile(
    r"^(?i:about\s+the\s+author|author)\s*:\s*"
    r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z][\w'’-]+){1,2}) is (?P<role>[^.]{3,120})\.$"
)
_BOX_ROLE = re.compile(r"^[A-Z][\w'’ ,&-]{1,60}$")
_BIO = re.compile(
    r"^(?P<name>[A-Z][a-z]+(?:\s+[A-Z][\w'’-]+){1,2}) is "
    r"(?P<role>(?:(?:a|an|the) |(?=[A-Z]))[^.]+)\."
)
# "Jane Roe, Member of Parliament, Head of the Working Group": a name, then its titles
_NAME_AND_TITLE = re.compile(
    r"^(?P<name>[A-Z][a-z]+(?:\s+[A-Z][\w'’-]+){1,2})(?:,|\s+[-–—])\s+"
    r"(?P<role>(?:Member|Head|Minister|Director|Chair|Professor|Senior|Former|Deputy|President"
    r"|Leader|Founder|Editor|Chief)\b[^.!?]{3,200})$"
)
# "By Kyiv School of Economics November 20, 2023": a body's byline
_BODY_BYLINE = re.compile(
    r"^By\s+(?P<name>[A-Z][\w'’-]+(?:\s+(?:of|for|on|and|the|[A-Z][\w'’-]+)){1,7}?)"
    r"\s*[,|]?\s*" + _BYLINE_DATE + r"\.?$"
)
_TIME = re.compile(r"^(?P<time>\d{1,2}[:.]\d{2})\s+(?=\S)")
# ("More details on ..." heads a background; a newswire's "Details" opens its own story)
_BACKGROUND_WORDS = re.compile(
    r"\b(?:details?(?<!^Details)(?<!^details)|background|chronology|timeline|context|preceded|history|earlier|recall|"
    r"reminder|previously|cooperation)\b",
    re.IGNORECASE,
)


# "Key updates on May 23:", "Main developments:": a roundup's header above its bullets
_ROUNDUP = re.compile(
    r"^(?:[A-Z][\w'’-]*\s+){0,3}(?:updates|developments|headlines|events)\b[^!?]{0,40}:$"
    # a live blog's summary: "What you need to know", "Here's what we know so far"
    r"|^(?:Here['’]s\s+)?what\s+(?:you\s+need\s+to|we)\s+know(?:\s+so\s+far)?\s*:?$",
    re.I,
)
# "• Syrskyi: Russia 'bogged down' ...": a headline that quotes a speaker it names
_SPEAKER_HEADLINE = re.compile(r"^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}:\s")


_ASIDE_WORDS = 6


def _text_lines(paras: list[Paragraph], found: Layout) -> list[Paragraph]:
    kept: list[Paragraph] = []
    listing = _all_bullets(paras)
    roundup = False
    for whole in paras:
        paragraph = _without_trailer(whole)
        if not kept and _SUMMARY_HEADER.match(paragraph.text):
            continue  # "Summary" above a wire story's bullets
        bullet = _BULLET.match(paragraph.text)
        if bullet and (listing or roundup):
            kept.append(_roundup_item(_cut(paragraph, bullet.end()), found, dated=roundup))
            continue
        if listing and kept:
            continue  # after a list that is the text: its map, authors and links
        roundup = _ROUNDUP.match(paragraph.text) is not None
        if roundup or not _is_text(paragraph, found, before=len(kept)):
            if len(paragraph.text.split()) >= _ASIDE_WORDS:
                found.asides.append(paragraph)
            continue
        line = paragraph
        if bullet and not _CATEGORY.match(paragraph.text):
            # "- X said earlier that ...": the mark is no word of the sentence (a closing
            # "- Politics" is the category line)
            line = _cut(paragraph, bullet.end())
            found.labels[paragraph.index] = "bullet"
        elif kept and (dateline := _DATELINE.match(line.text)):
            line = _cut(paragraph, dateline.end())  # a live blog entry's "KYIV, Ukraine —"
        kept.append(_labelled(line, found))
    return kept


def _author_box(paras: list[Paragraph], found: Layout) -> set[int]:
    """A site's author box ("Author", then "Jane Roe", then a role line "Fellow"; often at
    the page's end): the byline of an op-ed, its role line the bio. Its lines' indices."""
    for paragraph in paras:
        if (about := _ABOUT_LINE.match(paragraph.text)) and _person(about.group("name")):
            found.author, found.author_bio = about.group("name"), about.group("role")
            return {paragraph.index}
    for at, paragraph in enumerate(paras[:-1]):
        name = paras[at + 1].text
        if not (_AUTHOR_BOX.match(paragraph.text) and _BOX_NAME.match(name)):
            continue
        if found.author is not None or looks_like_organization(name):
            return set()
        found.author = name
        boxed = {paragraph.index, paras[at + 1].index}
        role = paras[at + 2] if at + 2 < len(paras) else None
        if role is not None and _BOX_ROLE.match(role.text) and len(role.text.split()) <= 6:
            # "Senior Fellow" set as a heading is a role, not a body's name
            bio = role.text
            titled = "," not in bio and fold(bio.split()[-1]) in ROLE_NOUNS
            found.author_bio = bio.lower() if titled else bio
            boxed.add(role.index)
        return boxed
    return set()


def _all_bullets(paras: list[Paragraph]) -> bool:
    """An article that is a list ("Key takeaways": bullets and little else, a map's caption
    or the authors after them): its bullets are its text, not a summary above it."""
    bullets = sum(len(p.text.split()) for p in paras if _BULLET.match(p.text))
    rest = [p for p in paras if not _BULLET.match(p.text)]
    if len(paras) - len(rest) < 2:
        return False
    first = next(p.index for p in paras if _BULLET.match(p.text))
    if any(_LABEL.match(p.text) for p in rest if p.index < first):
        return False  # "Source:", "Details:", then "Background:" and its list: a story
    return len(rest) <= 1 or bullets >= 2 * sum(len(p.text.split()) for p in rest)


def _roundup_item(paragraph: Paragraph, found: Layout, *, dated: bool) -> Paragraph:
    """A bullet of a list that is text: under a roundup's header ("Key updates on May
    23:"), a headline of that day's news ("Russian attack on Kharkiv kills 7"), whose
    present tense tells a happening; one that quotes a named speaker is no item."""
    if _SPEAKER_HEADLINE.match(paragraph.text):
        found.labels[paragraph.index] = "headline"
    elif dated:
        found.labels[paragraph.index] = "update"
    return paragraph


def _person(name: str) -> bool:
    """A line that can be a person's name: no word of a place, a nation or a body."""
    words = fold(name).split()
    return not looks_like_organization(name) and not any(w in NATIONALITY_WORDS for w in words)


def _is_text(paragraph: Paragraph, found: Layout, *, before: int) -> bool:
    """False for bylines, bios, trailers, captions, and summary bullets above the lede; an
    op-ed's byline (under the title or a deck: ``before`` lines of text were kept) and
    bio are kept in ``found``."""
    text = paragraph.text
    first = before == 0
    # a name alone on the line under the title is a byline too ("Tariq Al-Homayed")
    # (or under a deck: "The dispatch of the troops ...", then "Doo Jin-ho")
    boxed = _BOX_NAME.match(text) if before <= 1 and _person(text) else None
    byline = _BYLINE.match(text) or boxed
    groups = byline.groupdict() if byline else {}
    author = (groups.get("name") or groups.get("dated") or text) if byline else None
    author = author or (_plain_name(text) if first else None)
    # "Kyiv Ledger | March 4, 2024" is a masthead's line, not an author's
    if author and before <= 1 and found.author is None and not looks_like_organization(author):
        found.author = author
        found.author_paper = groups.get("paper")  # "By X / The Philadelphia Inquirer"
        return False
    if _titled_or_body_byline(text, found, before=before):
        return False
    if (owner := _COPYRIGHT.search(text)) and before <= 1 and found.author is None:
        found.author = owner.group("name")
        return False
    found.opinion = found.opinion or _DISCLAIMER.search(text) is not None
    bio = _BIO.match(text) if found.author else None
    if bio is not None and bio.group("name") == found.author:
        found.author_bio = bio.group("role")
        return False
    if _NOT_TEXT.match(text) or _NOT_TEXT_2.search(text) or _STAMP.match(text):
        return False
    return not (first and _BULLET.match(text))  # bullets above the lede restate the story


def _plain_name(text: str) -> str | None:
    """The name of a byline line in another shape ("- Carl P. Leubsdorf", "ANGELO LYNN")."""
    match = _DASHED_OR_CAPITAL_NAME.match(text)
    if match is None or (match.group() == text and _BOX_NAME.match(text)):
        return None
    name = f"{match.group('first')}{match.group('rest')}"
    name = name.title() if name.isupper() else name
    capitals = name != match.group("first") + match.group("rest")
    if not (capitals or text[:1] in "-–—" or "." in text) or not _person(name):
        return None
    return name


def _titled_or_body_byline(text: str, found: Layout, *, before: int) -> bool:
    """ "Halyna Yanchenko, Member of the Ukrainian Parliament, Head of ...": an op-ed's
    byline with its author's titles (a co-author's line after it is no text either); "By
    Kyiv School of Economics November 20, 2023": a body's own text. Kept in ``found``."""
    syndicated = _FOR_OUTLET.match(text) if before <= 1 else None
    if syndicated is not None and found.author is None and _person(syndicated.group("name")):
        found.author = syndicated.group("name")
        return True
    oped = _OPED_BY.match(text) if before <= 1 else None
    person = parse_person(oped.group("who"), default_kind="expert") if oped else None
    if person is not None and found.author is None:
        found.author, found.author_bio, found.opinion = person.name, person.role, True
        return True
    titled = _NAME_AND_TITLE.match(text) if before == 0 else None
    if titled is not None and _person(titled.group("name")):
        if found.author is None:
            found.author, found.author_bio = titled.group("name"), titled.group("role")
        return True
    body = _BODY_BYLINE.match(text) if before <= 1 and found.author is None else None
    if body and looks_like_organization(body.group("name")) and not is_outlet(body.group("name")):
        found.author, found.author_body = body.group("name"), True
        return True
    return False


def _labelled(paragraph: Paragraph, found: Layout) -> Paragraph:
    """``paragraph`` without its label ("Details:", a live blog's "16:05"), which goes to
    ``found.labels``; an interviewer's question is labelled whole."""
    if _QUESTION.match(paragraph.text):
        found.labels[paragraph.index] = "question"
        return paragraph
    if label := _TIME.match(paragraph.text):
        found.labels[paragraph.index] = f"time:{label.group('time')}"
        return _cut(paragraph, label.end())
    if said := _SAID_BY.match(paragraph.text):  # "Said Brink: "..."": hers, as "Quote by"
        found.labels[paragraph.index] = f"quote:{said.group('quoted')}"
        return _cut(paragraph, said.end())
    if label := _LABEL.match(paragraph.text):
        quoted = label.group("quoted")  # "quote:Peskov" for "Quote by Peskov:"
        name = label.group("label").lower()
        found.labels[paragraph.index] = f"{name}:{quoted}" if quoted else name
        return _cut(paragraph, label.end())
    if lead := _REMINDER.match(paragraph.text):
        found.labels[paragraph.index] = "reminder"
        return _cut(paragraph, lead.end())
    return paragraph


# "Respondent : Kurt Volker": an interview page's line naming whom it asks
_RESPONDENT = re.compile(
    r"^(?:Respondent|Interviewee)\s*:\s*(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})$"
)


def _respondent(paras: list[Paragraph]) -> str | None:
    found = (_RESPONDENT.match(p.text.strip()) for p in paras[1:6])
    return next((m.group("name") for m in found if m is not None), None)


def _interview(found: Layout, rest: list[Paragraph], respondent: str | None = None) -> None:
    """In an interview (so titled, or with questions marked as an interviewer's, or a
    respondent named), the bare question lines are the interviewer's too (any paragraph
    that ends in a question, where a respondent is named), and an intro that says who
    the interviewee is ("X is the commander of ...") names who answers."""
    answering = respondent or _named_turns(found, rest)
    marked = any(found.labels.get(p.index) == "question" for p in rest)
    # "Euronews spoke to X, a senior fellow at ...": the outlet's intro, at the top or
    # after the lede and its background
    intro = next((p for p in rest[:8] if _SPOKE_TO.search(p.text)), None)
    spoke_to = intro is not None
    asks = _asks if respondent is not None else _BARE_QUESTION.match
    bare = [p for p in rest[1:] if p.index not in found.labels and asks(p.text)]
    answered = _quoted_answers(rest, bare)
    # "At WEF you said ... Why do you think that is?": questions put to the interviewee,
    # each after a lead-in of its own, make the page an interview whatever its title says
    addressed = [p for p in rest[1:] if p.index not in found.labels and _ASKED.search(p.text)]
    questions = sorted({*bare, *addressed}, key=lambda p: p.index)
    asked = len(addressed) >= 2 and len(questions) < len(rest) / 2
    bare = questions if asked else bare
    so_titled = _INTERVIEW.search(found.title.text) is not None
    if not (marked or spoke_to or answered or asked or so_titled or respondent):
        return
    if not marked and len(bare) < 2:
        return
    for paragraph in bare:
        found.labels[paragraph.index] = "question"
    if respondent is not None:
        found.interviewee = (respondent, "")
    elif rest and (introduced := _INTRO.search((intro or rest[0]).text)):
        found.interviewee = _interviewee(introduced)
    elif answering is not None:
        found.interviewee = (answering, "")
    elif answered and (named := _ANSWERS.search(answered.text)):
        found.interviewee = (named.group("name"), "")
    elif (titled := _INTERVIEW_WITH.search(found.title.text)) and (
        split := name_at_end(titled.group("who"))
    ):
        found.interviewee = split  # "Interview with Minister of Energy X for Interfax"
    elif (
        deck := next(filter(None, (_INTERVIEW_WITH.search(p.text) for p in rest[:3])), None)
    ) and (split := name_at_end(_OUTLET_OF.sub("", deck.group("who")))):
        found.interviewee = split  # "Blitz interview with Interfax-Ukraine of Commissioner X"
    elif asked and rest and (named := _FULL_NAME.search(rest[0].text)):
        found.interviewee = (named.group(), "")  # the deck names whom the page asks
    if intro is not None:
        found.labels[intro.index] = "intro"  # the outlet's own words: whom it asked


def _quoted_answers(rest: list[Paragraph], bare: list[Paragraph]) -> Paragraph | None:
    """Questions each answered by a paragraph that is one quotation with no cue (an
    expert's answers set in quotation marks): the paragraph above the first question,
    which says whom they were put to; else None."""
    at = {p.index: n for n, p in enumerate(rest)}
    answers = [rest[at[q.index] + 1] for q in bare if at[q.index] + 1 < len(rest)]
    if len(bare) < 2 or not all(a.text.startswith(("“", '"')) for a in answers):
        return None
    first = at[bare[0].index]
    return rest[first - 1] if first > 0 else None


def _named_turns(found: Layout, rest: list[Paragraph]) -> str | None:
    """An interview set as named turns: a question under one full name ("Jane Roe: ...?")
    answered under another's ("John Doe: ..."); or, twice or more, a question answered
    under a short name ("M. Reisner: ...", "Vlasiuk: ..." after "DER SPIEGEL: ...?" or a
    bare question). The questions are labelled so; the answering name is returned (the
    interviewee: the name that answers most, the first of those that answer as often)."""
    full: list[tuple[Paragraph, str]] = []
    short: list[tuple[Paragraph, str]] = []
    for asked, answer in pairwise(rest):
        question = _ASKING_TURN.match(asked.text)
        reply = _NAMED_TURN.match(answer.text) or _SHORT_TURN.match(answer.text)
        if (
            reply is not None
            and reply.group("name") not in _LABEL_WORDS
            and (question is None or question.group("name") != reply.group("name"))
            and asked.text.rstrip().endswith("?")
            and not answer.text.rstrip().endswith("?")
        ):
            named = question is not None and _NAMED_TURN.match(answer.text) is not None
            (full if named else short).append((asked, reply.group("name")))
    names = [name for _, name in short]
    # a short name is a person's by its initial, or by answering twice ("Everyone: students,
    # drivers, ..." is an answer's first word)
    short = [t for t in short if "." in t[1] or names.count(t[1]) >= 2]
    turns = full + short if full or len(short) >= 2 else []
    for asked, _ in turns:
        found.labels[asked.index] = "question"
    names = [name for _, name in turns]
    return max(names, key=names.count) if names else None  # the one who answers most


def _asks(text: str) -> bool:
    """A paragraph that ends in a question."""
    return text.rstrip().rstrip('"”»').endswith("?")


def _interviewee(intro: re.Match[str]) -> tuple[str, str]:
    """Name and role of an interview's intro: "X is the commander of a brigade", "X
    commands a brigade" (the commander of a brigade), "spoke to X, the commander of ..."."""
    if intro.group("doer"):
        noun = _LEADING[intro.group("verb")]
        return intro.group("doer"), f"the {noun} of {intro.group('what')}"
    if intro.group("asked"):
        return intro.group("asked"), intro.group("asked_role")
    return intro.group("name"), intro.group("role")


def _transcript(found: Layout, paras: list[Paragraph], rest: list[Paragraph]) -> list[Paragraph]:
    """A transcript's turns ("SECRETARY BLINKEN: ..."): labelled "turn", cut after the
    speaker's label."""
    turns = transcript_turns(rest, "\n".join(p.text for p in paras))
    found.turns = {index: turn for index, turn in turns.items() if not turn.narrated}
    for index, turn in turns.items():
        found.labels[index] = "narrated" if turn.narrated else "turn"
    # a label on a line of its own ("MICHEL MARTIN, HOST:") is no text
    cut = [turns[p.index].paragraph if p.index in turns else p for p in rest]
    return [p for p in cut if p.text.strip()]


# "Jeong Seong-hak / Korea Institute for Security Strategy": a TV report's caption of who
# speaks in the soundbite below it
_SOUNDBITE = re.compile(
    r"^(?P<name>[A-Z][a-z]+(?:[ -][A-Z][\w'’-]+){1,3})\s*/\s*(?P<body>[A-Z][^.!?/]{2,80})$"
)


def _soundbites(found: Layout, rest: list[Paragraph]) -> list[Paragraph]:
    """A TV report's soundbites: the line under "Name / Body" is that person's, a turn of
    theirs; the caption line is no text."""
    captions = {
        p.index: match
        for p, after in pairwise(rest)
        if (match := _SOUNDBITE.match(p.text)) and not _SOUNDBITE.match(after.text)
    }
    for p, after in pairwise(rest):
        if (match := captions.get(p.index)) is not None and after.index not in found.turns:
            speaker = make_person(match.group("name"), match.group("body"), default_kind="expert")
            found.turns[after.index] = Turn(after, speaker)
            found.labels[after.index] = "turn"
    return [p for p in rest if p.index not in captions]


# "... to the army. (Reporting by Jane Roe; Editing by John Doe)": a wire's credits glued
# to its last paragraph
_TRAILER = re.compile(
    r"(?<=[.!?\"”])\s+\((?:Reporting|Writing|Additional reporting|Editing)\s+by\b[^()]*\)$"
)


def _without_trailer(paragraph: Paragraph) -> Paragraph:
    """``paragraph`` without the agency's credits glued to its end."""
    trailer = _TRAILER.search(paragraph.text)
    if trailer is None:
        return paragraph
    text = paragraph.text[: trailer.start()]
    end = paragraph.start + len(text)
    return Paragraph(paragraph.index, paragraph.start, end, text, paragraph.line)


def _cut(paragraph: Paragraph, offset: int) -> Paragraph:
    text = paragraph.text[offset:]
    return Paragraph(paragraph.index, paragraph.start + offset, paragraph.end, text, paragraph.line)


def _background_header(rest: list[Paragraph], *, seed_layout: bool) -> int | None:
    """Where the background section starts: a header that says so ("Background", "More
    details on ...", "...: chronology"), or in the seed outlet's layout its first header."""
    for index, paragraph in enumerate(rest):
        if is_header(paragraph.text) and (seed_layout or _BACKGROUND_WORDS.search(paragraph.text)):
            return index
    return None


def _is_subhead(paragraph: Paragraph) -> bool:
    """A header or question header inside the story: not text, and no section change."""
    text = paragraph.text
    return (
        is_header(text) or (text.endswith("?") and len(text.split()) <= 20) or _quoted_title(text)
    )


def _quoted_title(text: str) -> bool:
    """'"The Kremlin shifts costs"': a subhead set in quotation marks, a phrase of the
    text below it; a quotation that stands alone ends its sentence inside the marks."""
    inner = text[1:-1].strip()
    return (
        len(text) > 2
        and text[0] in QUOTE_OPEN
        and text[-1] in QUOTE_CLOSE
        and 0 < len(inner.split()) <= 8
        and inner[:1].isupper()
        and inner[-1] not in _SENTENCE_END
        and not any(mark in inner for mark in QUOTE_OPEN + QUOTE_CLOSE)
    )


def layout(paras: list[Paragraph]) -> Layout:
    """Split an article's paragraphs into its parts (the first paragraph is the title).

    Lines that are not text (bylines, agency trailers, "Read also" links, photo credits,
    summary bullets) are dropped; a label ("Details:", "Quote:") is cut off its
    paragraph and kept in ``labels``; "Source: X" names the speaker of what follows.
    """
    found = Layout(title=paras[0])
    boxed = _author_box(paras[1:], found)
    rest = _text_lines([p for p in paras[1:] if p.index not in boxed], found)
    if rest and (match := _CATEGORY.match(rest[-1].text)):
        found.category = match.group("category").strip()
        rest.pop()
    if not rest:
        return found
    rest = _soundbites(found, _transcript(found, paras, rest))
    if not found.turns:
        _interview(found, rest, _respondent(paras))
    found.lede = rest.pop(0)
    decked: list[Paragraph] = []
    if len(rest) > 2 and not _VENUE.match(rest[0].text) and not _ends(found.lede.text):
        if _is_deck(found.lede.text):
            # a deck under the title, not a sentence of the story
            found.deck, found.lede = found.lede, rest.pop(0)
        elif _ends(rest[0].text) and _HEADLINE_SPEECH.search(found.lede.text):
            # "Putin says he is open to talks" under a live blog's title: a headline of
            # someone's words, read as text, but the story opens below it
            decked, found.lede = [found.lede], rest.pop(0)
    standfirst = decked + _dateline_lede(found, rest)
    if match := _DATELINE.match(found.lede.text):
        outlet = next((match.group(g) for g in _DATELINE_OUTLETS if match.group(g)), None)
        found.outlet = _clean_outlet(outlet) if outlet else None
        found.lede_offset = match.end()
    if rest and (match := _VENUE.match(rest[0].text)) and len(rest[0].text) < 160:
        found.venue = rest.pop(0)
        found.outlet = _clean_outlet(match.group("outlet"))
    elif found.outlet is None and (match := _TOLD_OUTLET.search(found.lede.text)):
        found.outlet = _clean_outlet(match.group("outlet"))
    header_at = _background_header(rest, seed_layout=found.venue is not None)
    header = rest[header_at] if header_at is not None else None
    # (a newswire's lone "Details" heads more of the same story, not another part)
    found.subheads = frozenset(
        p.index
        for i, p in enumerate(rest)
        if i != header_at and is_header(p.text) and p.text.strip(" :") != "Details"
    )
    rest = [
        p
        for i, p in enumerate(rest)
        if i == header_at or p.index in found.labels or not _is_subhead(p)
    ]
    if header is not None:
        header_at = rest.index(header)  # where it stands now the subheads are out
    if header_at is None:
        found.body = [*standfirst, *rest]
    else:
        found.body, found.header, found.background = (
            [*standfirst, *rest[:header_at]],
            rest[header_at],
            rest[header_at + 1 :],
        )
    return found


_SPEECH = re.compile(
    rf"\b(?:{SPEECH_VERBS}|reported|according\s+to|convinced|sure|confident|certain|believe"
    r"|(?:finds|found|shows|showed)\s+that)\b"
)


# A headline's words of speech, in its present tense, in a line of headline length
_HEADLINE_SPEECH = re.compile(
    r"^(?=(?:\S+\s+){0,24}\S+$).*\b(?:says|warns|urges|tells|vows|claims|insists|admits|denies)\b"
)


def _ends(text: str) -> bool:
    return text.endswith(tuple(_SENTENCE_END))


def _is_deck(text: str) -> bool:
    """A summary line under the title with no full stop and nobody speaking in it ("Russia's
    heavy use of artillery has reportedly strained its supply, leading to ...")."""
    return not _ends(text) and not _SPEECH.search(text)


def _dateline_lede(found: Layout, rest: list[Paragraph]) -> list[Paragraph]:
    """A wire story's lede is the paragraph with the dateline, after any standfirst lines
    ("Dmitry Peskov refused to say ...", then "MOSCOW, September 14. /TASS/. ..."); the
    standfirst lines are returned, to be read as body text."""
    lede = found.lede
    if lede is None or _DATELINE.match(lede.text):
        return []
    at = next((i for i, p in enumerate(rest[:3]) if _DATELINE.match(p.text)), None)
    if at is None:
        return []
    standfirst = [lede, *rest[:at]]
    found.lede = rest.pop(at)
    del rest[:at]
    return standfirst


def _clean_outlet(name: str) -> str:
    return " ".join(name.split()).strip(" .,")


_LIST_OPENS = re.compile(r"\b(?:the\s+following|as\s+follows)\s*:$")
_INTRODUCES = re.compile(r"\b(?:said|says|added|adds|wrote|writes|told|stated|posted)\b")


def is_header(text: str) -> bool:
    """A section header: a short line with no sentence ending, not a quote or a date."""
    words = text.split()
    if text.endswith(":") and (_INTRODUCES.search(text) or _LIST_OPENS.search(text)):
        # "Governor X said on Telegram:": the words that follow are his; "his statements
        # include the following:": a sentence opening a list
        return False
    return (
        0 < len(words) <= 14
        and len(text) <= 120
        and text[0].isupper()
        and text[-1] not in _SENTENCE_END
        and text[0] not in QUOTE_OPEN
        and leading_date(text + ",") is None
        and _CATEGORY.match(text) is None
    )
