"""Declarative rule kinds: ``occurrence`` (counts) and ``existence`` (words and phrases)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from okrlint.engine import Node, Report, RuleContext, quote
from okrlint.model import KeyResult, Objective, OkrSet
from okrlint.readers.statement import words


def _value(ctx: RuleContext, raw: Any) -> Any:
    """``"{max}"`` refers to the rule's option ``max``."""
    if isinstance(raw, str):
        m = re.fullmatch(r"\{([\w-]+)\}", raw.strip())
        if m:
            return ctx.option(m.group(1))
    return raw


def occurrence(ctx: RuleContext, node: Node) -> Iterator[Report]:
    spec = ctx.rule.spec
    what = spec.get("count")
    skip = set(spec.get("skip") or ())
    level = None
    if isinstance(node, OkrSet):
        level = node.level
    elif isinstance(node, (Objective, KeyResult)) and node.okr_set is not None:
        level = node.okr_set.level
    values: dict[str, Any] = {"level": level or "team"}
    if what == "objectives" and isinstance(node, OkrSet):
        items = node.top_objectives
        count = len(items)
        values["title"] = node.title or "this set"
    elif what == "key_results" and isinstance(node, Objective):
        if "has-children" in skip and node.children:
            return
        if "shared" in skip and node.okr_set is not None and node.okr_set.shared_key_results:
            return
        count = len(node.key_results)
        values["text"] = quote(node.text)
    elif what == "words" and isinstance(node, (Objective, KeyResult)):
        count = len(words(node.text))
        values["text"] = quote(node.text)
    else:
        return
    if count == 0 and "zero" in skip:
        return
    low = _value(ctx, spec.get("min"))
    high = _value(ctx, spec.get("max"))
    by_level = spec.get("max-when-level") or {}
    if level in by_level:
        high = _value(ctx, by_level[level])
    values["count"] = count
    if high is not None and count > int(high):
        values["limit"] = int(high)
        yield Report(ctx.message(**values))
    elif low is not None and count < int(low):
        values["limit"] = int(low)
        yield Report(ctx.message(**values))


def existence(ctx: RuleContext, node: Node) -> Iterator[Report]:
    """Words or phrases that must not appear in a statement (plain, case-insensitive match)."""
    spec = ctx.rule.spec
    tokens = [str(t) for t in (_value(ctx, spec.get("tokens")) or [])]
    text = getattr(node, "text", "")
    if not text or not tokens:
        return
    flags = re.IGNORECASE if spec.get("ignorecase", True) else 0
    for token in tokens:
        m = re.search(r"(?<!\w)" + re.escape(token) + r"(?!\w)", text, flags)
        if m:
            yield Report(ctx.message(match=m.group(0), text=quote(text)))
            return
