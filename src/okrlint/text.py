"""Small text tests the reader and the analysis both need (neither imports the other)."""

from __future__ import annotations

import re

_BRACKETED = re.compile(r"\[[^\[\]]*\]|\([^()]*\)")

# How a template introduces its example ("e.g.", "eg", "ex:", "example:", "for example"): the
# reader does not take "[e.g., 50 paying customers]" for an owner tag, and the analysis reports it
# as template text.
EXAMPLE_LEAD = r"(?:e\.\s?g\.?|eg\b|ex(?:ample)?\s*[:.]|for\s+example)"
_LETTER = re.compile(r"[^\W\d_]")


def words_outside_brackets(text: str) -> bool:
    """Whether ``text`` has a letter outside its [brackets] and (parentheses): "[Measurable
    result 1] (Week N)" has none, so it is all template slot and note."""
    return bool(_LETTER.search(_BRACKETED.sub(" ", text)))
