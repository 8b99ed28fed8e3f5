"""Stage 4 of the Markdown reader: is this an OKR document at all?

Design docs with Goals and Non-Goals, roadmaps, PRDs with success metrics, syllabi and articles
that explain OKRs with an example are not. A document holds OKRs when its statements have
explicit evidence (key-result labels, a "Key Results" zone, a key-result table column, or
objective labels in a file that says it holds OKRs), or when a file that says it holds OKRs
repeats one shape; and it is not an article: prose that outweighs the statements, under
headings that explain or give examples.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from okrlint.readers.markdown.lines import Line
from okrlint.readers.markdown.roles import STATEMENT_ROLES, RoleSummary
from okrlint.readers.statement import QUESTION_TITLES, words

# A file name or title that says the file holds OKRs (in the languages of labels.yaml).
OKR_NAME = re.compile(
    r"okr|objectives?|key[\s_-]*results?|\bgoals?\b|ziele|objetivos|objectifs|目标|目標|목표",
    re.IGNORECASE,
)
_ARTICLE_HEADINGS = re.compile(
    r"\b(?:what (?:is|are)|how (?:to|do|does|we)|why|introduction|guide|tips|best practices|"
    r"examples?|benefits|mistakes|pitfalls|history|conclusion|faq|resources|further reading|"
    r"references|tl;?dr|summary|getting started|process|cadence|grading|scoring|"
    r"how okrs? work)\b",
    re.IGNORECASE,
)


@dataclass
class Decision:
    okr: bool
    reason: str


def decide(root: Line, summary: RoleSummary, file_says_okr: bool) -> Decision:
    lines = list(root.walk())
    statements = [ln for ln in lines if ln.role in STATEMENT_ROLES or ln.role == "row"]
    if not statements:
        return Decision(False, "no objective or key result found")
    has_kr = any(ln.role in ("key_result", "row") for ln in statements)
    explicit = (
        summary.key_result_labels > 0 or summary.columns > 0 or (summary.zones > 0 and has_kr)
    )
    if not explicit and summary.strong_labels and file_says_okr:
        explicit = True
    if not explicit and not (summary.inferred and file_says_okr):
        return Decision(False, "no key-result label, zone or column, and no OKR file name")
    statement_words = sum(len(words(ln.text)) for ln in statements)
    prose_words = sum(
        len(words(ln.text))
        for ln in lines
        if ln.role is None and ln.shape in ("line", "item") and len(words(ln.text)) >= 12
    )
    article = sum(
        1
        for ln in lines
        if ln.shape == "heading"
        and (QUESTION_TITLES.match(ln.text.strip()) or _ARTICLE_HEADINGS.search(ln.text))
    )
    if prose_words > 3 * max(statement_words, 1) and article >= 2:
        return Decision(
            False,
            f"an article about OKRs ({prose_words} words of prose, {statement_words} in "
            f"statements, {article} explaining headings)",
        )
    return Decision(True, "explicit labels" if explicit else "the shape the file repeats")
