"""Recognise OKRs in Markdown.

The block tree of :mod:`okrlint.readers.mdblocks` is cut into sections by headings, then read
the way a person reads an OKR page:

* explicit labels win ("Objective:", "O1 -", "KR2:", "Key result:", "Company key result:",
  headings "Key Results" / "Objectives");
* without labels, the shapes people use: a heading, a bold line or a short line followed by a
  list (the list items are key results), a top-level list item with a nested list, numbered
  cascades ("CEO: ..." > "Sales: ..." > "Sales KR: ..."), tables with an objective or key-result
  column, tables exported from spreadsheets (bold objective rows, key-result rows below);
* nested items under a key result are initiatives;
* intros, tables of contents, link lists, code blocks, block quotes and HTML are never OKRs, and
  unlabelled shapes are only read in a file that says it is about OKRs (its name, title or a
  heading). When the structure is ambiguous, an objective is missed rather than invented.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

import yaml

from okrlint.model import (
    Comment,
    Initiative,
    KeyResult,
    Objective,
    OkrDocument,
    OkrSet,
    Problem,
    Prose,
    Span,
)
from okrlint.readers import mdblocks as mb
from okrlint.readers.limits import MAX_COMMENTS, ReadLimitError
from okrlint.readers.statement import (
    NAVIGATION_TITLES,
    NON_OKR_TITLES,
    QUESTION_TITLES,
    README_TITLES,
    clean,
    match_label,
    parse_metadata_line,
    starts_with_verb,
    words,
    zone_label,
)
from okrlint.readers.yamlsafe import (
    MarkMap,
    SafeLoader,
    YamlLimitError,
    check_expansion,
    check_yaml_limits,
)

_EVIDENCE = re.compile(
    r"\bokrs?\b|\bokr's\b|objectives?|key[\s-]*results?|\bgoals?\b|\bkrs?\b", re.IGNORECASE
)
_PERIOD = re.compile(
    r"^(?:(?:cy|fy)\s?\d{2,4}(?:[\s-]*q[1-4])?|q[1-4](?:\s*[-/ ]?\s*(?:fy)?\d{2,4})?|"
    r"\d{4}(?:\s*[-/ ]?\s*(?:q[1-4]|h[12]))?|h[12]\s*\d{4}|(?:spring|summer|autumn|fall|winter)"
    r"\s+\d{4}|(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\s+\d{4})\b",
    re.IGNORECASE,
)
_CYCLE_IN_TEXT = re.compile(
    r"\b(?:(?:FY|CY)\s?\d{2,4}[\s-]*Q[1-4]|Q[1-4]\s*[-/ ]?\s*(?:FY)?(?:19|20)?\d{2}\b|"
    r"(?:19|20)\d{2}\s*[-/ ]?\s*(?:Q[1-4]|H[12])|H[12]\s*(?:19|20)\d{2}|FY\s?\d{2,4})",
    re.IGNORECASE,
)
_SET_WORDS = re.compile(r"\b(?:okrs?|okr's|objectives)\b", re.IGNORECASE)
_GROUP_WORDS = re.compile(
    r"\b(?:team|teams|personal|individual|company|department|quarterly|yearly|annual|squad|"
    r"group|committee|wg|working group)\b",
    re.IGNORECASE,
)
_INDIVIDUAL = re.compile(r"\b(?:personal|individual|my okrs?|for individuals?)\b", re.IGNORECASE)
_TEAM = re.compile(r"\b(?:team|squad|department|working group|wg|group)\b", re.IGNORECASE)
_COMPANY = re.compile(r"\b(?:company|company-wide|organisation|organization|corporate)\b", re.I)
_HANDLE = re.compile(r"@[\w.\-]+")
_NAMES_TAIL = re.compile(r"\s*\((?P<o>[A-Z][\w.]+(?:\s*(?:,|/|&|and)\s*[A-Z][\w.]+)*)\)\s*$")
_ROW_NUMBER = re.compile(r"^\s*\d{1,2}[.)]?\s+(?=\S)")
_SUB_ROW = re.compile(r"^\s*\d{1,2}[.)]\s+")
_KR_COLUMN = re.compile(
    r"^(?:kr|krs|key[\s-]*results?|kr\s*\(key\s*result\)|kr\s*\(keyresult\)|key result \(kr\)|"
    r"results?)\b",
    re.IGNORECASE,
)
_OBJECTIVE_COLUMN = re.compile(
    r"^(?:o|objectives?|obj|o\s*\(objects?\)|o\s*\(objectives?\)|goal|goals)\b",
    re.IGNORECASE,
)
_KR_NUMBER_COLUMN = re.compile(r"^kr\s*#?\s*(\d+)$", re.IGNORECASE)
_KR_LABEL_ONLY = re.compile(r"^(?:kr|key result)\s*#?\s*\d+[a-z]?\s*[:.]?$", re.IGNORECASE)
_MAX_SECTION_DEPTH = 64
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


@dataclass
class Section:
    heading: mb.Heading | None
    level: int
    blocks: list[mb.Block] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    parent: Section | None = None

    @property
    def title(self) -> str:
        return self.heading.inline.flat if self.heading else ""


@dataclass
class _SetInfo:
    section: Section | None
    objectives: list[Objective] = field(default_factory=list)
    shared: list[KeyResult] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    metadata_spans: dict[str, Span] = field(default_factory=dict)


class _Reader:
    def __init__(self, path: str, source: str) -> None:
        self.path = path
        self.source = source
        self.pos = mb.Positions(source)
        self.doc = OkrDocument(path=path, format="markdown", source=source)
        self.sets: dict[int, _SetInfo] = {}
        self.set_order: list[int] = []
        self.consumed: set[int] = set()
        self.labels = False
        self.evidence = False
        self.generic = False
        # Styles of unlabelled objectives confirmed by an objective with key results:
        # ("heading", level) / ("para", kind, section level).
        self.styles: set[tuple[Any, ...]] = set()
        self.pending: list[tuple[tuple[Any, ...], mb.Block, Section, list[str]]] = []
        self.pending_lists: list[tuple[mb.ListBlock, _Ctx, int]] = []
        self.front_spans: dict[str, Span] = {}

    # ------------------------------------------------------------------ positions
    def span(self, start: int, end: int) -> Span:
        return self.pos.span(start, end)

    def inline_span(self, inline: mb.Inline, fallback: mb.Block | None = None) -> Span:
        if inline.pieces:
            return self.span(inline.start, inline.end)
        if fallback is not None:
            return self.span(fallback.start, fallback.end)
        return Span.point(1)

    # ------------------------------------------------------------------ entry
    def read(self) -> OkrDocument:
        try:
            blocks = mb.parse_blocks(self.source)
        except mb.BlockLimitError as exc:
            line, col = self.pos.line_col(exc.offset)
            raise ReadLimitError(exc.message, Span.point(line, col)) from None
        self._comments(blocks)
        blocks = self._front_matter(blocks)
        root = self._sections(blocks)
        self.labels = self._has_labels(root)
        self.evidence = self._has_evidence(root)
        self.generic = self.evidence and not self.labels
        self._walk(root, _Ctx(set_section=None, trail=[]))
        self._style_pass()
        self._assemble()
        return self.doc

    # ------------------------------------------------------------------ preparation
    def _comments(self, blocks: list[mb.Block]) -> None:
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

    def _front_matter(self, blocks: list[mb.Block]) -> list[mb.Block]:
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
            for i, line in enumerate(meta.text.split("\n")):
                m = re.match(r"^([A-Za-z_][\w -]*)\s*:", line)
                if m:
                    norm = _normalise_key(m.group(1))
                    if norm and norm not in spans:
                        spans[norm] = Span(first_line + i, 1, first_line + i, len(line) + 1)
            self.front_spans = spans
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

    def _sections(self, blocks: list[mb.Block]) -> Section:
        root = Section(None, 0)
        stack = [root]
        for block in blocks:
            if isinstance(block, mb.Heading):
                while stack[-1].level >= block.level and len(stack) > 1:
                    stack.pop()
                sec = Section(block, block.level, parent=stack[-1])
                stack[-1].children.append(sec)
                stack.append(sec)
            else:
                stack[-1].blocks.append(block)
        return root

    def _has_labels(self, root: Section) -> bool:
        for sec in _iter_sections(root):
            if sec.heading is not None:
                t = sec.title
                if zone_label(t) in ("key_results", "objectives") or _label_of(t) in (
                    "objective",
                    "key_result",
                ):
                    return True
            for block in _iter_blocks(sec.blocks, into_quotes=False):
                inline = None
                if isinstance(block, mb.Para) and not block.inline.all_emphasis:
                    inline = block.inline
                if inline is None:
                    continue
                for line in inline.lines():
                    if _label_of(line.flat) in ("objective", "key_result"):
                        return True
        return False

    def _has_evidence(self, root: Section) -> bool:
        name = PurePath(self.path).name
        if re.search(r"okr|objective|goal", name, re.IGNORECASE):
            return True
        title = str(self.doc.metadata.get("title", ""))
        if _EVIDENCE.search(title) or self.doc.metadata.get("objectives"):
            return True
        for sec in _iter_sections(root):
            if sec.heading is not None and _EVIDENCE.search(sec.title):
                return True
        return self.labels

    # ------------------------------------------------------------------ sets
    def _set(self, section: Section | None) -> _SetInfo:
        key = id(section)
        info = self.sets.get(key)
        if info is None:
            info = _SetInfo(section)
            self.sets[key] = info
            self.set_order.append(key)
        return info

    def _add_objective(self, obj: Objective, ctx: _Ctx) -> None:
        info = self._set(ctx.set_section)
        obj.context = list(ctx.trail)
        if ctx.parent is not None:
            obj.parent = ctx.parent
            ctx.parent.children.append(obj)
            obj.metadata.setdefault("parent", ctx.parent.text)
        for key, value in ctx.pending_meta.items():
            obj.metadata.setdefault(key, value)
        ctx.pending_meta.clear()
        info.objectives.append(obj)
        ctx.last_objective = obj

    # ------------------------------------------------------------------ walking sections
    def _walk(self, sec: Section, ctx: _Ctx, depth: int = 0) -> None:
        if depth > _MAX_SECTION_DEPTH:
            return
        if sec.heading is None:
            self._scan_container(sec.blocks, sec, ctx)
            for child in sec.children:
                self._walk(child, ctx, depth + 1)
            return
        title = sec.title
        zone = zone_label(title)
        if zone == "key_results":
            self._kr_zone(sec, ctx)
            return
        if zone == "objectives":
            self._objective_zone(sec, ctx)
            return
        if zone == "initiatives":
            return
        meta = _heading_metadata(sec)
        if meta is not None:
            key, value = meta
            span = self.span(sec.heading.start, sec.heading.end)
            target = ctx.set_section
            info = self._set(target)
            info.metadata.setdefault(key, value)
            info.metadata_spans.setdefault(key, span)
            return
        cl = clean(title)
        if (
            NON_OKR_TITLES.match(cl.text or title)
            or QUESTION_TITLES.match(cl.text or title)
            or README_TITLES.match(cl.text or title)
        ) and cl.label is None:
            # Notes, tables of contents, metrics: not OKRs (sub-headings are judged alone).
            self._note_prose(sec.blocks)
            for block in sec.blocks:
                if isinstance(block, mb.Table):
                    self._metadata_table(block, ctx)
            if NAVIGATION_TITLES.match(cl.text or title):
                for child in sec.children:
                    self._walk(child, ctx, depth + 1)
            else:
                for child in _iter_sections(sec):
                    if child is not sec:
                        self._note_prose(child.blocks)
            return
        if cl.label == "key_result":
            if ctx.parent is not None:
                kr = self._kr_from_text(title, sec.heading)
                if kr is not None:
                    ctx.parent.add_key_result(kr)
                    self._initiatives_from_blocks(sec.blocks, kr)
            return
        if cl.label == "objective" or self._heading_is_objective(sec, cl.text):
            obj = self._objective_from_heading(sec, cl)
            if obj is None:
                return
            self._add_objective(obj, ctx)
            if cl.label is None:
                self.styles.add(("heading", sec.level))
            inner = ctx.child(parent=obj)
            self._scan_objective(sec.blocks, sec, obj, inner)
            for child in sec.children:
                self._walk(child, inner, depth + 1)
            return
        # A container: a set, a period, a department, a category.
        inner = ctx.child(set_section=sec, trail=[*ctx.trail, title], parent=ctx.parent)
        if ctx.parent is not None and not _set_like(title):
            # A sub-heading inside an objective that is not itself one: keep the objective.
            inner = ctx.child(trail=[*ctx.trail, title])
        self._scan_container(sec.blocks, sec, inner)
        for child in sec.children:
            self._walk(child, inner, depth + 1)
        # A heading between objectives, with nothing under it: the style pass may make it one.
        if (
            ctx.parent is None
            and not self._set(sec).objectives
            and sec.level >= 2
            and not sec.blocks
            and not sec.children
            and not _set_like(title)
        ):
            self.pending.append((("heading", sec.level), sec.heading, sec.parent or sec, []))

    def _heading_is_objective(self, sec: Section, text: str) -> bool:
        if not self.evidence or not text or (sec.level <= 1 and not self.generic):
            return False
        title = sec.title.strip()
        if title.endswith(":") or _set_like(title) or _PERIOD.match(text) or len(words(text)) > 40:
            return False
        if sec.level == 1:
            return False
        content = [b for b in sec.blocks if not isinstance(b, (mb.Html, mb.Rule))]
        # Key results in a "Key Results" sub-heading.
        if any(zone_label(c.title) == "key_results" and _has_content(c) for c in sec.children):
            return True
        for block in content:
            if isinstance(block, mb.ListBlock):
                items = [i for i in block.items if i.para is not None]
                if not items or all(i.para.inline.link_only for i in items):
                    continue
                if self._items_objective_like(block):
                    return False
                if (
                    self.generic
                    and all(i.sublists for i in items)
                    and not starts_with_verb(text)
                    and not _list_has_kr_labels(block)
                ):
                    # "## Marketing" over items that each carry their own key results.
                    return False
                # In a file that labels its OKRs, an unlabelled heading needs labelled KRs.
                return self.generic or _list_has_kr_labels(block)
            if isinstance(block, mb.Table) and _kr_table_columns(block) is not None:
                return True
            if isinstance(block, mb.Code) and self._code_as_list(block) is not None:
                return True
        if not content and sec.children and self.generic:
            # A parent objective: its sub-headings are objectives.
            subs = [c for c in sec.children if self._heading_is_objective(c, clean(c.title).text)]
            return bool(subs) and len(subs) * 2 >= len(sec.children)
        return False

    def _objective_from_heading(self, sec: Section, cl: Any) -> Objective | None:
        heading = sec.heading
        assert heading is not None
        text = cl.text
        raw = heading.inline.flat
        span = self.inline_span(heading.inline, heading)
        meta = dict(cl.metadata)
        if not text:
            # "### Objective" / "### Objective 1": the statement is the next paragraph.
            for block in sec.blocks:
                if isinstance(block, mb.Para):
                    lines = block.inline.lines()
                    if not lines:
                        continue
                    cl2 = clean(lines[0].flat)
                    if not cl2.text:
                        continue
                    text, raw = cl2.text, lines[0].flat
                    meta.update({k: v for k, v in cl2.metadata.items() if k not in meta})
                    span = self.inline_span(lines[0], block)
                    self.consumed.add(id(block))
                    break
                if isinstance(block, (mb.ListBlock, mb.Table)):
                    break
        if not text:
            return None
        heading_owner = _HANDLE.findall(raw)
        if heading_owner and "owner" not in meta:
            meta["owner"] = " ".join(heading_owner)
        obj = Objective(text=text, span=span, raw=raw, metadata=meta)
        return obj

    # ------------------------------------------------------------------ zones
    def _kr_zone(self, sec: Section, ctx: _Ctx) -> None:
        """A "Key Results" heading: its lists and tables are key results."""
        target = ctx.parent
        shared: _SetInfo | None = None
        if target is None:
            if ctx.zone_objectives and len(ctx.zone_objectives) > 1:
                shared = self._set(ctx.set_section)
            elif ctx.last_objective is not None:
                target = ctx.last_objective
            elif ctx.zone_objectives:
                target = ctx.zone_objectives[0]
        if target is None and shared is None:
            return
        holder = _Holder(target, shared)
        found = self._zone_blocks(sec.blocks, sec, holder, ctx)
        for child in sec.children:
            if NON_OKR_TITLES.match(clean(child.title).text or child.title):
                continue
            if zone_label(child.title) == "initiatives":
                continue
            found += self._zone_blocks(child.blocks, child, holder, ctx, group=child.title)
        if found == 0:
            # Key results written as sub-headings, or as short paragraphs.
            heads = [
                c
                for c in sec.children
                if not NON_OKR_TITLES.match(clean(c.title).text or c.title)
                and zone_label(c.title) is None
            ]
            if heads:
                for child in heads:
                    assert child.heading is not None
                    kr = self._kr_from_text(child.title, child.heading)
                    if kr is not None:
                        holder.add(kr)
            else:
                for block in sec.blocks:
                    if isinstance(block, mb.Para) and id(block) not in self.consumed:
                        text = block.inline.flat
                        if text.endswith(":") or len(words(text)) > 40:
                            continue
                        kr = self._kr_from_inline(block.inline, block)
                        if kr is not None:
                            holder.add(kr)
                            self.consumed.add(id(block))

    def _zone_blocks(
        self,
        blocks: list[mb.Block],
        sec: Section,
        holder: _Holder,
        ctx: _Ctx,
        group: str | None = None,
    ) -> int:
        found = 0
        i = 0
        while i < len(blocks):
            block = blocks[i]
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if isinstance(block, mb.ListBlock):
                if not _note_list(blocks, i):
                    found += self._kr_list(block, holder, ctx)
            elif isinstance(block, mb.Table):
                found += self._kr_table(block, holder, ctx)
            elif isinstance(block, mb.Code):
                sub = self._code_as_list(block)
                if sub:
                    for b in sub:
                        if isinstance(b, mb.ListBlock):
                            found += self._kr_list(b, holder, ctx)
            elif isinstance(block, mb.Para):
                inline = block.inline
                lines = inline.lines()
                first = lines[0].flat if lines else ""
                title = clean(first).text
                if (
                    inline.strong_prefix
                    and _mostly_strong(inline)
                    and isinstance(nxt, mb.ListBlock)
                    and holder.objective is not None
                    and not NON_OKR_TITLES.match(title)
                ):
                    # A bold line with its own list inside key results: a sub-objective.
                    sub = self._objective_from_line(lines[0], block)
                    assert sub is not None
                    self._add_objective(sub, ctx.child(parent=holder.objective))
                    self.consumed.add(id(block))
                    self._kr_list(nxt, _Holder(sub, None), ctx.child(parent=sub))
                    found += 1
                    i += 2
                    continue
                if NON_OKR_TITLES.match(title) and isinstance(nxt, mb.ListBlock):
                    i += 2
                    continue
                if clean(first).label == "objective" and clean(first).text:
                    # "OBJECTIVE: ..." after the key results of the previous one.
                    parent = holder.objective.parent if holder.objective else None
                    obj = self._objective_from_para(block, ctx.child(parent=parent))
                    if obj is not None:
                        holder = _Holder(obj, None)
                        if isinstance(nxt, mb.ListBlock):
                            found += self._kr_list(nxt, holder, ctx.child(parent=obj))
                            i += 2
                            continue
                    i += 1
                    continue
                if zone_label(first) == "key_results" and isinstance(nxt, mb.ListBlock):
                    found += self._kr_list(nxt, holder, ctx)
                    i += 2
                    continue
                found += self._labelled_lines(block, holder, ctx)
            i += 1
        return found

    def _objective_zone(self, sec: Section, ctx: _Ctx) -> None:
        """An "Objectives" heading: its list items are objectives."""
        found: list[Objective] = []
        for block in sec.blocks:
            if not isinstance(block, mb.ListBlock):
                continue
            for item in block.items:
                obj = self._objective_from_item(item, ctx)
                if obj is not None:
                    found.append(obj)
        ctx.zone_objectives = found

    # ------------------------------------------------------------------ containers
    def _scan_container(self, blocks: list[mb.Block], sec: Section, ctx: _Ctx) -> None:
        """Blocks of a section that is not an objective: find objectives in them."""
        i = 0
        current: Objective | None = None
        while i < len(blocks):
            block = blocks[i]
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if isinstance(block, mb.Para):
                if id(block) in self.consumed:
                    i += 1
                    continue
                inline = block.inline
                lines = inline.lines()
                if not lines:
                    i += 1
                    continue
                first = lines[0].flat
                cl = clean(first)
                if cl.label == "objective" and cl.text:
                    current = self._objective_from_para(block, ctx)
                    if current is not None and isinstance(nxt, mb.ListBlock):
                        self._kr_list(nxt, _Holder(current, None), ctx.child(parent=current))
                        i += 1
                    i += 1
                    continue
                if cl.label in ("key_result", "initiative") or zone_label(first) == "key_results":
                    if current is None and ctx.parent is None and ctx.last_objective is not None:
                        current = ctx.last_objective
                    if zone_label(first) == "key_results" and isinstance(nxt, mb.ListBlock):
                        if current is not None:
                            self._kr_list(nxt, _Holder(current, None), ctx.child(parent=current))
                        i += 2
                        continue
                    if current is not None:
                        self._labelled_lines(block, _Holder(current, None), ctx)
                    i += 1
                    continue
                if self._metadata_para(block, current, ctx):
                    i += 1
                    continue
                kind = self._para_objective_kind(block, nxt)
                if kind is not None:
                    obj = self._objective_from_para(block, ctx)
                    if obj is not None:
                        current = obj
                        assert isinstance(nxt, mb.ListBlock)
                        self._kr_list(nxt, _Holder(obj, None), ctx.child(parent=obj))
                        self.styles.add(("para", kind, sec.level))
                        i += 2
                        continue
                standalone = self._standalone_kind(block)
                if standalone is not None and not isinstance(nxt, mb.ListBlock):
                    self.pending.append((("para", standalone, sec.level), block, sec, ctx.trail))
                self._prose(block)
                i += 1
                continue
            if isinstance(block, mb.ListBlock):
                if _note_list(blocks, i):
                    i += 1
                    continue
                self._container_list(block, ctx, sec.level)
                i += 1
                continue
            if isinstance(block, mb.Table):
                self._container_table(block, ctx, current)
                i += 1
                continue
            i += 1

    def _container_list(self, block: mb.ListBlock, ctx: _Ctx, level: int = 0) -> None:
        objective_items = [i for i in block.items if self._item_is_objective(i, top=True)]
        if not objective_items:
            for item in block.items:
                para = item.para
                if para is not None:
                    self._prose(para)
            if self.generic:
                self.pending_lists.append((block, ctx, level))
            return
        generic_sibling = any(
            not _is_labelled_objective(i) and not _bold_item(i) for i in objective_items
        )
        if generic_sibling:
            self.styles.add(("item", level))
        for item in block.items:
            if item in objective_items:
                self._objective_from_item(item, ctx)
                continue
            para = item.para
            if para is None:
                continue
            if (
                generic_sibling
                and not item.sublists
                and not para.inline.link_only
                and parse_metadata_line(para.inline.flat) is None
                and len(words(para.inline.flat)) <= 25
            ):
                # A sibling of objectives that has no key results of its own.
                self._objective_from_item(item, ctx)
                continue
            self._prose(para)

    def _item_is_objective(self, item: mb.Item, top: bool) -> bool:
        para = item.para
        if para is None:
            return False
        inline = para.inline
        if inline.link_only:
            return False
        first = inline.lines()[0].flat if inline.lines() else ""
        label = _label_of(first)
        if label == "objective":
            return True
        if label in ("key_result", "initiative") or zone_label(first):
            return False
        if parse_metadata_line(first) is not None:
            return False
        has_children = bool(item.sublists) or _kr_lines(inline)
        if not has_children:
            return False
        if _bold_item(item):
            return True
        if _kr_lines(inline):
            return True
        if not top or not self.generic:
            return False
        return not all(
            i.para is None or i.para.inline.link_only for s in item.sublists for i in s.items
        )

    def _items_objective_like(self, block: mb.ListBlock) -> bool:
        items = [i for i in block.items if i.para is not None and not i.para.inline.link_only]
        if not items or _list_has_kr_labels(block):
            return False
        like = [i for i in items if _is_labelled_objective(i) or (_bold_item(i) and i.sublists)]
        if len(like) * 2 > len(items):
            return True
        if not self.generic:
            return False
        # A deep tree (objective > key result > initiative) where every item has children.
        return all(i.sublists for i in items) and _list_depth(block) >= 3

    def _objective_from_item(self, item: mb.Item, ctx: _Ctx) -> Objective | None:
        para = item.para
        if para is None:
            return None
        lines = para.inline.lines(hard_only=True)
        if not lines:
            return None
        first = lines[0]
        cl = clean(first.flat)
        obj = self._objective_from_line(first, para, cl)
        if obj is None:
            return None
        if item.checked is not None:
            obj.metadata.setdefault("done", "true" if item.checked else "false")
        self._add_objective(obj, ctx)
        if cl.label is None and _bold_item(item):
            self.styles.add(("item-bold",))
        self.consumed.add(id(para))
        inner = ctx.child(parent=obj)
        holder = _Holder(obj, None)
        for line in lines[1:]:
            self._line_as_kr(line, para, holder)
        for sub in item.sublists:
            self._kr_list(sub, holder, inner)
        for block in item.blocks:
            if isinstance(block, mb.Para) and block is not para:
                if not self._metadata_para(block, obj, ctx):
                    self._labelled_lines(block, holder, inner)
            elif isinstance(block, mb.Table):
                self._kr_table(block, holder, inner)
        return obj

    def _objective_from_line(
        self, line: mb.Inline, block: mb.Block, cl: Any | None = None
    ) -> Objective | None:
        """An objective from one line of text: the statement, its span, its decorations."""
        cl = cl or clean(line.flat)
        if not cl.text:
            return None
        return Objective(
            text=cl.text,
            span=self.inline_span(line, block),
            raw=line.flat,
            metadata=dict(cl.metadata),
        )

    def _objective_from_para(self, block: mb.Para, ctx: _Ctx) -> Objective | None:
        lines = block.inline.lines()
        if not lines:
            return None
        # "**Objective:** Make onboarding effortless" possibly followed by KR lines.
        obj = self._objective_from_line(lines[0], block)
        if obj is None:
            return None
        self._add_objective(obj, ctx)
        self.consumed.add(id(block))
        holder = _Holder(obj, None)
        for line in lines[1:]:
            if self._line_as_kr(line, block, holder) is None:
                meta = parse_metadata_line(line.flat)
                if meta is not None:
                    obj.metadata.setdefault(meta[0], meta[1])
                    obj.metadata_spans.setdefault(meta[0], self.inline_span(line, block))
        return obj

    def _para_objective_kind(self, block: mb.Para, nxt: mb.Block | None) -> str | None:
        """An unlabelled objective line directly followed by its key-result list."""
        if not isinstance(nxt, mb.ListBlock):
            return None
        inline = block.inline
        text = inline.flat
        if not text or inline.link_only or text.endswith((":", ",")):
            return None
        items = [i for i in nxt.items if i.para is not None]
        if not items or all(i.para.inline.link_only for i in items):
            return None
        if self._items_objective_like(nxt):
            return None
        if inline.all_strong and self.evidence:
            return "bold"
        if not self.generic or inline.all_emphasis or len(words(text)) > 30:
            return None
        if len(inline.lines()) > 2:
            return None
        return "plain"

    def _standalone_kind(self, block: mb.Para) -> str | None:
        inline = block.inline
        text = inline.flat
        if not text or inline.link_only or text.endswith(":") or inline.all_emphasis:
            return None
        if any(p.link for p in inline.pieces) or len(inline.lines()) > 1:
            return None
        if len(words(text)) > 15 or ". " in text:
            return None
        return "bold" if inline.all_strong else "plain"

    def _style_pass(self) -> None:
        """Lines shaped like the confirmed objectives of this file, but without key results."""
        taken: set[Span] = set()  # their prose is dropped at the end (once: files can be big)
        for block, ctx, level in self.pending_lists:
            if ("item", level) not in self.styles:
                continue
            for item in block.items:
                para = item.para
                if para is None or item.sublists:
                    continue
                text = para.inline.flat
                if (
                    para.inline.link_only
                    or parse_metadata_line(text) is not None
                    or len(words(text)) > 25
                ):
                    continue
                obj = self._objective_from_item(item, ctx)
                if obj is not None:
                    taken.add(obj.span)
        for style, block, sec, trail in self.pending:
            if style not in self.styles or id(block) in self.consumed:
                continue
            if style[0] == "heading":
                assert isinstance(block, mb.Heading)
                cl = clean(block.inline.flat)
                if NON_OKR_TITLES.match(cl.text):
                    continue
                obj = self._objective_from_line(block.inline, block, cl)
                if obj is None:
                    continue
                owner = sec if sec.heading is not None else None
                info = self._set(_set_section_of(owner))
                obj.context = [s.title for s in _ancestors(owner) if s.heading is not None]
                info.objectives.append(obj)
                continue
            assert isinstance(block, mb.Para)
            obj = self._objective_from_line(block.inline, block)
            if obj is None:
                continue
            obj.context = list(trail)
            info = self._set(_set_section_of(sec if sec.heading is not None else None))
            info.objectives.append(obj)
            self.consumed.add(id(block))
            taken.add(obj.span)
        if taken:
            self.doc.prose = [p for p in self.doc.prose if p.span not in taken]

    # ------------------------------------------------------------------ objectives' content
    def _scan_objective(
        self, blocks: list[mb.Block], sec: Section, obj: Objective, ctx: _Ctx
    ) -> None:
        holder = _Holder(obj, None)
        has_zone = any(zone_label(c.title) == "key_results" for c in sec.children) or any(
            isinstance(b, mb.Para) and zone_label(b.inline.flat) == "key_results" for b in blocks
        )
        lists = [b for b in blocks if isinstance(b, mb.ListBlock)]
        labelled_lists = [b for b in lists if _list_has_kr_labels(b)]
        i = 0
        while i < len(blocks):
            block = blocks[i]
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if id(block) in self.consumed:
                i += 1
                continue
            if isinstance(block, mb.Para):
                first = block.inline.lines()[0].flat if block.inline.lines() else ""
                if zone_label(first) == "key_results" and isinstance(nxt, mb.ListBlock):
                    self._kr_list(nxt, holder, ctx)
                    i += 2
                    continue
                if self._metadata_para(block, obj, ctx):
                    i += 1
                    continue
                if _label_of(first) in ("key_result", "initiative"):
                    self._labelled_lines(block, holder, ctx)
                    i += 1
                    continue
                if (
                    block.inline.strong_prefix
                    and _mostly_strong(block.inline)
                    and isinstance(nxt, mb.ListBlock)
                    and not NON_OKR_TITLES.match(clean(first).text)
                    and not has_zone
                    and not self._items_objective_like(nxt)
                    and self.evidence
                    and _label_of(clean(first).text) is None
                    and (lists and len(lists) > 1)
                ):
                    sub = self._objective_from_line(block.inline.lines()[0], block)
                    assert sub is not None
                    self._add_objective(sub, ctx)
                    self._kr_list(nxt, _Holder(sub, None), ctx.child(parent=sub))
                    i += 2
                    continue
                self._prose(block)
                i += 1
                continue
            if isinstance(block, mb.ListBlock):
                skip = has_zone or (labelled_lists and block not in labelled_lists)
                if not skip and not _note_list(blocks, i):
                    if self._items_objective_like(block):
                        for item in block.items:
                            self._objective_from_item(item, ctx)
                    else:
                        self._kr_list(block, holder, ctx)
                i += 1
                continue
            if isinstance(block, mb.Table):
                if not has_zone:
                    self._kr_table(block, holder, ctx)
                i += 1
                continue
            if isinstance(block, mb.Code) and not has_zone:
                sub_blocks = self._code_as_list(block)
                for b in sub_blocks or []:
                    if isinstance(b, mb.ListBlock):
                        self._kr_list(b, holder, ctx)
            i += 1

    # ------------------------------------------------------------------ key results
    def _kr_list(self, block: mb.ListBlock, holder: _Holder, ctx: _Ctx, depth: int = 0) -> int:
        found = 0
        if depth > 32:
            return 0
        # In a cascade of bold sub-objectives, a bold item without key results is one too.
        bold_cascade = any(_bold_item(i) and i.sublists for i in block.items)
        for item in block.items:
            if (
                bold_cascade
                and holder.objective is not None
                and _bold_item(item)
                and not item.sublists
                and _label_of(item.para.inline.flat if item.para else "") is None
            ):
                if self._objective_from_item(item, ctx.child(parent=holder.objective)):
                    found += 1
                continue
            found += self._kr_item(item, holder, ctx, depth)
        return found

    def _kr_item(self, item: mb.Item, holder: _Holder, ctx: _Ctx, depth: int) -> int:
        para = item.para
        if para is None:
            n = 0
            for sub in item.sublists:
                n += self._kr_list(sub, holder, ctx, depth + 1)
            return n
        inline = para.inline
        lines = inline.lines(hard_only=True)
        if not lines:
            return 0
        first = lines[0].flat
        strong = inline.strong_prefix or ""
        # "**Key Results:** Martin, Bedeho" with the key results nested below.
        if item.sublists and (
            zone_label(strong) == "key_results" or zone_label(first) == "key_results"
        ):
            rest = first[len(strong) :].strip() if strong else ""
            if rest and holder.objective is not None:
                holder.objective.metadata.setdefault("owner", rest)
            n = 0
            for sub in item.sublists:
                n += self._kr_list(sub, holder, ctx, depth + 1)
            return n
        if zone_label(first) is not None:
            return 0
        cl = clean(first)
        meta = parse_metadata_line(first)
        if meta is not None and cl.label is None:
            if holder.objective is not None:
                holder.objective.metadata.setdefault(meta[0], meta[1])
                holder.objective.metadata_spans.setdefault(meta[0], self.inline_span(inline, para))
            return 0
        if NON_OKR_TITLES.match(cl.text or first) and cl.label is None:
            return 0
        if holder.objective is not None and self._cascade_item(item, cl):
            sub = self._objective_from_item(item, ctx.child(parent=holder.objective))
            return 1 if sub is not None else 0
        if _group_item(item, cl.text):
            n = 0
            for sub in item.sublists:
                n += self._kr_list(sub, holder, ctx, depth + 1)
            return n
        kr = self._kr_from_inline(lines[0], para, cl)
        if kr is None:
            return 0
        if item.checked is not None:
            kr.metadata.setdefault("done", "true" if item.checked else "false")
        holder.add(kr)
        for line in lines[1:]:
            text = clean(line.flat)
            if text.text:
                if text.label == "key_result":
                    self._line_as_kr(line, para, holder)
                else:
                    kr.initiatives.append(
                        Initiative(text.text, self.inline_span(line, para), line.flat, 1)
                    )
        for sub in item.sublists:
            self._initiatives_from_list(sub, kr, holder, ctx, 1)
        return 1

    def _cascade_item(self, item: mb.Item, cl: Any) -> bool:
        """A department objective inside a cascade ("VP Eng: ..." with its own key results)."""
        if cl.label == "objective":
            return True
        if cl.label in ("key_result", "initiative"):
            return False
        para = item.para
        assert para is not None
        if _kr_lines(para.inline):
            return True
        if not item.sublists:
            return False
        if _bold_item(item):
            return True
        if "owner" in cl.metadata:
            subs = [i for s in item.sublists for i in s.items if i.para is not None]
            tagged = [
                i
                for i in subs
                if "owner" in clean(i.para.inline.flat).metadata
                or _label_of(i.para.inline.flat) == "key_result"
            ]
            return bool(subs) and len(tagged) * 2 > len(subs)
        return False

    def _initiatives_from_list(
        self, block: mb.ListBlock, kr: KeyResult, holder: _Holder, ctx: _Ctx, depth: int
    ) -> None:
        if depth > 32:
            return
        for item in block.items:
            para = item.para
            if para is not None:
                first = para.inline.flat
                cl = clean(first)
                if (
                    holder.objective is not None
                    and (cl.label == "objective" or (_bold_item(item) and item.sublists))
                    and cl.label != "key_result"
                ):
                    # A cascade below a key result ("CEO KR" > "**CRO: objective**").
                    sub = self._objective_from_item(item, ctx.child(parent=holder.objective))
                    if sub is not None:
                        sub.metadata.setdefault("parent_key_result", kr.text)
                    continue
                if cl.text:
                    kr.initiatives.append(
                        Initiative(cl.text, self.inline_span(para.inline, para), first, depth)
                    )
                self.consumed.add(id(para))
            for sub in item.sublists:
                self._initiatives_from_list(sub, kr, holder, ctx, depth + 1)

    def _initiatives_from_blocks(self, blocks: list[mb.Block], kr: KeyResult) -> None:
        for block in blocks:
            if isinstance(block, mb.Para):
                for line in block.inline.lines():
                    cl = clean(line.flat)
                    if cl.text:
                        kr.initiatives.append(
                            Initiative(cl.text, self.inline_span(line, block), line.flat, 1)
                        )
            elif isinstance(block, mb.ListBlock):
                for item in block.items:
                    if item.para is not None:
                        cl = clean(item.para.inline.flat)
                        if cl.text:
                            kr.initiatives.append(
                                Initiative(
                                    cl.text,
                                    self.inline_span(item.para.inline, item.para),
                                    item.para.inline.flat,
                                    1,
                                )
                            )

    def _kr_from_text(self, text: str, block: mb.Heading) -> KeyResult | None:
        cl = clean(text)
        if not cl.text:
            return None
        return KeyResult(
            text=cl.text,
            span=self.inline_span(block.inline, block),
            raw=text,
            metadata=dict(cl.metadata),
        )

    def _kr_from_inline(
        self, inline: mb.Inline, block: mb.Block, cl: Any | None = None
    ) -> KeyResult | None:
        cl = cl or clean(inline.flat)
        if not cl.text or len(cl.text) < 2:
            return None
        self.consumed.add(id(block))
        return KeyResult(
            text=cl.text,
            span=self.inline_span(inline, block),
            raw=inline.flat,
            metadata=dict(cl.metadata),
        )

    def _line_as_kr(self, line: mb.Inline, block: mb.Block, holder: _Holder) -> KeyResult | None:
        cl = clean(line.flat)
        if cl.label == "initiative" and holder.last is not None:
            holder.last.initiatives.append(
                Initiative(cl.text, self.inline_span(line, block), line.flat, 1)
            )
            return None
        if cl.label != "key_result":
            return None
        kr = self._kr_from_inline(line, block, cl)
        if kr is not None:
            holder.add(kr)
        return kr

    def _labelled_lines(self, block: mb.Para, holder: _Holder, ctx: _Ctx) -> int:
        found = 0
        for line in block.inline.lines():
            if self._line_as_kr(line, block, holder) is not None:
                found += 1
        if found:
            self.consumed.add(id(block))
        return found

    # ------------------------------------------------------------------ tables
    def _kr_table(self, table: mb.Table, holder: _Holder, ctx: _Ctx) -> int:
        cols = _kr_table_columns(table)
        if cols is None:
            if self._score_table(table, holder):
                return 0
            return self._grouped_table(table, ctx) if holder.objective is None else 0
        obj_col, kr_col = cols
        found = 0
        current = holder
        header = [_cell_text(c).lower() for c in table.header]
        for r, row in enumerate(table.rows):
            cells = [_cell_text(c) for c in row]
            if obj_col is not None and obj_col < len(cells) and cells[obj_col]:
                inline = row[obj_col]
                obj = self._objective_from_line(inline, table)
                if obj is not None:
                    # A table with its own objective column lists objectives beside the
                    # current one, not under it.
                    parent = holder.objective.parent if holder.objective is not None else None
                    self._add_objective(obj, ctx.child(parent=parent))
                    current = _Holder(obj, None)
            if current.objective is None and current.shared is None:
                continue
            if kr_col >= len(row):
                continue
            inline = row[kr_col]
            text = cells[kr_col]
            if _KR_LABEL_ONLY.match(text):
                # "| **KR 1** | Validate at least 500 entries |": the statement is beside it.
                others = [
                    (len(cells[j]), j) for j in range(len(cells)) if j not in (kr_col, obj_col)
                ]
                if not others:
                    continue
                _, j = max(others)
                inline = row[j]
            kr = self._kr_from_inline(inline, table)
            if kr is None:
                continue
            if not inline.pieces:
                kr.span = self.span(table.row_starts[r], table.row_starts[r] + 1)
            for j, name in enumerate(header):
                if j in (kr_col, obj_col) or j >= len(cells) or not cells[j]:
                    continue
                key = _column_key(name)
                if key:
                    kr.metadata.setdefault(key, cells[j])
            current.add(kr)
            found += 1
        return found

    def _container_table(self, table: mb.Table, ctx: _Ctx, current: Objective | None) -> None:
        if _kr_table_columns(table) is not None:
            holder = _Holder(current, None)
            self._kr_table(table, holder, ctx)
            return
        if self._metadata_table(table, ctx):
            return
        self._grouped_table(table, ctx)

    def _metadata_table(self, table: mb.Table, ctx: _Ctx) -> bool:
        if len(table.header) != 2:
            return False
        info = self._set(ctx.set_section)
        found = False
        for r, row in enumerate(table.rows):
            if len(row) < 2:
                continue
            meta = parse_metadata_line(f"{_cell_text(row[0])}: {_cell_text(row[1])}")
            if meta is not None and meta[1]:
                info.metadata.setdefault(meta[0], meta[1])
                info.metadata_spans.setdefault(
                    meta[0], self.span(table.row_starts[r], table.row_starts[r] + 1)
                )
                found = True
        return found

    def _grouped_table(self, table: mb.Table, ctx: _Ctx) -> int:
        """Spreadsheet exports: bold objective rows, key-result rows below them."""
        if not self.evidence or len(table.header) < 3:
            return 0
        header = [_cell_text(c).lower() for c in table.header]
        if not any(_column_key(h) in ("owner", "priority", "score", "progress") for h in header):
            return 0
        current: Objective | None = None
        last: KeyResult | None = None
        found = 0
        for row in table.rows:
            if not row:
                continue
            first = row[0]
            text = _cell_text(first)
            others = [_cell_text(c) for c in row[1:]]
            if not text.strip("* "):
                continue
            if first.all_strong and not any(others):
                t = _ROW_NUMBER.sub("", clean(first.flat).text)
                meta: dict[str, str] = {}
                m = _NAMES_TAIL.search(t)
                if m:
                    meta["owner"] = m.group("o")
                    t = t[: m.start()]
                if t:
                    current = Objective(
                        text=t, span=self.inline_span(first, table), raw=first.flat, metadata=meta
                    )
                    self._add_objective(current, ctx)
                    last = None
                continue
            if current is None:
                continue
            if first.all_emphasis and not any(others):
                continue
            if _SUB_ROW.match(text) and last is not None:
                sub = clean(_SUB_ROW.sub("", text)).text
                if sub:
                    last.initiatives.append(
                        Initiative(sub, self.inline_span(first, table), first.flat, 1)
                    )
                continue
            kr = self._kr_from_inline(first, table)
            if kr is None:
                continue
            for j, name in enumerate(header[1:], start=1):
                if j - 1 < len(others) and others[j - 1]:
                    key = _column_key(name)
                    if key:
                        kr.metadata.setdefault(key, others[j - 1])
            current.add_key_result(kr)
            last = kr
            found += 1
        return found

    def _score_table(self, table: mb.Table, holder: _Holder) -> bool:
        """A table of scores per key result ("| Date | KR #1 | KR #2 | Total |")."""
        header = [_cell_text(c) for c in table.header]
        columns = {
            j: int(m.group(1)) for j, h in enumerate(header) if (m := _KR_NUMBER_COLUMN.match(h))
        }
        if not columns:
            return False
        obj = holder.objective
        if obj is None or not table.rows:
            return True
        for row in table.rows:
            for j, n in columns.items():
                if j >= len(row) or n - 1 >= len(obj.key_results):
                    continue
                numbers = re.findall(r"-?\d+(?:\.\d+)?", _cell_text(row[j]))
                if numbers:
                    obj.key_results[n - 1].metadata["score"] = numbers[-1]
        return True

    # ------------------------------------------------------------------ metadata and prose
    def _metadata_para(self, block: mb.Para, target: Objective | None, ctx: _Ctx) -> bool:
        lines = block.inline.lines()
        parsed = [(parse_metadata_line(line.flat), line) for line in lines]
        if not parsed or any(p is None for p, _ in parsed):
            return False
        for meta, line in parsed:
            assert meta is not None
            key, value = meta
            if not value:
                continue
            span = self.inline_span(line, block)
            if target is not None:
                target.metadata.setdefault(key, value)
                target.metadata_spans.setdefault(key, span)
            else:
                info = self._set(ctx.set_section)
                info.metadata.setdefault(key, value)
                info.metadata_spans.setdefault(key, span)
        self.consumed.add(id(block))
        return True

    def _prose(self, block: mb.Para) -> None:
        if id(block) in self.consumed:
            return
        text = block.inline.flat
        if text:
            self.doc.prose.append(Prose(text, self.inline_span(block.inline, block)))

    def _note_prose(self, blocks: list[mb.Block]) -> None:
        for block in _iter_blocks(blocks):
            if isinstance(block, mb.Para):
                self._prose(block)

    def _code_as_list(self, block: mb.Code) -> list[mb.Block] | None:
        """An indented code block that is really a list (indented by mistake)."""
        if block.fenced:
            return None
        line, _ = self.pos.line_col(block.start)
        start = self.pos.byte_of_line(line)
        raw = self.pos.data[start : block.end].decode("utf-8", errors="replace")
        lines = raw.split("\n")
        content = [ln for ln in lines if ln.strip()]
        listy = [ln for ln in content if re.match(r"\s*[-*+]\s?\S", ln)]
        if not content or len(listy) * 5 < len(content) * 3:
            return None
        if not re.match(r"\s*[-*+]\s?\S", content[0]):
            return None
        indent = min(len(ln) - len(ln.lstrip(" \t")) for ln in content)
        dedented = "\n".join(ln[indent:] if ln.strip() else "" for ln in lines)
        # Items written "-text" (no space) are list items too.
        fixed = re.sub(r"(?m)^(\s*)([-*+])(?=\S)", r"\1\2 ", dedented)
        sub = _Shifted(self, start, lines, indent, fixed)
        return sub.blocks()

    # ------------------------------------------------------------------ assembly
    def _assemble(self) -> None:
        front = {
            k: v
            for k, v in self.doc.metadata.items()
            if not k.startswith("_") and k not in ("title", "objectives")
        }
        front_span = self.doc.metadata.get("_span")
        for key in self.set_order:
            info = self.sets[key]
            if not info.objectives and not info.shared:
                continue
            sec = info.section
            title = sec.title if sec is not None else _document_title(self.doc, self.path)
            span = (
                self.span(sec.heading.start, sec.heading.end)
                if sec is not None and sec.heading is not None
                else (front_span or info.objectives[0].span)
            )
            meta: dict[str, Any] = {}
            spans: dict[str, Span] = {}
            for k, v in front.items():
                meta[k] = v
                if k in self.front_spans:
                    spans[k] = self.front_spans[k]
                elif front_span is not None:
                    spans[k] = front_span
            # Metadata of enclosing sections (a document-level "Owner:" line applies below).
            for anc in reversed(list(_ancestors(sec))):
                anc_info = self.sets.get(id(anc))
                if anc_info is not None and anc_info is not info:
                    for k, v in anc_info.metadata.items():
                        meta.setdefault(k, v)
                        if k in anc_info.metadata_spans:
                            spans.setdefault(k, anc_info.metadata_spans[k])
            root_info = self.sets.get(id(None))
            if root_info is not None and root_info is not info:
                for k, v in root_info.metadata.items():
                    meta.setdefault(k, v)
            for k, v in info.metadata.items():
                meta[k] = v
            spans.update(info.metadata_spans)
            context = [s.title for s in _ancestors(sec) if s.heading is not None and s is not sec]
            context.reverse()
            if title:
                heading_meta = _set_title_metadata(title, context)
                for k, v in heading_meta.items():
                    meta.setdefault(k, v)
            okr_set = OkrSet(
                title=title or None,
                span=span,
                metadata=meta,
                metadata_spans=spans,
                objectives=sorted(info.objectives, key=lambda o: (o.span.line, o.span.column)),
                shared_key_results=info.shared,
                context=context,
            )
            self.doc.sets.append(okr_set)
        self.doc.sets.sort(key=lambda s: (s.span.line, s.span.column))
        self.doc.link()


@dataclass
class _Ctx:
    set_section: Section | None
    trail: list[str]
    parent: Objective | None = None
    last_objective: Objective | None = None
    zone_objectives: list[Objective] = field(default_factory=list)
    pending_meta: dict[str, Any] = field(default_factory=dict)

    def child(self, **kw: Any) -> _Ctx:
        values = {
            "set_section": self.set_section,
            "trail": self.trail,
            "parent": self.parent,
            "last_objective": None,
            "zone_objectives": [],
            "pending_meta": self.pending_meta,
        }
        values.update(kw)
        ctx = _Ctx(**values)
        return _LinkedCtx.link(ctx, self)


class _LinkedCtx:
    """Child contexts report their last objective to their parent (for sibling zones)."""

    @staticmethod
    def link(child: _Ctx, parent: _Ctx) -> _Ctx:
        child.__dict__["_up"] = parent
        return child


def _ctx_last(ctx: _Ctx, obj: Objective) -> None:
    node: _Ctx | None = ctx
    while node is not None:
        node.last_objective = obj
        node = node.__dict__.get("_up")


class _Holder:
    """Where key results go: an objective, or a set's shared key results."""

    def __init__(self, objective: Objective | None, shared: _SetInfo | None) -> None:
        self.objective = objective
        self.shared = shared
        self.last: KeyResult | None = None

    def add(self, kr: KeyResult) -> None:
        if self.objective is not None:
            self.objective.add_key_result(kr)
        elif self.shared is not None:
            self.shared.shared.append(kr)
        self.last = kr


class _Shifted:
    """Parse a dedented piece of the source and map its offsets back to the original."""

    def __init__(
        self, reader: _Reader, start: int, lines: list[str], indent: int, text: str
    ) -> None:
        self.reader = reader
        self.start = start
        self.lines = lines
        self.indent = indent
        self.text = text

    def blocks(self) -> list[mb.Block]:
        blocks = mb.parse_blocks(self.text)
        sub_starts = [0]
        for line in self.text.split("\n"):
            sub_starts.append(sub_starts[-1] + len(line.encode("utf-8")) + 1)
        orig_starts = [self.start]
        for line in self.lines:
            orig_starts.append(orig_starts[-1] + len(line.encode("utf-8")) + 1)

        def shift(offset: int) -> int:
            idx = max(0, min(len(sub_starts) - 2, _bisect(sub_starts, offset)))
            within = offset - sub_starts[idx]
            line = self.lines[idx] if idx < len(self.lines) else ""
            add = min(self.indent, len(line) - len(line.lstrip(" \t")))
            return orig_starts[idx] + add + max(0, within)

        for block in _iter_blocks(blocks):
            block.start, block.end = shift(block.start), shift(block.end)
            inline = getattr(block, "inline", None)
            if inline is not None:
                for piece in inline.pieces:
                    piece.start, piece.end = shift(piece.start), shift(piece.end)
        return blocks


def _bisect(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= offset:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1


# ---------------------------------------------------------------------- helpers


def _iter_sections(sec: Section) -> Iterable[Section]:
    stack = [sec]
    while stack:
        s = stack.pop()
        yield s
        stack.extend(reversed(s.children))


def _iter_blocks(blocks: list[mb.Block], into_quotes: bool = True) -> Iterable[mb.Block]:
    stack = list(reversed(blocks))
    while stack:
        b = stack.pop()
        yield b
        if isinstance(b, mb.ListBlock):
            stack.extend(reversed(b.items))
        elif isinstance(b, mb.Item) or (isinstance(b, mb.Quote) and into_quotes):
            stack.extend(reversed(b.blocks))


def _ancestors(sec: Section | None) -> Iterable[Section]:
    while sec is not None:
        yield sec
        sec = sec.parent


def _has_content(sec: Section) -> bool:
    """Lists, tables or paragraphs (not only quotes) in a section or its sub-sections."""
    for s in _iter_sections(sec):
        if any(isinstance(b, (mb.ListBlock, mb.Table, mb.Para, mb.Code)) for b in s.blocks):
            return True
        if s is not sec and s.heading is not None:
            return True
    return False


def _set_section_of(sec: Section | None) -> Section | None:
    return sec


def _label_of(text: str) -> str | None:
    kind, _, _, _ = match_label(_strip_leading(text))
    if kind is None:
        return None
    return kind


def _strip_leading(text: str) -> str:
    cl = clean(text, allow_role=True)
    if cl.label is not None:
        return (cl.label_text or "") + " " + cl.text
    return text.strip()


def _is_labelled_objective(item: mb.Item) -> bool:
    para = item.para
    return para is not None and _label_of(para.inline.flat) == "objective"


def _bold_item(item: mb.Item) -> bool:
    para = item.para
    if para is None:
        return False
    inline = para.inline
    lines = inline.lines(hard_only=True)
    if not lines:
        return False
    first = lines[0]
    prefix = first.strong_prefix
    if not prefix:
        return False
    if _label_of(prefix) == "key_result" or zone_label(prefix):
        return False
    return _mostly_strong(first)


def _mostly_strong(inline: mb.Inline) -> bool:
    content = [p for p in inline.pieces if not p.brk]
    total = sum(len(p.text.strip()) for p in content)
    strong = sum(len(p.text.strip()) for p in content if p.strong)
    return total > 0 and strong / total >= 0.6


def _kr_lines(inline: mb.Inline) -> bool:
    lines = inline.lines(hard_only=True)
    if len(lines) < 2:
        return False
    return any(_label_of(line.flat) == "key_result" for line in lines[1:])


def _group_item(item: mb.Item, text: str) -> bool:
    """A category that groups key results ("- Robustness" with items below)."""
    if not item.sublists or not text or starts_with_verb(text):
        return False
    para = item.para
    if para is not None and clean(para.inline.flat).metadata:
        return False
    ws = words(text)
    return len(ws) <= 3 and not any(ch.isdigit() for ch in text) and not text.endswith(".")


def _list_has_kr_labels(block: mb.ListBlock) -> bool:
    return any(
        i.para is not None and _label_of(i.para.inline.flat) == "key_result" for i in block.items
    )


def _list_depth(block: mb.ListBlock) -> int:
    depth = 1
    for item in block.items:
        for sub in item.sublists:
            depth = max(depth, 1 + _list_depth(sub))
    return depth


def _note_list(blocks: list[mb.Block], i: int) -> bool:
    """A list introduced by a sentence ending with a colon is a note, not key results."""
    if i == 0:
        return False
    prev = blocks[i - 1]
    if isinstance(prev, mb.Para):
        text = prev.inline.flat
        if text.endswith(":") and zone_label(text) is None and _label_of(text) is None:
            return True
        if text.endswith(",") and len(words(text)) <= 5:
            return False
    return False


def _set_like(title: str) -> bool:
    t = clean(title, allow_role=False).text or title
    t = re.sub(r"^\d+[.)]\s*", "", t.strip())
    if _PERIOD.match(t) or _SET_WORDS.search(t) or _HANDLE.search(t):
        return True
    role = clean(title)
    if "owner" in role.metadata and role.text and role.text != t:
        # "CEO: Great team." names an objective and its owner.
        return False
    if _GROUP_WORDS.search(t) and len(words(t)) <= 4 and not starts_with_verb(t):
        return True
    return bool(re.fullmatch(r"`[^`]+`(?:\s*\(@?[\w.-]+\))?", title.strip()))


def _heading_metadata(sec: Section) -> tuple[str, str] | None:
    title = sec.title
    meta = parse_metadata_line(title)
    if meta is not None and meta[1]:
        return meta
    key = title.strip().rstrip(":").strip().lower()
    if key in ("team", "owner", "owners", "cycle", "level", "quarter", "parent", "alignment"):
        for block in sec.blocks:
            if isinstance(block, mb.Para) and block.inline.flat:
                meta = parse_metadata_line(f"{key}: {block.inline.flat}")
                if meta is not None:
                    return meta
        return None
    return None


def _set_title_metadata(title: str, context: list[str]) -> dict[str, str]:
    meta: dict[str, str] = {}
    for text in [title, *reversed(context)]:
        m = _CYCLE_IN_TEXT.search(text)
        if m and "cycle" not in meta:
            meta["cycle"] = m.group(0)
    if _INDIVIDUAL.search(title) or (_HANDLE.search(title) and not _TEAM.search(title)):
        meta["level"] = "individual"
    elif _TEAM.search(title):
        meta["level"] = "team"
    elif _COMPANY.search(title):
        meta["level"] = "company"
    handles = _HANDLE.findall(title)
    if handles:
        meta["owner"] = " ".join(handles)
    return meta


def _document_title(doc: OkrDocument, path: str) -> str | None:
    title = doc.metadata.get("title")
    return str(title) if title else None


def _cell_text(inline: mb.Inline) -> str:
    return inline.flat.strip()


def _kr_table_columns(table: mb.Table) -> tuple[int | None, int] | None:
    header = [_cell_text(c).strip("*_ ") for c in table.header]
    if any(_KR_NUMBER_COLUMN.match(h) for h in header):
        return None
    kr_col = next((j for j, h in enumerate(header) if _KR_COLUMN.match(h)), None)
    if kr_col is None:
        return None
    obj_col = next(
        (j for j, h in enumerate(header) if j != kr_col and _OBJECTIVE_COLUMN.match(h)), None
    )
    return obj_col, kr_col


def _column_key(name: str) -> str | None:
    n = name.strip("*_ ").lower()
    if re.search(r"assignee|owner|responsible|dri|lead", n):
        return "owner"
    if re.search(r"priority", n):
        return "priority"
    if re.search(r"final score|^score$|^grade|end-q|end of q", n):
        return "score"
    if re.search(r"progress|% complete|completion", n):
        return "progress"
    if re.search(r"status", n):
        return "status"
    if re.search(r"target", n):
        return "target"
    if re.search(r"baseline|current|start", n):
        return "baseline"
    if re.search(r"due|deadline", n):
        return "deadline"
    return None


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


def read_markdown(path: str, source: str) -> OkrDocument:
    """Read a Markdown file into the OKR model."""
    return _Reader(path, source).read()
