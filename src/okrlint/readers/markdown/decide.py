"""Stage 4 of the Markdown reader: is this an OKR document at all?

Design docs with Goals and Non-Goals, roadmaps, PRDs with success metrics, syllabi and articles
that explain OKRs with an example are not. A document holds OKRs when its statements have
explicit evidence (key-result labels, a "Key Results" zone, a key-result table column, or
objective labels in a file that says it holds OKRs), or when a file that says it holds OKRs
repeats one shape; and it is not an article: prose that outweighs the statements, under
headings that explain or give examples.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

from okrlint.readers.decorations import explaining_title, own_okrs_title, words
from okrlint.readers.markdown.lines import Line
from okrlint.readers.markdown.roles import STATEMENT_ROLES, RoleSummary, kind_label

# A file name or title that says the file holds OKRs (in the languages of labels.yaml). A file
# may be named "goals.yaml"; a heading "Goals" says nothing (design docs have one).
# The words in Latin script start a word: "Projektziele" (project goals) and "Lernziele"
# (learning objectives) are German compounds that say nothing about OKRs.
_OKR_WORDS = r"okr|(?<![^\W_])(?:objectives|key[\s_-]*results?|ziele|objetivos|objectifs)"
# 目标 / 目標 / 목표: "objective" in an OKR file's title, but also any "goal" ("2019年 目標.md"),
# never "目標設定" / "目标管理" (goal setting, management by objectives: the method's name).
_CJK_GOAL = r"目标(?!设定|设置|管理)|目標(?!設定|管理)|목표(?!\s*설정|\s*관리)"
OKR_TITLE = re.compile(rf"{_OKR_WORDS}|{_CJK_GOAL}", re.IGNORECASE)
# "goals.md", "team_goals.md", "q3-goals.yaml"; not "goalsetting.md" (an underscore separates
# words in a file name, unlike in a regex word).
OKR_NAME = re.compile(rf"{OKR_TITLE.pattern}|objective|(?<![^\W_])goals?(?![^\W_])", re.IGNORECASE)
# A name that says OKRs without "goals" (which a blog post "my_goals_for_2025.md" also has, and
# a year's "目標.md").
OKR_NAME_STRONG = re.compile(rf"{_OKR_WORDS}|objective", re.IGNORECASE)
# A folder kept for OKRs: every word of its name is an OKR word, a period or an archive's
# ("okrs/", "OKR-archive/", "goals/", "2024-okrs/", "okrs_q3/"); not "okr-guide/", "not-okr/"
# or "okrlint/", whose files may be about OKRs without being any.
_FOLDER_WORD = re.compile(
    r"(?:okrs?|objectives|goals|keyresults?|ziele|objetivos|objectifs|目标|目標|목표|archives?|"
    r"current|past|previous|(?:fy|cy)?\d{2,4}|q[1-4]|h[12]|(?:19|20)\d{2}q[1-4])",
    re.IGNORECASE,
)
_FOLDER_OKR = re.compile(
    r"(?:okrs?|objectives|goals|keyresults?|ziele|objetivos|objectifs|目标|目標|목표)", re.I
)
_FOLDER_STRONG = re.compile(r"(?:okrs?|objectives|keyresults?)", re.IGNORECASE)


def _okr_folder(name: str, strong: bool) -> bool:
    name = re.sub(r"(?i)key[\s_.\-]*(results?)", r"key\1", name)
    parts = [w for w in re.split(r"[\s_.\-]+", name) if w]
    if not parts or not all(_FOLDER_WORD.fullmatch(w) for w in parts):
        return False
    says = _FOLDER_STRONG if strong else _FOLDER_OKR
    return any(says.fullmatch(w) for w in parts)


def named_okr(path: str, strong: bool = False) -> bool:
    """Whether the file's name, or the name of the folder it sits in, says it holds OKRs
    ("okrs.md", "okrs/README.md", "goals/2023_Q1.md"). Strong: OKRs, not only goals."""
    p = PurePath(path)
    name = OKR_NAME_STRONG if strong else OKR_NAME
    return bool(name.search(p.name)) or _okr_folder(p.parent.name, strong)


_ARTICLE_HEADINGS = re.compile(
    r"\b(?:what (?:is|are)|how (?:to|do|does|we)|why|introduction|guide|tips|best practices|"
    r"examples?|benefits|mistakes|pitfalls|history|conclusion|faq|resources|further reading|"
    r"references|tl;?dr|summary|getting started|process|cadence|grading|scoring|"
    r"how okrs? work)\b",
    re.IGNORECASE,
)


# Lines that address the reader, ask a question, introduce an example or talk about OKRs
# themselves ("OKRs are not a monitoring tool", an OKR app's backlog: "Add versioning of
# objectives and key results"): guidance, not OKRs. "OKR-12" is a tracker's key, not a word.
_TO_READER = r"\b(?:you|your|you'll|you're|yourself)\b"
_GUIDANCE = re.compile(
    rf"{_TO_READER}|"
    r"\?\s*$|[:：]\s*$|\b(?:for example|e\.g\.|"
    r"a good example|such as)\b|(?<![A-Za-z])OKRs?(?![A-Za-z\d]|[-_#.]?\d)|\bkey[\s-]results?\b|"
    # Rules for writing OKRs ("Não devem ser baseados em métricas", "Should be measurable").
    r"^(?:(?:should|must|deve|devem|debe|deben|sollte|sollten|muss|müssen|doit|doivent|"
    r"recomendad[oa]|recommended|recommandée?)\b|(?:não|no|nicht|ne)\s+(?:deve|devem|debe|"
    r"deben|sollte|doit)\b)",
    re.IGNORECASE,
)


_YOU = re.compile(_TO_READER, re.IGNORECASE)
# A template's slot where a statement goes ("[Key result]", "{{OBJECTIVE}}", "<key result>"):
# it names what to write, it does not talk about OKRs.
_SLOT = re.compile(r"^\s*(?:\[[^\[\]]{1,60}\]|\{\{[^{}]{1,60}\}\}|<[^<>]{1,60}>)\s*$")


def _slot(line: Line) -> bool:
    """A template's slot: the line, or a table row's statement cell ("| [Key result 1.1] |
    [name] | [value] |")."""
    if line.shape == "row":
        return any(
            _SLOT.match(line.cells[i][0])
            for i, c in enumerate(line.columns)
            if c.role in ("objective", "key_result") and i < len(line.cells)
        )
    return bool(_SLOT.match(_introducing(line)))


_DIGIT = re.compile(r"\d")

# A period in a title: "FY24-Q2", "Q3 2026", "2025", "H1", "CY22".
_PERIOD = re.compile(
    r"\b(?:FY|CY)\s?'?\d{2,4}|\bQ[1-4]\b|\b[1-4]Q\b|\bH[12]\b|(?<![\d.])(?:19|20)\d{2}(?![\d.])",
    re.IGNORECASE,
)


def _dated_set(statements: list[Line], lines: list[Line]) -> bool:
    """Whether every statement sits under a heading that names OKRs and a period ("Active OKRs
    FY24-Q2"), or the page's title does ("# OKRs - Q1-Q2 2025" over sections at its own
    level): a team's own set, however much guide prose the page has besides."""

    def dated(line: Line) -> bool:
        return line.shape == "heading" and bool(
            OKR_TITLE.search(line.text) and _PERIOD.search(line.text)
        )

    title = next((ln for ln in lines if ln.shape == "heading"), None)
    if statements and title is not None and dated(title):
        return True
    return bool(statements) and all(any(dated(a) for a in ln.ancestors()) for ln in statements)


def _stated(line: Line) -> str:
    """A line's statement: for a table row, its statement cells ("| Key Result | Active sellers
    from 1,800 to 3,000 |" states the second cell; the first names its kind)."""
    if line.shape != "row" or not line.cells:
        return line.text
    kept = [
        cell[0]
        for cell, col in zip(line.cells, line.columns, strict=False)
        if col.role is not None or kind_label(cell[0]) is None
    ]
    return " | ".join(kept)


def _introducing(line: Line) -> str:
    """A statement's text for the guidance test: an objective's colon before its own key
    results ("Cliënten weten altijd wie er komt:" over them) introduces them, it asks
    nothing."""
    text = _stated(line)
    krs = [c for c in line.children if c.role == "key_result"] if line.role == "objective" else []
    if krs and _mostly_measured(krs):
        return text.rstrip().rstrip(":：")  # measured results, not a course's "you will learn:"
    return text


def _in_zone(line: Line) -> bool:
    """An item under a line that names its group ("### Q1 Key Results" over "- **Q1-KR1 -
    Domain consolidation complete.** 100% of ..."): a verbose key result, not prose (a long
    paragraph there still is)."""
    return line.shape in ("item", "bullet") and any(a.role == "zone" for a in line.ancestors())


def _numbered_okrs(statements: list[Line]) -> int:
    """Objectives labelled with a number ("OKR 2:", "okr1 ..."), each with results under it."""
    return sum(
        1
        for ln in statements
        if ln.role == "objective"
        and ln.label is not None
        and ln.label.number
        and any(c.role == "key_result" for c in ln.children)
    )


def _dated_goals_title(lines: list[Line]) -> bool:
    """A heading labelled as goals or objectives that names a period ("# Goals — Q2 2026",
    "## Ziele 2026"): the goals of that period follow, not a design doc's "Goals"."""
    return any(
        ln.shape == "heading"
        and ln.label is not None
        and ln.label.kind in ("objective", "zone")
        and _PERIOD.search(ln.text)
        for ln in lines
    )


def _mostly_measured(krs: list[Line]) -> bool:
    """Whether half of these key results or more are measured."""
    return 2 * sum(1 for ln in krs if _measured(ln)) >= len(krs)


def _measured(line: Line) -> bool:
    """A result with a number, or tracked with a checkbox."""
    return bool(_DIGIT.search(line.text)) or line.checked is not None


def _bold_heading(line: Line) -> bool:
    """A bold line alone, a few words: a heading written as "**Why OKRs matter**"."""
    return (
        line.shape == "line"
        and line.bold
        and line.role is None
        and not line.children
        and len(words(line.text)) <= 8
    )


@dataclass
class Decision:
    okr: bool
    reason: str
    explicit: bool = False  # labels, zones or columns say so (not only the repeated shape)


def decide(
    root: Line, summary: RoleSummary, file_says_okr: bool, title_says_okr: bool = False
) -> Decision:
    lines = list(root.walk())
    statements = [ln for ln in lines if ln.role in STATEMENT_ROLES or ln.role == "row"]
    if not statements:
        return Decision(False, "no objective or key result found")
    if summary.examples >= 4 and summary.examples >= 3 * len(statements):
        # A guide whose statements are mostly its examples: what is left ("| O1 | KR1: ARR
        # $10M | $6M |" under "Tracking structure") is one more, not the file's own OKRs.
        return Decision(
            False,
            f"a guide: {summary.examples} statements are its examples, {len(statements)} "
            "left outside them",
        )
    krs = [ln for ln in statements if ln.role in ("key_result", "row")]
    has_kr = bool(krs)
    # "KR1: ...", a table with objective and key-result columns, or a column named "Key
    # result" under statement headings: the file names its key results.
    explicit = summary.key_result_labels > 0 or summary.paired_columns > 0
    explicit = explicit or (summary.kr_columns >= 2 and has_kr)
    if summary.measured > 1 and file_says_okr:
        explicit = True  # statements with their own baseline and target lines, in an OKR file
    if not explicit and (summary.zones > 0 or summary.columns > 0) and has_kr:
        # "Key Results" over a list or a "Metric" column: OKRs in a file that says so, or
        # beside objective labels (a spec's "Objectives" section is not).
        explicit = file_says_okr or summary.strong_labels > 0
    if not explicit and summary.named and file_says_okr:
        explicit = True  # "## Q1 2026 Objectives" over a list, in an OKR file
    if not explicit and file_says_okr and has_kr and _numbered_okrs(statements) >= 2:
        explicit = True  # "### okr1 湖仓一体", "### okr2 ..." over their results, in okr.md
    if not explicit and file_says_okr and has_kr and _dated_goals_title(lines):
        # "# Goals — Q2 2026" over the goals and their results, in goals.md; "goals" is a weak
        # word ("2019年 目標" over motivations, skills and a study plan): most of the results
        # are measured (a number, a checkbox).
        explicit = _mostly_measured(krs)
    # "# Platform team OKRs — FY26 Q2" over statement headings and their measured results: the
    # title says what the page holds, the numbers that they are results (read by shape all the
    # same: speculative unless the file's name says OKRs).
    titled_results = title_says_okr and has_kr and _mostly_measured(krs)
    if not explicit and summary.strong_labels and (file_says_okr or has_kr):
        explicit = True  # "Objective 1: ..." with key results under it, or in an OKR file
    if not explicit and not (summary.inferred and file_says_okr) and not titled_results:
        objectives = [ln for ln in statements if ln.role == "objective"]
        if objectives and summary.strong_labels:
            first = objectives[0].label.label if objectives[0].label else "Objective"
            return Decision(
                False,
                f"{len(objectives)} line(s) labelled like '{first}' but no key results under "
                "them and nothing else that says this file holds OKRs: put each objective's key "
                "results in a list under it ('- KR1: ...'), or name the file *okrs*.md",
            )
        if not file_says_okr:
            why = "and neither the file name nor its title says OKRs"
        elif not has_kr:
            why = "and no list of key results under the objectives"
        else:
            why = "and no shape the file repeats"
        return Decision(
            False,
            "no line labelled as a key result ('KR1: ...', 'Key result: ...'), no 'Key "
            f"Results' list or table column, {why}",
        )
    if not explicit and not title_says_okr and krs and not any(_measured(ln) for ln in krs):
        # A help page or notes in a repository named after OKRs: headings over steps (a
        # checklist under a goal is somebody's tracked results, numbers or not).
        return Decision(
            False,
            f"read by its shape alone, no title that says OKRs, and none of its {len(krs)} key "
            "results holds a number: steps or notes under headings, not OKRs",
        )
    guidance = [
        ln
        for ln in statements
        if ln.label is None
        and not _slot(ln)
        and (_GUIDANCE.search(t := _introducing(ln)) or (len(words(t)) > 40 and not _in_zone(ln)))
    ]
    if len(guidance) * 10 >= len(statements) * 3:
        return Decision(
            False,
            f"guidance about OKRs: {len(guidance)} of {len(statements)} statements address the "
            "reader, ask, introduce an example, talk about OKRs themselves or run on as prose",
        )
    statement_words = sum(len(words(ln.text)) for ln in statements)
    prose_words = sum(
        len(words(ln.text))
        for ln in lines
        if ln.role is None and ln.shape in ("line", "item") and len(words(ln.text)) >= 12
    )
    article = sum(
        1
        for ln in lines
        if (ln.shape == "heading" or _bold_heading(ln))
        and not own_okrs_title(ln.text)
        and (explaining_title(ln.text.strip()) or _ARTICLE_HEADINGS.search(ln.text))
    )
    # Prose that speaks to the reader ("If you're the manager of a team, you might ...") is a
    # guide's: it takes less of it to outweigh the statements.
    to_reader = sum(
        1
        for ln in lines
        if ln.role is None and ln.shape in ("line", "item") and _YOU.search(ln.text)
    )
    ratio = 2 if to_reader >= 3 else 3
    if (
        prose_words > ratio * max(statement_words, 1)
        and article >= 2
        and not _dated_set(statements, lines)
    ):
        return Decision(
            False,
            f"an article about OKRs ({prose_words} words of prose, {statement_words} in "
            f"statements, {article} explaining headings)",
        )
    return Decision(
        True, "explicit labels" if explicit else "the shape the file repeats", explicit=explicit
    )
