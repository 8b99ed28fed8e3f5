"""The OKR model: what a reader understood of a file.

``OkrDocument`` > ``OkrSet`` > ``Objective`` > ``KeyResult`` > ``Initiative``.

Every node keeps the statement as written (``raw``), the statement a rule should judge (``text``:
list markers, labels, priority and owner tags, status and score tails removed) and its exact
source ``span``. Metadata found next to a node (owner, score, cycle, ...) is kept in
``metadata`` with the span it came from in ``metadata_spans``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

ItemKind = Literal["file", "set", "objective", "key_result", "initiative"]
Level = Literal["company", "team", "individual"]


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A source range. Lines and columns are 1-based; columns count characters (code points).

    ``end_column`` is exclusive: the column just after the last character, as in SARIF.
    """

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def point(cls, line: int, column: int = 1) -> Span:
        return cls(line, column, line, column)


@dataclass(eq=False)
class Initiative:
    """A to-do nested under a key result. Kept for the outline, never linted as a key result."""

    text: str
    span: Span
    raw: str = ""
    depth: int = 1


@dataclass(eq=False)
class Statement:
    """What an objective and a key result share: the text to judge, the text as written, where it
    is, and the data written beside it (owner, baseline, target, ...) with their spans."""

    text: str
    span: Span
    raw: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
    metadata_spans: dict[str, Span] = field(default_factory=dict)


@dataclass(eq=False)
class KeyResult(Statement):
    initiatives: list[Initiative] = field(default_factory=list)
    objective: Objective | None = field(default=None, repr=False)
    okr_set: OkrSet | None = field(default=None, repr=False)
    analysis: Any = field(default=None, repr=False)

    kind: ItemKind = field(default="key_result", init=False)


@dataclass(eq=False)
class Objective(Statement):
    key_results: list[KeyResult] = field(default_factory=list)
    parent: Objective | None = field(default=None, repr=False)
    children: list[Objective] = field(default_factory=list, repr=False)
    okr_set: OkrSet | None = field(default=None, repr=False)
    # Headings above the objective inside its set (their text may carry a cycle or deadline).
    context: list[str] = field(default_factory=list)
    analysis: Any = field(default=None, repr=False)

    kind: ItemKind = field(default="objective", init=False)

    def add_key_result(self, kr: KeyResult) -> None:
        kr.objective = self
        self.key_results.append(kr)


@dataclass(eq=False)
class OkrSet:
    """One team's or person's OKRs: a whole document, or a section of one."""

    title: str | None
    span: Span
    metadata: dict[str, Any] = field(default_factory=dict)
    metadata_spans: dict[str, Span] = field(default_factory=dict)
    objectives: list[Objective] = field(default_factory=list)
    # Key results written as a separate list beside several objectives (not nested under one).
    shared_key_results: list[KeyResult] = field(default_factory=list)
    # Heading texts above the set (their text may carry a cycle).
    context: list[str] = field(default_factory=list)

    kind: ItemKind = field(default="set", init=False)

    @property
    def level(self) -> str | None:
        value = self.metadata.get("level")
        return str(value) if value else None

    @property
    def top_objectives(self) -> list[Objective]:
        return [o for o in self.objectives if o.parent is None]

    def key_results(self) -> Iterator[KeyResult]:
        for objective in self.objectives:
            yield from objective.key_results
        yield from self.shared_key_results


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a file could not be read (reported as OKR001)."""

    message: str
    span: Span


@dataclass(frozen=True, slots=True)
class Comment:
    """An HTML or YAML comment, kept for inline suppressions."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Prose:
    """Text of the document that is not an OKR statement (paragraphs, notes)."""

    text: str
    span: Span


@dataclass(eq=False)
class OkrDocument:
    path: str
    format: Literal["markdown", "yaml", "unknown"]
    source: str = ""
    sets: list[OkrSet] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    prose: list[Prose] = field(default_factory=list)
    # The reader found OKR-like keys or shapes, but not enough to say the file holds OKRs (a
    # YAML "goals:" list of words, an "objective: 99.9" in an SLO config). Named on the command
    # line such a file is linted; found in a walk or passed by the pre-commit hook, it is not.
    speculative: bool = False
    # Why the reader found no OKRs here, in words for OKR002 (None: no reason to give).
    no_okrs_reason: str | None = None

    kind: ItemKind = field(default="file", init=False)

    def objectives(self) -> Iterator[Objective]:
        for okr_set in self.sets:
            yield from okr_set.objectives

    def key_results(self) -> Iterator[KeyResult]:
        for okr_set in self.sets:
            yield from okr_set.key_results()

    @property
    def has_okrs(self) -> bool:
        return any(s.objectives for s in self.sets)

    def link(self) -> None:
        """Set the back references of every node (readers call this once at the end)."""
        for okr_set in self.sets:
            for objective in okr_set.objectives:
                objective.okr_set = okr_set
                for kr in objective.key_results:
                    kr.objective = objective
                    kr.okr_set = okr_set
            for kr in okr_set.shared_key_results:
                kr.okr_set = okr_set
