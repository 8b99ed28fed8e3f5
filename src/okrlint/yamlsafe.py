"""Safe YAML loading: PyYAML's safe loader (the C one when present) and expansion limits.

Before anything is built, :func:`check_yaml_limits` runs libyaml's event parser (flat, fast, no
recursion) over the text and refuses documents nested deeper than :data:`MAX_DEPTH` (PyYAML's
C composer recurses once per level and crashes the interpreter near 50,000 levels), with more
than :data:`MAX_NODES` nodes or :data:`MAX_ALIASES` aliases. After composing,
:func:`check_expansion` refuses anchors and aliases that expand past :data:`MAX_NODES` nodes or
:data:`MAX_EXPANDED_CHARS` characters ("billion laughs") and aliases that contain themselves.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import Any

import yaml

from okrlint.model import Span

try:  # pragma: no cover - depends on how PyYAML was built
    SafeLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    SafeLoader = yaml.SafeLoader

MAX_ALIASES = 1_000
MAX_NODES = 200_000
MAX_DEPTH = 200
MAX_EXPANDED_CHARS = 10_000_000


class YamlLimitError(ValueError):
    """The YAML would expand past okrlint's limits (a "billion laughs" document)."""

    def __init__(self, message: str, span: Span | None = None) -> None:
        super().__init__(message)
        self.span = span or Span.point(1)


def _mark_span(mark: Any) -> Span:
    if mark is None:
        return Span.point(1)
    return Span.point(mark.line + 1, mark.column + 1)


def check_yaml_limits(text: str) -> None:
    """Refuse documents too deep, too big or with too many aliases, before PyYAML composes
    anything. Syntax errors are left to the composer (same exceptions, same marks)."""
    try:
        _check_events(text, SafeLoader)
    except yaml.MarkedYAMLError as exc:
        # libyaml (PyYAML >= 6.0.4) refuses deep nesting itself, while scanning ahead, before
        # okrlint's own, lower limit is reached: find that limit's position with the pure-Python
        # parser (no nesting limit, no recursion), so the message and position do not depend on
        # how PyYAML was built.
        if "nesting depth" not in str(exc.problem) or SafeLoader is yaml.SafeLoader:
            raise
        _check_events(text, yaml.SafeLoader)
        raise


def _check_events(text: str, loader: type) -> None:
    depth = nodes = aliases = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            nodes += 1
            if depth > MAX_DEPTH:
                raise YamlLimitError(
                    f"the YAML is nested more than {MAX_DEPTH} levels deep",
                    _mark_span(event.start_mark),
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        elif isinstance(event, yaml.ScalarEvent):
            nodes += 1
        elif isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_ALIASES:
                raise YamlLimitError(
                    f"the YAML uses more than {MAX_ALIASES:,} aliases", _mark_span(event.start_mark)
                )
        if nodes > MAX_NODES:
            raise YamlLimitError(
                f"the YAML has more than {MAX_NODES:,} values: too big for an OKR file",
                _mark_span(event.start_mark),
            )


def node_span(node: yaml.Node) -> Span:
    start, end = node.start_mark, node.end_mark
    return Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1)


def _children(node: yaml.Node) -> Iterator[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            yield k
            yield v
    elif isinstance(node, yaml.SequenceNode):
        yield from node.value


def check_expansion(root: yaml.Node) -> None:
    """Refuse a composed document whose aliases expand past the limits, or refer to a node
    that contains them. The node reported is the smallest one past the limit."""
    done: dict[int, tuple[int, int]] = {}  # id -> (nodes, characters) once expanded
    open_: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if finished:
            open_.discard(key)
            nodes, chars = 1, len(node.value) if isinstance(node, yaml.ScalarNode) else 0
            for child in _children(node):
                n, c = done[id(child)]
                nodes += n
                chars += c
            if nodes > MAX_NODES or chars > MAX_EXPANDED_CHARS:
                what = f"{MAX_NODES:,} values" if nodes > MAX_NODES else "10 million characters"
                raise YamlLimitError(
                    f"anchors and aliases here expand to more than {what} (a 'billion laughs' "
                    "document)",
                    node_span(node),
                )
            done[key] = (nodes, chars)
            continue
        if key in done:
            continue
        if key in open_:
            raise YamlLimitError("an alias here refers to a node that contains it", node_span(node))
        open_.add(key)
        stack.append((node, True))
        for child in _children(node):
            if id(child) not in done:
                stack.append((child, False))


_YAML_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


class MarkMap:
    """PyYAML counts NEL (U+0085), LINE and PARAGRAPH SEPARATOR (U+2028, U+2029) and CR as line
    breaks; okrlint, like editors, counts LF only. Positions from PyYAML marks (1-based line and
    column here) are moved to okrlint's lines; without those characters nothing changes."""

    def __init__(self, text: str) -> None:
        self.exotic = any(ch in text for ch in "\r\x85\u2028\u2029")
        if self.exotic:
            self.yaml_starts = [0, *(m.end() for m in _YAML_BREAKS.finditer(text))]
            self.starts = [0, *(m.end() for m in re.finditer("\n", text))]

    def point(self, line: int, column: int) -> tuple[int, int]:
        if not self.exotic:
            return line, column
        start = self.yaml_starts[max(1, min(line, len(self.yaml_starts))) - 1]
        index = start + column - 1
        i = bisect.bisect_right(self.starts, index) - 1
        return i + 1, index - self.starts[i] + 1

    def span(self, span: Span) -> Span:
        if not self.exotic:
            return span
        line, column = self.point(span.line, span.column)
        end_line, end_column = self.point(span.end_line, span.end_column)
        return Span(line, column, end_line, end_column)
