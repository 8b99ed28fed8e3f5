"""Safe YAML loading: PyYAML's safe loader (the C one when present) and expansion limits.

Before anything is built, :func:`check_yaml_limits` runs libyaml's event parser (flat, fast, no
recursion) over the text and refuses documents nested deeper than :data:`MAX_DEPTH` (PyYAML's
C composer recurses once per level and crashes the interpreter near 50,000 levels), with more
than :data:`MAX_NODES` nodes or :data:`MAX_ALIASES` aliases. After composing,
:func:`check_expansion` refuses anchors and aliases that expand past :data:`MAX_NODES` nodes or
:data:`MAX_EXPANDED_CHARS` characters ("billion laughs") and aliases that contain themselves.
"""

from __future__ import annotations

from collections.abc import Iterator

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


def _mark_span(mark: yaml.Mark | None) -> Span:
    if mark is None:
        return Span.point(1)
    return Span.point(mark.line + 1, mark.column + 1)


def check_yaml_limits(text: str) -> None:
    """Refuse documents too deep, too big or with too many aliases, before PyYAML composes
    anything. Syntax errors are left to the composer (same exceptions, same marks)."""
    depth = nodes = aliases = 0
    for event in yaml.parse(text, Loader=SafeLoader):
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
