"""Python checks for the structural rules (the ones YAML cannot express)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from okrlint.checks.api import Node, Problem, RuleContext
from okrlint.model import Objective, OkrDocument


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


def parse_error(ctx: RuleContext, node: Node) -> Iterator[Problem]:
    """OKR001: what the reader could not read, where it could not (from the document)."""
    if isinstance(node, OkrDocument):
        for problem in node.problems:
            yield Problem(problem.message, problem.span)


def no_okrs_found(ctx: RuleContext, node: Node) -> Iterator[Problem]:
    """OKR002: a file named on the command line holds no OKRs (a file found in a folder or
    passed by the pre-commit hook is not reported)."""
    if not isinstance(node, OkrDocument) or not ctx.explicit or node.has_okrs or node.problems:
        return
    what = "YAML" if node.format == "yaml" else "Markdown"
    if node.path.lower().endswith(".json"):
        what = "JSON"
    if node.no_okrs_reason:
        yield Problem(
            f"No OKRs found in this {what} file: {node.no_okrs_reason}. "
            "'okrlint --outline --why' shows how each line was read."
        )
    elif node.format == "yaml":
        yield Problem(
            f"No objective found in this {what} file: okrlint reads an 'objectives:' list (or "
            "'okrs:', 'goals:') with the key results of each under 'key_results:'."
        )
    else:
        yield Problem(
            f"No objective found in this {what} file. Label objectives ('Objective: ...' or "
            "'## Objective: ...') and key results ('- KR1: ...'), or run 'okrlint --outline "
            "--why' to see what okrlint understood."
        )
