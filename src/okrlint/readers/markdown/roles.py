"""Stage 3 of the Markdown reader: a role for each candidate line, from evidence.

Roles: ``objective``, ``key_result``, ``initiative``, ``attribute`` (a field of the statement
before it: ``Owner:``, ``Measure:``, ``Baseline:``), ``zone`` (a line that only names what
follows: "Key Results"), ``label`` (a label alone whose statement is on the next line), ``row``
(a table row whose columns say what it holds) and None (prose, headings that group, notes).

Evidence, strongest first, each recorded on the line for ``okrlint --outline --why``:

1. the line's own label ("Objective 2:", "KR1 -", "Schlüsselergebnis:", "Owner:");
2. its container: a zone it sits under, an objective it is nested in (items under an objective
   are its key results, items under a key result its initiatives), a table column;
3. what it holds: an unlabelled line with key results under it is their objective;
4. in a file with no labels at all that says it holds OKRs (its name or title), the shape the
   document repeats: the most frequent kind of line that has a list under it is an objective.

Statements under an "Example" heading, or a question heading ("What is an OKR?"), are examples
in an article, not OKRs. When the evidence is not there, a line gets no role: okrlint misses a
statement rather than invent one.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from okrlint.data import load_lexicon
from okrlint.readers.decorations import (
    PARENT_WORDS,
    a_title,
    clean,
    explaining_title,
    plain_title,
    starts_with_verb,
    words,
)
from okrlint.readers.labels import (
    Label,
    Zone,
    column_names_only,
    find_label,
    lead_length,
    mentions_the_method,
    names_a_group,
    names_the_method,
    weak_key_result_column,
    weak_objective_column,
)
from okrlint.readers.markdown.lines import DECIMAL_NUMBER, KR_DATA, Column, Line

STATEMENT_ROLES = frozenset({"objective", "key_result", "initiative"})
_DIGIT = re.compile(r"\d")
_ZONE_ROLE = {"objectives": "objective", "key_results": "key_result", "initiatives": "initiative"}
# "- are each followed by key results": a line that goes on from the zone's name.
_DEFINITION_WORDS = r"are|is|should|must|can|could|will|have|has|be|need|needs"
_DEFINITION = re.compile(rf"^(?:{_DEFINITION_WORDS})\b")
# An item that describes what a label means ("a measurable outcome", "no numbers", "should be
# inspiring"), written in lower case as a definition is.
_DESCRIBES = re.compile(rf"^(?:a|an|the|no|not|very|always|never|one|only|{_DEFINITION_WORDS})\b")


# The text after a label that says what the label means: "A goal to be achieved", "which
# measure progress towards the objective", "is a qualitative statement".
_WHAT_IT_IS = r"(?:goal|statement|target|metric|measure|description|aim)s?"
_DEFINES = re.compile(
    rf"(?i)^(?:(?:(?:an?|the)\s+(?:\w+\s+){{0,2}}{_WHAT_IT_IS}|an?\s+(?:\w+,?\s+){{1,2}}"
    r"(?:outcome|result)s?)\b(?![-\w])(?!\D*\d)|(?:which|that|what|is|are|means|refers\s+to|"
    r"describes?)\b|"
    # "Objetivo: lo que queremos lograr", "Resultado clave: cómo sabremos que ...", "Objectif :
    # ce que nous voulons", "Ziel: was wir erreichen wollen"
    r"(?:lo\s+que|o\s+que|ce\s+que|ce\s+qu'|was\s+wir|cómo\s+sabremos|como\s+saberemos|"
    r"comment\s+nous\s+saurons|woran\s+wir)\b)"
)


def _describes(items: list[Line]) -> bool:
    """Whether most of a list's items (two or more) describe instead of state."""
    texts = [c.text.strip() for c in items if c.shape in ("item", "bullet") and c.text]
    return len(texts) >= 2 and sum(1 for t in texts if _DESCRIBES.match(t)) * 2 >= len(texts)


_ZONE: dict[str, Zone] = {"objective": "objectives", "key_result": "key_results"}
_CHILD_ROLE = {"objective": "key_result", "key_result": "initiative", "initiative": None}

# A page title whose head word is "examples": "OKR Examples", "Anwendungsbeispiele", "Ejemplos
# de OKR".
_EXAMPLES_PAGE = re.compile(
    r"(?i)^(?:okrs?\s+)?(?:\w*beispiele|examples|ejemplos|exemples|exemplos)\b|"
    r"\b(?:\w*beispiele|examples)\s*$"
)
# Headings (and bold lines) above examples, guides and instructions: what is under them is not
# the document's OKRs.
_EXAMPLE_TITLES = re.compile(
    r"\b(?:examples?|sample|e\.g\.|for instance|good vs\.? bad|bad (?:okrs?|example)|"
    r"good (?:okrs?|example)|anti-?patterns?|how to write|how to use|instructions|"
    r"template guide|writing guide|common mistakes|mistakes to avoid|"
    r"about okrs?|what (?:is|are) (?:an )?okrs?|"
    # how the method works: "OKR structure", "Ciclo OKR", "Estructura de los OKR"
    r"okrs?\s+(?:structure|framework|cycle|process|methodology|principles|basics|overview)|"
    r"(?:estructura|ciclo|proceso|metodolog[ií]a|estrutura|processo|cadre|struktur|prozess|"
    r"zyklus)\s+(?:(?:de|des|do|dos|der)\s+)?(?:(?:los|las|la|les|os|as)\s+)?okrs?|"
    r"\w*beispiel(?:e)?|ejemplos?|exemples?|exemplos?|tipps|\w*vorlagen?|plantillas?|"
    r"consejos|dicas|conseils|例|示例|範例|예시)\b",
    re.IGNORECASE,
)
# Topics of a guide ("Key concepts", "Background", "Tips"): a heading that names a period first
# ("Q3 (Jul-Sep): Advanced Concepts & Cloud") is a set's title with the quarter's topic.
_GUIDE_TITLES = re.compile(
    r"\b(?:tips|best practices|key concepts|concepts|definitions?|glossary|terminology|"
    r"background|introduction)\b",
    re.IGNORECASE,
)
_PERIOD = re.compile(
    r"^(?:(?:cy|fy)\s?\d{2,4}(?:[\s-]*q[1-4])?|q[1-4](?:\s*[-/ ]?\s*(?:fy)?\d{2,4})?|"
    r"\d{4}(?:\s*[-/ ]?\s*(?:q[1-4]|h[12]))?|h[12]\s*\d{4}|(?:spring|summer|autumn|fall|winter)"
    r"\s+\d{4}|(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\s+\d{4}|"
    # "This year — 2026", "Next quarter: Q3", "This quarter"
    r"(?:this|next|last)\s+(?:year|quarter|half|month)(?:\s*[—–:-]\s*[^\s.][^.]{0,19})?\s*$)",
    re.IGNORECASE,
)
_SET_WORDS = re.compile(r"\b(?:okrs?|okr's|objectives|quarterly|annual|yearly)\b", re.I)
_OKR_TITLE_WORDS = re.compile(r"(?i)\b(?:okrs?|objectives)\b")
_PERIOD_IN = re.compile(r"(?i)\b(?:q[1-4]|h[12]|(?:19|20)\d\d|fy\s?\d{2,4})\b")


@dataclass
class RoleSummary:
    """What stage 3 found, for the document decision."""

    strong_labels: int = 0  # lines with a strong objective / key-result label
    key_result_labels: int = 0
    zones: int = 0
    columns: int = 0  # table rows read through an objective / key-result column
    paired_columns: int = 0  # rows of a table with both an objective and a key-result column
    kr_columns: int = 0  # rows of a table whose column is named "Key result" (not "Metric")
    inferred: int = 0  # objectives found by the repeated shape alone
    named: int = 0  # statements in a list under a heading that names them ("Q1 Objectives")
    described: int = 0  # labels and zones over lists that say what the label means
    defined: int = 0  # "**Objectives:** qualitative, inspiring goals": a term defined
    measured: int = 0  # unlabelled lines that hold their own baseline and target lines
    examples: int = 0  # statements set aside as a guide's examples


def _why(line: Line, text: str) -> None:
    line.evidence.append(text)


def _set(line: Line, role: str, why: str) -> None:
    line.role = role
    _why(line, why)


# A band of a scale: "< 1000ms: Acceptable", "150-300ms: OK", "90%+ — great" (not a number
# before a statement: "1.1: Grow revenue", "1a: ...", "2nd: ...", "2024-25: Grow revenue").
_UNIT = r"(?:ms|s|secs?|mins?|h|hrs?|d|days?|k|K|m|M|x|%|kb|KB|mb|MB|gb|GB)"
_BAND = re.compile(
    r"^(?!\W{0,3}(?:19|20)\d\d(?![\w%]))\W{0,3}(?:[<>≤≥~]\s*[\d.,]+\s*[^\W\d_]{0,3}%?"  # "< 1000ms"
    rf"|[\d.,]+\s*{_UNIT}\+?"  # "850ms", "90%+", "10x"
    rf"|[\d.,]+\s*{_UNIT}?\s*[-–]\s*[\d.,]+\s*{_UNIT}?)"  # "150-300ms"
    r"(?![\w.])\W{0,3}\s*[:：=–—]\s"
)


def _items(line: Line) -> list[Line]:
    """The list items (and text bullets) under ``line`` that hold text."""
    return [c for c in line.children if c.shape in ("item", "bullet") and c.text]


def _candidates(line: Line) -> list[Line]:
    """The lines under ``line`` that may hold a statement."""
    return [c for c in line.children if _is_candidate(c) and c.text]


def _group(line: Line, why: str, members: list[Line], role: str, why_member: str) -> None:
    """``line`` names a group (a category, a lead-in, a heading over a list); each of
    ``members`` not given a role yet takes ``role``."""
    _set(line, "group", why)
    for sub in members:
        if sub.role is None:
            _set(sub, role, why_member)


def _is_candidate(line: Line) -> bool:
    """A line that may hold a statement: not a link alone (a table of contents), unless it is
    a list item over a list of items that are not links (a linked objective over its key
    results); not a band of a scale ("< 500ms: Excellent")."""
    if line.shape not in ("heading", "item", "line", "bullet") or _BAND.match(line.text):
        return False
    return not line.link_only or (
        line.shape in ("item", "bullet")  # a paragraph that is a link ("[Epic 12](...)") never
        and any(c.shape in ("item", "bullet") and not c.link_only and c.text for c in line.children)
    )


def assign_roles(root: Line, file_says_okr: bool) -> RoleSummary:
    summary = RoleSummary()
    lines = list(root.walk())
    _headers(lines)
    _labels(lines, summary)
    _mentions(lines)
    weak_ok = summary.strong_labels > 0 or file_says_okr
    _explicit(lines, weak_ok, summary)
    _rows(lines, summary)
    if weak_ok:
        _spreadsheets(lines, summary)
    summary.described += _zones(lines)
    summary.measured = _measured(lines)
    _containers(lines)
    _holders(lines)
    summary.named = _named_groups(lines, weak_ok)
    _containers(lines)
    if (
        not any(line.role in STATEMENT_ROLES or line.role == "row" for line in lines)
        and file_says_okr
        and not summary.described  # a guide that says what objectives are: no shape to infer
    ):
        summary.inferred = _repeated_shape(root, lines, lone=not summary.defined)
    _cascades(lines)
    _sisters(lines)
    _sister_headings(lines)
    _beside_labelled(lines)
    _decimal_results(lines)
    _numbered_under(lines)
    _measure_lists(lines)
    _description_lists(lines)
    _categories_after(lines)
    if weak_ok:
        _headings_over_levels(lines)
        _owners_objectives(lines)
        _containers(lines)
        _beside_measured_headings(lines)
        _coded_sisters(lines)
    _numbered_on(lines)
    _containers(lines)  # the items of objectives found since
    _sister_sections(lines)
    _sister_section_items(lines)
    _sister_lines(lines)
    _off_pattern(lines)
    _notes(lines)
    summary.examples = _examples(lines)
    _slug_titles(lines)
    _results_after_objective(lines)
    _weak_alone(lines)
    # A zone is evidence only where it names statements ("## Objetivos" over a table of grading
    # criteria, with statements found elsewhere by shape, says nothing about them).
    summary.zones = sum(1 for line in lines if line.role == "zone" and _zone_holds_statements(line))
    return summary


# An identifier, not a statement: "product-direction", "reviewability" (an emoji may follow).
_SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")


def _slug_titles(lines: list[Line]) -> None:
    """An objective heading that is only an identifier ("## product-direction 🔴") over a
    "Description:" line: the description states the objective, the heading names it."""
    for line in lines:
        if line.role != "objective" or line.shape != "heading" or line.label is not None:
            continue
        name = " ".join(w for w in line.text.split() if any(ch.isalnum() for ch in w))
        if not _SLUG.match(name):
            continue
        desc = next(
            (
                c
                for c in line.children
                if c.role == "attribute"
                and c.field_name == "description"
                and c.label is not None
                and c.label.rest.strip()
            ),
            None,
        )
        if desc is None or desc.label is None:
            continue
        lab = desc.label
        desc.label = Label("objective", lab.label, lab.rest, lab.offset, strong=False)
        desc.field_name = None
        _set(desc, "objective", f"the '{lab.label}:' under an identifier heading states it")
        _set(line, "label", "an identifier: it names the objective described under it")


@cache
def _lexicon_words(key: str) -> frozenset[str]:
    """A word list of labels.yaml, lower case ("note_sections", "summary_rows", ...)."""
    return frozenset(str(w).lower() for w in load_lexicon("labels").get(key) or [])


def _results_after_objective(lines: list[Line]) -> None:
    """ "Goal: Give the board a cash forecast they can trust" then "Result: 13-week forecast
    within 5%", "Result: Close in 7 days": the lines named "Result" right after an objective
    line (or under it) are its key results, not notes about its outcome."""
    for line in lines:
        lab = line.label
        if lab is None or lab.kind != "objective" or not lab.rest.strip() or line.role == "zone":
            continue
        after = [*line.children, *line.siblings[line.index + 1 :]]
        results: list[Line] = []
        for sib in after:
            slab = sib.label
            if sib.role != "attribute" or slab is None:
                break
            if (
                slab.label.strip(" *_:：").lower() in _lexicon_words("result_labels")
                and slab.rest.strip()
            ):
                results.append(sib)
        if not results:
            continue
        if line.role is None:
            _set(line, "objective", f"label '{lab.label}' over its results")
        for r in results:
            rlab = r.label
            assert rlab is not None
            r.label = Label("key_result", rlab.label, rlab.rest, rlab.offset, strong=False)
            r.field_name = None
            _set(r, "key_result", f"'{rlab.label}' after an objective")


def _weak_alone(lines: list[Line]) -> None:
    """An objective found only by a weak label ("Goal: Reach break-even") with no key result
    under or after it is a phase's goal in a plan, not an objective: say nothing of it."""
    for line in lines:
        lab = line.label
        if line.role != "objective" or lab is None or lab.strong or lab.kind != "objective":
            continue
        scope = [*line.walk(), *_lines_after(line, "objective")]
        if not any(x.role in ("key_result", "row") for x in scope):
            line.role = None
            _why(line, f"'{lab.label}:' with no key result under or after it: not an objective")


def _lines_after(line: Line, role: str) -> list[Line]:
    """The lines after ``line`` among its siblings (with theirs), up to the next heading or
    line of ``role``."""
    scope: list[Line] = []
    after = False
    for sib in line.siblings:
        if sib is line:
            after = True
        elif after and (sib.shape == "heading" or sib.role == role):
            break
        elif after:
            scope += [sib, *sib.walk()]
    return scope


def _zone_holds_statements(zone: Line) -> bool:
    """Whether the lines a zone names hold a statement, once every role is set: its children, or
    (a paragraph line with nothing under it) the lines after it up to the next heading or zone."""
    scope = list(zone.walk()) if zone.children else _lines_after(zone, "zone")
    return any(x.role in STATEMENT_ROLES or x.role == "row" for x in scope)


def _headers(lines: list[Line]) -> None:
    """A table's header written as a line or item ("Objective / Key Result Owner(s) Score")
    names columns: it is not a statement, whatever stands beside it."""
    for line in lines:
        shape = line.shape in ("item", "line", "bullet") and not line.children
        if shape and line.text and column_names_only(line.text):
            _set(line, "header", "column names, not a statement")


def _labels(lines: list[Line], summary: RoleSummary) -> None:
    for line in lines:
        if line.shape == "row" or not line.text:
            continue
        line.label = find_label(line.text)
        lab = line.label
        if lab is None:
            continue
        if (lab.kind in STATEMENT_ROLES or (lab.kind == "zone" and _in_examples_run(line))) and any(
            _introduced_as_example(x) for x in (line, *line.ancestors())
        ):
            # "Objectives have the following format:" > "- Objective: some theme": the format
            # shown, not a statement; its label says nothing about the file's own lines.
            line.label = None
            _why(line, f"label '{lab.label}' in a format shown as an example")
            continue
        if lab.kind in ("objective", "key_result") and lab.strong:
            summary.strong_labels += 1
            summary.key_result_labels += lab.kind == "key_result"
        elif lab.kind == "zone":
            summary.zones += 1


def _mentions(lines: list[Line]) -> None:
    """A key result's id that names its objective ("KR1.2", "KR 2.1") is stated once in a set:
    written again further down ("- KR1.1: no merged evidence" in a check-in), it reports on
    that key result. Objective numbers starting again ("O1" after "O3") begin another set."""
    stated: set[tuple[str, str]] = set()
    objectives: set[str] = set()
    for line in lines:
        lab = line.label
        if lab is None or line.shape == "row" or not lab.number:
            continue
        if lab.kind == "objective":
            if lab.number in objectives:
                stated.clear()
                objectives.clear()
            objectives.add(lab.number)
        elif lab.kind == "key_result" and re.search(r"\d[.\-]\d", lab.number):
            word = re.match(r"[^\W\d_]*", lab.label.strip("*_ "))
            key = ((word.group() if word else "").lower(), lab.number)
            if key in stated:
                line.label = None
                _why(line, f"'{lab.label}' again, after the key result it names: a note on it")
            stated.add(key)


def _explicit(lines: list[Line], weak_ok: bool, summary: RoleSummary) -> None:
    for line in lines:
        lab = line.label
        if lab is None:
            continue
        if lab.kind == "attribute":
            line.field_name = lab.field
            _set(line, "attribute", f"attribute label '{lab.label}:' ({lab.field})")
        elif lab.kind == "zone":
            if lab.suffix:
                continue  # a set title that may name its objectives: see _named_groups
            _set(line, "zone", f"names a group of {lab.zone}")
        elif lab.kind == "objective" and line.shape == "heading" and _only_period(lab.rest):
            # "# Goals — Q2 2026": the title of the period's set, not one more objective.
            _why(line, f"'{lab.label}' followed only by a period: the title of a set")
        elif lab.rest.strip() and (
            _DEFINES.match(lab.rest.strip()) or lab.rest.rstrip(" *_").endswith(("?", "？"))
        ):
            # "Objective: A goal to be achieved", "Key Results: which measure progress",
            # "Objectif : où voulons-nous être ?": what the word means, in a guide.
            _why(line, f"'{lab.label}' followed by what it means: a definition, not a statement")
        elif (
            not lab.strong
            and summary.strong_labels
            and line.shape == "heading"
            and not lab.rest.strip()
            and not lab.number
            and not any(c.shape in ("item", "bullet", "row") for c in line.children)
        ):
            # "## Goals" over a paragraph in a file that labels its objectives ("## Objective 1:
            # ..."): the overall aim, not one more objective.
            _why(line, f"'{lab.label}' names a section; this file labels its objectives")
        elif (
            lab.kind == "objective"
            and lab.rest.strip()
            and line.parent is not None
            and line.parent.role == "key_result"
            and any(c.role == "attribute" for c in line.siblings)
        ):
            # "**KR 1: ...**" > "- 측정: ...", "- 현재: 0%", "- 목표: 90%": among a key result's
            # fields the word for "objective" (목표, 目标, 目標) names its target.
            line.field_name = "target"
            _set(line, "attribute", f"'{lab.label}:' among a key result's fields: its target")
        elif lab.kind == "key_result" and lab.number and _SCORE_ONLY.fullmatch(lab.rest):
            # "- KR1: 7/10", "KR2: 60% (on track)" in a check-in: a score or a level reported
            # on a key result stated elsewhere, not one more key result.
            _why(line, f"'{lab.label}:' followed only by a score or a level: a report on it")
        elif (
            lab.kind == "objective"
            and not lab.number
            and _LEVEL_TEXT.match(lab.rest)
            and not _sister_objectives(line, lab, lines)
            and not line.children
        ):
            # "- Ziel: >70% (Q2 2026)", "Goal: 85%": "Ziel", "objetivo" and "goal" also name a
            # target; followed by a level, with nothing under it, they state one.
            line.field_name = "target"
            _set(line, "attribute", f"'{lab.label}:' followed by a level: a target")
        elif not lab.strong and any(a.role in STATEMENT_ROLES for a in line.ancestors()):
            # "- Initiative 1: Discovery interviews" > "- Goal: Identify pilot candidates": a
            # weak label inside a statement says what that statement is for.
            _why(line, f"'{lab.label}:' inside a statement describes it, does not state one")
        elif lab.strong or weak_ok:
            kind = lab.kind
            if line.link_only and line.shape != "heading" and _toc_entry(line, lab):
                # "[Objective 1](#objective-1--dashboards)", "[O1: Shippers get a quote in
                # seconds](#o1-...)": a table of contents names the sections, it states nothing.
                _why(line, f"'{lab.label}' as a link: an entry of a table of contents")
                continue
            if (
                _plural(lab.label)
                and kind != "initiative"
                and not (_one_stated(lab) and _items(line))
            ):
                if line.children:
                    # "**Key Results:** Martin, Bedeho" over a list: the list holds them.
                    _set(line, "zone", f"'{lab.label}' over a list names a group of {kind}s")
                    line.label = Label("zone", lab.label, lab.rest, lab.offset, zone=_ZONE[kind])
                else:
                    _why(line, f"'{lab.label}: ...' with nothing under it defines, not states")
                    if lab.strong and kind in ("objective", "key_result"):
                        # "- **Key Results:** Quantitative, measurable outcomes" in a guide:
                        # it says what they are, not that the file states its own.
                        summary.strong_labels -= 1
                        summary.key_result_labels -= kind == "key_result"
                        summary.defined += 1
                continue
            if lab.rest.strip() and _title_over_labelled(line, lab):
                # "### O1 Build Data Platform" over "_Objective_: Design, implement, ...".
                _set(line, "label", f"'{lab.label}' titles the labelled statement under it")
                continue
            if lab.rest.strip() and (under := _statement_under_title(line, lab)) is not None:
                _set(line, "label", f"label '{lab.label}' with a title: the statement is under it")
                _set(under, kind, f"the statement of '{line.text.strip()}' above it")
                if under.label is not None:
                    # "Mục tiêu: 60% ..." under it: read as the key result's own label.
                    under.label = replace(under.label, kind=kind, strong=False)
                continue
            if lab.rest.strip():
                _set(line, kind, f"label '{lab.label}'")
                continue
            items = _items(line)
            first = line.children[0] if line.children else None
            # "### Objective 1" > "Become the reference for ..." > its measured list: a numbered
            # label names one objective, stated in the paragraph right under it.
            stated_first = (
                kind == "objective"
                and lab.number is not None
                and first is not None
                and first.shape == "line"
                and first.label is None
                and bool(first.text)
                and not first.text.rstrip(" *_").endswith((":", "："))
            )
            if (
                line.shape == "heading"
                and len(items) >= 2
                and kind != "initiative"
                and not stated_first
            ):
                if _describes(items):
                    # "## Objective" over "- a qualitative vision", "- no numbers", "- should
                    # be inspiring": what an objective is, not one.
                    _set(line, "label", f"label '{lab.label}' over a description")
                    summary.described += 1
                else:
                    # "## KR" over three items: the list holds them.
                    _set(line, "zone", f"'{lab.label}' over a list names a group of {kind}s")
                    line.label = Label("zone", lab.label, lab.rest, lab.offset, zone=_ZONE[kind])
                continue
            target = _statement_after(line)
            if target is None:
                _set(line, kind, f"label '{lab.label}' with no text (an empty statement)")
            elif names_the_method(target.text):
                # "## Ziel" over "- a vision (Objective, not measured) and milestones (Key
                # Result, measured)": what the section means, in notes about OKRs.
                _set(line, "label", f"label '{lab.label}' over a line that explains OKRs")
                summary.described += 1
            else:
                _set(line, "label", f"label '{lab.label}' alone: the statement follows")
                target.role = kind
                _why(target, f"the text of the label '{lab.label}' above it")
                if stated_first and target is first and len(items) >= 2:
                    for item in items:
                        if item.role is None and item.label is None:
                            _set(item, "key_result", f"an item under '{lab.label}' and its text")


def _sister_objectives(line: Line, lab: Label, lines: list[Line]) -> bool:
    """Whether the same label states objectives in lines shaped like this one elsewhere in the
    file ("**Objetivo**: Transformar processo ..." under each "#### OKR n"): then "**Objetivo**:
    100% de aderência e rastreabilidade ..." is one more, not a target."""
    word = lab.label.lower()
    sisters = 0
    for other in lines:
        olab = other.label
        if (
            other is not line
            and other.shape == line.shape
            and olab is not None
            and olab.kind == "objective"
            and olab.label.lower() == word
            and not _LEVEL_TEXT.match(olab.rest)
            and len(words(olab.rest)) >= 3
        ):
            sisters += 1
    return sisters >= 2


def _title_over_labelled(line: Line, lab: Label) -> bool:
    """A heading labelled as a statement whose first line under it carries the same label with
    text of its own: the heading is the statement's short title."""
    if line.shape != "heading":
        return False
    first = next((c for c in line.children if c.text), None)
    return (
        first is not None
        and first.shape != "heading"
        and first.label is not None
        and first.label.kind == lab.kind
        and first.label.number is None
        and bool(first.label.rest.strip())
    )


# "Supports company O1", "Aligned to CEO objective 2": a reference to a parent objective.
_PARENT_REF = re.compile(rf"(?i)^(?:{PARENT_WORDS}|ladders\s+up\s+to)\b[^.]{{0,40}}$")


def _statement_under_title(line: Line, lab: Label) -> Line | None:
    """ "## KR1 — Leading metric" over "### ≥ 65% of users rewrite their argument" (or over
    "**50% of users open a source in their first session.**"): the label's words are a title (a
    few words, no number) and the measured statement is the heading or bold line right under
    it. Likewise "## Objective A — Reporting adoption" over "**Customers discover that the
    reports are the reason to stay**": a short title, then the objective's statement in bold."""
    if lab.kind == "objective" and line.shape == "heading" and line.children:
        first = line.children[0]
        text = clean(first.text).text if first.text else ""
        if (
            first.shape == "line"
            and first.bold
            and first.label is None
            and _size(lab.rest) <= 4
            and _size(text) >= 4
            and _size(text) > _size(lab.rest)
            # one bold line, not the first of the key results written as bold lines ("**A1.
            # Course completion from 31% to 45%**", "**A2. ...**")
            and sum(1 for c in line.children if c.shape == "line" and c.bold) == 1
        ):
            return first
        if (
            # "#### Objective 1: Supports company O1" > "Bring GPU capacity online faster than
            # demand": the heading names the parent; the statement is the line under it.
            _PARENT_REF.match(lab.rest.strip(" *_"))
            and first.shape == "line"
            and first.label is None
            and _is_candidate(first)
            and _size(text) >= 3
        ):
            return first
    if not _titled_key_result(line, lab):
        return None
    child = line.children[0]
    clab = child.label
    if (
        clab is not None
        and clab.kind == "objective"
        and child.shape in ("line", "item", "bullet")
        and re.search(r"\d", clab.rest)
    ):
        # "#### KR1: Leading metric" > "> **Mục tiêu:** 60% of requests go through the app":
        # under a key result the word for "objective" (goal, target) introduces its statement.
        return child
    if _measured_under(line) is not None:
        return child
    if (
        # A plain line like the statement its sister key results hold under their titles
        # ("### KR2 — Lagging" > "Reach 1,000 MAU ..." beside "### KR1 — Leading" > "**40%**
        # of new users ...").
        child.shape == "line"
        and clab is None
        and child.text
        and _is_candidate(child)
        and re.search(r"\d", child.text)
        and any(
            sib is not line
            and sib.shape == "heading"
            and sib.level == line.level
            and sib.label is not None
            and _titled_key_result(sib, sib.label)
            and _measured_under(sib) is not None
            for sib in line.siblings
        )
    ):
        return child
    return None


def _titled_key_result(line: Line, lab: Label) -> bool:
    """A key-result heading whose label's words are a title (a few words, no number) over
    lines of its own."""
    return (
        lab.kind == "key_result"
        and line.shape == "heading"
        and bool(line.children)
        and a_title(lab.rest)
    )


def _measured_under(line: Line) -> Line | None:
    """The first line under a titled key result when it shows itself a measured statement: a
    heading, a bold line, or a line that opens with its level ("**≥ 70%** sessions ...")."""
    child = line.children[0]
    if (
        not (
            child.shape == "heading"
            or (child.shape == "line" and (child.bold or _LEVEL_TEXT.match(child.text)))
        )
        or child.label is not None
        or not child.text
        or not _is_candidate(child)
        or not re.search(r"\d", child.text)
    ):
        return None
    return child


def _statement_after(line: Line) -> Line | None:
    """The line that holds the statement of a label standing alone: its first child, or the
    next line of its paragraph or section."""
    for child in line.children:
        if _is_candidate(child) and child.label is None and child.text:
            return child
        break
    nxt = line.next_sibling()
    if (
        nxt is not None
        and nxt.shape in ("line", "bullet", "item")
        and nxt.label is None
        and nxt.text
        and not line.children
    ):
        return nxt
    return None


def _rows(lines: list[Line], summary: RoleSummary) -> None:
    grid = _grid_cells(lines)
    stated = {
        _norm_text(ln.label.rest)
        for ln in lines
        if ln.label is not None and ln.label.kind == "objective" and ln.label.rest.strip()
    }
    labelled: set[str] = set()  # "kr1", "kr2": the ids of the key results labelled so far
    # "objective1", "o2": the ids of the objectives labelled outside tables, in the whole file
    objective_ids = {
        _label_id(ln.label.label)
        for ln in lines
        if ln.shape != "row"
        and ln.label is not None
        and ln.label.kind == "objective"
        and ln.label.number
    }
    for line in lines:
        if line.shape != "row":
            lab = line.label
            if lab is not None and lab.kind == "objective":
                labelled.clear()  # each objective numbers its own key results
            elif lab is not None and lab.kind == "key_result" and lab.number:
                labelled.add(_label_id(lab.label))
            continue
        roles = {c.role for c in line.columns if c.role}
        if roles and labelled and _repeats_labelled(line, labelled):
            # "## Summary" over "| KR1 | 50 nurses use it 4 days a week |" after "### KR1 —
            # ...": the key results labelled above, restated in a table.
            _why(line, "repeats a statement labelled above by its id: a summary row")
            continue
        if roles == {"objective"} and _repeats_labelled(line, objective_ids):
            # "| [Objetivo 1] | 0% |" in a summary over "## Objetivo 1: ...": only the id of an
            # objective the file states under that label.
            _why(line, "names an objective labelled elsewhere by its id: a summary row")
            continue
        if roles == {"objective"} and any(
            c.role == "objective" and i < len(line.cells) and _names_one(line.cells[i][0], stated)
            for i, c in enumerate(line.columns)
        ):
            # "| Objective | Progress |" over "Marketing Readiness | 25%": a summary of
            # objectives stated above ("### Objective 1: Marketing Readiness"), not new ones.
            _why(line, "names an objective stated above: a summary row")
            continue
        if roles and _ids_only(line):
            # "| KR | Status | Updated |" over "| 1.1 | 🟡 $0.31 on testnet | Mar 14 |": a status
            # table that names key results stated above by their ids
            _why(line, "names statements by their ids only: a status row")
            continue
        if roles and _summary_row(line):
            # "| **Average** | | | **0.57** |": the scores added up, not a statement
            _why(line, "a summary row (a total or an average)")
            continue
        if roles and _codes_only(line):
            _why(line, "holds only ids and codes: a cross-reference, not statements")
            continue
        if roles and _metrics_under_a_section(line):
            _why(line, "a 'Metric' column under a section name: measurements, not key results")
            continue
        if not roles and id(line) in grid:
            roles = {c.role for c in line.columns if c.role}
        if roles:
            line.role = "row"
            summary.columns += 1
            # "| Objective | Key result |" pairs them; "| Goal | Metric | 2024 | 2027 target |"
            # (a strategy doc's goals and their measures) says so only in a file that says OKRs.
            summary.paired_columns += roles >= {"objective", "key_result"} and not all(
                weak_objective_column(c.header) or weak_key_result_column(c.header)
                for c in line.columns
                if c.role in ("objective", "key_result")
            )
            summary.kr_columns += any(
                c.role == "key_result" and not weak_key_result_column(c.header)
                for c in line.columns
            )
            _why(line, "a table with " + " and ".join(sorted(r + " column" for r in roles)))


# "KR.O1.1", "MET.RELIAB.AVAIL_ODD · MET.SAFETY.ZERO_HARM", "O2", "KR.SEC.*": ids and codes.
_CODES = re.compile(r"^[\s*_`]*(?:[A-Z0-9][A-Z0-9_.*\-/]*[\s*_`·,;|]*)+$")


# "1.1", "KR2.3", "O1", "KR-4": a statement's id, not its text.
_STATEMENT_ID = re.compile(r"(?i)^(?:kr|o|obj|okr)?\s*[-#]?\s*\d+(?:\.\d+)*[a-z]?$")


def _ids_only(row: Line) -> bool:
    """Every statement cell of the row holds only an id ("| 1.1 | 🟡 $0.31 on testnet |")."""
    texts = [
        row.cells[i][0].strip(" *_`")
        for i, c in enumerate(row.columns)
        if c.role in ("objective", "key_result") and i < len(row.cells)
    ]
    texts = [t for t in texts if t]
    return bool(texts) and all(_STATEMENT_ID.match(t) for t in texts)


def _summary_row(row: Line) -> bool:
    """A row whose first text cell is "Average", "Total" or "Overall" and whose other cells
    hold only numbers or scores."""
    cells = [c[0].strip(" *_") for c in row.cells if c[0].strip(" *_")]
    if not cells:
        return False
    head = cells[0].rstrip(":： ").lower()
    return head in _lexicon_words("summary_rows") and all(
        _LEVEL_TEXT.match(c) or _SCORE_ONLY.fullmatch(c) for c in cells[1:]
    )


def _codes_only(row: Line) -> bool:
    """A row whose every cell is empty or only ids and codes ("| KR.O1.2 | MET.RELIAB.AVAIL |"):
    it maps statements stated elsewhere to codes."""
    cells = [c[0] for c in row.cells if c[0].strip()]
    return bool(cells) and all(_CODES.match(c) for c in cells)


# A confidence or score before a statement in a grid's cell: "(5/10) Objective: ...".
_CELL_SCORE = re.compile(r"^\(\s*\d+(?:\.\d+)?\s*/\s*\d+\s*\)\s*")


def _cell_label(text: str) -> tuple[Label, int] | None:
    """A strong objective or key-result label with a statement after it at the start of a cell
    (after a confidence such as "(5/10)"), and where the statement starts."""
    score = _CELL_SCORE.match(text)
    skip = score.end() if score else 0
    lab = find_label(text[skip:])
    if lab is None or lab.kind not in ("objective", "key_result") or not lab.strong:
        return None
    return (lab, skip + lab.offset) if lab.rest.strip() else None


def _grid_cells(lines: list[Line]) -> set[int]:
    """An OKR grid: a table with no statement column, one of whose columns holds cells that
    start with labels, objectives and key results both ("(5/10) **Objective:** ..." then "- KR:
    ..." rows, beside a column of priorities). Those cells are the rows' statements (a column
    that only mentions "KR1" in a risk or a comment has no objective label). The ids of the
    rows given a statement."""
    tables: dict[int, list[Line]] = {}
    for line in lines:
        if line.shape == "row" and not any(c.role for c in line.columns):
            tables.setdefault(id(line.columns), []).append(line)
    out: set[int] = set()
    for rows in tables.values():
        width = max(len(r.cells) for r in rows)
        for j in range(width):
            found = [(r, _cell_label(r.cells[j][0])) for r in rows if j < len(r.cells)]
            kinds = {hit[0].kind for _, hit in found if hit is not None}
            if kinds != {"objective", "key_result"}:
                _type_column(rows, j, out)
                continue
            for row, hit in found:
                if hit is None or id(row) in out:
                    continue
                lab, cut = hit
                text, start, end = row.cells[j]
                at = start + len(text[:cut].encode("utf-8"))
                row.cells = [*row.cells[:j], (text[cut:], at, end), *row.cells[j + 1 :]]
                row.columns = [
                    Column(c.header, lab.kind if i == j else None, c.field)
                    for i, c in enumerate(row.columns)
                ]
                out.add(id(row))
    return out


def kind_label(text: str) -> Label | None:
    """ "Objective", "Key Result": a label that only names a row's kind, with no statement."""
    lab = find_label(text)
    if lab is None or lab.kind not in ("objective", "key_result") or lab.rest.strip():
        return None
    return lab


def _type_column(rows: list[Line], j: int, out: set[int]) -> None:
    """A "Type" column of an OKR tool's export ("| Objective | Become the go-to marketplace |
    Lina |", "| Key Result | Active sellers from 1,800 to 3,000 | Lina |"): each row's kind is
    in that column, its statement in the first text column after it."""
    found = [(r, kind_label(r.cells[j][0])) for r in rows if j < len(r.cells)]
    if {lab.kind for _, lab in found if lab is not None} != {"objective", "key_result"}:
        return
    if sum(lab is not None for _, lab in found) * 2 <= len(found):
        return
    for row, lab in found:
        if lab is None or id(row) in out:
            continue
        k = next(
            (
                k
                for k in range(j + 1, len(row.cells))
                if row.columns[k].field is None and row.cells[k][0].strip()
            ),
            None,
        )
        if k is None:
            continue
        row.columns = [
            Column(c.header, lab.kind if i == k else None, c.field)
            for i, c in enumerate(row.columns)
        ]
        out.add(id(row))


def _norm_text(text: str) -> str:
    return " ".join(re.sub(r"[*_`]", "", text).lower().split()).strip(" .")


# Only a score or a level, maybe with a note in parentheses: "7/10", "60%", "0.7 (更现实)".
_SCORE_ONLY = re.compile(
    r"\s*[<>≥≤~≈]?=?\s*\d+(?:[.,]\d+)?\s*(?:%|/\s*\d+(?:[.,]\d+)?)?\s*(?:[(（][^()（）]*[)）])?\s*"
)
# A level: a number, maybe after a comparison or a currency ("> 70%", "≤ 2 min", "$1.2M").
_LEVEL_TEXT = re.compile(r"^\s*(?:[<>≥≤~≈]=?\s*)?[$€£¥]?\d")


def _label_id(label: str) -> str:
    return re.sub(r"[\W_]+", "", label).lower()


def _repeats_labelled(row: Line, ids: set[str]) -> bool:
    """Whether the row's first cell with text is only the id of a statement labelled elsewhere
    (``ids``: a key result above, an objective anywhere in the file)."""
    first = next((c[0].strip().strip("*_[]").strip() for c in row.cells if c[0].strip()), "")
    lab = find_label(first) if first else None
    return (
        lab is not None
        and lab.number is not None
        and not lab.rest.strip()
        and _label_id(lab.label) in ids
    )


def _names_one(cell: str, stated: set[str]) -> bool:
    """Whether a cell names one of the objectives stated above, whole or by the start of its
    words ("Customer Engagement" for "Customer Engagement Features") or by a run of them
    ("Design System" for "Establish World-Class Design System")."""
    t = _norm_text(cell)
    return len(t) >= 8 and any(f" {t} " in f" {s} " for s in stated)


def _metrics_under_a_section(row: Line) -> bool:
    """ "## Activation" over "| Metric | Value | Target |": a table that names its key results
    only weakly ("Metric", "Result"), under a heading that is a section's name, not an
    objective (no label, not written as a goal, not a set's title), holds a dashboard's
    measurements."""
    kr = [c for c in row.columns if c.role == "key_result"]
    if not kr or any(c.role == "objective" for c in row.columns):
        return False
    if not all(weak_key_result_column(c.header) for c in kr):
        return False
    heading = next(
        (a for a in row.ancestors() if a.shape == "heading" or (a.shape == "line" and a.bold)),
        None,
    )  # a heading, or a bold line written as one ("**Activation**")
    if heading is None or heading.label is not None or _set_like(heading.text):
        return False
    return not starts_with_verb(clean(heading.text).text or heading.text)


def _spreadsheets(lines: list[Line], summary: RoleSummary) -> None:
    """Tables exported from a spreadsheet: no objective or key-result column, but columns of
    key-result data (Owner, Score, Status, Target, ...: ``KR_DATA``). The first text column
    holds the statements: bold rows are objectives, numbered rows ("1. ...") initiatives of the
    key result above them, italic rows notes, the others key results.
    A table with no bold row is a task list or a risk register, not OKRs."""
    tables: dict[int, list[Line]] = {}
    for line in lines:
        if line.shape == "row" and line.role is None:
            tables.setdefault(id(line.columns), []).append(line)
    for rows in tables.values():
        columns = rows[0].columns
        if any(c.role for c in columns) or not any(c.field in KR_DATA for c in columns):
            continue
        text_col = next(
            (
                i
                for i, c in enumerate(columns)
                if c.field is None
                and sum(1 for r in rows if i < len(r.cells) and _wordy(r.cells[i][0])) * 2
                >= len(rows)
            ),
            None,
        )
        if text_col is None or not any(r.bold for r in rows) or all(r.bold for r in rows):
            continue  # without bold objective rows it is a task list or a register
        for row in rows:
            if text_col >= len(row.cells) or not _wordy(row.cells[text_col][0]):
                continue
            text = row.cells[text_col][0].strip()
            if row.italic:
                continue  # "*The following is not likely to get done:*": a note
            if row.bold:
                role = "objective"
            elif re.match(r"^\d{1,2}[.)]\s", text):
                role = "initiative"  # "1. Guide on CLI tooling" under a key result
            else:
                role = "key_result"
            row.columns = [
                Column(c.header, role if j == text_col else None, c.field)
                for j, c in enumerate(columns)
            ]
            row.role = "row"
            summary.columns += 1
            _why(row, f"a spreadsheet row: its first text column is a {role.replace('_', ' ')}")


def _wordy(text: str) -> bool:
    return len(words(text)) >= 2 and any(ch.isalpha() for ch in text)


_ZONE_WORDS = {
    "objectives": re.compile(r"\b(?:objectives?|goals?)\b", re.IGNORECASE),
    "key_results": re.compile(r"\b(?:key[ -]results?|krs?|metrics?|measures?)\b", re.IGNORECASE),
}


_PARTS = re.compile(r"(?i)\b(?:key[ -]?results?|initiatives?)\b")


def _names_parts(text: str) -> bool:
    """A heading about the parts of OKRs ("Key Result v.s. Initiative", "Supporting
    Initiatives"): a section of a guide or a template, not an objective."""
    short = len(words(text)) <= 5 and not text.rstrip().endswith(".")
    return short and _PARTS.search(text) is not None  # not "Grow the team for product initiatives."


def _over_own_key_results(member: Line) -> bool:
    """A heading with its own key results under it (a "Key Results:" list or labelled key
    results) and no labelled objective: the objective they measure."""
    return (
        member.shape == "heading"
        and any(
            c.label is not None and (c.label.zone == "key_results" or c.label.kind == "key_result")
            for c in member.children
        )
        and not any(c.label is not None and c.label.kind == "objective" for c in member.children)
    )


def _statement_over_levels(member: Line, least: int = 1, via: Line | None = None) -> bool:
    """A heading (or a bold line written as one) that reads as a statement (not a name such as
    "Marketing" or "Platform team") over ``least`` items or more, mostly levels of measures
    ("Signups from 2,000 to 5,000")."""
    if not _heading_like(member) or member.label is not None:
        return False
    if any(_decides(x) for x in member.walk()):
        return False  # labelled lines below: the labels say what each is
    text = clean(member.text).text or member.text
    if _short_name(text) or _plain_title(text) or _set_like(text):
        return False
    if mentions_the_method(text):
        return False  # "KPIs we report but don't own as KRs" over its metrics
    if not starts_with_verb(text) and len(words(text)) < 4:
        return False
    return _measured_list(via or member, least=least)


def _decides(line: Line) -> bool:
    """A label that says what the lines around it are: an objective's, a key result's, or a
    zone of either ("Key Results:"). "Initiatives:" only names the work under a statement."""
    lab = line.label
    return (
        lab is not None
        and lab.kind in ("objective", "key_result", "zone")
        and not (lab.kind == "zone" and lab.zone == "initiatives")
    )


def _heading_like(line: Line) -> bool:
    """A heading, or a bold paragraph line that stands as one ("**Deploys are boring**" over
    its list)."""
    return line.shape == "heading" or (line.shape == "line" and line.bold)


def _lead_in(member: Line, zone: str) -> bool:
    """A sentence with a list under it that introduces the list: it ends with a colon or talks
    about the zone's own kind ("These metrics are used to measure key results")."""
    items = [c for c in member.children if c.shape in ("item", "bullet")]
    if member.shape != "line" or not items or any(c.text.rstrip().endswith("?") for c in items):
        return False  # questions under it: guidance about the zone, not its statements
    text = member.text.strip()
    kind = _ZONE_WORDS.get(zone)
    return text.endswith((":", "：")) or (kind is not None and kind.search(text) is not None)


def _bold_title_over_results(member: Line) -> bool:
    """ "**High-Confidence Detection**" over a table of key results or labelled key results: a
    bold line written as a heading, a group of the zone's key results (a bold key result with
    its tasks under it is not one)."""
    return (
        member.shape == "line"
        and member.bold
        and len(words(member.text)) <= 8
        and not member.text.rstrip(" *_").endswith(".")
        and any(
            c.shape == "row" or (c.label is not None and c.label.kind == "key_result")
            for c in member.children
        )
    )


def _members(zone: Line) -> list[Line]:
    """The lines a zone names: its children, or (a paragraph line with nothing under it) the
    lines after it up to the next heading or labelled line."""
    if zone.children:
        return zone.children
    out: list[Line] = []
    seen = False
    for sib in zone.siblings:
        if sib is zone:
            seen = True
            continue
        if not seen:
            continue
        if sib.shape == "heading" or sib.role is not None or sib.label is not None:
            break
        out.append(sib)
    return out


# "Q2 2026 (6 months): 100 MADU/month", "2027: 1,000+ users", "H1 FY25 — $2M": a date, then
# only a level.
_PERIOD_LEVEL = re.compile(
    r"(?i)^\s*(?:(?:q[1-4]|h[12])\s*(?:fy)?\s*'?\d{2,4}|(?:fy|cy)\s?'?\d{2,4}|"
    r"(?:19|20)\d{2}(?:\s*[-/ ]\s*(?:q[1-4]|h[12]))?|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4})"
    r"(?:\s*\([^()]{0,30}\))?\s*[:：\-–—]\s*(?:[<>≥≤~≈]=?\s*)?[$€£¥]?\d[\d.,]*\s*[%+kmb]?"
    r"(?:\s*[^\s\d][^\s]*){0,3}\s*$"
)


def _zones(lines: list[Line]) -> int:
    """Give the lines a zone names their role; the number of zones that only describe."""
    described = 0
    for line in lines:
        if line.role != "zone" or line.label is None or line.label.zone is None:
            continue
        role = _ZONE_ROLE[line.label.zone]
        name = line.label.label.lower().rstrip(":： ")
        members = _members(line)
        if "?" in line.text or "？" in line.text:
            # "### Objective (O que?)", "### Key Results (Como medimos?)": a guide asks what the
            # label means and answers under it.
            for member in members:
                _why(member, f"under '{line.text.strip()}', which asks what the label means")
            described += 1
            continue
        if _describes(members):
            for member in members:
                _why(member, f"describes what '{line.label.label}' means, does not state one")
            described += 1
            continue
        if any(m.shape == "row" for m in members) and not any(
            m.role == "row" or (_is_candidate(m) and m.text) for m in members
        ):
            # "## Objetivos (o que se espera demonstrar)" over a table of grading criteria: the
            # file's objectives are something else than OKRs.
            _why(line, "names a table that holds no statements")
            described += 1
            continue
        # The headings over their own key results, found once for the zone.
        owners = {id(m) for m in members if role == "objective" and _over_own_key_results(m)}
        owner_levels = [m.level for m in members if id(m) in owners]
        for member in members:
            if member.role is not None or not _is_candidate(member) or not member.text:
                continue
            if member.text.lower().startswith(name) or _DEFINITION.match(member.text):
                _why(member, f"defines '{line.label.label}', does not state one")
                continue
            if role == "objective" and _PERIOD_LEVEL.match(clean(member.text).text):
                # "**Ziele:**" over "Q2 2026 (6 Monate): 100 MADU/Monat", "Q4 2026: 500 ...":
                # the levels a measure should reach by each date, not objectives.
                _why(member, "a period and a level: a target over time, not an objective")
                continue
            if _note_after_list(member, members):
                _why(member, "a paragraph after the list: a note about its items")
                continue
            if (
                member.shape == "line"
                and not member.children
                and member.text.rstrip(" *_").endswith((":", "："))
            ):
                # "To show the objective was reached we track three key results:" over the
                # headings that state them: it introduces them, it is none of them.
                _why(member, "a sentence that introduces what follows")
                continue
            if role == "objective" and id(member) in owners:
                # "### 1. Payment Works Everywhere" over "- Status: active", "- Next: ...",
                # "- Key Results:": the objective, with its own key results under it.
                _set(member, role, f"under '{line.text.strip()}', over its key results")
                continue
            if role == "objective" and _statement_over_levels(member):
                # "## Objectives" > "### Be the brand developers think of first" over "- Unaided
                # recall from 8% to 20%": an objective over its key results, not a group of
                # objectives (a team's heading is a name, and its items are objectives).
                _set(member, role, f"under '{line.text.strip()}', over measured items")
                continue
            if (
                role == "objective"
                and member.shape == "heading"
                and any(c.role == "attribute" for c in member.children)
                and owner_levels.count(member.level) >= 2
            ):
                # "### 5. Companies Get Skills From Us" with "- Status:" and "- Description:" like
                # its sisters, but no key results yet: an objective like them.
                _set(
                    member, role, f"under '{line.text.strip()}', shaped like its sister objectives"
                )
                continue
            if (
                member.shape == "heading"
                and (
                    any(c.shape in ("item", "bullet", "row") for c in member.children)
                    or any(
                        x.label is not None and x.label.kind in ("objective", "key_result", "zone")
                        for x in member.walk()
                    )
                )
            ) or (role == "key_result" and _bold_title_over_results(member)):
                # "#### High-Confidence Detection" over a table or list of key results: a group.
                _group(
                    member,
                    f"a heading over {role.replace('_', ' ')}s",
                    _candidates(member),
                    role,
                    f"under '{line.text.strip()}' > '{member.text.strip()}'",
                )
                continue
            if _lead_in(member, line.label.zone):
                # "These metrics measure the key results:" over the list that holds them.
                _group(
                    member,
                    f"introduces the list under '{line.text.strip()}'",
                    _candidates(member),
                    role,
                    f"under '{line.text.strip()}' > its lead-in",
                )
                continue
            if _category(member):
                _group(
                    member,
                    "a category label over items",
                    _candidates(member),
                    role,
                    f"under '{line.text.strip()}' > '{member.text.strip()}'",
                )
            else:
                _set(member, role, f"under '{line.text.strip()}'")
    return described


_ABOUT_THE_LIST = re.compile(r"(?i)^(?:these|this|those|together|all\s+of\s+(?:them|these))\b")


def _note_after_list(member: Line, members: list[Line]) -> bool:
    """ "These five together describe what good looks like": a paragraph after the items of a
    zone, that speaks about them or runs on as prose."""
    return (
        member.shape == "line"
        and any(m.shape in ("item", "bullet") and m.index < member.index for m in members)
        and (bool(_ABOUT_THE_LIST.match(member.text.strip())) or len(words(member.text)) > 25)
    )


def _measured(lines: list[Line]) -> int:
    """An unlabelled heading or item with its own "Baseline:" and "Target:" lines under it is a
    key result ("#### 2. Funds secured to finance the Foundation" over "* Baseline: € 2 million",
    "* Target: € 3 million"): only a key result has both."""
    found = 0
    for line in lines:
        if line.role is not None or line.label is not None or not line.text:
            continue
        if line.shape not in ("heading", "item", "bullet", "line") or not _is_candidate(line):
            continue
        if line.text.rstrip(" *_").endswith(("?", "？", ":", "：")) or _note_title(line.text):
            # "Wie wird Fortschritt gemessen?" over its fields: a question, a lead-in; "North
            # Star Metric" over its current value and target: a measurement watched, not a KR
            continue
        fields = {c.field_name for c in line.children if c.role == "attribute"}
        if "target" in fields and fields & {"baseline", "current"}:
            _set(line, "key_result", _BOTH_FIELDS)
            found += 1
    return found


_FIELD_ITEM = re.compile(r"^[A-Z][^\W\d_]*(?:\s[^\W\d_]+)?\s*:\s")


def _containers(lines: list[Line]) -> None:
    """Items under an objective are its key results; under a key result, its initiatives."""
    for line in lines:
        child_role = _CHILD_ROLE.get(line.role or "")
        if child_role is None:
            continue
        what = (line.role or "").replace("_", " ")
        # "- Key Results:" among an objective's items names its key results: the other items
        # ("- Next: ...", "- Owner: ...") are notes about it.
        zoned = child_role == "key_result" and any(
            c.role == "zone" and c.label is not None and c.label.zone == "key_results"
            for c in line.children
        )
        # "- Status: active", "- Description: ...", "- Next: ...": among two or more field
        # lines, an item written "Word: text" is one more field.
        fields = sum(1 for c in line.children if c.role == "attribute") >= 2
        for child in line.children:
            if child.role is None and child.shape in ("item", "bullet") and child.text:
                if _note_title(child.text) or zoned:
                    continue
                if fields and _FIELD_ITEM.match(child.text):
                    continue
                if child_role == "key_result" and _attribute_like(child):
                    continue
                if child_role == "initiative" and _list_lead_in(child):
                    # "- **Timeline**:" over "- Week 1-2: Audit ...": names the list under it.
                    items = _items(child)
                    _group(
                        child,
                        "a lead-in over a list under a key result",
                        items,
                        child_role,
                        f"an item under a lead-in of a {what}",
                    )
                    continue
                if child_role == "key_result" and _category(child):
                    _group(
                        child,
                        "a category label over items",
                        _candidates(child),
                        child_role,
                        f"an item under a category of a {what}",
                    )
                    continue
                _set(child, child_role, f"an item under a {what}")
            elif (
                line.role == "objective"
                and line.shape == "heading"
                and child.shape == "heading"
                and child.role is None
                and _holds_items(child)
                and not _plain_title(child.text)
                and not _note_title(child.text)
                and not _set_like(child.text)
                and not _labelled_results(child)
                # "## 目标一" > "### 关键结果" and "### 里程碑": its key results are named; the
                # other sections under it are its plan, not more objectives
                and not any(
                    c.label is not None and c.label.zone == "key_results" for c in line.children
                )
            ):
                # "## Company objective: ..." > "### Faster onboarding" > items: a cascade.
                _set(child, "objective", "a heading with items under an objective heading")


def _labelled_results(heading: Line) -> bool:
    """A heading that names a section ("### 主要な成果（KR）", "### Proof points": a short name or
    one about key results) over items labelled as key results ("- KR1：..."): they are the
    objective's above, and the heading a section of it, not a cascade. A team's objective over
    them ("#### Core Platform: Tenancy isolation that passes a bank's review") is one."""
    text = clean(heading.text).text or heading.text
    if not (_short_name(text) or mentions_the_method(heading.text)):
        return False
    items = _items(heading)
    return bool(items) and all(c.label is not None and c.label.kind == "key_result" for c in items)


def _holds_items(line: Line) -> bool:
    """Items under ``line`` that could be statements: not only links, nor only "Key: value"
    fields ("Scoring: 0.0-1.0", "Reviews: monthly")."""
    items = _items(line)
    return any(not c.link_only for c in items) and not all(_attribute_like(c) for c in items)


_PLURAL = re.compile(r"^(?:key[\s-]*results|krs|objectives)$", re.IGNORECASE)


def _one_stated(lab: Label) -> bool:
    """A label that names one statement or a group alike ("目標", "目标": no plural) followed by
    a statement ("**目標：** 障害に強い基盤をつくる" over its key results): one objective, not a
    group (as "**Key Results:** Martin, Bedeho" over a list is)."""
    rest = clean(lab.rest).text.strip(" *_") if lab.rest.strip() else ""
    return (
        bool(rest)
        and not _PLURAL.match(lab.label.strip().rstrip(":： "))
        and (len(words(rest)) >= 3 or (len(rest) >= 6 and not rest.isascii()))
        and not re.search(r"[,、，]", rest)
    )


def _plural(label: str) -> bool:
    return bool(_PLURAL.match(label.strip().rstrip(":： "))) or names_a_group(label)


# Chinese and Japanese write words without spaces: three characters count as one word.
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]+")


def _size(text: str) -> int:
    """The number of words, a run of Chinese or Japanese counted three characters a word."""
    runs = _CJK_RUN.findall(text)
    if not runs:
        return len(words(text))
    return len(words(_CJK_RUN.sub(" ", text))) + sum((len(r) + 2) // 3 for r in runs)


def _short_name(text: str) -> bool:
    t = clean(text).text or text
    return (
        _size(t) <= 3
        and not any(ch.isdigit() for ch in t)
        and not t.rstrip().endswith(".")
        and not starts_with_verb(t)
    )


def _list_lead_in(line: Line, most: int = 4) -> bool:
    """A short phrase (``most`` words at most) ending with a colon over a list ("Timeline:",
    "Success Criteria:")."""
    text = line.text.strip().rstrip("*_ ")
    return text.endswith((":", "：")) and len(words(text)) <= most and bool(_items(line))


def _category(line: Line) -> bool:
    """A short label that groups the items under it ("Robustness", "UI/UX"), or a label over
    items that carry their own measures ("**Planning discipline**" over "- Book trips 30 days
    ahead" and "- Measure: days between booking and travel": the measured items are the
    statements)."""
    kids = _items(line)
    if not kids or line.label is not None:
        return False
    text = clean(line.text).text or line.text
    ws = words(text)
    if any(ch.isdigit() for ch in text) or text.rstrip().endswith((".", ":")):
        return False
    return (len(ws) <= 4 and not starts_with_verb(text)) or (len(ws) <= 8 and _measured_items(kids))


_BOTH_FIELDS = "holds its own baseline and target lines"
# Fields that only a key result has: an item followed by one of them is a statement.
_MEASURE_FIELDS = frozenset({"measure", "target", "baseline"})


def _measured_items(items: list[Line]) -> bool:
    """Whether a statement item in ``items`` is followed by its own measure or target line."""
    return any(
        a.label is None
        and b.label is not None
        and b.label.kind == "attribute"
        and b.label.field in _MEASURE_FIELDS
        for a, b in itertools.pairwise(items)
    )


_METRIC_VALUE = re.compile(
    r"→|->|⟶|%|\$|€|£|\bfrom\b.*\bto\b|\d\s*(?:x|k|m|ms|s)\b|"
    # "van 14 naar 5", "von 14 auf 5", "de 14 a 5", "da 14 a 5"
    r"\b(?:van|von|de|desde|da|dal|du)\s+\S*\d.*\b(?:naar|auf|a|à|al|até|hasta)\s+\S*\d",
    re.I,
)
_KEY_VALUE = re.compile(r"^(?P<key>[^:：]{1,32})[:：]\s*(?P<value>\S.*)$")
# A value that is only a level: a number, a range or a floor, maybe per period ("4-8", "500+",
# "15-20/mes", "≥ 120").
_LEVEL_VALUE = re.compile(r"^[<>≥≤~]?\s*\d[\d.,]*(?:\s*[-–]\s*\d[\d.,]*)?\s*\+?(?:\s*/\s*\w+)?$")
# ... but not the scale a field is scored on ("Scoring: 0.0-1.0", "Confidence: 1-10").
_SCALE_KEY = re.compile(r"(?i)scor|grad|scale|confidence|rating|range|version|weight")


def _attribute_like(line: Line) -> bool:
    """A "Key: value" item that is a field, not a statement: a short key and a value that is
    not a sentence ("Tracked: Every other Tuesday", "Tracking Manager: Martin")."""
    m = _KEY_VALUE.match(line.text.strip())
    if not m:
        return False
    key, value = m.group("key"), m.group("value")
    if _METRIC_VALUE.search(value):
        return False  # "Expansion revenue: $5.9M → $8.6M" is a key result
    if _LEVEL_VALUE.match(value.strip()) and not _SCALE_KEY.search(key):
        return False  # "Leads: 4-8", "Visitas orgánicas: 500+": a measure and its target
    return (
        1 <= len(words(key)) <= 3
        and len(words(value)) <= 5
        and not starts_with_verb(value)
        and not any(ch.isdigit() for ch in key)
    )


_NAMES_KRS = re.compile(
    r"(?i)^(?:success\s+indicators?|key\s+results?|krs|indicators?|measures\s+of\s+success|"
    r"success\s+(?:metrics|measures|criteria))\s+(?:for|of)\b"
)


def _holders(lines: list[Line]) -> None:
    """An unlabelled line that holds key results is their objective: a key result with no
    objective before it on its level makes the nearest plain line above it one."""
    _BEFORE.clear()
    for line in lines:
        # A table of key results with no objective column counts by its first row: the line
        # that holds it ("#### Stability" over "| KR | End of Q2 | Current |") is their objective.
        if (line.role != "key_result" and not _kr_row_alone(line)) or _previous_objective(line):
            continue  # "**Objective:** ..." then "| KR | Baseline |": the objective is before it
        for anc in line.ancestors():
            if anc.role in ("zone", "label", "attribute", "group"):
                if _previous_objective(anc):
                    break
                continue
            if anc.role in ("key_result", "initiative") and anc.label is None and line.label:
                # Labelled key results under an item its container made a key result or an
                # initiative ("CEO KR: ..." > "**CRO: ...**" > "CRO KR: ..."): a label is
                # stronger evidence than nesting, so the item is their objective.
                _set(anc, "objective", "holds labelled key results (a cascade)")
                _BEFORE.clear()
                for child in anc.children:
                    if child.role == "initiative" and child.label is None:
                        _set(child, "key_result", "an item under an objective")
                break
            if anc.role is not None:
                break
            if anc.shape == "line" and (anc.link_only or _REFERENCE_LINE.match(anc.text)):
                # "[Epic 1696](...)", "Epic: &1234", "Issue: #4411" between an objective
                # heading and its list: where the work is tracked
                continue
            if not _is_candidate(anc) or not anc.text or _set_like(anc.text):
                break
            if _plain_title(anc.text) or _note_title(anc.text) or _names_parts(anc.text):
                break
            if anc.shape == "line" and anc.parent is not None and anc.parent.role == "objective":
                break  # the description under an objective heading, not another objective
            if (
                anc.shape == "heading"
                and anc.parent is not None
                and anc.parent.role == "objective"
                and anc.parent.label is not None
                and _labelled_results(anc)
            ):
                # "## Objective 2: ..." > "### Proof points" > "- KR1: ...": a section of the
                # labelled objective, over its labelled key results
                _set(anc, "group", "a section of the objective above, over its key results")
                break
            if (
                _NAMES_KRS.match(anc.text[lead_length(anc.text) :].strip())
                or (anc.text.rstrip(" *_").endswith((":", "：")) and mentions_the_method(anc.text))
                or (anc.label is not None and anc.label.zone == "key_results")
            ):
                # "### Success indicators for outcome 1", "Review of Failed OKRs in 2023:",
                # "**Outcome KRs**": names the key results under it; the objective is above it.
                _group(
                    anc,
                    "names the key results under it",
                    _items(anc),
                    "key_result",
                    f"under '{anc.text.strip()}'",
                )
                continue
            _set(anc, "objective", "holds key results")
            _BEFORE.clear()
            break


def _kr_row_alone(line: Line) -> bool:
    """The first row of a table whose key results have no objective column."""
    if line.role != "row" or line.parent is None:
        return False
    roles = {c.role for c in line.columns}
    if "key_result" not in roles or "objective" in roles:
        return False
    first = next((c for c in line.parent.children if c.shape == "row"), None)
    return first is line


def _previous_objective(line: Line) -> bool:
    """An objective before the line on its own level (``- O: ...`` then ``- KR: ...``)."""
    parent = line.parent
    if parent is None:
        return False
    flags = _BEFORE.get(id(parent))
    if flags is None or len(flags) != len(parent.children):
        flags, seen = [], False
        for sib in parent.children:
            flags.append(seen)
            seen = seen or any(x.role == "objective" for x in (sib, *sib.walk()))
        _BEFORE[id(parent)] = flags
    return flags[line.index]


# Per parent: whether an objective comes before each child (filled by _previous_objective
# during one call of _holders, which only adds objectives above the lines it looks at).
_BEFORE: dict[int, list[bool]] = {}


def _named_groups(lines: list[Line], weak_ok: bool) -> int:
    """A heading or line that ends with the name of a group ("Q1 2026 Objectives", "Growth
    team OKRs", and in an OKR file "Q2 2025 goals") over a plain list nobody has read yet: the
    items are its objectives, theirs key results. It stays a set title."""
    named = 0
    for line in lines:
        lab = line.label
        if lab is None or not lab.suffix or line.role is not None or lab.zone is None:
            continue
        if not (lab.strong or weak_ok):
            continue
        items = _items(line)
        if not items or any(c.shape == "heading" for c in line.children):
            continue
        role = _ZONE_ROLE[lab.zone]
        # Read already, each as the zone says or as a field ("- Baseline: 51 days" under a key
        # result found by its baseline and target lines), or not at all.
        if any(
            x.role is not None and x.role not in (role, "attribute")
            for c in items
            for x in (c, *c.walk())
        ):
            continue
        for item in items:
            if item.role is None and _is_candidate(item) and not _attribute_like(item):
                _set(item, role, f"in the list under '{line.text.strip()}'")
                if role == "objective":
                    _cascade(item)
                named += 1
    return named


def _cascades(lines: list[Line]) -> None:
    """A plain list item that holds objectives is an objective too (a cascade: "CEO: ..." >
    "VP Eng: ..." > "VP Eng KR: ...")."""
    for line in reversed(lines):
        if line.role is not None or not line.text:
            continue
        if line.shape == "heading":
            # "## CEO: Grow ACV according to plan" over "* CMO: Build 3x the pipeline" and
            # the other owners' objectives: the top of the cascade, an objective too.
            if _owned(line) and _teams_under([c for c in line.children if c.role == "objective"]):
                _set(line, "objective", "an owner's heading over owners' objectives (a cascade)")
            continue
        if line.shape not in ("item", "bullet"):
            continue
        if (
            any(c.role == "objective" for c in line.children)
            and not _set_like(line.text)
            and not _plain_title(line.text)
            # "In his book, Doerr shows his first OKR:" over an example: it introduces them.
            and not line.text.rstrip(" *_").endswith((":", "："))
        ):
            _set(line, "objective", "holds objectives (a cascade)")


def _heading_families(lines: list[Line]) -> Iterator[list[Line]]:
    """The headings that share a parent, once per parent, in the order of the document."""
    done: set[int] = set()
    for line in lines:
        parent = line.parent
        if line.shape != "heading" or parent is None or id(parent) in done:
            continue
        done.add(id(parent))
        yield [h for h in parent.children if h.shape == "heading"]


def _sister_headings(lines: list[Line]) -> None:
    """A plain heading among headings of its level that are labelled objectives ("###
    Objective: Awesome docs", "### Make local evaluation the default") is an objective too:
    the author labelled one and not the others."""
    for family in _heading_families(lines):
        level = [h for h in family if h.level == family[0].level]
        labelled = [h for h in level if h.role == "objective" and h.label is not None]
        if not labelled:
            continue
        for h in level:
            if (
                h.role is None
                and h.text
                and not _plain_title(h.text)
                and not _note_title(h.text)
                and not _set_like(h.text)
                and not h.text.rstrip().endswith((":", "："))  # "Work To Date:": a section
                and not _names_parts(h.text)
                # "## Release calendar" over a table of dates: a section, though "release" is a verb
                and not (h.children and all(c.shape == "row" for c in h.children))
                and starts_with_verb(clean(h.text).text or h.text)
            ):
                # Written as a goal ("Make local evaluation the default"), not a section name
                # ("Standing constraints", "Kickoff decisions").
                _set(h, "objective", "a heading beside headings labelled as objectives")


def _measured_list(line: Line, least: int = 2) -> bool:
    """``least`` items or more under ``line``, most of them levels of measures ("Save rate from
    25% to 45%")."""
    items = [c for c in _items(line) if not _own_part(c)]
    return len(items) >= least and _mostly_measures(items)


def _mostly_measures(items: list[Line]) -> bool:
    """More than half of ``items`` state a level, a bound or a count."""
    return sum(1 for c in items if _counted_measure(c.text)) * 2 > len(items)


# A bound on a measure: "NPS ≥ 50", "burn multiple below 1.0", "at least 3 per week", "zero
# Sev-1 incidents", "under 400 ms".
_BOUND = re.compile(
    r"(?i)[<>≥≤]=?\s*[$€£¥]?\d|\b(?:at\s+(?:least|most)|under|below|above|over|fewer\s+than|"
    r"less\s+than|more\s+than|no\s+more\s+than|up\s+to|within)\s+[$€£¥]?\d|^\s*no\s+\S|"
    r"\bzero\s+[a-z]"
)


def _measure_or_bound(text: str) -> bool:
    """A level of a measure or a bound on one."""
    return bool(_METRIC_VALUE.search(text) and _DIGIT.search(text)) or bool(_BOUND.search(text))


# A count of things: "3 partner-led deals closed", "Sign 2 resellers", "Two pilots signed" (not
# "GA in 18.4", "Q3 2025", "SOC 2 report").
_COUNT = re.compile(
    r"(?i)(?:(?<![\w.,/-])\d{1,3}(?:,\d{3})*(?![\w.,/:-])|\b(?:two|three|four|five|six|seven|"
    r"eight|nine|ten|twelve|twenty|dozens?)\b)\s+(?:[a-z][\w&'-]*\s+){0,2}"
    r"(?:[a-z][\w'-]*s|people|staff|children|women|men)\b"
    # "15社", "3名", "6回", "10个", "5件": a number and a counter
    r"|\d\s*[社名回件個个人家项項本]"
)


def _counted_measure(text: str) -> bool:
    """A level, a bound or a count of things: what a list of key results mostly holds."""
    return _measure_or_bound(text) or bool(_COUNT.search(text))


def _beside_labelled(lines: list[Line]) -> None:
    """A plain heading or line written like a labelled objective beside it ("Objective: Every
    new customer live within 30 days" then "Make kickoff calls unnecessary for small
    accounts", each over measured items): the author labelled one and not the other. Its items
    being levels of measures, as the labelled one's are, is the evidence."""
    seen: set[int] = set()
    for line in lines:
        parent = line.parent
        if parent is None or id(parent) in seen:
            continue
        seen.add(id(parent))
        kids = parent.children
        labelled = {
            _signature(c)[:2]  # bold or not: "**Objective:** ..." beside "**Turn ... around**"
            for c in kids
            if c.role == "objective"
            # labelled, or found over key results with their own baseline and target lines
            and (
                (c.label is not None and c.label.strong)
                or any(k.role == "key_result" and _BOTH_FIELDS in k.evidence for k in c.children)
            )
            and c.shape in ("heading", "line", "item", "bullet")
            and any(k.role == "key_result" for k in c.children)
        }
        if not labelled:
            continue
        for c in kids:
            if c.role is not None or c.label is not None or _signature(c)[:2] not in labelled:
                continue
            text = clean(c.text).text or c.text
            if (
                not text
                or _plain_title(text)
                or _note_title(text)
                or _set_like(text)
                or _short_name(text)  # "*Retención*": a category of key results, not a goal
                or mentions_the_method(text)  # "KPIs we report but don't own as KRs"
                or text.rstrip(" *_").endswith((":", "："))
                or len(words(text)) > 20
            ):
                continue
            if _measured_list(c):
                _set(c, "objective", "written like the labelled objective beside it, over measures")


def _headings_over_levels(lines: list[Line]) -> None:
    """In a file that says it holds OKRs, a heading written as a statement ("#### Make
    deploys boring") over items that are levels of measures ("- p95 deploy time from 40 to 10
    min") is an objective over its key results, labelled or not, wherever it sits (a
    department's section of a company page)."""
    for line in lines:
        if (
            line.shape in ("item", "bullet")
            # bold, or a top-level item ("1. Secure the company without slowing it down" over
            # "1. Phishing click rate below 4%", ...) in a list whose items all hold lists
            and (line.bold or _top_level_goal(line))
            and line.parent is not None
            and line.parent.role is None
            and not line.text.rstrip(" *_").endswith((":", "："))
            and _goal_over_measures(line)
        ):
            # "1. **Customers find the product they meant on the first try**" over "1. Zero-result
            # rate from 9% to 4%", "2. ...": an objective item over its key results.
            _set(line, "objective", "a statement item over levels of measures")
            continue
        if (
            line.shape == "line"
            and not line.bold
            and not line.text.rstrip().endswith((".", "。", ":", "："))
            and len(words(line.text)) <= 20
            and _goal_over_measures(line)
        ):
            # "Win the mid-market shippers who are outgrowing spreadsheets [3]" over "- Win rate
            # from 19% to 28%", ...: a plain line written as a goal, over its measures.
            _set(line, "objective", "a statement line over levels of measures")
            continue
        if (
            not _heading_like(line)
            or line.role is not None
            or _note_title(line.text)
            or line.text.rstrip(" *_").endswith((":", "："))  # "**KPI 2 (Conversion):**"
            or not _unread_below(line)
            or _among_parts(line)
        ):
            continue
        if _statement_over_levels(line, least=2):
            _set(line, "objective", "a statement heading over levels of measures")
            continue
        # "### 1. Deploys are a non-event" > "**How we'll know:**" over measured items: a
        # lead-in between the objective and its key results.
        lead = next((c for c in line.children if _short_lead_in(c)), None)
        if lead is not None and _statement_over_levels(line, least=2, via=lead):
            _set(line, "objective", "a statement heading over levels of measures")
            items = _items(lead)
            _group(
                lead,
                "introduces the key results under it",
                items,
                "key_result",
                "an item under the lead-in of an objective",
            )
            continue
        # "#### Deliver the review roadmap without growing the bug backlog" > "Supports company
        # objective 2." over measured items: a note between the objective and its key results
        # (the list is the note's in the tree only because it follows a paragraph).
        note = _note_over_list(line)
        if note is not None and not _items(line) and _statement_over_levels(line, 2, via=note):
            _set(line, "objective", "a statement heading over levels of measures, after a note")
            for item in _items(note):
                if item.role is None:
                    _set(item, "key_result", "an item after the note under an objective")


def _note_over_list(line: Line) -> Line | None:
    """The one plain paragraph line under ``line`` that holds a list ("Supports company
    objective 2.", a description): the list hangs under it in the tree only because it follows
    a paragraph."""
    notes = [c for c in line.children if c.shape == "line" and _items(c)]
    if len(notes) == 1 and notes[0].role is None and notes[0].label is None:
        return notes[0]
    return None


def _owner_statement(line: Line) -> bool:
    """A list item that starts with its owner and states a goal ("Sales: Build a repeatable
    enterprise motion", "Eng - Platform: Deploys stay boring ↳ C2"), not a measure itself."""
    if line.shape not in ("item", "bullet") or line.label is not None:
        return False
    if ":" not in line.text[:60] and "：" not in line.text[:60]:
        return False  # no owner's prefix ("Sales:"): the cheap test first
    text = clean(line.text).text or line.text
    return (
        _owned(line)
        and len(words(text)) >= 3
        and not _plain_title(text)
        and not _set_like(text)
        and not _note_title(line.text)
        and not _measure_or_bound(text)
    )


def _read_by_place(line: Line) -> bool:
    """No role yet, or one given only for where the line sits (an item under an objective)."""
    return line.role is None or (line.label is None and line.role in ("key_result", "initiative"))


def _owners_objectives(lines: list[Line]) -> None:
    """Items that each start with an owner and state a goal, over items that are mostly
    measures ("* Sales: Build a repeatable enterprise motion" > "* Win rate ≥ 25%"), are the
    owners' objectives in a cascade, under a company objective or a department's heading; their
    items are key results. One such item over measures is enough for its sisters written the
    same way that hold items ("Finance: Close the books in five days" over one measure)."""
    done: set[int] = set()
    for line in lines:
        if id(line) in done:
            continue
        items = _items(line)  # their roles, if any, were given for their place only
        if len(items) < 2 or not _owner_statement(line) or not _mostly_measures(items):
            continue
        sisters = [
            s
            for s in line.siblings
            if _owner_statement(s)
            and _read_by_place(s)
            # written the same way: "Customer success: Implement a support system" over its
            # steps, beside "**VP Eng: Releases ship on time.**", is a key result with tasks
            and _signature(s) == _signature(line)
            and _items(s)
            and all(_read_by_place(c) and not _decides(c) for c in s.walk())
        ]
        for s in sisters:
            done.add(id(s))
            _set(s, "objective", "an owner's statement over measures, or beside one (a cascade)")
            for item in _items(s):
                _set(item, "key_result", "an item under an owner's objective")
                for g in _items(item):
                    _set(g, "initiative", "an item under a key result")


def _top_level_goal(line: Line) -> bool:
    """A list item at the top of its list, in a list whose items each hold a list of their
    own: the shape of objectives over their key results."""
    sisters = [s for s in line.siblings if s.shape == line.shape and s.depth == line.depth]
    parent = line.parent
    return (
        parent is not None
        # under a heading, or a paragraph that is not a statement ("Author: Tomasz (Product)")
        and (
            parent.shape in ("heading", "root")
            or (parent.shape == "line" and parent.role in (None, "attribute"))
        )
        and len(sisters) >= 2
        and all(_items(s) for s in sisters)
    )


def _unread_below(line: Line) -> bool:
    """Nothing under ``line`` has a role yet but the parts a statement has of its own."""
    return not any(c.role is not None and not _own_part(c) for c in line.children)


def _goal_over_measures(line: Line) -> bool:
    """An unread line written as a goal over two measured items or more."""
    return (
        line.role is None
        and line.label is None
        and _unread_below(line)
        and _statement_item(line)
        and _measured_list(line, least=2)
    )


def _statement_item(line: Line) -> bool:
    """An item written as a goal: not a name ("Platform team"), a title or a measure itself."""
    text = clean(line.text).text or line.text
    return (
        # three words starting with a verb, or six Chinese or Japanese characters or more
        (
            _size(text) >= 4
            or (_size(text) == 3 and (starts_with_verb(text) or bool(_CJK_RUN.search(text))))
        )
        and not _short_name(text)
        and not _plain_title(text)
        and not _note_title(line.text)
        and not _set_like(text)
        and not (_METRIC_VALUE.search(text) and _DIGIT.search(text))
    )


def _short_lead_in(line: Line) -> bool:
    """ "How we'll know:", "Measured by:": a few words ending with a colon, over a list."""
    return (
        line.shape == "line"
        and line.role is None
        and line.label is None
        and _list_lead_in(line, most=6)
    )


def _beside_measured_headings(lines: list[Line]) -> None:
    """A statement heading (or bold line) over a list, among sister headings that were found
    to be objectives over their key results ("### Capacity is never a surprise" over a
    capacity plan, beside "### Customers don't notice our incidents" over "- SEV1 incidents
    from 14 to 5"): the team wrote every objective the same way, and this one's key results
    are not numbers. Sisters are lines of one shape under parents of one shape, across the
    document (each team's section of a company page holds two or three)."""
    cousins: dict[tuple[object, ...], list[Line]] = {}
    sisters: dict[tuple[object, ...], list[Line]] = {}
    for h in lines:
        if _heading_like(h) and h.parent is not None:
            cousins.setdefault((*_signature(h), *_signature(h.parent)), []).append(h)
            sisters.setdefault((*_signature(h), id(h.parent)), []).append(h)
    # Across the document, two found at least; under one parent ("### G1. ..." and "### G2.
    # ..." under "## Global goals"), one is enough.
    levels = [(level, 2) for level in cousins.values()] + [(level, 1) for level in sisters.values()]
    for level, least in levels:
        found = [h for h in level if h.role == "objective" and _holds_key_results(h)]
        if len(found) < least or len(found) * 2 < len(level):
            continue
        for h in level:
            text = clean(h.text).text or h.text
            items = _items(h)
            if (
                h.role is None
                and h.label is None
                and items
                and _unread_below(h)
                and not any(_decides(x) for x in h.walk())
                # "AM2. Mid-market velocity" beside "AM1. Land the banking beachhead": numbered
                # with the same code, short is enough
                and (len(words(text)) >= 4 or _same_code(h, found))
                and not _note_title(h.text)
                and not _plain_title(text)
                and not _set_like(text)
                and not mentions_the_method(text)  # "KPIs we report but don't own as KRs"
                and not _owned(h)
                and not h.text.rstrip(" *_").endswith((":", "："))
            ):
                _set(h, "objective", "a statement heading beside objective headings like it")


# "AM2.", "G1.", "SEC-O1:", "DX-1": a code that numbers a heading.
_CODE = re.compile(r"^[*_\s]*(?P<stem>[A-Z]{1,6}(?:-[A-Z]{1,3})?)-?\d{1,2}[.:)]?\s")


def _same_code(line: Line, others: list[Line]) -> bool:
    """``line`` is numbered with the code stem of one of ``others`` ("AM2." beside "AM1.")."""
    m = _CODE.match(line.text)
    return m is not None and any(
        (o := _CODE.match(x.text)) is not None and o.group("stem") == m.group("stem")
        for x in others
        if x is not line
    )


def _coded_sisters(lines: list[Line]) -> None:
    """Lines numbered with one code ("**CO1 — Expand in enterprise.**", "**CO2 — ...**"), or
    bold items, written the same way, one of them an objective over its key results: the
    others, with a list under them, are objectives too (their key results need not be
    numbers)."""
    for line in lines:
        if line.role != "objective" or (
            _CODE.match(line.text) is None and not (line.bold and line.shape in ("item", "bullet"))
        ):
            continue
        if not any(c.role == "key_result" for c in line.children):
            continue
        for sib in line.siblings:
            items = [i for i in _items(sib) if i.label is None]
            if (
                sib.role is None
                and sib.label is None
                and _signature(sib) == _signature(line)
                # "+ **Reduce support tickets about login** — 0.5" beside "+ **Ship the new
                # editor** — 0.8" over its measures: bold items written alike
                and (_same_code(sib, [line]) or (line.bold and line.shape in ("item", "bullet")))
                and items
                and all(x.role is None for i in items for x in (i, *i.walk()))
                and not _note_title(sib.text)
            ):
                _set(sib, "objective", "numbered with the code of an objective beside it")
                for item in items:
                    _set(item, "key_result", "an item under an objective")


def _description_lists(lines: list[Line]) -> None:
    """ "## O3 — Stay healthy" > "This one is about quality ..." > its list of measures, and no
    key result anywhere under the objective: the list after the description holds its key
    results (it sits under the paragraph in the tree only because it follows it)."""
    for line in lines:
        if line.role != "objective" or line.shape != "heading":
            continue
        if any(x.role == "key_result" for x in line.walk()):
            continue
        note = _note_over_list(line)
        if note is None:
            continue
        items = _items(note)
        if _measured_list(note, least=1) and all(
            x.role is None and x.label is None for i in items for x in (i, *i.walk())
        ):
            # mostly measures: not "We want to make it the default by:" over the work to do
            for item in items:
                _set(item, "key_result", "an item after the description of an objective")


_HEADING_NUMBER = re.compile(r"^[^\w]*(\d{1,2})[.)]\s+\S")


def _numbered_on(lines: list[Line]) -> None:
    """ "### 1. Cultivate growth of OSPOs", then "## 2. Grow the membership base", "## 3. ...":
    headings numbered one after another, whatever level the author gave each, are written
    alike; when one of them is an objective over its list, the others over a list are
    objectives too (not a section such as "4. Appendix")."""
    runs: list[list[Line]] = []
    last = 0
    for line in lines:
        if line.shape != "heading":
            continue
        m = _HEADING_NUMBER.match(line.text)
        if m is None:
            last = 0
            continue
        number = int(m.group(1))
        if runs and number == last + 1:
            runs[-1].append(line)
        else:
            runs.append([line])
        last = number
    for run in runs:
        if len(run) < 2 or not any(h.role == "objective" and _items(h) for h in run):
            continue
        for h in run:
            text = clean(h.text).text or h.text
            if (
                h.role is None
                and h.label is None
                and _items(h)
                and _unread_below(h)
                and not _note_title(text)
                and not _plain_title(text)
                and not _set_like(h.text)
            ):
                _set(h, "objective", "numbered in one run with an objective heading")


def _measure_lists(lines: list[Line]) -> None:
    """ "Measured by:" (or "Success metrics:") alone over a list, under an objective: the list
    holds the objective's key results; the label is not a field with an empty value. A list
    indented under another field of an objective that has no key result is its key results."""
    for line in lines:
        lab = line.label
        if line.role != "attribute" or lab is None:
            continue
        objective = next((a for a in line.ancestors() if a.role == "objective"), None)
        if objective is None:
            continue
        items = [i for i in _items(line) if i.label is None]
        if not items or not all(x.role is None for i in items for x in (i, *i.walk())):
            continue
        if lab.field == "measure" and not lab.rest.strip(" *_"):
            _group(
                line,
                "names the measures of the objective above: its key results",
                items,
                "key_result",
                f"under '{line.text.strip()}' in an objective",
            )
        elif len(items) >= 2 and not any(x.role == "key_result" for x in objective.walk()):
            # "## Objective: Grow as an incident commander" > "- **Owner:** Ruth" over "1. Lead
            # 3 real incidents as IC", "2. ...": the list indented under the owner's field is
            # the objective's, which has no other key result.
            for item in items:
                _set(item, "key_result", "a list under a field of an objective")


def _numbered_under(lines: list[Line]) -> None:
    """ "#### Objective A — Learners finish the courses" over "**A1. Course completion from 31%
    to 45%**", "**A2. ...**" (each over its "Update:" and "Next:" lines): lines numbered with
    the objective's own id are its key results; two of them at least."""
    for line in lines:
        lab = line.label
        if line.role != "objective" or lab is None or not lab.number:
            continue
        own = re.compile(rf"^\W{{0,3}}({re.escape(lab.number)}[.\-]?\d{{1,2}})[.):]?\s+(?=\S)")
        found = [
            (c, m)
            for c in line.children
            if c.role is None
            and c.label is None
            and c.shape in ("line", "item", "bullet", "heading")
            and (m := own.match(c.text)) is not None
        ]
        if len(found) < 2:
            continue
        for c, m in found:
            c.label = Label("key_result", m.group(1), c.text[m.end() :], m.end(), strong=False)
            _set(c, "key_result", f"numbered '{m.group(1)}' under objective {lab.number}")


def _decimal_results(lines: list[Line]) -> None:
    """Paragraph lines numbered "1.1", "1.2" after an objective line are its key results, up
    to the next objective or heading; two of them at least."""
    for line in lines:
        if line.role != "objective" or line.shape not in ("line", "bullet") or line.parent is None:
            continue
        run: list[tuple[Line, re.Match[str]]] = []
        for sib in line.siblings[line.index + 1 :]:
            if not run and sib.role == "attribute":
                continue  # "Executive sponsor: Priya (CRO)" between the objective and its results
            m = DECIMAL_NUMBER.match(sib.text)
            if sib.shape not in ("line", "bullet") or sib.role is not None or m is None:
                break
            run.append((sib, m))
        if len(run) < 2 or len({m.group("num").split(".")[0] for _, m in run}) != 1:
            continue
        for sib, m in run:
            sib.label = Label("key_result", m.group("num"), sib.text[m.end() :], m.end())
            _set(sib, "key_result", f"numbered '{m.group('num')}' after the objective")


def _categories_after(lines: list[Line]) -> None:
    """Short names over lists right after an objective line ("**Objetivo: ...**" then
    "*Adquisición*" over two items, "*Retención*" over two more): categories of its key
    results, up to the next line that is not one."""
    for line in lines:
        if line.role != "objective" or line.shape not in ("line", "bullet") or line.parent is None:
            continue
        if line.label is None or not line.label.strong:
            continue
        if any(c.role == "key_result" for c in line.children):
            continue
        for sib in line.siblings[line.index + 1 :]:
            items = _items(sib)
            if (
                sib.shape != "line"
                or not (sib.bold or sib.italic)
                or sib.role is not None
                or not items
                or any(c.role is not None for c in items)
                or not _short_name(sib.text)
                or sib.text.rstrip(" *_").endswith((":", "："))  # "**Roadmap:**", "**Process:**"
                or _note_title(sib.text)
                or _plain_title(sib.text)
            ):
                break
            _group(
                sib,
                "a category of the objective's key results",
                items,
                "key_result",
                "an item under a category of an objective",
            )


def _own_part(line: Line) -> bool:
    """A part a statement has of its own: a field ("Owner: @mei", "Status: At risk"), or
    "Initiatives:" and the work under it."""
    lab = line.label
    return line.role in ("initiative", "attribute") or (
        line.role == "zone" and lab is not None and lab.zone == "initiatives"
    )


def _among_parts(heading: Line) -> bool:
    """A heading beside an objective's own parts ("#### Key Results", "#### Initiatives"): one
    more part of it ("#### Timeframe for measurement"), not an objective."""
    return any(
        h is not heading and _heading_like(h) and h.label is not None and h.label.zone
        for h in heading.siblings
    )


def _sister_sections(lines: list[Line]) -> None:
    """A heading's first line, written like the objectives that open its sister sections
    (headings at its level under the same parent), is an objective even with nothing under
    it ("### Q2 2020" / "Hold a Squad Game Jam"). The document's title opens with an
    introduction, not an objective."""
    title = _doc_title(lines)
    for sisters in _heading_families(lines):
        opening: list[Line | None] = [
            next((c for c in h.children if c.shape != "heading"), None) if h is not title else None
            for h in sisters
        ]
        shapes = {
            _signature(o)
            for o in opening
            if o is not None and o.role == "objective" and o.shape == "line"
        }
        count = sum(1 for o in opening if o is not None and o.role == "objective")
        if len(shapes) != 1 or count < 2:
            continue
        for o in opening:
            if (
                o is not None
                and o.role is None
                and _signature(o) in shapes
                and not o.children
                and len(words(o.text)) <= 20
                # "Status as of 15 Sept check-in." over the section's own objectives: a note
                and not any(x.role == "objective" for x in o.siblings if x is not o)
            ):
                _set(o, "objective", "opens its section like the objectives of its sisters")


def _sister_section_items(lines: list[Line]) -> None:
    """In a file read by its repeated shape, the plain items that open sister sections named
    like teams ("### Product:" over "* Launch of hosted playground"), written like the
    objectives that open two or more of them ("### Engineering:" over "* Collect ..." with
    items under it), are objectives without key results."""
    for sisters in _heading_families(lines):
        # Sections named like teams or areas ("Product:", "Developer Community:").
        sections = [
            h
            for h in sisters
            if _short_name(h.text.rstrip(":： "))
            and not _note_title(h.text)
            and not _plain_title(h.text)
        ]
        items = {id(h): _items(h) for h in sections}
        inferred = [
            i
            for h in sections
            for i in items[id(h)]
            if i.role == "objective" and _INFERRED in i.evidence
        ]
        holding = {id(i.parent) for i in inferred}
        if len(holding) < 2:
            continue
        shapes = {_signature(i) for i in inferred}
        for h in sections:
            for item in items[id(h)]:
                text = item.text.strip()
                if (
                    item.role is None
                    and not item.children
                    and not item.link_only
                    and item.label is None
                    and _signature(item) in shapes
                    and len(words(text)) <= 20
                    and not text.endswith((":", "："))
                ):
                    _set(item, "objective", "opens a section like the objectives of its sisters")


def _sister_lines(lines: list[Line]) -> None:
    """In a file read by its repeated shape, a short line beside objective lines, with
    nothing under it, is an objective without key results ("Hold a game jam")."""
    inferred = sum(1 for x in lines if x.role == "objective" and _INFERRED in x.evidence)
    for line in lines:
        if line.role is not None or line.shape != "line" or line.children or not line.text:
            continue
        text = line.text.strip()
        if len(words(text)) > 10 or text.endswith((".", ":", "：")) or line.label is not None:
            continue
        if _set_like(text):
            continue  # "2019 Q1": the period of the objectives after it
        # The file repeats the shape (two inferred objective lines at least): one line with a
        # list, alone, shows no pattern for the others to follow (a diary's "OKR.md").
        if inferred >= 2 and any(
            s.role == "objective" and s.shape == "line" and _INFERRED in s.evidence
            for s in line.siblings
        ):
            _set(line, "objective", "a short line like the objective lines beside it")


def _sisters(lines: list[Line]) -> None:
    """A plain item among items that are objectives, written the same way, is one too."""
    seen: set[int] = set()
    for line in lines:
        parent = line.parent
        if parent is None or id(parent) in seen or line.shape not in ("item", "bullet"):
            continue
        seen.add(id(parent))
        items = _items(parent)
        objectives = [c for c in items if c.role == "objective"]
        if len(objectives) < 2 or len(objectives) * 2 < len(items):
            continue
        bold = {c.bold for c in objectives}
        for c in items:
            if c.role is not None or c.link_only:
                continue
            holds = any(k.shape in ("item", "bullet") for k in c.children)
            if holds or (c.bold in bold and len(bold) == 1):
                _set(c, "objective", "written like the objectives beside it")
                _cascade(c)


def _holds_key_results(line: Line) -> bool:
    return any(x.role == "key_result" for x in line.walk())


def _off_pattern(lines: list[Line]) -> None:
    """A file whose objectives are headings over their own key results states its objectives
    that way: plain items a heading groups under the same zone, with no key result of their own
    ("## Backlog" > "- [ ] Client relationships ...", "## Completed" > "- [x] Unblock checkout
    (TASK)"), are not objectives like them."""
    heads = [x for x in lines if x.role == "objective" and x.shape == "heading"]
    if sum(1 for x in heads if _holds_key_results(x)) < 2:
        return
    for line in lines:
        if (
            line.role == "objective"
            and line.shape in ("item", "bullet")
            and line.label is None
            and line.parent is not None
            and line.parent.role == "group"
            and line.parent.shape == "heading"
            and not _holds_key_results(line)
        ):
            line.role = None
            _why(line, "an item with no key results, where the file's objectives are headings")


def _only_period(text: str) -> bool:
    t = text.strip().strip("*_()[] ").strip()
    m = _PERIOD.match(t)
    return m is not None and not t[m.end() :].strip(" .")


@lru_cache(maxsize=4096)
def _set_like(text: str) -> bool:
    t = clean(text, allow_role=False).text or text
    t = re.sub(r"^\d+[.)]\s*", "", t.strip())
    return bool(_PERIOD.match(t) or (_SET_WORDS.search(t) and len(words(t)) <= 5))


@lru_cache(maxsize=4096)
def _plain_title(text: str) -> bool:
    t = text.strip().rstrip(":：").strip()
    return (
        plain_title(t)
        or explaining_title(t)
        or bool(_EXAMPLE_TITLES.search(t))
        or bool(_GUIDE_TITLES.search(t) and not _PERIOD.match(t.lstrip("#*_ ")))
    )


def _signature(line: Line) -> tuple[object, ...]:
    if line.shape == "heading":
        return ("heading", line.level)
    return (line.shape, line.depth, line.bold)


def _repeated_shape(root: Line, lines: list[Line], lone: bool = True) -> int:
    """No labels anywhere, but the file says it holds OKRs: the kind of line that most often
    has a list under it is an objective, its items key results, theirs initiatives."""
    candidates: list[Line] = []
    for line in lines:
        if not _is_candidate(line) or not line.text or _set_like(line.text):
            continue
        if _plain_title(line.text) or _data_field(line):
            continue  # "Details: ..." over a list: the details of something, not an objective
        if names_the_method(line.text) or mentions_the_method(line.text):
            # "# OKRs - Objectives and Key Results", "如何判断制定的 KR 对不对" ("how to tell
            # a KR is right") over their principles: the method, not an objective
            continue
        kids = _items(line)
        # A list of links or of "Key: value" fields ("Workgroup: ...", "Details: ...") is a
        # record's data, not its key results.
        if (kids and not all(k.link_only or _data_field(k) for k in kids)) or _statement_paragraphs(
            line
        ):
            candidates.append(line)
    candidates = _without_records(candidates)
    if not candidates:
        return 0
    # "### Nothing pages us at night" > "**Reliability**" > "1. Out-of-hours pages from 31 to
    # 8": the statement heading is the objective, the name under it a category of its key
    # results.
    lifted: list[Line] = []
    for c in candidates:
        up = c.parent if _category_under_statement(c) else c
        if up is not None and up not in lifted:
            lifted.append(up)
    candidates = lifted
    groups: dict[tuple[object, ...], list[Line]] = {}
    for c in candidates:
        groups.setdefault(_signature(c), []).append(c)
    repeated = [sig for sig, g in groups.items() if len(g) >= 2]
    if not repeated and not lone:
        # One line with a list under it in a file that defines what objectives and key
        # results are: a guide's section ("Key Collaboration Rules"), nothing of its own.
        return 0
    if not repeated:
        # One line with a list under it repeats nothing: it is the objective only when it is
        # written as one ("Be profitable"), not a one-word section name ("Rules", "Roles").
        repeated = [
            sig for sig, g in groups.items() if len(words(g[0].text)) > 1 and not _glossary(g[0])
        ]
        if not repeated:
            return 0

    held = {id(c) for c in candidates}

    def labels(sig: tuple[object, ...]) -> bool:
        """Mostly short names ("Vision:", "CEO") over lists that nest, or inside another line
        with a list: categories above or within the objectives. Over flat lists, with nothing
        above them, short names are the objectives ("Advocates Program")."""
        g = groups[sig]
        return sum(1 for c in g if _short_name(c.text)) * 2 > len(g) and any(
            _nests(c) or any(id(a) in held for a in c.ancestors()) for c in g
        )

    def height(sig: tuple[object, ...]) -> float:
        g = groups[sig]
        return sum(len(list(c.ancestors())) for c in g) / len(g)

    # The objective level: the most repeated kind of line that is not a category name (the
    # highest of equals).
    statements = [sig for sig in repeated if not labels(sig)] or repeated
    best = min(statements, key=lambda sig: (-len(groups[sig]), height(sig)))
    chosen = groups[best]
    for objective in chosen:
        _set(objective, "objective", _INFERRED)
        _cascade(objective)
    return len(chosen)


def _category_under_statement(line: Line) -> bool:
    """A short name over items ("**Reliability**") right under a heading written as a
    statement ("### Nothing pages us at night unless a customer is hurt")."""
    parent = line.parent
    if parent is None or parent.shape != "heading" or line.shape == "heading":
        return False
    text = clean(parent.text).text or parent.text
    return (
        line.bold
        and _short_name(line.text)
        and not line.text.rstrip(" *_").endswith((":", "："))
        and len(words(text)) >= 4
        and not _plain_title(text)
        and not _note_title(parent.text)
        and not _set_like(text)
        and not mentions_the_method(text)
    )


def _field_keys(line: Line) -> frozenset[str] | None:
    """The keys of the items under ``line`` when every one is "Key: value", else None."""
    keys: set[str] = set()
    for kid in line.children:
        if kid.shape not in ("item", "bullet") or not kid.text:
            continue
        m = _KEY_VALUE.match(kid.text.strip())
        if m is None or len(words(m.group("key"))) > 3:
            return None
        keys.add(m.group("key").strip().lower())
    return frozenset(keys) if keys else None


def _without_records(candidates: list[Line]) -> list[Line]:
    """Lines whose items are the same fields as another's ("### Production" and "### Test"
    over "Trigger: ...", "Variable: ...", "Behavior: ..."): records of one layout, not
    objectives over their key results."""
    layouts: dict[frozenset[str], int] = {}
    keys = {id(c): _field_keys(c) for c in candidates}
    for k in keys.values():
        if k is not None and len(k) >= 2:
            layouts[k] = layouts.get(k, 0) + 1
    return [c for c in candidates if layouts.get(keys[id(c)] or frozenset(), 0) < 2]


def _nests(line: Line) -> bool:
    """Whether an item under ``line`` has items of its own, or a line under it a list."""
    return any(
        k.shape in ("item", "bullet", "line", "heading")
        and any(g.shape in ("item", "bullet") for g in k.children)
        for k in line.children
    )


_INFERRED = "the shape this file repeats: a line with a list under it"
_TERM = re.compile(r"^\W*[\w'’]+\s*(?:[-–—:]|\*\*)\s+\S")


def _glossary(line: Line) -> bool:
    """A list of terms, each one word and its explanation ("Focus - pick 2-3 objectives",
    "Feedback - give timely feedback"): definitions, not key results."""
    items = _items(line)
    return len(items) >= 2 and all(_TERM.match(c.text) for c in items)


# "Epic: &1234", "Issue: #4411", "Tracking: https://...": a reference to where work is tracked.
_REFERENCE_LINE = re.compile(
    r"^[\w][\w -]{0,24}:\s*(?:[&#!]\d+|https?://\S+|[\w.-]+/[\w./-]*#\d+)\s*$"
)


def _data_field(line: Line) -> bool:
    """A "Key: value" line that holds data ("Details: ...", "Status: ..."). "Team: ..." and
    "Owner: ..." may stand before a statement as its owner ("Team: Grow a world-class team")."""
    if line.role != "attribute" or line.label is None:
        return False
    if line.label.field in ("team", "owner"):
        return not starts_with_verb(line.label.rest.strip())  # "Workgroup: Warren, Tomas"
    return True


def _statement_paragraphs(line: Line) -> list[Line]:
    """A heading whose text is two or more one-line paragraphs written as statements (one
    sentence each, most with a verb first): "#### … via Argonaut: Develop a guide" over
    "Build a FHIR proxy server", "Publish a blog post". A bold title over lines after hard
    breaks ("**Make on-call boring.**" over "Pages per week from 23 to under 8.") heads one
    statement a line, verb first or not. Else nothing."""
    if not _heading_like(line):
        return []
    body = [c for c in line.children if c.shape != "heading"]
    if len(body) < 2 or any(c.shape != "line" or c.children for c in body):
        return []
    verbs = 0
    for c in body:
        text = clean(c.text).text or c.text
        if len(words(text)) > 40 or re.search(r"[.!?]\s+[A-Z]", text):
            return []
        verbs += starts_with_verb(text) or line.shape == "line"
    return body if verbs * 2 > len(body) else []


def _owned(line: Line) -> bool:
    """The line starts with its owner ("Sales: ...", "VP Eng: ...")."""
    owner = clean(line.text).metadata.get("owner")
    return bool(owner and line.text.lstrip("*_ ").startswith(owner))


def _teams_under(items: list[Line]) -> bool:
    """Most items start with a team or a role ("Distribution: ...", "Core services: ...",
    "VP Eng: ..."): each is a team's own statement under the one above, a cascade, not a key
    result's tasks."""
    return sum(_owned(item) for item in items) * 2 > len(items)


def _level_of_measure(text: str) -> bool:
    """A statement that states levels of a measure ("from 3 to 12", "64% (target 70%)",
    "31/week → 12/week")."""
    return _measure_or_bound(text) or bool(_LEVELS.search(text) and _DIGIT.search(text))


# "(target 12, from 3)", "9 of 12": a target, a baseline or a count against its total.
_LEVELS = re.compile(r"(?i)\btarget\s*:?\s*[<>≥≤~]?\s*\d|\bfrom\s+\d|\b\d+\s+of\s+\d+\b")


def _cascade(objective: Line) -> None:
    for line in _statement_paragraphs(objective):
        if line.role is None:
            _set(line, "key_result", "a statement paragraph under an objective")
    items = _items(objective)
    owners = _teams_under(items)
    for child in objective.children:
        grand = [
            g
            for g in child.children
            if g.shape in ("item", "bullet")
            and g.text
            # "- Owner: Volunteer Coordinator" under a key result is a field of it
            and not (g.label is not None and g.label.kind == "attribute")
        ]
        listed = child.shape in ("item", "bullet") and bool(child.text)
        if child.role is not None or not (listed or _category_under_statement(child)):
            continue
        if grand and (_category_under_statement(child) or (_category(child) and not _nests(child))):
            # "* KPIs" > "* 1000 signups", "**Reliability**" over its numbered items: a
            # category of this objective's key results.
            _group(
                child,
                "a category label over items",
                grand,
                "key_result",
                "an item under a category of an objective",
            )
            continue
        if grand and (
            (
                not starts_with_verb(clean(child.text).text or child.text)
                # "Product squads on v3 components: 9 of 12 (target 12, from 3)" over its
                # "Retro:" and "Next:" notes: a key result with notes, not an objective
                and not _level_of_measure(child.text)
            )
            or _teams_under(grand)
            # "Customer success: Implement a support system" over its steps, among items that
            # each name their owner: that owner's objective in the cascade.
            or (owners and _owned(child))
        ):
            _set(child, "objective", "holds items of its own (a cascade)")
            _cascade(child)
        else:
            _set(child, "key_result", "an item under an objective")
            for g in grand:
                if g.role is None:
                    _set(g, "initiative", "an item under a key result")


_NOTE_TITLES = re.compile(
    r"^(?:grading notes|tracking notes|notes|final scores?|scores?|scoring|grading|retrospectives?|"
    r"retros?|lessons learned|learnings|what went well|what went wrong|changelog|history|"
    r"references|links|related links|see also|appendix|glossary|faq|status update|updates|"
    r"appendix\s+[\w.]{1,3}\b.*|"  # "Appendix A — KR traceability"
    r"progress update|comments|key metrics|metrics|kpis?|success metrics|health metrics|"
    r"scoreboard|(?:okr\s+)?scorecard|dashboard|summary|status|progress|alignment(?: map)?|"
    r"traceability|"
    r"north star metrics?|"
    # "Status — update 27 July 2026", "Progress update — July", "Check-in 2026-07-27": a dated
    # report on key results stated above (its "### KR1 — Deployment: 0%" are values).
    r"(?:status|progress|updates?|check-?ins?)(?:\s*[—–:|,-]\s*|\s+)(?:updates?\s*[—–:,-]?\s*)?"
    r"(?:as\s+of\s+|on\s+)?(?:(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?(?:\s+\d{4})?|\d{4}-\d{1,2}-\d{1,2}|"
    r"\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?|(?:19|20)\d{2})(?:\s*\([^()]*\))?|"
    # "End of Quarter Retrospective", "Q3 retro", "Sprint 4 lessons learned"
    r"(?:[\w-]+\s+){1,4}(?:retrospectives?|retros?|lessons\s+learned|post-?mortems?)|"
    r"lessons(?:\s+learned)?\s+(?:from|of)\b.*|"  # "Lessons from last quarter"
    r"(?:[\w-]+\s+)?(?:metrics?|kpis?)\s+(?:targets?|dashboard|tracker|tracking|overview|to\s+watch)|"
    # "Weekly Tracking Dashboard", "OKR Progress Scorecard" (not a product's "Review Dashboard")
    r"(?:(?:weekly|monthly|quarterly|okr|progress|tracking|status)\s+){1,2}"
    r"(?:dashboard|scorecard|scoreboard)"
    r")\s*[:：]?\s*$",
    re.IGNORECASE,
)


def _note_title(text: str) -> bool:
    """A heading or line that names notes, metrics or scores ("KPIs (live now)", "Notes")."""
    t = re.sub(r"\s*\([^()]*\)\s*$", "", text.strip())
    t = re.sub(r"^[^\w\[(]+", "", t)  # "📊 Success Metrics Dashboard": an emoji before the words
    t = _FOR_NOW.sub("", t)  # "Out of scope this quarter"
    if bool(_NOTE_TITLES.match(t)) or t.rstrip(":： ").lower() in _lexicon_words("note_sections"):
        return True
    # "Health metrics: must not get worse while the KRs move": the title before its subtitle.
    head, *rest = re.split(r"\s*[:：]\s+", t, maxsplit=1)
    if rest and _OKRS.search(rest[0]):
        return False  # "Appendix: team OKRs for Q1 2024": a part that holds OKRs
    return head != t and (
        bool(_NOTE_TITLES.match(head)) or head.lower() in _lexicon_words("note_sections")
    )


_OKRS = re.compile(r"\bOKRs?\b|\bobjectives and key results\b", re.IGNORECASE)


# A period after a section's name: "Out of scope this quarter", "Risks for Q3".
_FOR_NOW = re.compile(
    r"(?i)\s+(?:(?:for\s+)?(?:this|next|the)\s+(?:quarter|half|year|cycle|sprint|period)|"
    r"(?:for|in)\s+(?:q[1-4]|h[12]|(?:19|20)\d\d)\b.*|"
    r"(?:[qt][1-4]|h[12])(?:[\s/-]*(?:19|20)?\d\d)?|(?:19|20)\d\d)$"  # "Bilan T4 2025"
)


# "Q1 2026 Results (Baseline)", "Last quarter's results": a past period's results, not KRs.
_PAST_RESULTS = re.compile(
    r"^(?!.*\bkey\b)(?=.*\b(?:q[1-4]|h[12]|(?:19|20)\d\d|last|previous|past)\b).*\bresults?\b",
    re.IGNORECASE,
)


def _doc_title(lines: list[Line]) -> Line | None:
    """The document's title: its first heading, when of level 1. It names the page ("#
    Status"), not a section in it; a level-1 heading after other headings ("# Scoreboard"
    after "# O5: ...") is a section."""
    title = next((ln for ln in lines if ln.shape == "heading"), None)
    return title if title is not None and title.level == 1 else None


def _notes(lines: list[Line]) -> None:
    """Labels under a notes or grading line ("- **Grading Notes**" > "KR#4: aborted") are
    remarks about statements, not statements. When the page states its objectives, with their
    key results, only there (a retro: "## Scores" > "### O1: The app feels fast — 0.5" over its
    graded key results), they are the page's OKRs."""
    title = _doc_title(lines)

    def a_set(x: Line) -> bool:
        return x.role == "row" or (
            x.role == "objective" and any(k.role in ("key_result", "row") for k in x.walk())
        )

    sets: dict[int, list[Line]] = {}

    def stated(x: Line) -> str:
        return _norm_text(clean(x.text).text or x.text)

    def new_set(a: Line, labelled: bool) -> bool:
        """A heading over objectives, with their key results, that the page does not state
        elsewhere: a past period's set ("## Q2 results" > "### O1: Accessibility you can trust
        — 78%"; "## Scorecard" > "**Objective A: ...** — 70%"), not the scores of objectives
        stated above ("### O1: The app feels fast — 0.5" under "## O1: The app feels fast").
        ``labelled``: only labelled objectives count."""
        if id(a) not in sets:
            found: list[Line] = []
            if a.shape == "heading":
                inside = {id(x) for x in a.walk()}
                elsewhere = {
                    stated(x) for x in lines if x.role == "objective" and id(x) not in inside
                }
                found = [
                    x
                    for x in a.walk()
                    if x.role == "objective" and a_set(x) and stated(x) not in elsewhere
                ]
            sets[id(a)] = found
        return any(x.label is not None or not labelled for x in sets[id(a)])

    def past_values(a: Line) -> bool:
        """ "## Q1 2026 Results (Baseline)" over measurements, not over a past set."""
        return bool(_PAST_RESULTS.search(a.text)) and not new_set(a, labelled=False)

    noted = [
        line
        for line in lines
        if line.role in (*STATEMENT_ROLES, "row")
        and any(
            (_note_title(a.text) and not new_set(a, labelled=True))
            or (a.shape == "heading" and past_values(a))
            for a in line.ancestors()
            if a.label is None and a is not title
        )
    ]
    kept = {id(x) for x in noted}

    only_here = any(a_set(x) for x in noted) and not any(
        a_set(x) for x in lines if id(x) not in kept
    )
    if only_here:
        return
    for line in noted:
        line.role = None
        _why(line, "under a notes heading")


# A line that introduces an example: "For example:", "Here is her OKR:", "Good Objectives
# sound like:", "Weak key results look like this:".
_INTRODUCES_EXAMPLE = re.compile(
    r"(?:\bexamples?\b|\b(?:exemplos?|ejemplos?|beispiele?|exemples?|esempi[oi]?|"
    r"voorbeeld(?:en)?)\b|例えば|例如|示例|예시|\bfor instance\b|\bhere(?: is|'s| are)\b|"
    r"\bsounds? like\b|"
    r"\blooks? like\b|\be\.g\.|"
    # "Objectives have the following format:", "Use this template:"
    r"\b(?:following|this|these)\s+(?:formats?|structures?|templates?|forms?|shapes?)\b)"
    r"[^.]*[:：]\s*$",
    re.IGNORECASE,
)


# "So here are some examples:" before a run of labelled headings: all of them are examples.
_INTRODUCES_EXAMPLES = re.compile(
    r"(?:\bexamples\b|\bsamples\b|\bhere are\b)[^.]*[:：]\s*$", re.IGNORECASE
)


def _labels_a_section(heading: Line) -> bool:
    lab = find_label(heading.text) if heading.text else None
    return lab is not None and lab.kind in ("objective", "key_result", "zone")


def _in_examples_run(line: Line) -> bool:
    """A labelled heading in a run of them ("## Objective:", "## Key Results:", ...) that a
    line introducing examples starts."""
    if line.shape != "heading" or not _labels_a_section(line):
        return False
    for prev in reversed(line.previous_siblings()):
        if prev.shape == "heading":
            if _labels_a_section(prev):
                continue
            return False
        return prev.shape in ("line", "bullet") and bool(_INTRODUCES_EXAMPLES.search(prev.text))
    return False


def _introduced_as_example(line: Line) -> bool:
    if _in_examples_run(line):
        return True
    before = line.previous_siblings()
    if (
        before
        and before[-1].shape in ("line", "bullet")
        and _INTRODUCES_EXAMPLE.search(before[-1].text)
        # right after it: with a block between ("the following structure:", a quote of it,
        # then the sections) the line is not the example
        and line.start - before[-1].end <= 16
    ):
        return True
    parent = line.parent
    return bool(
        parent is not None
        and parent.shape in ("line", "bullet", "item")
        and _INTRODUCES_EXAMPLE.search(parent.text)
    )


def _area_among_sisters(heading: Line) -> bool:
    """ "### Documentation" between "### Developer Relations" and "### Partnerships", each
    over its objectives: an area's section like its sisters, not a README's."""
    t = heading.text.strip().rstrip(":：").strip()
    if not plain_title(t) or _EXAMPLE_TITLES.search(t) or _GUIDE_TITLES.search(t):
        return False
    parent = heading.parent
    if parent is None:
        return False
    sisters = [
        h
        for h in parent.children
        if h.shape == "heading" and h.level == heading.level and h is not heading
    ]
    held = sum(
        1
        for h in sisters
        if not _plain_title(h.text) and any(x.role in STATEMENT_ROLES for x in h.walk())
    )
    return held >= 2 and held * 2 >= len(sisters)


def _bold_example_title(line: Line, seen: dict[int, list[Line | None]]) -> Line | None:
    """A bold line standing as a heading that titles examples ("**OKR Examples by Product
    Area**") before ``line`` in its section: what follows it, up to the next heading, is an
    example. A bold title of the page's own OKRs after it ("**Q3 2025 OKRs**") ends it.
    ``seen`` keeps, per parent, the nearest such title before each child (one pass each)."""
    node: Line | None = line
    while node is not None and node.shape != "heading" and node.parent is not None:
        parent = node.parent
        marks = seen.get(id(parent))
        if marks is None:
            marks = seen[id(parent)] = _bold_titles(parent.children)
        mark = marks[node.index]
        if mark is not None:
            return mark if _EXAMPLE_TITLES.search(mark.text.strip()) else None
        node = parent
    return None


def _bold_titles(children: list[Line]) -> list[Line | None]:
    """For each child, the nearest bold title line before it that titles examples or the
    page's own set (None when there is none)."""
    out: list[Line | None] = []
    current: Line | None = None
    for child in children:
        out.append(current)
        if child.shape != "line" or not child.bold or child.role is not None:
            continue
        text = child.text.strip()
        if text.endswith((":", "：")):
            continue  # "**Example**:" introduces the block after it, not a section
        if (_EXAMPLE_TITLES.search(text) and child.label is None) or (
            _OKR_TITLE_WORDS.search(text) and _PERIOD_IN.search(text)
        ):
            current = child
    return out


def _toc_entry(line: Line, lab: Label) -> bool:
    """A labelled link that is an entry of a table of contents: the label alone, or the line
    under a contents heading (one whose own lines are all links)."""
    if not lab.rest.strip():
        return True
    return any(a.shape == "heading" and _contents(a) for a in line.ancestors())


def _contents(heading: Line) -> bool:
    """A table of contents ("## Contents" over links): the deeper headings after it are the
    page's sections, not parts of it."""
    own = [c for c in heading.children if c.shape != "heading"]
    entries = [x for c in own for x in (c, *c.walk()) if x.text]
    return bool(entries) and all(x.link_only for x in entries)


def _examples(lines: list[Line]) -> int:
    """Statements under an example, guide or question heading, or after a line that introduces
    an example, are not the document's OKRs. Returns how many were set aside."""
    first_heading = next((x for x in lines if x.shape == "heading"), None)
    aside = 0
    areas: dict[int, bool] = {}  # _area_among_sisters, once per heading
    titles: dict[int, list[Line | None]] = {}  # _bold_titles, once per parent
    for line in lines:
        if line.role not in STATEMENT_ROLES and line.role != "row":
            continue
        if _introduced_as_example(line):
            line.role = None
            aside += 1
            _why(line, "introduced as an example")
            for sub in line.walk():
                if sub.role in STATEMENT_ROLES:
                    sub.role = None
                    aside += 1
                    _why(sub, "inside an example")
            continue
        bold = _bold_example_title(line, titles)
        if bold is not None:
            line.role = None
            aside += 1
            _why(line, f"after '{bold.text.strip()}': an example or a guide, not OKRs")
            continue
        for anc in line.ancestors():
            if (
                anc.shape == "heading"
                and _plain_title(anc.text)
                and anc.role is None
                and not _contents(anc)
                # "## O1. ..." > "### Why this matters" > its key results: the objective's part
                and not any(a.role == "objective" for a in anc.ancestors())
            ):
                if id(anc) not in areas:
                    areas[id(anc)] = _area_among_sisters(anc)
                if areas[id(anc)]:
                    continue
                if (
                    (anc.level == 1 or anc is first_heading)
                    and anc.parent is not None
                    and anc.parent.shape == "root"
                    and not _EXAMPLES_PAGE.search(anc.text.strip())
                ):
                    # The document's title ("# Sample Company's OKRs", or "## ..." when the
                    # page starts at level 2) names the page; an
                    # article is told by its prose and explaining headings (decide.py). A page
                    # titled as examples ("# OKR Examples", "# Anwendungsbeispiele") is one.
                    continue
                line.role = None
                aside += 1
                _why(line, f"under '{anc.text.strip()}': an example or a guide, not OKRs")
                break
    return aside
