"""Inline suppressions in comments.

Markdown: ``<!-- okrlint-disable RULES -->`` ... ``<!-- okrlint-enable RULES -->``,
``<!-- okrlint-disable-next-line RULES -->``, ``<!-- okrlint-disable-line RULES -->`` (same
line), ``<!-- okrlint-disable-file RULES -->``. YAML: the same words after ``#``. RULES are
codes, names or prefixes, separated by commas or spaces; none means every rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from okrlint.model import Comment, OkrDocument, Span
from okrlint.registry import Registry

_DIRECTIVE = re.compile(
    r"^\s*okrlint-(?P<kind>disable-next-line|disable-line|disable-file|disable|enable)\b"
    r"(?P<rules>[^\n]*)$",
    re.IGNORECASE,
)


MAX_RULES_PER_COMMENT = 100


@dataclass
class Directive:
    kind: str
    codes: frozenset[str] | None  # None: every rule
    span: Span
    text: str
    unknown: list[str] = field(default_factory=list)
    used: bool = False


def parse(doc: OkrDocument, registry: Registry) -> list[Directive]:
    out: list[Directive] = []
    for comment in doc.comments:
        out.extend(_parse_comment(comment, registry))
    return out


def _parse_comment(comment: Comment, registry: Registry) -> list[Directive]:
    m = _DIRECTIVE.match(comment.text)
    if not m:
        return []
    words = [w for w in re.split(r"[\s,]+", m.group("rules").strip()) if w and w != "--"]
    codes: set[str] = set()
    unknown: list[str] = []
    if len(words) > MAX_RULES_PER_COMMENT:
        # 400,000 names in one comment took 80 s: a comment names a few rules, not a book.
        unknown.append(
            f"({len(words) - MAX_RULES_PER_COMMENT:,} more names past the first "
            f"{MAX_RULES_PER_COMMENT}, ignored)"
        )
        words = words[:MAX_RULES_PER_COMMENT]
    for word in dict.fromkeys(words):
        matched = registry.match(word)
        if matched:
            codes.update(r.code for r in matched)
        else:
            unknown.append(word)
    selected = frozenset(codes) if words else None
    return [Directive(m.group("kind").lower(), selected, comment.span, comment.text, unknown)]


def _covers(d: Directive, code: str) -> bool:
    return d.codes is None or code in d.codes


def _next_content_line(lines: list[str], after: int) -> int:
    for n in range(after + 1, len(lines) + 1):
        if lines[n - 1].strip():
            return n
    return after + 1


def suppressed_lines(directives: list[Directive], source: str) -> list[tuple[Directive, int, int]]:
    """(directive, first line, last line) each directive covers."""
    lines = source.split("\n")
    total = max(len(lines), 1)
    out: list[tuple[Directive, int, int]] = []
    ranges_open: list[Directive] = []
    for d in sorted(directives, key=lambda d: (d.span.line, d.span.column)):
        if d.kind == "disable-file":
            out.append((d, 1, total))
        elif d.kind == "disable-line":
            out.append((d, d.span.line, d.span.end_line))
        elif d.kind == "disable-next-line":
            n = _next_content_line(lines, d.span.end_line)
            out.append((d, n, n))
        elif d.kind == "disable":
            ranges_open.append(d)
        elif d.kind == "enable":
            still: list[Directive] = []
            for opened in ranges_open:
                if d.codes is None or (opened.codes is not None and opened.codes <= d.codes):
                    out.append((opened, opened.span.line, d.span.line))
                else:
                    still.append(opened)
            ranges_open = still
            d.used = True  # an enable never "suppresses"; it is not reported as unused
    for opened in ranges_open:
        out.append((opened, opened.span.line, total))
    return out
