"""Quality scores: 0-100 per objective, per set and per file, computed from the findings.

The formula (``docs/score.md`` explains it with examples):

- Every statement (an objective or a key result) counts only its **worst** finding, once:
  a statement with no finding has penalty 0, otherwise the weight of that finding's severity
  (defaults: error 60, warning 30, info 20).
- **Objective** = 100 - (the objective's own penalty) - (the mean penalty of its key results),
  at least 0. An objective with no key results (OKR104) gets the error weight in place of
  their mean (and OKR104 is not counted again as its own finding).
- **Set** = the mean of its objectives' scores (key results written beside the objectives,
  not under one, count as one more objective without a statement of its own), minus a quarter
  of the penalty of the set's worst set-level finding, at least 0.
- **File** = the mean of its sets' scores, minus the penalty of its worst file-level finding
  (an invalid suppression comment, ...), at least 0. A file with no OKRs has no score.
- The overall score of a run is the mean of the scores of the files that have one.

Scores are rounded to one decimal; the tier is taken from the rounded score and the text shown
to people is the whole part (``62/100 Rework``), so what is shown never crosses a tier line.

Tiers: Rewrite < 50 <= Rework < 70 <= Good < 85 <= Strong.

Findings are matched to nodes by path, item kind and the start of the node's span (which is
where a finding about a node points); a finding with a narrower span is matched by its
statement text, and one that matches nothing counts against the set it lies in.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from okrlint.engine import Finding
from okrlint.model import KeyResult, Objective, OkrDocument, OkrSet
from okrlint.registry import SEVERITY_RANK

SEVERITIES = ("error", "warning", "info")
DEFAULT_WEIGHTS: dict[str, float] = {"error": 60, "warning": 30, "info": 20}
# The lowest score of each tier above the first ("rewrite" starts at 0).
DEFAULT_TIERS: dict[str, float] = {"rework": 50, "good": 70, "strong": 85}
TIER_NAMES = ("Rewrite", "Rework", "Good", "Strong")
# An objective with no key results at all: nothing measures it, so its key results' part is
# the error weight (the finding is not also counted as a fault of its own statement).
NO_KEY_RESULTS = "OKR104"
# A set-level finding (too many objectives, no time frame) takes this share of its severity's
# weight off the set: the statements are what a coach judges first.
SET_SHARE = 0.25
_TIER_KEYS = ("rework", "good", "strong")


def _number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
        raise ValueError(f"{where} must be a number, not {value!r}")
    if not 0 <= value <= 100:
        raise ValueError(f"{where} must be between 0 and 100, not {value!r}")
    return value


def _check_keys(mapping: Mapping[str, Any], allowed: Sequence[str], where: str) -> None:
    for key in mapping:
        if key not in allowed:
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise ValueError(f"unknown key '{key}' in {where}{hint}: expected {', '.join(allowed)}")


@dataclass(frozen=True)
class ScoreConfig:
    """Severity weights (penalty points) and the lowest score of each tier."""

    weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    tiers: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_TIERS))

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, Any] | None) -> ScoreConfig:
        """Validate ``{weights: {error, warning, info}, tiers: {rework, good, strong}}`` (every
        key optional; missing ones keep their default). Raises ValueError with a clear message.
        """
        if mapping is None:
            return cls()
        if not isinstance(mapping, Mapping):
            raise ValueError(f"score must be a mapping with weights and tiers, not {mapping!r}")
        _check_keys(mapping, ("weights", "tiers"), "score")
        weights = dict(DEFAULT_WEIGHTS)
        tiers = dict(DEFAULT_TIERS)
        for name, target, allowed in (
            ("weights", weights, SEVERITIES),
            ("tiers", tiers, _TIER_KEYS),
        ):
            given = mapping.get(name)
            if given is None:
                continue
            if not isinstance(given, Mapping):
                raise ValueError(f"score.{name} must be a mapping, not {given!r}")
            _check_keys(given, allowed, f"score.{name}")
            for key, value in given.items():
                target[key] = _number(value, f"score.{name}.{key}")
        if not weights["error"] >= weights["warning"] >= weights["info"]:
            raise ValueError(
                "score.weights must not decrease with severity: error >= warning >= info "
                f"(got error {weights['error']:g}, warning {weights['warning']:g}, "
                f"info {weights['info']:g})"
            )
        if not 0 < tiers["rework"] < tiers["good"] < tiers["strong"]:
            raise ValueError(
                "score.tiers must increase: 0 < rework < good < strong <= 100 "
                f"(got rework {tiers['rework']:g}, good {tiers['good']:g}, "
                f"strong {tiers['strong']:g})"
            )
        return cls(weights, tiers)

    def penalty(self, severity: str | None) -> float:
        return 0.0 if severity is None else float(self.weights[severity])

    def tier(self, score: float) -> str:
        return tier(score, self.tiers)

    def as_dict(self) -> dict[str, dict[str, float]]:
        return {"weights": dict(self.weights), "tiers": dict(self.tiers)}


def tier(score: float, tiers: Mapping[str, float] | None = None) -> str:
    """The tier of a score: Rewrite < 50 <= Rework < 70 <= Good < 85 <= Strong (by default)."""
    bounds = tiers or DEFAULT_TIERS
    name = TIER_NAMES[0]
    for key, tier_name in zip(_TIER_KEYS, TIER_NAMES[1:], strict=True):
        if score >= bounds[key]:
            name = tier_name
    return name


def display(score: float | None) -> str:
    """``62/100`` (the whole part, so it never shows a higher tier than the score has)."""
    return "-" if score is None else f"{math.floor(score)}/100"


def worst(findings: Iterable[Finding]) -> str | None:
    """The most severe severity among findings, or None."""
    best: str | None = None
    for f in findings:
        if best is None or SEVERITY_RANK[f.severity] > SEVERITY_RANK[best]:
            best = f.severity
    return best


def _round(value: float) -> float:
    return round(max(0.0, min(100.0, value)) + 0.0, 1)


@dataclass
class StatementScore:
    """A key result (or an objective's own statement) and its findings."""

    node: KeyResult | Objective
    findings: list[Finding] = field(default_factory=list)

    @property
    def severity(self) -> str | None:
        return worst(self.findings)


@dataclass
class ObjectiveScore:
    objective: Objective
    score: float
    tier: str
    findings: list[Finding]  # about the objective itself
    key_results: list[StatementScore]

    @property
    def severity(self) -> str | None:
        return worst(self.findings)

    def all_findings(self) -> list[Finding]:
        out = list(self.findings)
        for kr in self.key_results:
            out.extend(kr.findings)
        return sorted(out, key=Finding.sort_key)


@dataclass
class SetScore:
    okr_set: OkrSet
    score: float
    tier: str
    findings: list[Finding]  # set-level, and findings that matched no statement
    objectives: list[ObjectiveScore]
    shared_key_results: list[StatementScore] = field(default_factory=list)


@dataclass
class FileScore:
    path: str
    doc: OkrDocument | None
    score: float | None  # None: the file has no OKRs
    tier: str | None
    findings: list[Finding]  # file-level
    sets: list[SetScore] = field(default_factory=list)


@dataclass
class ScoreSet:
    files: list[FileScore]
    config: ScoreConfig = field(default_factory=ScoreConfig)

    @property
    def score(self) -> float | None:
        """The mean of the file scores (files without OKRs left out), or None."""
        scored = [f.score for f in self.files if f.score is not None]
        return _round(sum(scored) / len(scored)) if scored else None

    @property
    def tier(self) -> str | None:
        value = self.score
        return None if value is None else self.config.tier(value)

    def for_path(self, path: str) -> FileScore | None:
        return next((f for f in self.files if f.path == path), None)

    def below(self, minimum: float) -> list[FileScore]:
        """Files whose score is below ``minimum`` (files without OKRs have no score: never)."""
        return [f for f in self.files if f.score is not None and f.score < minimum]


# Matching findings to nodes ---------------------------------------------------------------


class _Index:
    def __init__(self, doc: OkrDocument) -> None:
        self.doc = doc
        self.by_start: dict[tuple[str, int, int], Any] = {}
        self.by_text: dict[tuple[str, str], list[Any]] = {}
        self.initiative_owner: dict[tuple[int, int], KeyResult] = {}
        self._krs: dict[int, list[KeyResult]] = {}
        for s in doc.sets:
            self._add("set", s, None)
            for o in s.objectives:
                self._add("objective", o, o.text)
            for kr in s.key_results():
                self._add("key_result", kr, kr.text)
                for ini in kr.initiatives:
                    self.initiative_owner.setdefault((ini.span.line, ini.span.column), kr)

    def _add(self, kind: str, node: Any, text: str | None) -> None:
        self.by_start.setdefault((kind, node.span.line, node.span.column), node)
        if text is not None:
            self.by_text.setdefault((kind, text), []).append(node)

    def node_for(self, f: Finding) -> Any:
        """The node a finding is about (an initiative's: its key result), or the set it lies
        in, or None (file level)."""
        if not self.doc.sets or f.item == "file":
            return None
        if f.node:
            return self._by_key(f.item, f.node)
        # A finding made outside the engine (no key): found again by its position and text.
        kind = f.item
        if kind == "initiative":
            owner = self.initiative_owner.get((f.line, f.column))
            if owner is not None:
                return owner
        node = self.by_start.get((kind, f.line, f.column))
        if node is not None:
            return node
        if kind in ("objective", "key_result") and f.text is not None:
            same = self.by_text.get((kind, f.text), [])
            inside = [n for n in same if n.span.line <= f.line <= n.span.end_line]
            if inside or same:
                return (inside or same)[0]
        return self.set_at(f.line)

    def _by_key(self, kind: str, key: tuple[int, ...]) -> Any:
        sets = self.doc.sets
        if key[0] >= len(sets):
            return None
        okr_set = sets[key[0]]
        if len(key) == 1:
            return okr_set
        if kind == "objective":
            return okr_set.objectives[key[1]] if key[1] < len(okr_set.objectives) else okr_set
        krs = self._krs.setdefault(key[0], list(okr_set.key_results()))
        return krs[key[1]] if key[1] < len(krs) else okr_set

    def set_at(self, line: int) -> OkrSet:
        """The set a line belongs to: the last one starting at or before it, else the first."""
        found = self.doc.sets[0]
        for s in self.doc.sets:
            if s.span.line <= line:
                found = s
        return found


def _objective_score(
    objective: Objective, own: list[Finding], krs: list[StatementScore], config: ScoreConfig
) -> ObjectiveScore:
    penalty = config.penalty(worst(f for f in own if f.code != NO_KEY_RESULTS))
    if krs:
        penalty += sum(config.penalty(k.severity) for k in krs) / len(krs)
    elif any(f.code == NO_KEY_RESULTS for f in own):
        penalty += config.penalty("error")  # nothing measures it: the worst key results can be
    value = _round(100 - penalty)
    return ObjectiveScore(objective, value, config.tier(value), own, krs)


def score_document(
    doc: OkrDocument, findings: Iterable[Finding], config: ScoreConfig | None = None
) -> FileScore:
    """The scores of one document from its findings (findings for other paths are ignored)."""
    config = config or ScoreConfig()
    mine = sorted((f for f in findings if f.path == doc.path), key=Finding.sort_key)
    index = _Index(doc)
    about: dict[int, list[Finding]] = {}
    file_level: list[Finding] = []
    for f in mine:
        node = index.node_for(f)
        if node is None:
            file_level.append(f)
        else:
            about.setdefault(id(node), []).append(f)

    def statement(kr: KeyResult) -> StatementScore:
        return StatementScore(kr, about.get(id(kr), []))

    sets: list[SetScore] = []
    for s in doc.sets:
        objectives = [
            _objective_score(
                o, about.get(id(o), []), [statement(kr) for kr in o.key_results], config
            )
            for o in s.objectives
        ]
        shared = [statement(kr) for kr in s.shared_key_results]
        parts = [o.score for o in objectives]
        if shared:
            parts.append(100 - sum(config.penalty(k.severity) for k in shared) / len(shared))
        own = about.get(id(s), [])
        base = sum(parts) / len(parts) if parts else 100.0
        value = _round(base - SET_SHARE * config.penalty(worst(own)))
        sets.append(SetScore(s, value, config.tier(value), own, objectives, shared))

    if not doc.has_okrs:
        return FileScore(doc.path, doc, None, None, file_level, sets)
    scored = [s for s in sets if s.okr_set.objectives] or sets
    base = sum(s.score for s in scored) / len(scored)
    value = _round(base - config.penalty(worst(file_level)))
    return FileScore(doc.path, doc, value, config.tier(value), file_level, sets)


def score_documents(
    docs: Sequence[OkrDocument],
    findings: Sequence[Finding],
    config: ScoreConfig | Mapping[str, Any] | None = None,
) -> ScoreSet:
    """Scores for every document, in the documents' order. ``config`` is a ScoreConfig or the
    ``score:`` mapping of a configuration file (validated: ValueError when it is wrong).
    Findings whose path is not one of the documents' get a file entry without a score."""
    if not isinstance(config, ScoreConfig):
        config = ScoreConfig.from_mapping(config)
    by_path: dict[str, list[Finding]] = {}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    # Each document scored from its own findings: a pass over all of them per document was
    # quadratic (5 s for an HTML report of 2,000 files).
    files = [score_document(doc, by_path.get(doc.path, []), config) for doc in docs]
    known = {d.path for d in docs}
    orphans: dict[str, list[Finding]] = {}
    for f in sorted(findings, key=Finding.sort_key):
        if f.path not in known:
            orphans.setdefault(f.path, []).append(f)
    files.extend(FileScore(path, None, None, None, items) for path, items in orphans.items())
    return ScoreSet(files, config)


def summary_lines(scores: ScoreSet) -> list[str]:
    """``okrs.md: 62/100 Rework`` for every file with a score (for the text format)."""
    return [f"{f.path}: {display(f.score)} {f.tier}" for f in scores.files if f.score is not None]


def min_score_failures(scores: ScoreSet, minimum: float) -> list[str]:
    """One message per file below ``--min-score`` (empty: the gate passes)."""
    return [
        f"{f.path} scores {display(f.score)} ({f.tier}), below --min-score {minimum:g}"
        for f in scores.below(minimum)
    ]


__all__ = [
    "DEFAULT_TIERS",
    "DEFAULT_WEIGHTS",
    "TIER_NAMES",
    "FileScore",
    "ObjectiveScore",
    "ScoreConfig",
    "ScoreSet",
    "SetScore",
    "StatementScore",
    "display",
    "min_score_failures",
    "score_document",
    "score_documents",
    "summary_lines",
    "tier",
    "worst",
]
