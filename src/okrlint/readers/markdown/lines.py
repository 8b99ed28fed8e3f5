"""Stage 2 of the Markdown reader: blocks to a tree of candidate lines.

Every line that could hold a statement becomes a :class:`Line`: a heading, a list item, a line
of a paragraph (bold or not), a text bullet that is not a Markdown list (``•``, ``◦``, ``–``),
a table row. The tree is the document's outline as a reader sees it: a heading holds what
follows it up to the next heading of its level or above; an item holds its nested items and
paragraphs; a list or table right after a paragraph line hangs under that line ("Key results:"
over a list, "Objective 1: ..." over its key results). Block quotes, code, HTML and link-only
lines are kept out: they never hold statements (but a quote used as an indent, "> KR 1.1: ..."
lines right under a labelled objective, holds its key results).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Literal

from okrlint.readers.decorations import a_title, word_count
from okrlint.readers.labels import (
    Label,
    column_field,
    column_role,
    find_label,
    weak_key_result_column,
    weak_objective_column,
)
from okrlint.readers.markdown import blocks as mb

Shape = Literal["root", "heading", "item", "line", "bullet", "row"]

# Text bullets pasted from rich-text editors or written by hand, not Markdown list markers.
# A Markdown marker on a paragraph's line is text too: a list indented four spaces under a
# paragraph ("**Reference implementation**" then "    - Simplified UX", "      1. At least 3
# deals" under an item's text) continues it.
_MARKS = r"[•◦▪▫‣⁃∙●○■□➢➤►▶→–]|:(?=\s)"  # ": ..." is a definition list's item
# "1." and "1)"; "a.", "b)" and "(c)" for key results lettered under a numbered objective in a
# document typed or pasted from an editor (not Markdown list markers, so part of the paragraph).
_NUMBERED = r"(?:\d{1,3}[.)]|[a-z][.)]|\([a-z]\))(?=\s)"
_TEXT_BULLET = re.compile(rf"^\s*(?P<b>{_MARKS}|[-*+](?=\s)|{_NUMBERED})[\s\u2060\u200b]+")
_CODE_BULLET = re.compile(rf"^\s*(?:{_MARKS}|[-*+](?!-)|{_NUMBERED})[\s\u2060\u200b]*(?=\S)")
# "1.1 Organic sessions ...": a number with a decimal part that starts a line of a typed list
# (a key result numbered under objective 1 in a Google Docs or Word export).
DECIMAL_NUMBER = re.compile(r"^\s*(?P<num>\d{1,2}\.\d{1,2})\.?\s+(?=\S)")
_BULLET_RANK = {"•": 0, "●": 0, "■": 0, "➢": 0, "➤": 0, "►": 0, "▶": 0, "→": 0, "–": 0}


@dataclass
class Column:
    header: str
    role: str | None  # "objective" / "key_result"
    field: str | None  # an attribute field ("baseline", "owner", ...)


@dataclass(eq=False)
class Line:
    shape: Shape
    text: str  # rendered text of the line, on one line
    start: int  # byte offsets of the text in the source
    end: int
    level: int = 0  # heading level
    depth: int = 0  # list nesting (1: a top-level item)
    ordered: bool = False
    checked: bool | None = None
    bold: bool = False  # (mostly) bold: a pseudo-heading
    italic: bool = False  # all emphasis: a note
    link_only: bool = False
    cells: list[tuple[str, int, int]] = field(default_factory=list)
    columns: list[Column] = field(default_factory=list)
    split: bool = False  # a row whose key-result cell holds several (rows added after it)
    children: list[Line] = field(default_factory=list)
    parent: Line | None = field(default=None, repr=False)
    # Filled by the later stages.
    label: Label | None = None
    role: str | None = None
    field_name: str | None = None
    evidence: list[str] = field(default_factory=list)
    index: int = 0  # position among its parent's children

    def add(self, child: Line) -> Line:
        child.parent = self
        child.index = len(self.children)
        self.children.append(child)
        return child

    def walk(self) -> Iterator[Line]:
        stack = list(reversed(self.children))
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def ancestors(self) -> Iterator[Line]:
        node = self.parent
        while node is not None and node.shape != "root":
            yield node
            node = node.parent

    @property
    def siblings(self) -> list[Line]:
        return self.parent.children if self.parent is not None else [self]

    def next_sibling(self) -> Line | None:
        sibs = self.siblings
        return sibs[self.index + 1] if self.index + 1 < len(sibs) else None

    def previous_siblings(self) -> list[Line]:
        return self.siblings[: self.index]


def _mostly_strong(inline: mb.Inline) -> bool:
    content = [p for p in inline.pieces if not p.brk and p.text.strip()]
    last = max((i for i, p in enumerate(content) if p.strong), default=-1)
    if 0 <= last < len(content) - 1 and _PAREN_TAIL.fullmatch(
        "".join(p.text for p in content[last + 1 :])
    ):
        content = content[: last + 1]  # "**Make paid work again** (supports Objective 2)"
    total = sum(len(p.text.strip()) for p in content)
    strong = sum(len(p.text.strip()) for p in content if p.strong)
    return total > 0 and strong / total >= 0.6


_PAREN_TAIL = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*")


def _line(shape: Shape, inline: mb.Inline, **kw: object) -> Line:
    return Line(
        shape,
        inline.flat,
        inline.start,
        inline.end,
        bold=_mostly_strong(inline),
        italic=inline.all_emphasis,
        link_only=inline.link_only,
        **kw,  # type: ignore[arg-type]
    )


# Columns that hold a key result's data (Owner, Score, Status, Target, ...).
KR_DATA = frozenset(
    {
        "owner",
        "score",
        "status",
        "progress",
        "priority",
        "target",
        "baseline",
        "current",
        "confidence",
        "deadline",
    }
)
# Beside a "Metric" column, the data that make it a key result's: a current value alone is a
# table of measurements ("| Metric | Value |"), a priority alone a backlog.
_KR_DATA_BESIDE_METRIC = KR_DATA - {"current", "priority"}


_OKR_COLUMN = re.compile(r"(?i)^(?:sub[- ]?okrs?|子\s*okr|okrs?)$")
_LEVEL_FIELDS = frozenset({"target", "baseline", "current"})


# A cell that only points at OKRs stated elsewhere: "OKR1 KR2", "Cross-OKR", "O2 / KR1.3".
_REFERENCE = re.compile(r"(?i)^(?:[\w-]*okrs?[\w.-]*|krs?\s?[\d.]+|o\s?\d+|[-–—/,&+\s])+$")


# Fields of a table row that hold for every key result written in its cell.
_ROW_WIDE = frozenset({"owner", "status", "deadline", "team", "priority"})


def _broken_cell(cell: mb.Inline) -> list[tuple[str, int, int]]:
    """A key-result cell that holds several, one per line ("Deploy time from 40 to 10 min<br>
    Failed deploys from 8% to 2%"): each part, when every part reads as a statement (three
    words or more, not a title with a colon, not bold over notes)."""
    parts = [p for p in cell.lines(hard_only=True) if p.flat]
    if len(parts) < 2:
        return _joined_cell(cell)
    for part in parts:
        text = part.flat
        if (
            len(text.split()) < 3
            or text.rstrip(" *_").endswith((":", "："))
            or _mostly_strong(part)
            or not any(ch.isalpha() for ch in text)
        ):
            return []
    return [(p.flat.lstrip("•·-–* "), p.start, p.end) for p in parts]


# "EBITDA margin from -12% to 5%; Gross margin from 68% to 75%", "... • ...": key results
# written one after the other in a cell.
_CELL_SEP = re.compile(r";\s+|\s+[•·]\s+")


def _joined_cell(cell: mb.Inline) -> list[tuple[str, int, int]]:
    """A plain key-result cell that joins several with "; " or " • ": each part, when every
    part holds a number and three words or more (one key result with a clause after a
    semicolon has a part without a number)."""
    if len(cell.pieces) != 1 or cell.pieces[0].strong:
        return []  # markup: the text's offsets are not the source's
    piece = cell.pieces[0]
    text = piece.text
    if len(text.encode("utf-8")) != piece.end - piece.start:
        return []
    bounds = [0]
    for m in _CELL_SEP.finditer(text):
        bounds += [m.start(), m.end()]
    bounds.append(len(text))
    parts = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
    if len(parts) < 2:
        return []
    out: list[tuple[str, int, int]] = []
    for a, b in parts:
        part = text[a:b].strip()
        if len(part.split()) < 3 or not any(ch.isdigit() for ch in part):
            return []
        start = piece.start + len(text[:a].encode("utf-8"))
        out.append((part, start, start + len(text[a:b].encode("utf-8"))))
    return out


# "Department objective", "Team goal", "Company objective": an objective column named with its
# scope (one or two words before the name).
_SCOPED_COLUMN = re.compile(r"^[^\W\d_][\w&-]*(?:\s+[^\W\d_][\w&-]*)?\s+(?P<name>\S+)$")


def _scoped_objective_columns(columns: list[Column], cells: list[list[str]]) -> None:
    """ "| Company objective | Department | Department objective | Key result |": a column named
    as an objective of some scope, left of a key result column, holds objectives; when two such
    columns do, the one whose cells are statements holds them ("Build a repeatable sales
    motion") and the other points at a parent ("O1"). Ambiguous: neither."""
    first_kr = next((i for i, c in enumerate(columns) if c.role == "key_result"), None)
    if first_kr is None:
        return
    scoped = []
    for i, col in enumerate(columns[:first_kr]):
        m = _SCOPED_COLUMN.match(" ".join(col.header.split()))
        if col.role is None and m and column_role(m.group("name")) == "objective":
            scoped.append(i)
    if not scoped:
        return
    named = [i for i, c in enumerate(columns[:first_kr]) if c.role == "objective"] + scoped

    def statements(i: int) -> bool:
        texts = [row[i].strip() for row in cells if i < len(row) and row[i].strip()]
        return bool(texts) and sum(len(t.split()) >= 3 for t in texts) * 2 > len(texts)

    holding = [i for i in named if statements(i)]
    if len(holding) != 1:
        return
    for i in named:
        if i == holding[0]:
            columns[i].role = "objective"
        else:
            columns[i].role = None
            columns[i].field = columns[i].field or "parent"


def _okr_named_column(columns: list[Column], cells: list[list[str]]) -> None:
    """ "| 子 OKR | 当前 | 目标 |", "| Sub-OKR | Current | Target |": a column named after OKRs,
    beside a key result's values, holds key results; not when its cells only point at them
    ("| KPI | OKR | Baseline |" with "OKR1 KR2": a KPI table that says which KR each serves)."""
    if any(c.role for c in columns) or not any(c.field in _LEVEL_FIELDS for c in columns):
        return
    for i, col in enumerate(columns):
        if _OKR_COLUMN.match(" ".join(col.header.split())):
            texts = [row[i].strip() for row in cells if i < len(row) and row[i].strip()]
            if 2 * sum(bool(_REFERENCE.match(t)) for t in texts) > len(texts):
                return
            col.role = "key_result"
            return


def _measurements_only(columns: list[Column]) -> None:
    """ "| Metric | Value | Source |": a column named only "Metric" or "Result" holds key
    results beside a key result's data or objectives; alone, it names measurements."""
    if any(c.role == "objective" or c.field in _KR_DATA_BESIDE_METRIC for c in columns):
        return
    for col in columns:
        if col.role == "key_result" and weak_key_result_column(col.header):
            col.role = None


def _goals_only(columns: list[Column]) -> None:
    """ "| Goal | Key Milestone | Status |": a column named only "Goal" holds objectives beside
    key results or a key result's levels (a target, a baseline, a current value); alone, it
    lists a plan's goals."""
    if any(c.role == "key_result" or c.field in _LEVEL_FIELDS for c in columns):
        return
    for col in columns:
        if col.role == "objective" and weak_objective_column(col.header):
            col.role = None


_FROM_TO = {"from": "baseline", "to": "target"}


def _start_and_target(columns: list[Column]) -> None:
    """ "| Key result | Start | Target |" and "| Key result | From | To |": beside a target the
    start is the key result's baseline, not the day work starts."""
    names = [c.header.strip(" *_:").lower() for c in columns]
    fields = {c.field for c in columns}
    if "target" in fields and "baseline" not in fields:
        for col in columns:
            if col.field == "start" and col.role is None:
                col.field = "baseline"
    if not fields & {"target", "baseline"} and "from" in names and "to" in names:
        for col, name in zip(columns, names, strict=True):
            if col.role is None and col.field is None and name in ("from", "to"):
                col.field = _FROM_TO[name]


class _Builder:
    def __init__(self, pos: mb.Positions) -> None:
        self.pos = pos
        self.root = Line("root", "", 0, 0)

    def build(self, blocks: list[mb.Block]) -> Line:
        stack: list[Line] = [self.root]
        current: list[mb.Block] = []
        for block in blocks:
            if isinstance(block, mb.Heading):
                self.blocks(stack[-1], current, depth=0)
                current = []
                while len(stack) > 1 and stack[-1].level >= block.level:
                    stack.pop()
                stack.append(stack[-1].add(_line("heading", block.inline, level=block.level)))
            else:
                current.append(block)
        self.blocks(stack[-1], current, depth=0)
        return self.root

    def blocks(self, owner: Line, blocks: list[mb.Block], depth: int) -> None:
        last: Line | None = None  # the last line of the paragraph just before
        head: Line | None = None  # its first line, when the others are only its fields
        list_anchor: Line | None = None  # where the list just before hangs, if not the owner
        for i, block in enumerate(blocks):
            if isinstance(block, mb.Para):
                list_anchor = None
                lines = self.para(owner, block.inline, depth)
                last = lines[-1] if lines else None
                head = lines[0] if len(lines) > 1 and all(map(_field_line, lines[1:])) else None
                continue
            anchor = last if last is not None and _leads(last) else owner
            if anchor is owner and head is not None and _leads(head):
                # "**S1. Referrals become our main channel**" then "Supports: CO1-KR2" over a
                # list: the list hangs under the statement, its field in between.
                anchor = head
            if isinstance(block, mb.ListBlock) and list_anchor is not None:
                # "- 25 people ..." then "* Monthly triage ..." then "+ ...": a new marker
                # starts a new list, but the author goes on with the same one.
                anchor = list_anchor
            list_anchor = None
            if isinstance(block, mb.ListBlock):
                self.items(anchor, block, depth + 1)
                if anchor is not owner:
                    list_anchor = anchor
            elif isinstance(block, mb.Table):
                self.table(anchor, block)
            elif isinstance(block, mb.Quote) and _labels_under(last, block):
                # "**O: ...**" then "> KR 1.1: ..." lines: a quote used as an indent under a
                # labelled objective holds its key results (a quote alone holds nothing).
                self.blocks(anchor, block.blocks, depth + 1)
            elif isinstance(block, mb.Quote) and _states_after_label(last):
                # "**Objective:**" then "> **Help advisers act a step ahead ...**": the quote
                # holds the statement the label announces.
                self.blocks(owner, block.blocks, depth)
            elif (
                isinstance(block, mb.Quote)
                and i == 0
                and owner.shape == "heading"
                and _states_after_label(owner, titled=True)
            ):
                # "### Objective" or "### KR1 — Leading" with the statement in the quote right
                # under it
                self.blocks(owner, block.blocks, depth + 1)
            elif isinstance(block, mb.Quote) and (typed := _typed_callout(block)) is not None:
                # "> [!goal] O1 — Finish the thesis draft" over "> - [ ] All 5 chapters ...": an
                # Obsidian or GitHub callout whose title heads the rest of it, like a bold line.
                title_inline, more = typed
                lines = self.para(owner, title_inline, depth)
                under = lines[0] if lines else owner
                if more.pieces:
                    self.para(under, more, depth + 1)
                self.blocks(under, block.blocks[1:], depth + 1)
                last = head = None
                continue
            elif isinstance(block, mb.Quote) and (title := _callout_title(block)) is not None:
                # "> 🎯 **The app is the best way to shop with us**" over a list: a callout used
                # as a title, a bold line of the section like any other.
                lines = self.para(owner, title.inline, depth)
                last = lines[-1] if lines else None
                continue
            elif isinstance(block, mb.Code) and not block.fenced:
                # An indented "code block" of text bullets is a list written with tabs.
                lines = self.code_lines(owner, block, depth)
                if lines:
                    last = lines[-1]
                    continue
            last = None

    def para(self, owner: Line, inline: mb.Inline, depth: int) -> list[Line]:
        out: list[Line] = []
        bullets: list[tuple[int, Line]] = []  # (indent, line) of open text bullets
        anchor = owner
        pieces = [p for p in _split_lines(inline) if p.flat]
        # "**Make on-call boring.**" then plain lines after hard breaks: a bold title over the
        # lines it heads, as a heading is over its paragraph.
        title = _title_piece(pieces)
        for piece in pieces:
            text = piece.flat
            if title is not None and piece is not title and out and not _mostly_strong(piece):
                owner_here = out[0]
            else:
                owner_here = owner
            m = _TEXT_BULLET.match(text)
            if m:
                indent = self._indent(piece.start) + _BULLET_RANK.get(m.group("b"), 2) * 4
                while bullets and bullets[-1][0] >= indent:
                    bullets.pop()
                parent = bullets[-1][1] if bullets else anchor
                node = parent.add(
                    Line(
                        "bullet",
                        text[m.end() :],
                        piece.start,
                        piece.end,
                        depth=depth + len(bullets) + 1,
                        bold=_mostly_strong(piece),
                    )
                )
                bullets.append((indent, node))
            else:
                bullets.clear()
                node = owner_here.add(_line("line", piece, depth=depth + (owner_here is not owner)))
                anchor = node if _leads(node) else owner
            out.append(node)
        return out

    def _indent(self, offset: int) -> int:
        line, _ = self.pos.line_col(offset)
        raw = self.pos.line_text(line)
        expanded = raw.expandtabs(4)
        return len(expanded) - len(expanded.lstrip())

    def items(self, owner: Line, block: mb.ListBlock, depth: int) -> None:
        for item in block.items:
            para = item.para
            if para is None or not para.inline.flat:
                node = owner.add(
                    Line("item", "", item.start, item.start, depth=depth, ordered=block.ordered)
                )
                node.checked = item.checked
                self.blocks(node, [b for b in item.blocks if b is not para], depth)
                continue
            first, *more = _split_lines(para.inline, item_text=True)
            node = owner.add(_line("item", first, depth=depth, ordered=block.ordered))
            node.checked = item.checked
            numbered = _numbered_lines(more)
            for extra in more:
                text = extra.flat
                m = _TEXT_BULLET.match(text) or (
                    DECIMAL_NUMBER.match(text) if id(extra) in numbered else None
                )
                if m:  # "1. Have a refreshed resume." then "• Consult ..." lines in the item
                    child = Line("bullet", text[m.end() :], extra.start, extra.end, depth=depth + 1)
                    node.add(child)
                elif text:
                    node.add(_line("line", extra, depth=depth))
            self.blocks(node, [b for b in item.blocks if b is not para], depth)

    def table(self, owner: Line, table: mb.Table) -> None:
        columns = [Column(h.flat, column_role(h.flat), column_field(h.flat)) for h in table.header]
        first_kr = next((i for i, c in enumerate(columns) if c.role == "key_result"), None)
        for i, col in enumerate(columns):
            if col.role != "objective":
                continue
            after_kr = first_kr is not None and i > first_kr
            after_value = any(c.field in ("current", "baseline") for c in columns[:i])
            if after_kr or after_value:
                # An objective is written left of its key results and is not a value: a
                # "目标" (goal) or "Goal" column right of them, or right of "Current", holds
                # each row's target.
                col.role = None
                col.field = col.field or "target"
        texts = [[c.flat for c in row] for row in table.rows]
        _move_labels_only_role(columns, texts)
        _measurements_only(columns)
        _goals_only(columns)
        _start_and_target(columns)
        _okr_named_column(columns, texts)
        _scoped_objective_columns(columns, texts)
        kr_col = next((i for i, c in enumerate(columns) if c.role == "key_result"), None)
        for row, start in zip(table.rows, table.row_starts, strict=False):
            cells = [
                (c.flat, c.start if c.pieces else start, c.end if c.pieces else start) for c in row
            ]
            at = kr_col if kr_col is not None and kr_col < len(row) else -1
            parts = _broken_cell(row[at]) if at >= 0 else []
            if parts:
                cells[at] = parts[0]
            text = " | ".join(c[0] for c in cells)
            first = next((c for c in row if c.pieces), None)
            node = owner.add(
                Line(
                    "row",
                    text,
                    first.start if first is not None else start,
                    row[-1].end if row and row[-1].pieces else start,
                    bold=bool(first is not None and _mostly_strong(first)),
                    italic=bool(first is not None and first.all_emphasis),
                )
            )
            node.cells = cells
            node.columns = columns
            node.split = len(parts) > 1
            for part in parts[1:]:
                # One more key result of the row's objective, with the row's owner and status.
                more = [
                    c if columns[i].field in _ROW_WIDE else ("", part[1], part[1])
                    for i, c in enumerate(cells)
                ]
                more[at] = part
                extra = owner.add(Line("row", " | ".join(c[0] for c in more), part[1], part[2]))
                extra.cells = more
                extra.columns = columns

    def code_lines(self, owner: Line, block: mb.Code, depth: int) -> list[Line]:
        """Lines of an indented code block that is really a list (indented with tabs or many
        spaces): bullets become items nested by indentation; other lines are notes."""
        rows = [r for r in block.text.split("\n") if r.strip()]
        bullets = [bool(_CODE_BULLET.match(r)) for r in rows]
        # "    KR2: Achieve an F1-score of >0.90": text pasted with an indent, not code.
        labelled = [not b and _statement_label(r) for r, b in zip(rows, bullets, strict=True)]
        if not rows or (sum(bullets) + sum(labelled)) * 2 < len(rows):
            return []
        out: list[Line] = []
        data = self.pos.data
        cursor = block.start
        open_: list[tuple[int, Line]] = []
        for r, is_label in zip(rows, labelled, strict=True):
            raw = r.encode("utf-8")
            at = data.find(raw, cursor, block.end + 1)
            if at < 0:
                break
            cursor = at + len(raw)
            m = _CODE_BULLET.match(r)
            if is_label:
                body = r.strip()
                lead = len(raw) - len(r.lstrip().encode("utf-8"))
                out.append(owner.add(Line("line", body, at + lead, cursor, depth=depth)))
                open_ = []
                continue
            if not m:
                continue
            indent = len(r.expandtabs(4)) - len(r.expandtabs(4).lstrip())
            while open_ and open_[-1][0] >= indent:
                open_.pop()
            parent = open_[-1][1] if open_ else owner
            body = r[m.end() :]
            lead = len(raw) - len(body.encode("utf-8"))
            node = parent.add(
                Line("bullet", body.strip(), at + lead, cursor, depth=depth + len(open_) + 1)
            )
            open_.append((indent, node))
            out.append(node)
        return out


def _statement_label(row: str) -> bool:
    """A row that starts with an objective or key-result label ("KR2:", "Objective 3:")."""
    label = find_label(row.strip())
    return label is not None and label.kind in ("objective", "key_result") and label.strong


def _title_piece(pieces: list[mb.Inline]) -> mb.Inline | None:
    """The first line of a paragraph when it is bold, short and not a label, with two plain
    lines or more after it (hard line breaks): a title over them."""
    if len(pieces) < 3 or not _mostly_strong(pieces[0]):
        return None
    first = pieces[0].flat
    if len(first) > 120 or find_label(first) is not None or _TEXT_BULLET.match(first):
        return None
    rest = [p for p in pieces[1:] if not _TEXT_BULLET.match(p.flat)]
    if len(rest) < 2 or any(_mostly_strong(p) for p in rest):
        return None
    return pieces[0]


def _field_line(line: Line) -> bool:
    """A paragraph line that is a field with its value ("Supports: CO1-KR2", "Owner: Hanne")."""
    label = find_label(line.text)
    return label is not None and label.kind == "attribute" and bool(label.rest.strip())


def _leads(line: Line | None) -> bool:
    """A paragraph line that introduces what follows it: anything but a long sentence that
    ends a paragraph of prose."""
    if line is None or line.shape not in ("line", "bullet"):
        return False
    if len(line.text) > 200:
        return False
    label = find_label(line.text)
    return label is None or label.kind != "attribute" or not label.rest.strip()


def _states_after_label(last: Line | None, titled: bool = False) -> bool:
    """Whether the line before a block quote is a statement's label alone ("Objective:",
    "KR1:"), whose text the quote then holds; ``titled``: or a label with a short title ("KR1 —
    Leading (forecast)": a few words, no number)."""
    if last is None or not last.text:
        return False
    lab = find_label(last.text)
    if lab is None or lab.kind not in ("objective", "key_result") or not lab.strong:
        return False
    rest = lab.rest.strip()
    if not rest:
        return True
    return titled and a_title(rest)


_CALLOUT_TYPE = re.compile(r"^\s*\[![\w-]+\][+-]?\s*")


def _typed_callout(quote: mb.Quote) -> tuple[mb.Inline, mb.Inline] | None:
    """A callout ("> [!goal] O1 — Finish the draft", "> [!NOTE]"): its title line without the
    type marker, and the rest of its first paragraph; None when it has no title."""
    if not quote.blocks or not isinstance(quote.blocks[0], mb.Para):
        return None
    first, *rest = quote.blocks[0].inline.lines(hard_only=False)
    m = _CALLOUT_TYPE.match(first.text) if first.pieces else None
    if m is None or not first.text[m.end() :].strip():
        return None
    # Drop the marker's characters from the pieces that hold them.
    skip = m.end()
    pieces: list[mb.Piece] = []
    for piece in first.pieces:
        if skip >= len(piece.text):
            skip -= len(piece.text)
            continue
        cut = piece.text[skip:]
        pieces.append(replace(piece, text=cut, start=piece.start + skip))
        skip = 0
    more = [
        p for line in rest for p in (mb.Piece("\n", line.start, line.start, brk=True), *line.pieces)
    ]
    return mb.Inline(pieces), mb.Inline(more[1:])


def _callout_title(quote: mb.Quote) -> mb.Para | None:
    """A block quote that holds one short bold line and nothing else."""
    if len(quote.blocks) != 1 or not isinstance(quote.blocks[0], mb.Para):
        return None
    para = quote.blocks[0]
    lines = para.inline.lines(hard_only=False)
    if len(lines) != 1 or len(lines[0].flat) > 120 or not _mostly_strong(lines[0]):
        return None
    return para


def _labels_under(last: Line | None, quote: mb.Quote) -> bool:
    """Whether a block quote right after a line labelled as an objective starts with a line
    labelled as a key result."""
    if last is None or not _leads(last):
        return False
    head = find_label(last.text)
    if head is None or head.kind != "objective" or not head.strong:
        return False
    first = next((b for b in quote.blocks if isinstance(b, mb.Para)), None)
    if first is None:
        return False
    lines = first.inline.lines(hard_only=False)
    lab = find_label(lines[0].flat) if lines else None
    return lab is not None and lab.kind == "key_result" and lab.strong


def _split_lines(inline: mb.Inline, item_text: bool = False) -> list[mb.Inline]:
    """The lines of a paragraph. In a list item, a soft break that continues a sentence is part
    of the item; a line that starts with a label or a bullet is a line of its own."""
    lines = inline.lines(hard_only=False)
    if not item_text and _wrapped_prose(lines):
        return [inline]
    if not item_text or len(lines) < 2:
        return lines
    merged: list[mb.Inline] = [lines[0]]
    numbered = _numbered_lines(lines[1:])
    for line in lines[1:]:
        text = line.flat
        hard = _hard_before(inline, line)
        before = find_label(merged[-1].flat)
        # "KRs:" alone on its line names the lines under it; the next one does not continue it.
        zone = before is not None and before.kind == "zone" and not before.rest.strip()
        if (
            hard
            or zone
            or find_label(text) is not None
            or _TEXT_BULLET.match(text)
            or id(line) in numbered
        ):
            merged.append(line)
        else:
            prev = merged[-1]
            merged[-1] = mb.Inline([*prev.pieces, mb.Piece(" ", prev.end, prev.end), *line.pieces])
    return merged


def _numbered_lines(lines: list[mb.Inline]) -> set[int]:
    """The lines numbered "1.1", "1.2" in an item's text (under "1. **Ship faster**"): two or
    more with the same first number, each a line of its own (not "2.5 times" going on)."""
    found = [(ln, DECIMAL_NUMBER.match(ln.flat)) for ln in lines]
    majors = [m.group("num").split(".")[0] for _, m in found if m]
    if len(majors) < 2 or len(set(majors)) != 1:
        return set()
    return {id(ln) for ln, m in found if m}


def _wrapped_prose(lines: list[mb.Inline]) -> bool:
    """A paragraph of prose wrapped at a column: three or more lines, all but the last wide,
    and most breaks in the middle of a sentence (the next line goes on in lower case, or the
    line ends without a stop). It is one paragraph, not a line per statement."""
    if len(lines) < 3:
        return False
    texts = [ln.flat.strip() for ln in lines]
    if any(len(t) < 50 for t in texts[:-1]):
        return False
    # A label or a bullet starts a line of its own ("KR2: ..."); "themes:" in lower case goes
    # on with the sentence before it.
    if any(
        _TEXT_BULLET.match(t)
        or DECIMAL_NUMBER.match(t)  # "1.2 Task success rate ...": numbered like "1.1" above it
        or (find_label(t) is not None and not t[:1].islower())
        for t in texts
    ):
        return False
    going_on = sum(
        1
        for prev, nxt in itertools.pairwise(texts)
        if nxt[:1].islower() or not prev.endswith((".", ":", ";", "!", "?", "。", "：", ")"))
    )
    return going_on * 2 >= len(texts) - 1


def _hard_before(inline: mb.Inline, line: mb.Inline) -> bool:
    """Whether the break just before ``line`` is a hard one (a backslash or two spaces)."""
    brk: mb.Piece | None = None
    for p in inline.pieces:
        if p.brk:
            brk = p
        elif p.start >= line.start:
            break
    return brk is not None and brk.hard


def build_lines(blocks: list[mb.Block], pos: mb.Positions) -> Line:
    """The tree of candidate lines of a document (its root has shape ``root``)."""
    return _Builder(pos).build(blocks)


def _label_only(cell: str) -> bool:
    """A cell that only numbers a statement ("KR 1", "**O2**", "1.1", "1.4a")."""
    text = cell.strip().strip("*_").strip()
    if not text or _NUMBER_ONLY.fullmatch(text):
        return True
    label = find_label(text)
    return (
        label is not None and label.kind in ("objective", "key_result") and not label.rest.strip()
    )


_NUMBER_ONLY = re.compile(r"#?\d+(?:\.\d+)*[a-z]?[.)]?")  # "1", "1.1", "1.4a", "#2", "3)"


def _move_labels_only_role(columns: list[Column], rows: list[list[str]]) -> None:
    """ "| KR | Target |" with "KR 1" in the first column and the statement in the second: a
    statement column whose cells only number the rows hands its role to the next column of
    text (several words a cell, no role of its own)."""
    for i, col in enumerate(columns):
        if col.role is None:
            continue
        cells = [r[i] for r in rows if i < len(r) and r[i].strip()]
        if not cells or not all(_label_only(c) for c in cells):
            continue
        if any(c.role == col.role for c in columns if c is not col):
            col.role = None  # "| KR | Key Result |": the other column holds the statements
            return
        # The statements are in the column right of the labels. With a short column there and
        # other text beside ("| KR | Type | Why we chose it |") the labels name statements made
        # elsewhere; with only data beside ("| KR1: | | Target |", a template) they stand alone.
        j = i + 1
        texts = [r[j] for r in rows if j < len(r) and r[j].strip()]
        wordy = bool(texts) and sum(word_count(t) for t in texts) >= 3 * len(texts)
        # Beside a baseline, a target or a current value, a short name is the statement's text
        # ("| KR | Name | Baseline | Target |" over "| KR1.1 | Test coverage | 45% | 80% |").
        named = any(c.field in _LEVEL_FIELDS for c in columns) and all(
            any(ch.isalpha() for ch in t) for t in texts
        )
        if (
            j < len(columns)
            and columns[j].role is None
            and (wordy or (named and bool(texts) and columns[j].field is None))
        ):
            columns[j].role, columns[j].field = col.role, None
            col.role = None
            return
        if any(
            c.role is None and c.field is None and any(k < len(r) and r[k].strip() for r in rows)
            for k, c in enumerate(columns)
            if k != i
        ):
            col.role = None
        return
