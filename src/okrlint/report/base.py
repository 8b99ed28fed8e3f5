"""What every score report shares: the run's :class:`Report` (findings, documents, scores),
its scores, counts and titles, and escaping for Markdown."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from okrlint.engine import Finding
from okrlint.model import OkrDocument, OkrSet
from okrlint.registry import SEVERITY_RANK, Registry
from okrlint.report.score import (
    FileScore,
    ScoreSet,
    score_documents,
)
from okrlint.textsafe import safe_text


@dataclass
class Report:
    """What one run hands to an output format: the findings (sorted), the rule registry (for
    rule descriptions), run statistics and whether colour is wanted, and for the score reports
    the linted documents and their scores."""

    findings: Sequence[Finding]
    registry: Registry
    stats: dict[str, int] = field(default_factory=dict)
    color: bool = False
    # The source line of each finding, for the "full" format: {(path, line): text}.
    sources: dict[tuple[str, int], str] = field(default_factory=dict)
    # The linted documents, for the scores of the markdown, html and json-report formats.
    docs: Sequence[OkrDocument] = ()
    # None: computed from docs with the default weights.
    scores: ScoreSet | None = None
    # Every file linted, with or without findings (JUnit reports each as a test case).
    files: Sequence[str] = ()
    # Findings a baseline hid: the reports say they are left out of the scores.
    hidden: int = 0
    # The day of the run (--today) and the commit checked out, for the score reports' heading.
    run_date: dt.date | None = None
    commit: str | None = None


def run_line(report: Report) -> str:
    """ "Run on 2026-12-02 at commit 1a2b3c4d5e6f." (what is known of it), or ''."""
    parts = []
    if report.run_date is not None:
        parts.append(f"on {report.run_date.isoformat()}")
    if report.commit:
        parts.append(f"at commit {report.commit[:12]}")
    return f"Run {' '.join(parts)}." if parts else ""


def rule_link(registry: Registry, code: str) -> str | None:
    """The rule's documentation page, when it has one (okrlint's own rules)."""
    rule = registry.get(code)
    return rule.help_uri if rule is not None else None


JSON_REPORT_VERSION = 1
TIER_EMOJI = {"Strong": "🟢", "Good": "🔵", "Rework": "🟠", "Rewrite": "🔴"}


def report_scores(report: Report) -> ScoreSet:
    """The report's scores, computed from its documents when the caller did not pass them."""
    if report.scores is not None:
        return report.scores
    return score_documents(list(report.docs), list(report.findings))


def fix_hint(registry: Registry, code: str) -> str:
    """The first sentence of the rule's fix (as the ``full`` format prints it), or ''."""
    rule = registry.get(code)
    if rule is None or not rule.fix.strip():
        return ""
    return first_sentence(rule.fix)


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n} {word if n == 1 else (words or word + 's')}"


def problem_summary(findings: Sequence[Finding]) -> str:
    counts = Counter(f.severity for f in findings)
    return (
        f"{plural(len(findings), 'problem')} ({plural(counts['error'], 'error')}, "
        f"{plural(counts['warning'], 'warning')}, {counts['info']} info)"
    )


def run_counts(report: Report, scores: ScoreSet) -> tuple[int, int, int]:
    """(files, objectives, key results): from the run's statistics, else from the documents."""
    docs = [f.doc for f in scores.files if f.doc is not None]
    stats = report.stats or {}
    files = stats.get("files", len(docs) or len(scores.files))
    objectives = stats.get("objectives", sum(1 for d in docs for _ in d.objectives()))
    key_results = stats.get("key_results", sum(1 for d in docs for _ in d.key_results()))
    return files, objectives, key_results


def set_title(okr_set: OkrSet) -> str:
    if okr_set.title:
        return okr_set.title
    for key in ("team", "owner"):
        value = okr_set.metadata.get(key)
        if value not in (None, ""):
            return str(value)
    return "OKRs"


def set_meta(okr_set: OkrSet) -> list[str]:
    parts = []
    title = set_title(okr_set)
    for key in ("cycle", "level", "owner", "updated"):
        value = okr_set.metadata.get(key)
        if value not in (None, "") and not (key == "owner" and str(value) == title):
            parts.append(f"{key} {value}")
    return parts


def one_line(text: str) -> str:
    """On one line, with control characters (NUL, ESC, bidi overrides) made visible."""
    return " ".join(safe_text(text).split())


def rule_rows(findings: Sequence[Finding]) -> list[tuple[str, str, str, int]]:
    """(code, name, worst severity, count) per rule, most frequent first."""
    counts: Counter[tuple[str, str]] = Counter((f.code, f.name) for f in findings)
    severity: dict[str, str] = {}
    for f in findings:
        old = severity.get(f.code)
        if old is None or SEVERITY_RANK[f.severity] > SEVERITY_RANK[old]:
            severity[f.code] = f.severity
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [(code, name, severity[code], n) for (code, name), n in ordered]


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_CODE_SPAN = re.compile(r"(`[^`\n]+`)")


def md_escape(text: str) -> str:
    """Text for a GitHub-flavoured Markdown paragraph or table cell: on one line, with
    ``code spans`` kept as code and every other character Markdown or HTML would act on
    (``| * _ [ ] < > & ~ \\``) escaped with a backslash; ``@mentions`` and ``#123`` references
    made inert."""
    out = []
    for part in _CODE_SPAN.split(one_line(text)):
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            out.append(part.replace("|", "\\|"))  # a pipe ends a table cell even in code
        else:
            out.append(quiet_references(_MD_SPECIAL.sub(r"\\\1", part)))
    return "".join(out)


_MENTION = re.compile(r"(?<![\w/])([@#])(?=[\w-])")


def quiet_references(text: str) -> str:
    """A zero-width space after ``@`` and ``#``: in a pull-request comment "@team" and "#123"
    from a statement would ping people and cross-link issues; they still read the same."""
    return _MENTION.sub("\\1\u200b", text)


def without_okrs(fs: FileScore) -> bool:
    """A file with nothing to show: no OKRs and no finding (the hook passes many such files)."""
    return fs.score is None and not fs.findings and not any(s.findings for s in fs.sets)


@dataclass(frozen=True)
class Overview:
    """What both score reports (Markdown, HTML) say first: what was found, in how much, and
    which files have something to show."""

    found: str  # "Found 3 problems (1 error, ...)" or "All checks passed"
    counts: tuple[str, str, str]  # "4 files", "7 objectives", "21 key results"
    shown: list[FileScore]
    quiet: list[FileScore]  # files without OKRs or findings: listed by name only


def overview(report: Report, scores: ScoreSet) -> Overview:
    findings = list(report.findings)
    files, objectives, key_results = run_counts(report, scores)
    return Overview(
        found=f"Found {problem_summary(findings)}" if findings else "All checks passed",
        counts=(
            plural(files, "file"),
            plural(objectives, "objective"),
            plural(key_results, "key result"),
        ),
        shown=[fs for fs in scores.files if not without_okrs(fs)],
        quiet=[fs for fs in scores.files if without_okrs(fs)],
    )


def baseline_note(hidden: int) -> str:
    return (
        f"{plural(hidden, 'known finding')} hidden by the baseline "
        f"{'is' if hidden == 1 else 'are'} left out of the findings and the scores."
    )


@lru_cache(maxsize=512)
def first_sentence(text: str) -> str:
    """The first sentence of ``text`` on one line. A full stop inside backticks, double quotes
    or brackets, or not followed by a space ("0.5"), does not end the sentence."""
    text = " ".join(text.split())
    depth = 0
    quoted = ""
    for i, ch in enumerate(text):
        if quoted:
            if ch == quoted:
                quoted = ""
        elif ch in '`"':
            quoted = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(0, depth - 1)
        elif ch in ".!?" and depth == 0 and (i + 1 == len(text) or text[i + 1] == " "):
            return text[: i + 1]
    return text
