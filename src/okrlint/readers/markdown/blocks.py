"""Markdown to a small block tree, on pyromark (pulldown-cmark).

This is the only module that knows pyromark's events. It produces headings, paragraphs, lists
with items, tables, block quotes, code and HTML blocks, each with UTF-8 byte offsets into the
source, and inline text as pieces that remember their emphasis, so the OKR recogniser can ask
"is this line bold?" or "is this item only a link?".
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from typing import Any

import pyromark

from okrlint.model import Span
from okrlint.readers.limits import (
    MAX_BLOCKS,
    MAX_DEPTH,
    MAX_EVENTS,
    MAX_MARKUP_CHARS,
    ReadLimitError,
)

_OPTIONS = (
    pyromark.Options.ENABLE_TABLES
    | pyromark.Options.ENABLE_TASKLISTS
    | pyromark.Options.ENABLE_STRIKETHROUGH
    | pyromark.Options.ENABLE_YAML_STYLE_METADATA_BLOCKS
    | pyromark.Options.ENABLE_FOOTNOTES
)
_BODY_OPTIONS = _OPTIONS & ~pyromark.Options.ENABLE_YAML_STYLE_METADATA_BLOCKS


@dataclass(slots=True)
class Piece:
    text: str
    start: int
    end: int
    strong: bool = False
    emphasis: bool = False
    code: bool = False
    link: bool = False
    image: bool = False
    strike: bool = False
    brk: bool = False  # a line break (soft or hard)
    hard: bool = False


@dataclass
class Inline:
    pieces: list[Piece] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join("\n" if p.brk else p.text for p in self.pieces)

    @property
    def flat(self) -> str:
        """The text on one line (breaks become spaces)."""
        return " ".join(self.text.split())

    @property
    def start(self) -> int:
        return self.pieces[0].start if self.pieces else 0

    @property
    def end(self) -> int:
        return self.pieces[-1].end if self.pieces else 0

    def lines(self, hard_only: bool = False) -> list[Inline]:
        out: list[Inline] = [Inline()]
        for p in self.pieces:
            if p.brk and (p.hard or not hard_only):
                out.append(Inline())
            elif p.brk:
                out[-1].pieces.append(Piece(" ", p.start, p.end))
            else:
                out[-1].pieces.append(p)
        return [line for line in out if line.text.strip()]

    def _content(self) -> list[Piece]:
        return [p for p in self.pieces if p.text.strip() and not p.brk]

    @property
    def all_emphasis(self) -> bool:
        content = self._content()
        return bool(content) and all(p.emphasis for p in content)

    @property
    def link_only(self) -> bool:
        """Only links (and punctuation): a table of contents or a link list."""
        content = self._content()
        if not content or not any(p.link for p in content):
            return False
        rest = "".join(p.text for p in content if not p.link)
        return not re.search(r"\w", rest)


@dataclass(eq=False)
class Block:
    start: int
    end: int


@dataclass(eq=False)
class Heading(Block):
    level: int
    inline: Inline


@dataclass(eq=False)
class Para(Block):
    inline: Inline


@dataclass(eq=False)
class Item(Block):
    checked: bool | None = None
    blocks: list[Block] = field(default_factory=list)

    @property
    def para(self) -> Para | None:
        for b in self.blocks:
            if isinstance(b, Para):
                return b
            if isinstance(b, Quote) and b is self.blocks[0]:
                # "- > 70% quota participation": the author meant "greater than".
                inner = next((x for x in b.blocks if isinstance(x, Para)), None)
                if inner is not None:
                    gt = Piece("> ", inner.inline.start, inner.inline.start)
                    return Para(inner.start, inner.end, Inline([gt, *inner.inline.pieces]))
                return None
            if isinstance(b, (ListBlock, Table)):
                return None
        return None


@dataclass(eq=False)
class ListBlock(Block):
    ordered: bool
    items: list[Item] = field(default_factory=list)


@dataclass(eq=False)
class Table(Block):
    header: list[Inline] = field(default_factory=list)
    rows: list[list[Inline]] = field(default_factory=list)
    row_starts: list[int] = field(default_factory=list)


@dataclass(eq=False)
class Quote(Block):
    blocks: list[Block] = field(default_factory=list)


@dataclass(eq=False)
class Code(Block):
    text: str
    fenced: bool


@dataclass(eq=False)
class Html(Block):
    text: str


@dataclass(eq=False)
class Rule(Block):
    pass


@dataclass(eq=False)
class Meta(Block):
    text: str
    text_start: int


class Positions:
    """Byte offsets of a UTF-8 text to 1-based (line, column) in characters."""

    def __init__(self, source: str) -> None:
        self.data = source.encode("utf-8")
        self.starts = [0]
        self.starts.extend(m.end() for m in re.finditer(b"\n", self.data))
        self.ascii = source.isascii()

    def line_col(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, len(self.data)))
        idx = bisect.bisect_right(self.starts, offset) - 1
        line_start = self.starts[idx]
        if self.ascii:
            col = offset - line_start
        else:
            col = len(self.data[line_start:offset].decode("utf-8", errors="replace"))
        return idx + 1, col + 1

    def span(self, start: int, end: int) -> Span:
        line, col = self.line_col(start)
        # The end of a block is often the start of the next line: step back over the newline.
        e = end
        while e > start and self.data[e - 1 : e] in (b"\n", b"\r"):
            e -= 1
        end_line, end_col = self.line_col(e)
        return Span(line, col, end_line, end_col)

    def line_text(self, line: int) -> str:
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else len(self.data)
        return self.data[start:end].decode("utf-8", errors="replace")


_FENCE_OPEN = re.compile(r"[ \t\r\n]*( {0,3})(`{3,}|~{3,})[ \t]*(?:markdown|md)?[ \t]*(?=\r?\n)")


def unfence_slip(source: str) -> str:
    """A page whose first line opens a code fence that nothing closes ("```" pasted above the
    document with the answer it came from): the rest is the page, not code, so the fence is
    blanked (spaces: every offset stays where it was). A fence that closes is code, or a
    template shown as code."""
    m = _FENCE_OPEN.match(source)
    if m is None:
        return source
    mark = m.group(2)
    closing = re.compile(rf"(?m)^ {{0,3}}{re.escape(mark[0])}{{{len(mark)},}}[ \t]*\r?$")
    if closing.search(source, m.end()):
        return source
    return source[: m.start(1)] + " " * (m.end() - m.start(1)) + source[m.end() :]


@cache
def _markers() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The site generators' OKR markup (``markers`` in ``rules/lexicons/labels.yaml``)."""
    from okrlint.data import load_lexicon

    return tuple(
        (re.compile(str(m["pattern"]), re.IGNORECASE), str(m["label"]))
        for m in load_lexicon("labels").get("markers") or []
    )


def markers_as_labels(source: str) -> str:
    """Each line that is one marker ("{% okr o1 %}", "<!-- okr kr2 percent:0.4 -->") becomes the
    label it stands for, padded with spaces to the same number of bytes (every offset stays
    where it was), so the next text line is read as that label's statement."""
    markers = _markers()
    if not markers or ("{%" not in source and "<!--" not in source):
        return source
    out: list[str] = []
    changed = False
    for line in source.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        for pattern, label in markers:
            m = pattern.fullmatch(stripped)
            if m is None:
                continue
            text = label.replace("{n}", m.group(1) if m.groups() else "")
            pad = len(body.encode("utf-8")) - len(text.encode("utf-8"))
            if pad >= 0:
                line = text + " " * pad + line[len(body) :]
                changed = True
            break
        out.append(line)
    return "".join(out) if changed else source


def parse_blocks(source: str) -> list[Block]:
    """Parse Markdown into a list of top-level blocks.

    Raises :class:`~okrlint.readers.limits.ReadLimitError` past :data:`MAX_BLOCKS` blocks or
    :data:`MAX_DEPTH` levels of lists and quotes (the position is a byte offset: the reader
    turns it into a line)."""
    source = markers_as_labels(unfence_slip(source))
    _check_markup(source)
    data = source.encode("utf-8")
    events = pyromark.events_with_range(source, options=_OPTIONS)
    blocks = _Builder(data).build(events)
    metas = [b for b in blocks if isinstance(b, Meta)]
    front = (
        metas[0] if metas and blocks[0] is metas[0] and not data[: metas[0].start].strip() else None
    )
    if len(metas) == (1 if front else 0):
        return blocks
    # pulldown-cmark reads "---" over a line, up to a later "---", as a metadata block anywhere
    # in the file; only the front matter at the top is one. Read the rest again without them
    # (the front matter blanked, byte for byte, so every offset stays where it was).
    masked = data
    if front is not None:
        blank = bytes(b if b == 0x0A else 0x20 for b in data[front.start : front.end])
        masked = data[: front.start] + blank + data[front.end :]
    events = pyromark.events_with_range(masked.decode("utf-8"), options=_BODY_OPTIONS)
    body = _Builder(data).build(events)
    return [front, *body] if front is not None else body


_MARKUP = re.compile(r"[\[\]*_`<>!&\\~|]")


def _check_markup(source: str) -> None:
    """pyromark parses the whole file into events before the first one is read, about 75 bytes
    per markup character: refuse files made of markup before it does (400 MB for 5 MB of
    "[A][A]...")."""
    if len(source) <= MAX_MARKUP_CHARS:
        return
    seen = 0
    step = 1 << 16
    for start in range(0, len(source), step):
        chunk = source[start : start + step]
        count = sum(chunk.count(ch) for ch in "[]*_`<>!&\\~|")
        if seen + count > MAX_MARKUP_CHARS:
            for m in _MARKUP.finditer(chunk):
                seen += 1
                if seen > MAX_MARKUP_CHARS:
                    offset = len(source[: start + m.start()].encode("utf-8"))
                    raise BlockLimitError(
                        f"the file has more than {MAX_MARKUP_CHARS:,} Markdown markup "
                        "characters ([ ] * _ ` < > ! & \\ ~ |): too many to read; skipped "
                        "from here",
                        offset,
                    )
        seen += count


class BlockLimitError(ReadLimitError):
    """Too many or too deeply nested blocks, at byte ``offset`` of the source."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


class _Builder:
    def __init__(self, data: bytes = b"") -> None:
        self.data = data  # the source, for placing the cells of an HTML table
        self.stack: list[Any] = []  # containers: list of blocks, or Inline under construction
        self.root: list[Block] = []
        self.inline: Inline | None = None
        self.inline_owner: Any = None
        self.style: dict[str, int] = {
            "strong": 0,
            "emphasis": 0,
            "link": 0,
            "image": 0,
            "strike": 0,
        }
        self.table: Table | None = None
        self.cell: Inline | None = None
        self.row: list[Inline] | None = None
        self.in_head = False
        self.code: Code | None = None
        self.html: Html | None = None
        self.meta: Meta | None = None
        self.blocks = 0

    # container helpers
    def _children(self) -> list[Block]:
        if not self.stack:
            return self.root
        top = self.stack[-1]
        if isinstance(top, (Item, Quote)):
            return top.blocks
        if isinstance(top, ListBlock):
            return top.items  # type: ignore[return-value]
        return self.root

    def _flush_item_text(self) -> None:
        """Tight list items carry inline text without a paragraph: wrap it in one."""
        if self.inline is not None and self.inline_owner is not None:
            inline = self.inline
            if isinstance(self.inline_owner, Item) and inline.pieces:
                para = Para(inline.start, inline.end, inline)
                self.inline_owner.blocks.append(para)
            self.inline = None
            self.inline_owner = None

    def _piece(self, text: str, rng: dict[str, int], **kw: bool) -> Piece:
        return Piece(
            text,
            rng["start"],
            rng["end"],
            strong=self.style["strong"] > 0,
            emphasis=self.style["emphasis"] > 0,
            link=self.style["link"] > 0,
            image=self.style["image"] > 0,
            strike=self.style["strike"] > 0,
            **kw,
        )

    def _target(self) -> Inline:
        if self.cell is not None:
            return self.cell
        if self.inline is None:
            # Inline content directly inside an item (tight list).
            self.inline = Inline()
            self.inline_owner = self.stack[-1] if self.stack else None
        return self.inline

    def build(self, events: Any) -> list[Block]:
        for n, (event, rng) in enumerate(events):
            if n >= MAX_EVENTS:
                raise BlockLimitError(
                    f"the file has more than {MAX_EVENTS:,} Markdown elements (text runs, "
                    "emphasis, links, punctuation): too many to read; skipped from here (split "
                    "it)",
                    rng["start"],
                )
            self._event(event, rng)
        return self.root

    def _event(self, event: Any, rng: dict[str, int]) -> None:
        if isinstance(event, dict):
            if "Start" in event:
                self._start(event["Start"], rng)
                return
            if "End" in event:
                self._end(event["End"], rng)
                return
            if "Text" in event:
                text = event["Text"]
                if self.code is not None:
                    self.code.text += text
                    return
                if self.meta is not None:
                    self.meta.text += text
                    if not self.meta.text_start:
                        self.meta.text_start = rng["start"]
                    return
                if self.html is not None:
                    self.html.text += text
                    return
                self._target().pieces.append(self._piece(text, rng))
                return
            if "Code" in event:
                self._target().pieces.append(self._piece(event["Code"], rng, code=True))
                return
            if "Html" in event:
                if self.html is not None:
                    self.html.text += event["Html"]
                return
            if "InlineHtml" in event:
                tag = event["InlineHtml"]
                if re.match(r"<br\s*/?>", tag, re.IGNORECASE):
                    self._target().pieces.append(self._piece("\n", rng, brk=True, hard=True))
                return
            if "TaskListMarker" in event:
                top = self.stack[-1] if self.stack else None
                if isinstance(top, Item):
                    top.checked = bool(event["TaskListMarker"])
                return
            if "FootnoteReference" in event or "InlineMath" in event or "DisplayMath" in event:
                return
            return
        if event == "SoftBreak":
            self._target().pieces.append(self._piece("\n", rng, brk=True))
        elif event == "HardBreak":
            self._target().pieces.append(self._piece("\n", rng, brk=True, hard=True))
        elif event == "Rule":
            self._flush_item_text()
            self._children().append(Rule(rng["start"], rng["end"]))

    def _count(self, start: int, container: bool) -> None:
        self.blocks += 1
        if self.blocks > MAX_BLOCKS:
            raise BlockLimitError(
                f"the file has more than {MAX_BLOCKS:,} Markdown blocks (paragraphs, headings, "
                "list items, table rows): too many for an OKR file; skipped from here (split it)",
                start,
            )
        if (
            container
            and sum(1 for c in self.stack if isinstance(c, (ListBlock, Quote))) >= MAX_DEPTH
        ):
            raise BlockLimitError(
                f"lists or block quotes are nested more than {MAX_DEPTH} levels deep here: skipped",
                start,
            )

    def _start(self, tag: Any, rng: dict[str, int]) -> None:
        start, end = rng["start"], rng["end"]
        is_dict = isinstance(tag, dict)
        container = tag == "BlockQuote" or (is_dict and ("List" in tag or "BlockQuote" in tag))
        if (
            container
            or tag in ("Paragraph", "Item", "TableRow", "HtmlBlock")
            or (is_dict and ("Heading" in tag or "CodeBlock" in tag))
        ):
            self._count(start, container)
        if tag == "Paragraph":
            self._flush_item_text()
            self.inline = Inline()
            self.inline_owner = "para"
            return
        if isinstance(tag, dict) and "Heading" in tag:
            self._flush_item_text()
            self.inline = Inline()
            self.inline_owner = "heading"
            return
        if isinstance(tag, dict) and "List" in tag:
            self._flush_item_text()
            block = ListBlock(start, end, ordered=tag["List"] is not None)
            self._children().append(block)
            self.stack.append(block)
            return
        if tag == "Item":
            self._flush_item_text()
            item = Item(start, end)
            self._children().append(item)
            self.stack.append(item)
            return
        if tag == "BlockQuote" or (isinstance(tag, dict) and "BlockQuote" in tag):
            self._flush_item_text()
            quote = Quote(start, end)
            self._children().append(quote)
            self.stack.append(quote)
            return
        if isinstance(tag, dict) and "CodeBlock" in tag:
            self._flush_item_text()
            kind = tag["CodeBlock"]
            fenced = isinstance(kind, dict) and "Fenced" in kind
            self.code = Code(start, end, "", fenced)
            self._children().append(self.code)
            return
        if tag == "HtmlBlock":
            self._flush_item_text()
            self.html = Html(start, end, "")
            self._children().append(self.html)
            return
        if isinstance(tag, dict) and "MetadataBlock" in tag:
            self.meta = Meta(start, end, "", 0)
            self._children().append(self.meta)
            return
        if isinstance(tag, dict) and "Table" in tag:
            self._flush_item_text()
            self.table = Table(start, end)
            self._children().append(self.table)
            return
        if tag == "TableHead":
            self.in_head = True
            self.row = []
            return
        if tag == "TableRow":
            self.row = []
            if self.table is not None:
                self.table.row_starts.append(start)
            return
        if tag == "TableCell":
            self.cell = Inline()
            return
        if tag == "Strong":
            self.style["strong"] += 1
        elif tag == "Emphasis":
            self.style["emphasis"] += 1
        elif tag == "Strikethrough":
            self.style["strike"] += 1
        elif isinstance(tag, dict) and "Link" in tag:
            self.style["link"] += 1
        elif isinstance(tag, dict) and "Image" in tag:
            self.style["image"] += 1

    def _end(self, tag: Any, rng: dict[str, int]) -> None:
        start, end = rng["start"], rng["end"]
        if tag == "Paragraph":
            inline = self.inline or Inline()
            self.inline = None
            self.inline_owner = None
            self._children().append(Para(start, end, inline))
            return
        if isinstance(tag, dict) and "Heading" in tag:
            inline = self.inline or Inline()
            self.inline = None
            self.inline_owner = None
            level = int(str(tag["Heading"]).lstrip("H"))
            self._children().append(Heading(start, end, level, inline))
            return
        if (isinstance(tag, dict) and "List" in tag) or tag == "Item":
            self._flush_item_text()
            if self.stack:
                self.stack.pop()
            return
        if tag == "BlockQuote" or (isinstance(tag, dict) and "BlockQuote" in tag):
            self._flush_item_text()
            if self.stack:
                self.stack.pop()
            return
        if tag == "CodeBlock":
            self.code = None
            return
        if tag == "HtmlBlock":
            if self.html is not None and "<table" in self.html.text.lower():
                table = html_table(self.html, self.data)
                if table is not None:
                    self._children().append(table)  # read like a Markdown table
            elif self.html is not None and "<summary" in self.html.text.lower():
                # "<details><summary> Key Result 1: ... </summary>": a collapsible line.
                self._children().extend(html_summaries(self.html, self.data))
            self.html = None
            return
        if isinstance(tag, dict) and "MetadataBlock" in tag:
            self.meta = None
            return
        if tag == "Table":
            self.table = None
            return
        if tag == "TableHead":
            if self.table is not None and self.row is not None:
                self.table.header = self.row
            self.in_head = False
            self.row = None
            return
        if tag == "TableRow":
            if self.table is not None and self.row is not None:
                self.table.rows.append(self.row)
            self.row = None
            return
        if tag == "TableCell":
            if self.row is not None and self.cell is not None:
                self.row.append(self.cell)
            self.cell = None
            return
        if tag == "Strong":
            self.style["strong"] -= 1
        elif tag == "Emphasis":
            self.style["emphasis"] -= 1
        elif tag == "Strikethrough":
            self.style["strike"] -= 1
        elif tag == "Link":
            self.style["link"] -= 1
        elif tag == "Image":
            self.style["image"] -= 1


# An HTML table longer than this is not read (a README dashboard is a few kilobytes).
MAX_HTML_TABLE = 200_000


def _without_comments(html: str) -> str:
    """HTML comments removed in one pass; an unclosed one hides the rest."""
    out: list[str] = []
    at = 0
    while (begin := html.find("<!--", at)) >= 0:
        out.append(html[at:begin])
        close = html.find("-->", begin + 4)
        if close < 0:
            return "".join(out)
        at = close + 3
    out.append(html[at:])
    return "".join(out)


class _HtmlTable(HTMLParser):
    """Rows of an HTML table as (text, bold, header) cells; a cell spanning columns is
    followed by empty cells, and one spanning rows leaves an empty cell in its column of the
    rows below, so the columns line up (as a Markdown table's blank cell under an objective
    written once for its key results)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[tuple[str, bool, bool]]] = []
        self._cell: list[tuple[str, bool]] | None = None
        self._header = False
        self._span = 1
        self._rows_down = 1
        self._strong = 0
        self._pending: dict[int, int] = {}  # column -> rows still covered by a rowspan above

    def _fill_spanned(self) -> None:
        """Empty cells for the columns a rowspan above covers, at the current position."""
        row = self.rows[-1]
        while self._pending.get(len(row), 0) > 0:
            self._pending[len(row)] -= 1
            row.append(("", False, False))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            if not self.rows:
                self.rows.append([])
            self._fill_spanned()
            self._cell, self._header = [], tag == "th"
            values = dict(attrs)
            span = values.get("colspan") or "1"
            self._span = int(span) if span.isdigit() and 0 < int(span) < 50 else 1
            down = values.get("rowspan") or "1"
            self._rows_down = int(down) if down.isdigit() and 0 < int(down) < 500 else 1
        elif tag in ("strong", "b"):
            self._strong += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            text = " ".join("".join(t for t, _ in self._cell).split())
            bold = bool(text) and all(b for t, b in self._cell if t.strip())
            at = len(self.rows[-1])
            self.rows[-1].append((text, bold, self._header))
            self.rows[-1].extend(("", False, self._header) for _ in range(self._span - 1))
            for col in range(at, at + self._span):
                if self._rows_down > 1:
                    self._pending[col] = self._rows_down - 1
            self._cell = None
        elif tag == "tr" and self.rows:
            self._fill_spanned()  # a spanned column at the end of the row
        elif tag in ("strong", "b"):
            self._strong = max(0, self._strong - 1)

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append((data, self._strong > 0))


MAX_SUMMARIES = 500  # a README has a few dozen collapsible sections at most
_SUMMARY = re.compile(r"<summary\b[^>]{0,200}>(.{0,2000}?)</summary>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^<>]{0,200}>")


def html_summaries(block: Html, data: bytes) -> list[Para]:
    """The ``<summary>`` lines of ``<details>`` in a Markdown file, each placed at its text."""
    out: list[Para] = []
    cursor = block.start
    if len(block.text) > MAX_HTML_TABLE:
        return out  # a huge HTML block: say nothing rather than scan it (as for tables)
    for m in _SUMMARY.finditer(_without_comments(block.text)):
        if len(out) >= MAX_SUMMARIES:
            break
        text = " ".join(html.unescape(_TAG.sub(" ", m.group(1))).split())
        if not text:
            continue
        raw = text.encode("utf-8")
        at = data.find(raw, cursor, block.end)
        if at < 0:
            continue  # markup inside the words: say nothing rather than misplace it
        cursor = at + len(raw)
        out.append(Para(at, cursor, Inline([Piece(text, at, cursor)])))
    return out


def html_table(block: Html, data: bytes) -> Table | None:
    """An HTML ``<table>`` in a Markdown file (README dashboards, exported docs) as a Table
    block, each cell placed at its text in the source; None when it has no rows."""
    low = block.text.lower()
    lo = low.find("<table")
    hi = low.find("</table>", lo) if lo >= 0 else -1
    if hi < 0 or hi - lo > MAX_HTML_TABLE:
        return None  # no whole table (or a huge one): say nothing rather than guess
    snippet = _without_comments(block.text[lo : hi + len("</table>")])
    parser = _HtmlTable()
    try:
        parser.feed(snippet)
        parser.close()
    except (ValueError, AssertionError):
        return None
    rows = [r for r in parser.rows if any(text for text, _, _ in r)]
    if not rows:
        return None
    table = Table(block.start, block.end)
    cursor = block.start

    def inline(text: str, bold: bool) -> Inline:
        nonlocal cursor
        if not text:
            return Inline()
        raw = text.encode("utf-8")
        at = data.find(raw, cursor, block.end)
        if at < 0:
            # "&#8627; Raise ...": an entity before the words; place the cell at its words.
            core = re.sub(r"^\W+", "", text).encode("utf-8")
            at = data.find(core, cursor, block.end) if core else -1
            raw = core
        start = at if at >= 0 else cursor
        end = start + len(raw) if at >= 0 else cursor
        cursor = max(cursor, end)
        return Inline([Piece(text, start, end, strong=bold)])

    if all(header for _, _, header in rows[0]):
        table.header = [inline(text, bold) for text, bold, _ in rows.pop(0)]
    for row in rows:
        table.row_starts.append(cursor)
        table.rows.append([inline(text, bold) for text, bold, _ in row])
    width = max([len(table.header), *(len(r) for r in table.rows)])
    table.header += [Inline() for _ in range(width - len(table.header))]
    return table
