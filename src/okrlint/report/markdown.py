"""The Markdown report: pull-request comments and ``$GITHUB_STEP_SUMMARY``, under GitHub's
comment limit."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from okrlint.engine import Finding
from okrlint.registry import Registry
from okrlint.report.base import (
    TIER_EMOJI,
    Report,
    baseline_note,
    fix_hint,
    md_escape,
    overview,
    plural,
    report_scores,
    rule_link,
    run_line,
    set_meta,
    set_title,
)
from okrlint.report.score import (
    FileScore,
    ObjectiveScore,
    display,
)


def _md_score(score: float | None, tier: str | None) -> str:
    if score is None or tier is None:
        return "no score"
    return f"{display(score)} {TIER_EMOJI.get(tier, '')} {tier}".replace("  ", " ")


def _md_table(findings: Sequence[Finding], registry: Registry) -> list[str]:
    lines = [
        "| Line | Severity | Rule | Problem | How to fix |",
        "|---:|---|---|---|---|",
    ]
    for f in findings:
        url = rule_link(registry, f.code)
        rule = f"[{f.code}]({url}) `{f.name}`" if url else f"{f.code} `{f.name}`"
        lines.append(
            f"| {f.line} | {f.severity} | {rule} | {md_escape(f.message)} "
            f"| {md_escape(fix_hint(registry, f.code))} |"
        )
    return [*lines, ""]


def _md_objective(o: ObjectiveScore, registry: Registry) -> list[str]:
    head = (
        f"**{_md_score(o.score, o.tier)}** · Objective (line {o.objective.span.line}): "
        f"{md_escape(o.objective.text)}"
    )
    krs = len(o.key_results)
    weak = sum(1 for k in o.key_results if k.findings)
    lines = [head, ""]
    findings = o.all_findings()
    if not krs:
        lines += ["No key results.", ""]
    elif weak:
        lines += [f"{plural(krs, 'key result')}, {weak} with problems.", ""]
    else:
        lines += [f"{plural(krs, 'key result')}, none with problems.", ""]
    if findings:
        lines.extend(_md_table(findings, registry))
    return lines


# GitHub refuses a comment over 65,536 characters: the Markdown report stays under it, with a
# margin for what the Action adds around it.
MAX_MARKDOWN_CHARS = 60_000


def render_markdown(report: Report) -> str:
    scores = report_scores(report)
    registry = report.registry
    findings = list(report.findings)
    ov = overview(report, scores)
    lines = ["## okrlint report", ""]
    if scores.score is not None:
        lines.append(f"**Overall score: {_md_score(scores.score, scores.tier)}**")
        lines.append("")
    lines += [f"{ov.found} in {', '.join(ov.counts)}.", ""]
    if run_line(report):
        lines += [f"<sub>{run_line(report)}</sub>", ""]
    if report.hidden:
        lines += [baseline_note(report.hidden), ""]
    shown, quiet = ov.shown, ov.quiet
    if shown:
        lines += ["| File | Score | Objectives | Problems |", "|---|---|---:|---:|"]
        per_path = Counter(f.path for f in findings)
        table = 0
        for i, fs in enumerate(shown):
            n_obj = len(list(fs.doc.objectives())) if fs.doc is not None else "–"
            n_find = per_path[fs.path]
            row = f"| {md_escape(fs.path)} | {_md_score(fs.score, fs.tier)} | {n_obj} | {n_find} |"
            table += len(row) + 1
            if table > MAX_MARKDOWN_CHARS * 2 // 3:
                lines.append(f"| … {plural(len(shown) - i, 'more file')} | | | |")
                break
            lines.append(row)
        lines.append("")
    if quiet:
        names = ", ".join(md_escape(fs.path) for fs in quiet)
        if len(names) > MAX_MARKDOWN_CHARS // 6:
            names = names[: MAX_MARKDOWN_CHARS // 6].rsplit(", ", 1)[0] + ", …"
        lines += [
            f"<details><summary>{plural(len(quiet), 'file')} without OKRs</summary>",
            "",
            names,
            "",
            "</details>",
            "",
        ]
    tiers = scores.config.tiers
    lines.append(
        f"Tiers: Rewrite < {tiers['rework']:g} ≤ Rework < {tiers['good']:g} ≤ Good "
        f"< {tiers['strong']:g} ≤ Strong."
    )
    lines.append("")
    size = sum(len(line) + 1 for line in lines)
    for i, fs in enumerate(shown):
        section = _md_file(fs, registry)
        extra = sum(len(line) + 1 for line in section)
        if size + extra > MAX_MARKDOWN_CHARS:
            left = len(shown) - i
            lines += [
                f"*The details of {plural(left, 'more file')} are left out: a pull-request "
                "comment holds at most 65,536 characters. The job log and `--format html` "
                "show every finding.*",
                "",
            ]
            break
        lines += section
        size += extra
    return "\n".join(lines).rstrip("\n") + "\n"


def _md_file(fs: FileScore, registry: Registry) -> list[str]:
    lines = [f"### {md_escape(fs.path)}: {_md_score(fs.score, fs.tier)}", ""]
    if fs.doc is not None and not fs.doc.has_okrs:
        lines += ["No OKRs found in this file.", ""]
    if fs.findings:
        if fs.sets:
            lines += ["**File**", ""]
        lines.extend(_md_table(fs.findings, registry))
    for ss in fs.sets:
        if not ss.objectives and not ss.findings and not ss.shared_key_results:
            continue
        title = md_escape(set_title(ss.okr_set))
        lines += [f"#### {title}: {_md_score(ss.score, ss.tier)}", ""]
        meta = set_meta(ss.okr_set)
        if meta:
            lines += [md_escape(" · ".join(meta)), ""]
        if ss.findings:
            lines += ["**Set**", ""]
            lines.extend(_md_table(ss.findings, registry))
        for o in ss.objectives:
            lines.extend(_md_objective(o, registry))
        shared = [f for k in ss.shared_key_results for f in k.findings]
        if ss.shared_key_results:
            lines += [f"**Shared key results** ({len(ss.shared_key_results)})", ""]
            if shared:
                lines.extend(_md_table(sorted(shared, key=Finding.sort_key), registry))
    return lines
