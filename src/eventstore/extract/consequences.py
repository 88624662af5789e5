"""Consequences told without a verb of doing: "There were no casualties", "Nobody was
injured", "No one was hurt", "Two people were killed", "11 people have been reported
injured", "No casualties were reported".

A news story tells what an attack did in sentences whose main verb is "be" or a passive
of harm, and often in four words. They are events (the toll of a happening), so the
sentence reader takes them whatever their length or subject; what they are the toll of
is the story's, and so is their date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# Harm to people or things, as a noun: the attribute of "there were (no) ...".
_HARM_NOUNS = frozenset(
    "casualty injury death fatality victim damage destruction dead wounded injured".split()
)
# Harm as a passive verb: "were killed", "was not hurt".
_HARM_VERBS = frozenset("kill injure wound hurt harm".split())
_PAST_BE = frozenset("was were".split())
_PERFECT = frozenset("has have had".split())
# Hearsay of harm: "have been reported injured", "were confirmed dead".
_REPORTED = frozenset("report confirm".split())


def consequence(verb: Token) -> bool:
    """True when ``verb`` heads a told consequence: "There were no (reports of)
    casualties", "Nobody was injured", "Two people were killed" (not "could be killed":
    a forecast)."""
    children = list(verb.children)
    if any(c.tag_ == "MD" for c in children):
        return False
    auxiliaries = {c.lower_ for c in children if c.dep_ in {"aux", "auxpass"}}
    if verb.lemma_.lower() == "be":
        past = verb.lower_ in _PAST_BE or (verb.lower_ == "been" and auxiliaries & _PERFECT)
        there = any(c.dep_ == "expl" for c in children)
        return bool(past and there and any(_harm(c) for c in children if c.dep_ == "attr"))
    passive = verb.tag_ == "VBN" and bool(auxiliaries & (_PAST_BE | {"been"}))
    # "26 people are confirmed to have been killed": a toll as it stands now
    confirmed = verb.tag_ == "VBN" and bool(auxiliaries & {"is", "are"})
    if (passive or confirmed) and verb.lemma_.lower() in _REPORTED:
        # "11 people have been reported injured", "No casualties were reported", "a
        # number of destructions were reported": the toll, as reported
        told = [c for c in children if c.dep_ in {"oprd", "xcomp", "acomp"} and _harmed(c)]
        return bool(told) or any(c.dep_ == "nsubjpass" and _harm(c) for c in children)
    return passive and verb.lemma_.lower() in _HARM_VERBS


def _harmed(word: Token) -> bool:
    return word.lemma_.lower() in _HARM_VERBS or word.lower_ in _HARM_NOUNS


def _harm(noun: Token) -> bool:
    """A noun of harm, or "reports of" one ("no immediate reports of casualties", "a
    number of destructions")."""
    if noun.lemma_.lower() in _HARM_NOUNS or noun.lower_ in _HARM_NOUNS:
        return True
    objects = [o for p in noun.children if p.dep_ == "prep" for o in p.children]
    objects += [c for o in objects for c in o.conjuncts]
    return any(o.lemma_.lower() in _HARM_NOUNS for o in objects)
