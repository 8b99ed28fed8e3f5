"""Run rules over OKR documents and collect findings: one finding per statement (the chain
order), suppressions, severities."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from okrlint.checks.api import Node, Problem, RuleContext, Settings
from okrlint.model import (
    Initiative,
    KeyResult,
    Objective,
    OkrDocument,
    Span,
)
from okrlint.registry import SEVERITY_RANK, Rule, Severity


@dataclass(frozen=True)
class Finding:
    code: str
    name: str
    severity: Severity
    message: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    item: str
    text: str | None = None
    # The node the finding is about, by position in the document: () the file; (s,) its set s;
    # (s, o) objective o of set s; (s, k) key result k of set s (in OkrSet.key_results()
    # order); (s, k, i) initiative i of that key result. Not in the JSON output.
    node: tuple[int, ...] = ()

    def sort_key(self) -> tuple[Any, ...]:
        return (self.path, self.line, self.column, self.code, self.message)

    def as_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "item": self.item,
            "text": self.text,
        }


def nodes_for(doc: OkrDocument, scope: str) -> Iterator[Node]:
    if scope == "file":
        yield doc
    elif scope == "set":
        yield from doc.sets
    elif scope == "objective":
        yield from doc.objectives()
    elif scope == "key_result":
        yield from doc.key_results()
    elif scope == "initiative":
        for kr in doc.key_results():
            yield from kr.initiatives


def node_keys(doc: OkrDocument) -> dict[int, tuple[int, ...]]:
    """Each node of the document (by ``id``) and its key (see :attr:`Finding.node`)."""
    keys: dict[int, tuple[int, ...]] = {}
    for s, okr_set in enumerate(doc.sets):
        keys[id(okr_set)] = (s,)
        for o, objective in enumerate(okr_set.objectives):
            keys[id(objective)] = (s, o)
        for k, kr in enumerate(okr_set.key_results()):
            keys[id(kr)] = (s, k)
            for i, initiative in enumerate(kr.initiatives):
                keys[id(initiative)] = (s, k, i)
    return keys


def _statement(node: Node) -> str | None:
    if isinstance(node, (Objective, KeyResult, Initiative)):
        return node.text
    return None


def _span(node: Node) -> Span:
    if isinstance(node, OkrDocument):
        return Span.point(1)
    return node.span


def lint(
    doc: OkrDocument,
    settings: Settings,
    explicit: bool = True,
    errors: list[str] | None = None,
) -> list[Finding]:
    """All findings for one document, sorted.

    A rule that raises is a bug (in okrlint or a plugin). With ``errors`` given, the failure is
    recorded there with its rule and line and every other rule and statement is still checked;
    without it, the error propagates.
    """
    from okrlint.checks import CheckError, checker

    if doc.speculative and not explicit:
        return []  # not shaped like OKRs, and nobody asked for this file
    rules = settings.active_rules()
    if doc.has_okrs and any("analysis" in r.needs for r in rules):
        from okrlint.analysis import analyze_document

        analyze_document(doc)
    findings: list[Finding] = []
    chained: dict[tuple[int, str], tuple[int, Finding]] = {}
    keys = node_keys(doc)
    for rule in rules:
        if rule.kind == "engine":
            continue
        if not doc.has_okrs and rule.scope != "file":
            continue
        check = checker(rule)
        if check is None:
            continue
        ctx = RuleContext(rule, settings, doc, explicit)
        severity = settings.severity(rule)
        for node in nodes_for(doc, rule.scope):
            try:
                reports = check(ctx, node)
            except CheckError as exc:
                if errors is None:
                    raise
                errors.append(f"{doc.path}: internal error: {exc}")
                continue
            for report in reports:
                about = report.node if report.node is not None else node
                span = report.span or _span(about)
                finding = Finding(
                    code=rule.code,
                    name=rule.name,
                    severity=severity,
                    message=report.message,
                    path=doc.path,
                    line=span.line,
                    column=span.column,
                    end_line=span.end_line,
                    end_column=span.end_column,
                    item=getattr(about, "kind", "file"),
                    text=_statement(about),
                    node=keys.get(id(about), ()),
                )
                if rule.chain:
                    # docs/judgement.md, "One finding per statement": the lowest rank wins.
                    rank = rule.chain_rank if rule.chain_rank is not None else 1 << 30
                    key = (id(about), rule.chain)
                    if key not in chained or rank < chained[key][0]:
                        chained[key] = (rank, finding)
                else:
                    findings.append(finding)
    findings.extend(f for _, f in chained.values())
    if settings.inline and doc.comments:
        findings = apply_suppressions(doc, settings, findings)
    findings.sort(key=Finding.sort_key)
    return findings


def apply_suppressions(
    doc: OkrDocument, settings: Settings, findings: list[Finding]
) -> list[Finding]:
    """Drop findings silenced by okrlint-disable comments; report bad (OKR003) and, when
    selected, unused (OKR004) suppressions."""
    from okrlint.engine import suppress

    directives = suppress.parse(doc, settings.registry)
    if not directives:
        return findings
    covered = suppress.suppressed_lines(directives, doc.source)
    kept: list[Finding] = []
    for f in findings:
        hit = [
            d
            for d, first, last in covered
            if first <= f.line <= last and suppress._covers(d, f.code)
        ]
        for d in hit:
            d.used = True
        if not hit:
            kept.append(f)
    reg = settings.registry
    invalid, unused = reg.get("OKR003"), reg.get("OKR004")

    def about_comment(rule: Rule, message: str, s: Span) -> Finding:
        return Finding(
            rule.code,
            rule.name,
            settings.severity(rule),
            message,
            doc.path,
            s.line,
            s.column,
            s.end_line,
            s.end_column,
            "file",
            None,
        )

    for d in directives:
        if invalid is not None and invalid.code in settings.selected:
            for word in d.unknown:
                message = (
                    f"Unknown rule '{word}' in okrlint-{d.kind}{reg.suggest(word)}: the "
                    "comment suppresses nothing for it."
                )
                kept.append(about_comment(invalid, message, d.span))
        if unused is not None and unused.code in settings.selected and not d.used:
            message = f"okrlint-{d.kind} suppressed nothing here: remove the comment."
            kept.append(about_comment(unused, message, d.span))
    return kept


def at_or_above(findings: Iterable[Finding], level: str) -> int:
    rank = SEVERITY_RANK[level]
    return sum(1 for f in findings if SEVERITY_RANK[f.severity] >= rank)


CheckFn = Callable[[RuleContext, Node], Iterable[Problem | str]]


__all__ = [
    "Finding",
    "Settings",
    "apply_suppressions",
    "at_or_above",
    "lint",
    "nodes_for",
]
