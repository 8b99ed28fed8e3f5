"""Checks: how each kind of rule looks at a node."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from okrlint.engine import Node, Report, RuleContext
from okrlint.registry import Rule


class CheckError(RuntimeError):
    """A rule raised: a bug in okrlint (or a plugin), reported with where it happened."""

    def __init__(self, rule: Rule, node: Any, exc: BaseException) -> None:
        span = getattr(node, "span", None)
        where = f"{getattr(node, 'text', '')!r}"
        if span is not None:
            where = f"line {span.line}: {where}"
        super().__init__(f"rule {rule.code} ({rule.name}) failed on {where}: {exc!r}")
        self.rule = rule
        self.exc = exc


def run_check(rule: Rule, ctx: RuleContext, node: Node) -> Iterator[Report]:
    from okrlint.checks import declarative

    kinds = {
        "occurrence": declarative.occurrence,
        "existence": declarative.existence,
        "substitution": declarative.substitution,
        "pattern": declarative.pattern,
        "requires": declarative.requires,
    }
    try:
        if not declarative.level_allows(ctx, node):
            return
        if rule.kind == "python":
            assert rule.check is not None
            results = rule.check(ctx, node)
        elif rule.kind in kinds:
            results = kinds[rule.kind](ctx, node)
        else:
            return
        for result in results or ():
            yield result if isinstance(result, Report) else Report(str(result))
    except CheckError:
        raise
    except Exception as exc:  # a bug: surface it with its location, never swallow it
        raise CheckError(rule, node, exc) from exc
