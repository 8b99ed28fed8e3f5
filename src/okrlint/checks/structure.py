"""Python checks for the structural rules (the ones YAML cannot express)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from okrlint.checks.api import Node, Problem, RuleContext
from okrlint.model import Objective


def normalise(text: str) -> str:
    """Lower-case, punctuation to spaces, whitespace collapsed, numbering dropped."""
    t = text.lower()
    t = re.sub(r"^\s*(?:kr\s*\d+|key result\s*\d*|\d+)\s*[:.)\-–—]\s*", "", t)
    t = re.sub(r"[^\w%$€£]+", " ", t)
    return " ".join(t.split())


def duplicate_key_result(ctx: RuleContext, node: Node) -> Iterator[Problem]:
    if not isinstance(node, Objective):
        return
    seen: dict[str, int] = {}
    for kr in node.key_results:
        key = normalise(kr.text)
        if not key:
            continue
        if key in seen:
            yield Problem(
                f"Duplicate of the key result on line {seen[key]}: delete it, or rewrite it "
                "to measure something else.",
                kr.span,
                node=kr,
            )
        else:
            seen[key] = kr.span.line
