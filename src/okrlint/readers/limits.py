"""Bounds on what okrlint reads, so that every input is answered in bounded time and memory.

A linter runs on every commit and meets files nobody expected: a 1 MB line, a list of 100,000
items, a statement made of 500 numbers. The readers are linear in the size of the file; the
statement analysis (spaCy's tokenizer, the number finder) is not: its cost grows with the length
of a statement times the words and numbers in it, and with the square of a long run of
punctuation. So:

* the readers stop at :data:`MAX_BLOCKS` Markdown blocks or :data:`MAX_EVENTS` Markdown
  elements, :data:`MAX_YAML_STATEMENTS` YAML statements and :data:`MAX_COMMENTS` suppression
  comments (OKR001, the file is skipped);
* a statement longer than :data:`MAX_STATEMENT_CHARS` (or :data:`MAX_RAW_CHARS` as written,
  decorations included) is not linted (OKR001 where it is; the rest of the file is);
* a file whose statements would cost more than :data:`ANALYSIS_BUDGET` (an estimate in
  microseconds, deliberately pessimistic) is skipped with OKR001.

The largest real OKR file we know (462 objectives and key results, 67 kB) uses less than a third
of the budget (0.62 of 2 "seconds"); a file at the budget takes about 2 seconds to analyse.
"""

from __future__ import annotations

import re

from okrlint.model import KeyResult, Objective, OkrDocument, Problem, Span

MAX_STATEMENT_CHARS = 1_000
# The line a statement was read from, decorations included ("(owner: ...) => DONE ...").
MAX_RAW_CHARS = 2_000
MAX_BLOCKS = 20_000
# pyromark events (text runs, emphasis, links, breaks): each costs the builder a few
# microseconds, and punctuation makes about one per character.
MAX_EVENTS = 500_000
# pyromark builds all the events of a file before okrlint reads the first (75 bytes or so per
# markup character): files made of markup are refused before that.
MAX_MARKUP_CHARS = 1_000_000
MAX_YAML_STATEMENTS = 20_000
MAX_COMMENTS = 5_000
# Estimated microseconds of analysis for one file (see statement_cost).
ANALYSIS_BUDGET = 2_000_000
# Nesting deeper than this is not an OKR file (lists in lists in quotes ...).
MAX_DEPTH = 100

_NUMBER = re.compile(r"\d+")
_LONG_RUN = re.compile(r"\S{40,}")


class ReadLimitError(Exception):
    """The input is past one of the bounds above: the file is skipped with OKR001."""

    def __init__(self, message: str, span: Span | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.span = span or Span.point(1)


def statement_cost(text: str) -> int:
    """A pessimistic estimate, in microseconds, of analysing one statement.

    Measured on the worst inputs found (``tests/hostile``): about 300 us a statement, 8 us a
    character, and, per character, 0.3 us for every word (placeholders like "XX" and number
    words are looked at in the whole statement for each one) and 1 us for every number (the
    number finder looks around each number); spaCy's tokenizer adds 0.25 us per squared
    character of a run without spaces (a long run of punctuation)."""
    n = len(text)
    words = len(text.split())
    numbers = sum(1 for _ in _NUMBER.finditer(text))
    runs = sum(len(m.group(0)) ** 2 for m in _LONG_RUN.finditer(text))
    return 300 + n * (8 + numbers) + (3 * n * words) // 10 + runs // 4


def _what(node: Objective | KeyResult) -> str:
    return "objective" if isinstance(node, Objective) else "key result"


def _short_key_results(krs: list[KeyResult], doc: OkrDocument) -> tuple[list[KeyResult], bool]:
    """The key results short enough to be one; each one dropped is a problem of the file."""
    kept = []
    for kr in krs:
        if _too_long_text(kr):
            doc.problems.append(_too_long(kr))
        else:
            kept.append(kr)
    return kept, len(kept) != len(krs)


def enforce(doc: OkrDocument) -> OkrDocument:
    """Drop statements too long to be one and skip files too costly to analyse (OKR001)."""
    if not doc.sets:
        return doc
    dropped = False
    for okr_set in doc.sets:
        kept_objectives: list[Objective] = []
        for obj in okr_set.objectives:
            if _too_long_text(obj):
                doc.problems.append(_too_long(obj))
                dropped = True
                _unlink_objective(obj)
                continue
            obj.key_results, cut = _short_key_results(obj.key_results, doc)
            dropped = dropped or cut
            kept_objectives.append(obj)
        okr_set.objectives = kept_objectives
        okr_set.shared_key_results, cut = _short_key_results(okr_set.shared_key_results, doc)
        dropped = dropped or cut
    if dropped:
        doc.sets = [s for s in doc.sets if s.objectives or s.shared_key_results]
        doc.link()
    total = 0
    statements: list[Objective | KeyResult] = [*doc.objectives(), *doc.key_results()]
    nodes = sorted(statements, key=lambda n: (n.span.line, n.span.column))
    for node in nodes:
        total += statement_cost(node.text)
        if total > ANALYSIS_BUDGET:
            chars = sum(len(n.text) for n in nodes)
            doc.problems.append(
                Problem(
                    f"the file has {len(nodes):,} objectives and key results ({chars:,} "
                    f"characters): more than okrlint analyses in one file, from this {_what(node)} "
                    "on (too many, too long or too full of numbers): skipped (split the file)",
                    node.span,
                )
            )
            doc.sets.clear()
            break
    return doc


def _too_long_text(node: Objective | KeyResult) -> bool:
    return len(node.text) > MAX_STATEMENT_CHARS or len(node.raw or "") > MAX_RAW_CHARS


def _too_long(node: Objective | KeyResult) -> Problem:
    if len(node.text) > MAX_STATEMENT_CHARS:
        size = f"{len(node.text):,} characters long, over the {MAX_STATEMENT_CHARS:,}-character"
    else:
        size = f"{len(node.raw):,} characters long as written, over the {MAX_RAW_CHARS:,}-character"
    return Problem(
        f"this {_what(node)} is {size} limit for one statement: not linted (is it a "
        "paragraph? keep the statement short and move the explanation out of it)",
        node.span,
    )


def _unlink_objective(obj: Objective) -> None:
    """Remove an objective from the cascade: its children move up to its parent."""
    parent = obj.parent
    if parent is not None and obj in parent.children:
        parent.children = [c for c in parent.children if c is not obj]
    for child in obj.children:
        child.parent = parent
        if parent is not None:
            parent.children.append(child)
