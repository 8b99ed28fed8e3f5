"""Stage 5 of the Markdown reader: lines with roles to the OKR model.

Objectives gather their key results (nested under them, or after them on the same level),
key results their initiatives; attribute lines and table columns become fields of the statement
they belong to (``baseline``, ``target``, ``current``, ``owner``, ``status``, ``score``,
``confidence``, ``deadline``, ``measure``, ...); sets are the headings that group objectives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from okrlint.model import Initiative, KeyResult, Objective, OkrDocument, OkrSet, Prose, Span
from okrlint.readers.decorations import clean
from okrlint.readers.labels import find_label
from okrlint.readers.markdown import blocks as mb
from okrlint.readers.markdown.decide import OKR_TITLE
from okrlint.readers.markdown.lines import Line
from okrlint.readers.markdown.roles import STATEMENT_ROLES

_CYCLE_IN_TEXT = re.compile(
    r"\b(?:(?:FY|CY)\s?\d{2,4}[\s-]*Q[1-4]|Q[1-4]\s*[-/ ]?\s*(?:FY)?(?:19|20)?\d{2}\b|"
    r"(?:19|20)\d{2}\s*[-/ ]?\s*(?:Q[1-4]|H[12])|H[12]\s*(?:19|20)\d{2}|FY\s?\d{2,4})",
    re.IGNORECASE,
)
_HANDLE = re.compile(r"@[\w.\-]+")
_ROW_NUMBER = re.compile(r"^\s*\d{1,2}[.)]?\s+(?=\S)")
_INDIVIDUAL = re.compile(r"\b(?:personal|individual|my okrs?|for individuals?)\b", re.IGNORECASE)
_TEAM = re.compile(r"\b(?:team|squad|department|working group|wg|group)\b", re.IGNORECASE)
_COMPANY = re.compile(r"\b(?:company|company-wide|organisation|organization|corporate)\b", re.I)
# Fields a set takes from an attribute line above its first objective.
_SET_FIELDS = frozenset(
    {"owner", "cycle", "level", "team", "updated", "parent", "deadline", "start", "status"}
)


# A table's closing row ("Total", "Sum"): its numbers add up the rows above, it states nothing.
_SUMMARY_ROWS = frozenset({"total", "totals", "sum", "subtotal", "gesamt", "summe", "totaal"})


def _wordy(text: str) -> bool:
    """Text that can be a statement: it has letters and is not a table's total row."""
    bare = text.strip(" *_:.").lower()
    return any(ch.isalpha() for ch in text) and bare not in _SUMMARY_ROWS


@dataclass
class _SetInfo:
    heading: Line | None
    objectives: list[Objective] = field(default_factory=list)
    shared: list[KeyResult] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    metadata_spans: dict[str, Span] = field(default_factory=dict)


_OBJECTIVE_SCORES = ("score", "progress", "confidence")


def _last_of_list(parent: Line, i: int) -> bool:
    """Whether the item at ``i`` ends a list of two or more items and nothing but attribute
    lines follows it in its section."""
    kids = parent.children
    return (
        i >= 1
        and kids[i].shape == kids[i - 1].shape == "item"
        and all(k.role == "attribute" for k in kids[i + 1 :])
    )


def _empty_slot(line: Line) -> bool:
    """ "- KR1:" left empty in a template, under its objective: a key result to fill in, which
    the placeholder rule reports (an empty line without a numbered label is nothing)."""
    lab = line.label
    return (
        line.role == "key_result"
        and line.shape in ("item", "bullet")
        and lab is not None
        and lab.number is not None
        and not lab.rest.strip()
        and not line.children
        and any(a.role == "objective" and clean(a.text).text for a in line.ancestors())
    )


class Assembler:
    def __init__(self, doc: OkrDocument, pos: mb.Positions, front_spans: dict[str, Span]):
        self.doc = doc
        self.pos = pos
        self.front_spans = front_spans
        self.sets: dict[int, _SetInfo] = {}
        self.order: list[int] = []
        self.objectives: dict[int, Objective] = {}
        self.key_results: dict[int, KeyResult] = {}
        self.row_objective: dict[int, Objective] = {}  # last objective of a table, by owner
        self.row_kr: dict[int, KeyResult] = {}
        self.statements: dict[int, Objective | KeyResult] = {}
        self._positions: dict[int, dict[int, int]] = {}
        self._scans: dict[tuple[int, int], tuple[int, bool, Any]] = {}

    # ------------------------------------------------------------------ positions
    def span_of(self, line: Line, text: str) -> Span:
        """The node's span: its line as written, from the first character after the list
        marker or heading hashes (labels included) to the end of its text."""
        return self.pos.span(line.start, max(line.end, line.start))

    # ------------------------------------------------------------------ statements
    def statement(self, line: Line, text: str | None = None) -> tuple[str, dict[str, Any]]:
        raw = line.text if text is None else text
        lab = line.label
        if text is None and lab is not None and lab.kind in STATEMENT_ROLES:
            raw = raw[lab.offset :] if lab.offset <= len(raw) else ""
        cl = clean(raw)
        meta = dict(cl.metadata)
        if line.checked is not None:
            meta.setdefault("done", "true" if line.checked else "false")
        return cl.text, meta

    def set_for(self, line: Line) -> _SetInfo:
        heading: Line | None = None
        for anc in line.ancestors():
            if anc.shape == "heading" and anc.role is None:
                heading = anc
                break
        key = id(heading)
        info = self.sets.get(key)
        if info is None:
            info = self.sets[key] = _SetInfo(heading)
            self.order.append(key)
        return info

    def nearest(self, line: Line, table: dict[int, Any]) -> Any:
        """The statement in ``table`` that a line belongs to: an ancestor, else the last one
        before it on its level or a level up (a heading or label before it that holds one
        statement counts; one that holds several makes it shared), but never out of the
        section (a heading without a role) it sits in."""
        for anc in line.ancestors():
            if id(anc) in table:
                return table[id(anc)]
        node: Line | None = line
        while node is not None and node.parent is not None and node.shape != "root":
            found, value = self._scan_before(node, table)
            if found:
                return value
            node = node.parent
            if node.shape == "heading" and node.role is None:
                return self._section_owner(node, table)
        return None

    def _section_owner(self, heading: Line, table: dict[int, Any]) -> Any:
        """The one statement written in the section around a sub-heading, before it ("##
        Charter: Speed" > "**Objective**: ..." > "### OKRs" > the key-result table): the
        sub-heading's statements are its. Statements inside sister sections never count, and
        two or more make it ambiguous (None)."""
        parent = heading.parent
        if parent is None or parent.shape != "heading" or parent.role is not None:
            return None
        found = [
            table[id(x)]
            for sib in parent.children[: heading.index]
            if sib.shape != "heading"
            for x in (sib, *sib.walk())
            if id(x) in table
        ]
        return found[0] if len(found) == 1 else None

    def _scan_before(self, node: Line, table: dict[int, Any]) -> tuple[bool, Any]:
        """(found, statement) for the siblings before ``node``: a running scan per parent, so
        that a long list costs one pass, not one pass per item."""
        parent = node.parent
        assert parent is not None
        key = (id(parent), id(table))
        pos, found, value = self._scans.get(key, (0, False, None))
        if pos > node.index:
            pos, found, value = 0, False, None
        for sib in parent.children[pos : node.index]:
            if id(sib) in table:
                found, value = True, table[id(sib)]
            elif sib.shape == "heading" or sib.role == "label":
                inside = [table[id(x)] for x in sib.walk() if id(x) in table]
                if inside:
                    found, value = True, inside[0] if len(inside) == 1 else None
        self._scans[key] = (node.index, found, value)
        return found, value

    # ------------------------------------------------------------------ roles to the model
    def run(self, root: Line) -> None:
        self.root = root
        for line in root.walk():
            role = line.role
            text = self.statement(line)[0] if role in ("objective", "key_result") else ""
            if role in ("objective", "key_result") and not text and not _empty_slot(line):
                continue  # an empty item: nothing to judge
            if role == "objective" and not _wordy(text):
                continue  # a bare date ("07-24") or a total row: not a goal
            if role == "objective":
                self.objective(line)
            elif role == "key_result":
                self.key_result(line)
            elif role == "initiative":
                self.initiative(line)
            elif role == "attribute":
                self.attribute(line)
            elif role == "row":
                self.row(line)
            elif role is None and line.shape in ("line", "item", "bullet") and line.text:
                self.doc.prose.append(Prose(line.text, self.pos.span(line.start, line.end)))
        self.finish()

    def objective(self, line: Line, text: str | None = None) -> Objective:
        body, meta = self.statement(line, text)
        obj = Objective(body, self.span_of(line, body), raw=line.text, metadata=meta)
        self.objectives[id(line)] = obj
        self.statements[id(line)] = obj
        parent = next(
            (self.objectives[id(a)] for a in line.ancestors() if id(a) in self.objectives), None
        )
        if parent is not None:
            obj.parent = parent
            parent.children.append(obj)
        obj.context = [a.text for a in reversed(list(line.ancestors())) if a.shape == "heading"]
        self.set_for(line).objectives.append(obj)
        return obj

    def key_result(self, line: Line) -> KeyResult:
        body, meta = self.statement(line)
        kr = KeyResult(body, self.span_of(line, body), raw=line.text, metadata=meta)
        self.key_results[id(line)] = kr
        self.statements[id(line)] = kr
        owner = self.nearest(line, self.objectives)
        if owner is not None:
            owner.add_key_result(kr)
        else:
            self.set_for(line).shared.append(kr)
        return kr

    def initiative(self, line: Line) -> None:
        body, _ = self.statement(line)
        kr = self.nearest(line, self.key_results)
        if kr is not None and body:
            kr.initiatives.append(
                Initiative(body, self.span_of(line, body), raw=line.text, depth=1)
            )

    def attribute(self, line: Line) -> None:
        lab = line.label
        name = line.field_name or "notes"
        value = lab.rest.strip() if lab is not None else ""
        if not value and line.children:
            value = line.children[0].text
        if not value:
            return
        span = self.pos.span(line.start, line.end)
        fields = _fields(name, value)
        target: Any = self._sibling_before(line) or self.nearest(line, self.statements)
        for name, value in fields:
            if target is not None and self._before(target, line):
                target.metadata.setdefault(name, value)
                target.metadata_spans.setdefault(name, span)
            elif name in _SET_FIELDS:
                info = self.set_for(line)
                info.metadata.setdefault(name, value)
                info.metadata_spans.setdefault(name, span)

    def _sibling_before(self, line: Line) -> Objective | KeyResult | None:
        """The statement an attribute line follows on its own level ("- Book trips early" then
        "- Measure: days ahead"), past the other attribute lines between them."""
        parent = line.parent
        if parent is None:
            return None
        if id(parent) not in self._positions:  # each parent's children indexed once
            self._positions[id(parent)] = {id(c): i for i, c in enumerate(parent.children)}
        i = self._positions[id(parent)][id(line)] - 1
        while i >= 0 and parent.children[i].role == "attribute":
            i -= 1
        if i < 0:
            return None
        before = parent.children[i]
        if line.shape == "line" and before.shape == "item" and _last_of_list(parent, i):
            # "**Responsable:** Lucía Gómez" after the list of key results, at the end of the
            # section: the section's (its objective's or the set's), not the last item's.
            return None
        return self.statements.get(id(before))

    def _before(self, node: Objective | KeyResult, line: Line) -> bool:
        line_no, _ = self.pos.line_col(line.start)
        return node.span.line <= line_no

    def row(self, line: Line) -> None:
        cols = line.columns
        cells = line.cells
        obj_text = kr_text = ""
        obj_cell = kr_cell = None
        for col, cell in zip(cols, cells, strict=False):
            if col.role == "initiative" and cell[0].strip():
                kr = self.row_kr.get(id(line.parent))
                if kr is not None:
                    body = clean(cell[0]).text
                    kr.initiatives.append(
                        Initiative(body, self.pos.span(cell[1], cell[2]), raw=cell[0])
                    )
                return
        fields: dict[str, tuple[str, int, int]] = {}
        for col, cell in zip(cols, cells, strict=False):
            if col.role == "objective" and not obj_text:
                obj_text, obj_cell = cell[0], cell
            elif col.role == "key_result" and not kr_text:
                kr_text, kr_cell = cell[0], cell
            elif col.field and cell[0].strip():
                fields.setdefault(col.field, cell)
        owner_key = id(line.parent)
        objective = None
        if _wordy(clean(obj_text).text) and obj_cell is not None:
            previous = self.row_objective.get(owner_key)
            obj_text = _ROW_NUMBER.sub("", obj_text)
            body = clean(obj_text).text
            if previous is not None and previous.text == body:
                objective = previous
            else:
                cell_line = Line("line", obj_text, obj_cell[1], obj_cell[2], parent=line.parent)
                lab = find_label(obj_text)
                if lab is not None and lab.kind == "objective" and lab.rest.strip():
                    cell_line.label = lab  # "Objectif 1 : Simplifier ...": the text after it
                objective = self.objective(cell_line)
                objective.raw = obj_text
                self.objectives[id(line)] = objective
                self.row_objective[owner_key] = objective
        if kr_text.strip() and kr_cell is not None:
            objective = objective or self.row_objective.get(owner_key)
            objective = objective or self.nearest(line, self.objectives)
            if line.split and obj_cell is not None and objective is not None:
                # "| Zero-downtime platform | 1. ...<br>2. ... | Tomasz | 0.6 |": the score of
                # the row is its objective's, not its first key result's.
                for name in _OBJECTIVE_SCORES:
                    if name in fields:
                        cell = fields.pop(name)
                        objective.metadata.setdefault(name, cell[0].strip())
                        objective.metadata_spans.setdefault(name, self.pos.span(cell[1], cell[2]))
            body, meta = self.statement(line, kr_text)
            cell_line = Line("line", kr_text, kr_cell[1], kr_cell[2])
            kr = KeyResult(body, self.span_of(cell_line, body), raw=kr_text, metadata=meta)
            for name, cell in fields.items():
                kr.metadata.setdefault(name, cell[0].strip())
                kr.metadata_spans.setdefault(name, self.pos.span(cell[1], cell[2]))
            if objective is not None:
                objective.add_key_result(kr)
            else:
                self.set_for(line).shared.append(kr)
            self.key_results[id(line)] = kr
            self.row_kr[owner_key] = kr
        elif objective is not None:
            for name, cell in fields.items():
                objective.metadata.setdefault(name, cell[0].strip())

    # ------------------------------------------------------------------ sets
    def _page_title(self) -> _SetInfo | None:
        """The document's first heading when it is a title ("# Q1 2025 OKRs") with no
        statement under it, before statements that sit in no section: the title of a page
        whose objectives are headings of the same level."""
        outer = self.sets.get(id(None))
        heading = next((ln for ln in self.root.walk() if ln.shape == "heading"), None)
        if outer is None or heading is None or heading.role is not None:
            return None
        if any(x.role in ("objective", "key_result", "row") for x in heading.walk()):
            return None
        if not (_CYCLE_IN_TEXT.search(heading.text) or OKR_TITLE.search(heading.text)):
            return None
        starts = [o.span.line for o in outer.objectives] + [k.span.line for k in outer.shared]
        if not starts or self.pos.line_col(heading.start)[0] > min(starts):
            return None
        return self.sets.get(id(heading)) or _SetInfo(heading)

    def finish(self) -> None:
        front = {
            k: v
            for k, v in self.doc.metadata.items()
            if not k.startswith("_") and k not in ("title", "objectives")
        }
        front_span = self.doc.metadata.get("_span")
        page = self._page_title()
        # the page's own title and file name date every set on it ("FY26-Q1 OKRs" over
        # "## Engineering", "okrs/2025-h2.md")
        page_names = [t for t in (_title(self.doc), _stem(self.doc.path)) if t]
        for key in self.order:
            info = self.sets[key]
            if not info.objectives and not info.shared:
                continue
            heading = info.heading
            if heading is None and page is not None and _title(self.doc) is None:
                # "# Q1 2025 OKRs" then "# 🎯 Objective 1: ..." (a page exported from Notion):
                # the page's title heading, on the level of the objectives' headings, names the
                # set, and its fields ("Owner: Hannah Ortiz") are the set's.
                heading = page.heading
                for k, v in page.metadata.items():
                    info.metadata.setdefault(k, v)
                    info.metadata_spans.setdefault(k, page.metadata_spans[k])
            title = heading.text if heading is not None else _title(self.doc)
            first = (info.objectives or info.shared)[0].span
            span = (
                self.pos.span(heading.start, heading.end)
                if heading is not None
                else (front_span or first)
            )
            meta: dict[str, Any] = {}
            spans: dict[str, Span] = {}
            for k, v in front.items():
                meta[k] = v
                spans[k] = self.front_spans.get(k) or front_span or span
            outer = self.sets.get(id(None))
            if outer is not None and outer is not info:
                for k, v in outer.metadata.items():
                    meta.setdefault(k, v)
                    spans.setdefault(k, outer.metadata_spans.get(k, span))
            meta.update(info.metadata)
            spans.update(info.metadata_spans)
            context = (
                [a.text for a in heading.ancestors() if a.shape == "heading"] if heading else []
            )
            context.reverse()
            if title:
                dated = [t for t in page_names if t != title]
                for k, v in _title_metadata(title, [*dated, *context]).items():
                    meta.setdefault(k, v)
            okr_set = OkrSet(
                title=title or None,
                span=span,
                metadata=meta,
                metadata_spans=spans,
                objectives=info.objectives,
                shared_key_results=info.shared,
                context=context,
            )
            self.doc.sets.append(okr_set)
        self.doc.sets.sort(key=lambda s: (s.span.line, s.span.column))
        self.doc.link()


# Fields written on one line, apart: "Baseline: 38% · Target: 85% · Owner: @lee".
_FIELD_SEP = re.compile(r"\s+[·|•;]\s+")


def _fields(name: str, value: str) -> list[tuple[str, str]]:
    """The fields of an attribute line: its own, and each part after a separator that starts
    with an attribute label. When a part does not, the value is one field, separators and all
    ("Owner: Sales · EMEA")."""
    first, *parts = _FIELD_SEP.split(value)
    out = [(name, first.strip())]
    for part in parts:
        lab = find_label(part)
        if lab is None or lab.kind != "attribute" or not lab.field or not lab.rest.strip():
            return [(name, value)]
        out.append((lab.field, lab.rest.strip()))
    return out


def _stem(path: str) -> str:
    """The file's name without folders or extension, separators as spaces ("okrs__2025-q2.md"
    -> "okrs 2025-q2")."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return re.sub(r"[_]+", " ", name.rsplit(".", 1)[0])


def _title(doc: OkrDocument) -> str | None:
    title = doc.metadata.get("title")
    return str(title) if title else None


def _title_metadata(title: str, context: list[str]) -> dict[str, str]:
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
