"""The HTML report: one self-contained page (inline CSS; no script, font or image, nothing
loaded from outside the file; rule codes are links to their docs)."""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from okrlint.engine import Finding
from okrlint.model import KeyResult
from okrlint.registry import Registry
from okrlint.report.base import (
    Report,
    baseline_note,
    fix_hint,
    one_line,
    overview,
    plural,
    report_scores,
    rule_link,
    rule_rows,
    run_line,
    set_meta,
    set_title,
    without_okrs,
)
from okrlint.report.score import (
    FileScore,
    ObjectiveScore,
    ScoreSet,
    SetScore,
    StatementScore,
    display,
)
from okrlint.textsafe import safe_text

_CSS = """
:root {
  --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #f6f8fa; --card: #fff;
  --strong: #1a7f37; --strong-bg: #dafbe1; --good: #0969da; --good-bg: #ddf4ff;
  --rework: #9a4a00; --rework-bg: #fff1e5; --rewrite: #cf222e; --rewrite-bg: #ffebe9;
  --error: #cf222e; --error-bg: #ffebe9; --warning: #9a6700; --warning-bg: #fff8c5;
  --info: #0969da; --info-bg: #ddf4ff; --none: #59636e; --none-bg: #eaeef2;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0; background: var(--bg); color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif;
}
.page { max-width: 1080px; margin: 0 auto; padding: 28px 24px 40px; }
h1, h2, h3, h4 { margin: 0; line-height: 1.3; }
code { font: 0.86em ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", monospace;
  background: var(--bg); border-radius: 4px; padding: 0 4px; }
.top { display: flex; gap: 24px; align-items: center; background: var(--card);
  border: 1px solid var(--line); border-radius: 12px; padding: 20px 24px; }
.top h1 { font-size: 26px; }
.top p { margin: 4px 0 0; color: var(--muted); }
.dial { flex: none; width: 112px; height: 112px; border-radius: 50%; display: flex;
  flex-direction: column; align-items: center; justify-content: center; border: 8px solid; }
.dial .num { font-size: 34px; font-weight: 700; line-height: 1; }
.dial .of { font-size: 12px; color: var(--muted); }
.dial .tier { font-size: 13px; font-weight: 600; text-transform: uppercase;
  letter-spacing: .04em; }
.t-strong { color: var(--strong); border-color: var(--strong); background: var(--strong-bg); }
.t-good { color: var(--good); border-color: var(--good); background: var(--good-bg); }
.t-rework { color: var(--rework); border-color: var(--rework); background: var(--rework-bg); }
.t-rewrite { color: var(--rewrite); border-color: var(--rewrite);
  background: var(--rewrite-bg); }
.t-none { color: var(--none); border-color: var(--none); background: var(--none-bg); }
.badge { display: inline-block; flex: none; white-space: nowrap; border: 1px solid;
  border-radius: 999px; padding: 1px 10px; font-size: 13px; font-weight: 600; }
.badge b { font-size: 15px; }
.grid { display: grid; grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr); gap: 16px;
  margin: 16px 0 8px; }
.panel { background: var(--card); border: 1px solid var(--line); border-radius: 12px;
  padding: 16px 20px; }
.panel h2 { font-size: 16px; margin-bottom: 10px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 5px 6px; border-bottom: 1px solid var(--line);
  vertical-align: middle; }
th { color: var(--muted); font-weight: 600; font-size: 12px; text-transform: uppercase; }
td.n, th.n { text-align: right; }
td.path { overflow-wrap: break-word; }
td.path a { color: inherit; }
.rule a, .bars a { color: inherit; }
.top p.run { font-size: 12.5px; }
.legend { color: var(--muted); font-size: 12.5px; margin-top: 10px; }
.legend .badge { font-size: 11.5px; padding: 0 7px; margin-right: 2px; }
.bars { display: grid; grid-template-columns: max-content 1fr max-content; gap: 5px 10px;
  align-items: center; font-size: 13px; }
.bars .label { white-space: nowrap; }
.bars .track { background: var(--bg); border-radius: 4px; height: 14px; }
.bars .fill { display: block; height: 14px; border-radius: 4px; min-width: 3px; }
.fill.s-error { background: var(--error); }
.fill.s-warning { background: #d4a72c; }
.fill.s-info { background: #54aeff; }
.bars .count { font-weight: 600; text-align: right; }
.empty { color: var(--muted); font-size: 14px; margin: 0; }
.file { margin-top: 28px; }
.file-head { display: flex; align-items: center; gap: 12px; flex-wrap: wrap;
  padding-bottom: 8px; border-bottom: 2px solid var(--line); margin-bottom: 14px; }
.file-head h2 { font-size: 20px; word-break: break-all; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 12px; }
.set { padding: 16px 18px; margin-bottom: 18px; }
.set > header, .objective > header { display: flex; gap: 12px; align-items: flex-start;
  justify-content: space-between; }
.set > header h3 { font-size: 18px; }
.meta { color: var(--muted); font-size: 13px; margin-top: 2px; }
.objective { border-left: 6px solid var(--none); padding: 12px 16px; margin-top: 14px;
  break-inside: avoid; }
.objective.b-strong { border-left-color: var(--strong); }
.objective.b-good { border-left-color: var(--good); }
.objective.b-rework { border-left-color: var(--rework); }
.objective.b-rewrite { border-left-color: var(--rewrite); }
.kind { color: var(--muted); font-size: 12px; text-transform: uppercase;
  letter-spacing: .05em; }
.kind .owner { text-transform: none; letter-spacing: 0; margin-left: 4px;
  background: var(--bg); border-radius: 4px; padding: 0 5px; }
.objective h4 { font-size: 16.5px; font-weight: 600; }
ol.krs { list-style: none; margin: 10px 0 0; padding: 0; }
ol.krs > li { border-top: 1px solid var(--line); padding: 7px 0 7px 28px; position: relative; }
ol.krs > li::before { position: absolute; left: 4px; top: 7px; font-weight: 700; }
ol.krs > li.ok::before { content: "\\2713"; color: var(--strong); }
ol.krs > li.s-error::before { content: "\\2715"; color: var(--error); }
ol.krs > li.s-warning::before { content: "!"; color: var(--warning); left: 8px; }
ol.krs > li.s-info::before { content: "i"; color: var(--info); left: 8px; font-style: italic; }
.line { color: var(--muted); font-size: 12px; margin-left: 6px; white-space: nowrap; }
.initiative { color: var(--muted); font-size: 13px; margin: 2px 0 0; }
.none { color: var(--muted); font-size: 13.5px; margin: 8px 0 0; }
ul.findings { list-style: none; margin: 6px 0 0; padding: 0; }
ul.findings > li { margin: 6px 0 0; padding: 6px 10px; border-radius: 8px; font-size: 14px;
  background: var(--bg); }
ul.findings > li.s-error { background: var(--error-bg); }
ul.findings > li.s-warning { background: var(--warning-bg); }
ul.findings > li.s-info { background: var(--info-bg); }
.sev { display: inline-block; font-size: 11px; font-weight: 700; text-transform: uppercase;
  letter-spacing: .04em; border-radius: 4px; padding: 0 6px; color: #fff;
  vertical-align: 1px; }
.sev.s-error { background: var(--error); }
.sev.s-warning { background: var(--warning); }
.sev.s-info { background: var(--info); }
.rule { color: var(--muted); font-size: 12.5px; white-space: nowrap; }
.fix { margin-top: 3px; color: var(--muted); font-size: 13.5px; }
.fix b { color: var(--ink); }
.scope { margin-top: 12px; }
.scope h5 { margin: 0; font-size: 12px; color: var(--muted); text-transform: uppercase;
  letter-spacing: .05em; }
footer { color: var(--muted); font-size: 12.5px; margin-top: 32px; text-align: center; }
@media screen and (max-width: 760px) {
  .grid { display: block; }
  .grid .panel { margin-bottom: 12px; }
  .top { flex-direction: column; align-items: flex-start; }
}
@media print {
  @page { margin: 14mm 12mm; }
  body { background: #fff; font-size: 10.5pt; }
  .page { max-width: none; padding: 0; }
  .top, .panel, .card { border-color: #bbb; }
  .grid { display: block; }
  .grid .panel { margin-bottom: 12px; }
  .panel, .top, .objective, ul.findings > li, tr { break-inside: avoid; }
  .file { margin-top: 18px; }
  .file-head, .set > header, .scope h5 { break-after: avoid; }
  .set { padding: 10px 12px; }
}
"""

_ESC_CODE = re.compile(r"`([^`\n]+)`")


def _h(text: object) -> str:
    return html.escape(safe_text(str(text), keep_newlines=True), quote=True)


def _h_code(text: str) -> str:
    """Escaped text on one line, with ``code spans`` shown as <code>."""
    return _ESC_CODE.sub(r"<code>\1</code>", _h(one_line(text)))


def _tier_class(tier: str | None) -> str:
    return f"t-{tier.lower()}" if tier else "t-none"


def _badge(score: float | None, tier: str | None) -> str:
    if score is None:
        return '<span class="badge score t-none">no score</span>'
    return (
        f'<span class="badge score {_tier_class(tier)}"><b>{_h(display(score).split("/")[0])}'
        f"</b>/100 · {_h(tier)}</span>"
    )


def _rule_code(registry: Registry, code: str) -> str:
    """The rule's code, a link to its documentation when it has one."""
    url = rule_link(registry, code)
    return f'<a href="{_h(url)}">{_h(code)}</a>' if url else _h(code)


def _html_findings(findings: Iterable[Finding], registry: Registry, where: bool) -> str:
    items = []
    for f in findings:
        fix = fix_hint(registry, f.code)
        fix_html = f'<div class="fix"><b>Fix:</b> {_h_code(fix)}</div>' if fix else ""
        line = f'<span class="line">line {f.line}</span>' if where else ""
        items.append(
            f'<li class="finding s-{_h(f.severity)}"><span class="sev s-{_h(f.severity)}">'
            f'{_h(f.severity)}</span> <span class="msg">{_h_code(f.message)}</span> '
            f'<span class="rule">{_rule_code(registry, f.code)} {_h(f.name)}</span>{line}'
            f"{fix_html}</li>"
        )
    return f'<ul class="findings">{"".join(items)}</ul>' if items else ""


def _html_kr(k: StatementScore, registry: Registry) -> str:
    kr = k.node
    state = f"s-{k.severity}" if k.severity else "ok"
    initiatives = ""
    if isinstance(kr, KeyResult) and kr.initiatives:
        initiatives = "".join(
            f'<p class="initiative">↳ {_h(one_line(i.text))}</p>' for i in kr.initiatives
        )
    return (
        f'<li class="kr {state}"><span class="text">{_h(one_line(kr.text))}</span>'
        f'<span class="line">line {kr.span.line}</span>{initiatives}'
        f"{_html_findings(k.findings, registry, where=False)}</li>"
    )


def _html_objective(o: ObjectiveScore, registry: Registry) -> str:
    obj = o.objective
    tier_cls = f"b-{o.tier.lower()}" if o.tier else ""
    krs = "".join(_html_kr(k, registry) for k in o.key_results)
    krs_html = f'<ol class="krs">{krs}</ol>' if krs else ""
    if not o.key_results:
        krs_html = '<p class="none">No key results.</p>'
    owner = obj.metadata.get("owner")
    owner_html = f' <span class="owner">{_h(owner)}</span>' if owner not in (None, "") else ""
    return (
        f'<article class="card objective {tier_cls}"><header><div>'
        f'<div class="kind">Objective · line {obj.span.line}{owner_html}</div>'
        f"<h4>{_h(one_line(obj.text))}</h4></div>{_badge(o.score, o.tier)}</header>"
        f"{_html_findings(o.findings, registry, where=False)}{krs_html}</article>"
    )


def _html_set(ss: SetScore, registry: Registry) -> str:
    meta = set_meta(ss.okr_set)
    meta_html = f'<div class="meta">{_h(" · ".join(meta))}</div>' if meta else ""
    parts = [
        f'<section class="card set"><header><div><div class="kind">Set · line '
        f"{ss.okr_set.span.line}</div><h3>{_h(set_title(ss.okr_set))}</h3>{meta_html}</div>"
        f"{_badge(ss.score, ss.tier)}</header>"
    ]
    if ss.findings:
        parts.append(
            '<div class="scope"><h5>About the whole set</h5>'
            f"{_html_findings(ss.findings, registry, where=True)}</div>"
        )
    parts.extend(_html_objective(o, registry) for o in ss.objectives)
    if ss.shared_key_results:
        krs = "".join(_html_kr(k, registry) for k in ss.shared_key_results)
        parts.append(
            '<article class="card objective"><header><div><div class="kind">Shared key '
            f'results</div></div></header><ol class="krs">{krs}</ol></article>'
        )
    parts.append("</section>")
    return "".join(parts)


def _html_file(fs: FileScore, index: int, registry: Registry) -> str:
    parts = [
        f'<section class="file" id="file-{index}"><div class="file-head">'
        f"<h2>{_h(fs.path)}</h2>{_badge(fs.score, fs.tier)}</div>"
    ]
    if fs.doc is not None and not fs.doc.has_okrs:
        parts.append('<p class="empty">No OKRs found in this file.</p>')
    if fs.findings:
        label = "About the whole file" if fs.sets else "Findings"
        parts.append(
            f'<div class="card set"><div class="scope" style="margin-top:0"><h5>{label}</h5>'
            f"{_html_findings(fs.findings, registry, where=True)}</div></div>"
        )
    parts.extend(
        _html_set(ss, registry)
        for ss in fs.sets
        if ss.objectives or ss.findings or ss.shared_key_results
    )
    parts.append("</section>")
    return "".join(parts)


def _html_chart(findings: Sequence[Finding], registry: Registry) -> str:
    rows = rule_rows(findings)
    if not rows:
        return '<p class="empty">No findings.</p>'
    top = max(n for *_, n in rows)
    cells = []
    for code, name, severity, n in rows:
        width = f"{100 * n / top:.1f}%"
        cells.append(
            f'<span class="label"><b>{_rule_code(registry, code)}</b> {_h(name)}</span>'
            f'<span class="track"><span class="fill s-{_h(severity)}" style="width:{width}">'
            f'</span></span><span class="count">{n}</span>'
        )
    return f'<div class="bars" role="img" aria-label="Findings per rule">{"".join(cells)}</div>'


def _html_files_table(scores: ScoreSet, findings: Sequence[Finding]) -> str:
    if not scores.files:
        return '<p class="empty">No files.</p>'
    rows = []
    per_path = Counter(f.path for f in findings)
    for i, fs in enumerate(scores.files, 1):
        if without_okrs(fs):
            continue  # one collapsed line under the files
        n_obj = len(list(fs.doc.objectives())) if fs.doc is not None else "–"
        n_find = per_path[fs.path]
        rows.append(
            f'<tr><td class="path"><a href="#file-{i}">{_h(fs.path)}</a></td>'
            f"<td>{_badge(fs.score, fs.tier)}</td>"
            f'<td class="n">{n_obj}</td><td class="n">{n_find}</td></tr>'
        )
    return (
        '<table><thead><tr><th>File</th><th>Score</th><th class="n">Objectives</th>'
        f'<th class="n">Problems</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def render_html(report: Report) -> str:
    from okrlint import __version__

    scores = report_scores(report)
    findings = list(report.findings)
    ov = overview(report, scores)
    overall, tier = scores.score, scores.tier
    if overall is None:
        dial = (
            '<div class="dial t-none"><span class="num">–</span><span class="of">no score'
            "</span></div>"
        )
    else:
        dial = (
            f'<div class="dial {_tier_class(tier)}"><span class="num">'
            f'{_h(display(overall).split("/")[0])}</span><span class="of">/100</span>'
            f'<span class="tier">{_h(tier)}</span></div>'
        )
    run_html = f'<p class="run">{_h(run_line(report))}</p>' if run_line(report) else ""
    t = scores.config.tiers
    w = scores.config.weights
    legend = (
        '<p class="legend">'
        f'<span class="badge t-rewrite">Rewrite</span> &lt; {t["rework"]:g} ≤ '
        f'<span class="badge t-rework">Rework</span> &lt; {t["good"]:g} ≤ '
        f'<span class="badge t-good">Good</span> &lt; {t["strong"]:g} ≤ '
        '<span class="badge t-strong">Strong</span></p>'
        f'<p class="legend">Each statement counts its worst finding once: error {w["error"]:g}, '
        f"warning {w['warning']:g}, info {w['info']:g} points. Objective = 100 − its own "
        "penalty − the mean penalty of its key results (the error weight when it has none); "
        "set = mean of its objectives − a quarter of its own penalty; file = mean of its sets "
        "− its own penalty.</p>"
    )
    if report.hidden:
        legend += f'<p class="legend">{_h(baseline_note(report.hidden))}</p>'
    quiet = ov.quiet
    title = "okrlint report" + (f": {display(overall)} {tier}" if overall is not None else "")
    body = [
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_h(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        '<div class="page">\n',
        f'<header class="top">{dial}<div><h1>OKR quality report</h1>'
        f"<p>{_h(ov.found)}.</p><p>{_h(' · '.join(ov.counts))}</p>{run_html}</div></header>\n",
        '<div class="grid">'
        f'<section class="panel"><h2>Files</h2>{_html_files_table(scores, findings)}'
        f"{legend}</section>"
        '<section class="panel"><h2>Findings per rule</h2>'
        f"{_html_chart(findings, report.registry)}</section>"
        "</div>\n",
    ]
    body.extend(
        _html_file(fs, i, report.registry) + "\n"
        for i, fs in enumerate(scores.files, 1)
        if not without_okrs(fs)
    )
    if quiet:
        names = "".join(f"<li>{_h(fs.path)}</li>" for fs in quiet)
        body.append(
            f'<details class="panel"><summary>{_h(plural(len(quiet), "file"))} without OKRs'
            f"</summary><ul>{names}</ul></details>\n"
        )
    body.append(
        f"<footer>Made by okrlint {_h(__version__)}. Scores are computed from the findings "
        "shown here.</footer>\n</div>\n</body>\n</html>\n"
    )
    return "".join(body)
