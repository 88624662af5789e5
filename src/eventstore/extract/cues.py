"""The lemmas of verbs that attribute words to a speaker ("say", "tell", "warn", ...)."""

from __future__ import annotations

CUE_LEMMAS = frozenset(
    """say tell add note explain believe think warn caution urge stress emphasize emphasise
    state write announce argue claim insist suggest predict acknowledge admit recall conclude
    comment assert reiterate reply answer confirm deny remark underline clarify report
    estimate contend maintain declare complain promise pledge vow hint specify elaborate
    summarize summarise observe point assume consider expect fear doubt ask tweet post
    reckon allege quote agree inform reveal disclose recollect assure indicate boast lament
    concede retort recommend underscore highlight allude remind""".split()
)
