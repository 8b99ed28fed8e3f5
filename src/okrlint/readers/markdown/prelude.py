"""Stage 1 of the Markdown reader, besides the blocks: what surrounds the OKRs. HTML comments
(inline suppressions) and YAML front matter (document metadata: cycle, level, owner, ...),
read with the same limits and safe loader as YAML files."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import Any

import yaml

from okrlint.model import Comment, OkrDocument, Problem, Span
from okrlint.readers.decorations import parse_metadata_line
from okrlint.readers.limits import MAX_COMMENTS, ReadLimitError
from okrlint.readers.markdown import blocks as mb
from okrlint.yamlsafe import (
    MarkMap,
    SafeLoader,
    YamlLimitError,
    check_expansion,
    check_yaml_limits,
)

_FRONT_MATTER_KEYS = frozenset(
    {
        "title",
        "owner",
        "cycle",
        "level",
        "team",
        "score",
        "progress",
        "status",
        "updated",
        "parent",
        "deadline",
        "start",
        "priority",
        "objectives",
    }
)


class Prelude:
    """Reads the comments and the front matter of a document into it."""

    def __init__(self, doc: OkrDocument, pos: mb.Positions) -> None:
        self.doc = doc
        self.pos = pos
        self.front_spans: dict[str, Span] = {}
        # The front matter's YAML, as lines at their place in the file (blank lines before it),
        # when it parsed to a mapping: an OKR set may be written there.
        self.front_yaml: str | None = None
        self.front_data: object = None

    def span(self, start: int, end: int) -> Span:
        return self.pos.span(start, end)

    def comments(self, blocks: list[mb.Block]) -> None:
        """HTML comments outside code: all of the ``<!-- okrlint-... -->`` ones (suppressions),
        the first :data:`MAX_COMMENTS` of the others."""
        data = self.pos.data
        if b"<!--" not in data:
            return
        others = 0
        code_ranges = sorted(
            (b.start, b.end) for b in _iter_blocks(blocks) if isinstance(b, (mb.Code, mb.Meta))
        )
        code_starts = [s for s, _ in code_ranges]
        # Linear: "<!--(.*?)-->" would rescan the rest of the file for every unclosed "<!--".
        pos = 0
        while True:
            start = data.find(b"<!--", pos)
            if start < 0:
                break
            close = data.find(b"-->", start + 4)
            if close < 0:
                break
            end = close + 3
            pos = end
            text = data[start + 4 : close].decode("utf-8", errors="replace")
            directive = text.strip().lower().startswith("okrlint")
            if not directive and others >= MAX_COMMENTS:
                continue
            i = bisect.bisect_right(code_starts, start) - 1
            if i >= 0 and start < code_ranges[i][1]:
                continue
            if not directive:
                others += 1
            elif len(self.doc.comments) - others >= MAX_COMMENTS:
                line, col = self.pos.line_col(start)
                raise ReadLimitError(
                    f"more than {MAX_COMMENTS:,} okrlint comments: skipped", Span.point(line, col)
                )
            self.doc.comments.append(Comment(text.strip(), self.span(start, end)))

    def front_matter(self, blocks: list[mb.Block]) -> list[mb.Block]:
        if not blocks or not isinstance(blocks[0], mb.Meta):
            return blocks
        meta = blocks[0]
        base_line, base_col = self.pos.line_col(meta.text_start or meta.start)
        try:
            check_yaml_limits(meta.text)
            node = yaml.compose(meta.text, Loader=SafeLoader)
            if node is not None:
                check_expansion(node)
                self._front_matter_duplicates(node, meta.text, base_line)
            data = yaml.load(meta.text, Loader=SafeLoader)
        except (yaml.YAMLError, YamlLimitError) as exc:
            line, col = base_line, base_col
            mark = getattr(exc, "problem_mark", None)
            span = getattr(exc, "span", None)
            marks = MarkMap(meta.text)
            if mark is not None:
                rel_line, col = marks.point(mark.line + 1, mark.column + 1)
                line += rel_line - 1
            elif span is not None:
                rel_line, col = marks.point(span.line, span.column)
                line += rel_line - 1
            problem = getattr(exc, "problem", None) or str(exc)
            if isinstance(exc, YamlLimitError):
                problem = f"refused: {exc}"
            elif "could not determine a constructor" in str(exc):
                problem = f"unsafe or unknown tag refused ({problem})"
            self.doc.problems.append(
                Problem(f"invalid YAML front matter: {problem}", Span(line, col, line, col))
            )
            return blocks[1:]
        except (ValueError, TypeError, AttributeError, OverflowError):
            # The safe constructors fail like this on bad tagged values ("!!timestamp soon").
            line, col = base_line, base_col
            tag = meta.text.find("!!")
            if tag >= 0:
                line += meta.text.count("\n", 0, tag)
                col = tag - (meta.text.rfind("\n", 0, tag) + 1) + 1
            self.doc.problems.append(
                Problem(
                    "invalid YAML front matter: a value cannot be read as the type its tag "
                    "names (check the values written with '!!')",
                    Span(line, col, line, col),
                )
            )
            return blocks[1:]
        if isinstance(data, dict):
            base_line, _ = self.pos.line_col(meta.text_start or meta.start)
            for key, value in data.items():
                norm = _normalise_key(str(key))
                if norm and value is not None and norm not in self.doc.metadata:
                    self.doc.metadata[norm] = _scalar(value)
            self.doc.metadata = {
                k: v for k, v in self.doc.metadata.items() if k in _FRONT_MATTER_KEYS
            }
            base = meta.text_start or meta.start
            first_line, _ = self.pos.line_col(base)
            spans: dict[str, Span] = {}
            for i, row in enumerate(meta.text.split("\n")):
                m = re.match(r"^([A-Za-z_][\w -]*)\s*:", row)
                if m:
                    norm = _normalise_key(m.group(1))
                    if norm and norm not in spans:
                        spans[norm] = Span(first_line + i, 1, first_line + i, len(row) + 1)
            self.front_spans = spans
            self.front_yaml = "\n" * (first_line - 1) + meta.text
            self.front_data = data
            self.doc.metadata.setdefault("_span", Span(base_line, 1, base_line, 1))
        return blocks[1:]

    def _front_matter_duplicates(self, node: yaml.Node, text: str, base_line: int) -> None:
        if not isinstance(node, yaml.MappingNode):
            return
        marks = MarkMap(text)
        seen: set[str] = set()
        for key, _ in node.value:
            if not isinstance(key, yaml.ScalarNode):
                continue
            if key.value in seen:
                rel_line, col = marks.point(key.start_mark.line + 1, key.start_mark.column + 1)
                line = base_line + rel_line - 1
                self.doc.problems.append(
                    Problem(
                        f"duplicate YAML key {key.value!r} in the front matter (the last one wins)",
                        Span(line, col, line, col + len(key.value)),
                    )
                )
            seen.add(key.value)


def _iter_blocks(blocks: list[mb.Block], into_quotes: bool = True) -> Iterable[mb.Block]:
    stack = list(reversed(blocks))
    while stack:
        b = stack.pop()
        yield b
        if isinstance(b, mb.ListBlock):
            stack.extend(reversed(b.items))
        elif isinstance(b, mb.Item) or (isinstance(b, mb.Quote) and into_quotes):
            stack.extend(reversed(b.blocks))


def _normalise_key(key: str) -> str | None:
    k = key.strip().lower().replace("_", " ").replace("-", " ")
    direct = {
        "title": "title",
        "name": "title",
        "description": "description",
        "objectives": "objectives",
    }
    if k in direct:
        return direct[k]
    meta = parse_metadata_line(f"{k}: x")
    if meta is not None:
        return meta[0]
    return k.replace(" ", "_")


def _scalar(value: Any) -> Any:
    if isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)
