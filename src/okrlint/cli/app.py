"""The application behind the command: from :class:`Options` to outputs and an exit code.

One run: answer the questions that need no linting (``--explain``, ``--list-rules``,
``--show-config``), find the files and each one's settings, lint them (workers and the cache:
:mod:`okrlint.runner`), narrow the findings (``--min-severity``, ``--diff-base``, a baseline),
write every output, and decide the exit code.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import click

from okrlint.baseline import BaselineError, read_baseline, write_baseline
from okrlint.cli.options import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, Options, UserError
from okrlint.cli.output import (
    emit,
    list_rules,
    parse_reports,
    printable,
    progress,
    source_lines,
    touched,
    use_color,
)
from okrlint.cli.selection import TIME_DEPENDENT, Run, named_explicitly, split_values
from okrlint.config import Config, ConfigResolver
from okrlint.engine import Finding, at_or_above
from okrlint.files import Target, discover, git_commit
from okrlint.formats import REPORT_FORMATS, Report, fingerprints, render, statistics
from okrlint.formats.text import quiet_text, with_score_lines
from okrlint.outfile import check_target, write_text
from okrlint.readers import DEFAULT_MAX_BYTES
from okrlint.registry import Registry, default_registry
from okrlint.report.score import FileScore, ScoreSet, min_score_failures, score_documents
from okrlint.runner import FileResult, Job, run_jobs
from okrlint.textsafe import safe_path


def run(o: Options) -> int:
    """Everything one invocation does; the exit code (0, 1 or 2)."""
    registry = default_registry()
    color = use_color(o.no_color, o.color)
    if o.explain or o.list_rules:
        _about_rules(o, registry, color)
        return EXIT_OK
    try:
        day = dt.date.fromisoformat(o.today) if o.today else dt.date.today()
    except ValueError:
        raise UserError(f"--today must be a date like 2026-07-01, not '{o.today}'") from None
    if o.select and not split_values(o.select):
        raise UserError("--select is empty: it would check nothing (give rules, or ALL)")
    selection = {
        "select": split_values(o.select) if o.select else None,
        "extend_select": split_values(o.extend_select),
        "ignore": split_values(o.ignore),
        "today": day,
        "no_inline_config": o.no_inline_config,
    }
    resolver = ConfigResolver(registry, Path(o.config_file) if o.config_file else None, o.isolated)
    session = Run(registry, selection, resolver)
    if o.show_config:
        _show_config(o, session, registry)
        return EXIT_OK
    if o.why and not o.outline:
        raise UserError("--why explains --outline: use 'okrlint --outline --why FILE'")
    if not o.paths:
        raise UserError("no paths given (try 'okrlint okrs.md' or 'okrlint --help')")

    extra_reports = parse_reports(o.reports)
    targets = _targets(o, extra_reports)
    jobs, cfg0 = _jobs(o, session, targets)
    fmt = (
        o.fmt or cfg0.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    )
    min_score = o.min_score if o.min_score is not None else cfg0.min_score
    # Reports show every statement, and scores after a baseline count only the findings it
    # does not hide: both need the documents (workers send them back, cache entries keep them).
    keep_docs = (
        o.outline
        or fmt == "full"  # source lines come from the bytes read, never from a second read
        or fmt in REPORT_FORMATS
        or bool(o.baseline and (fmt in ("text", "full") or min_score is not None))
    )
    with progress(len(jobs), o.quiet) as step:
        results = list(
            run_jobs(
                jobs,
                jobs_wanted=o.n_jobs,
                cache_dir=o.cache_dir,
                use_cache=not o.no_cache,
                keep_docs=keep_docs,
                progress=step,
            )
        )
    docs = [r.doc for r in results if r.doc is not None]
    internal = [e for r in results for e in r.errors]
    if o.outline:
        from okrlint.formats.outline import outline_json, outline_text

        out = outline_json(docs) if fmt == "json" else outline_text(docs, color, why=o.why)
        emit(out, o.output_file)
        return EXIT_OK

    kept = _narrowed(o, results)
    if o.write_baseline:
        write_baseline(Path(o.write_baseline), kept.findings, kept.prints)
        click.echo(
            f"okrlint: wrote {len(kept.findings)} finding(s) to {printable(o.write_baseline)}; "
            f"run with --baseline {printable(o.write_baseline)} to report only new ones.",
            err=True,
        )
        return EXIT_ERROR if internal else EXIT_OK
    findings = kept.findings
    wants_commit = fmt in REPORT_FORMATS or any(r in REPORT_FORMATS for r, _ in extra_reports)
    scores = (
        score_documents(docs, findings, cfg0.score)
        if keep_docs
        else ScoreSet(
            [
                FileScore(r.path, None, r.stats.get("score"), r.stats.get("tier"), [])
                for r in results
            ],
            cfg0.score,
        )
    )
    report = Report(
        findings,
        session.report_registry(),
        {
            "files": len(results),
            "objectives": sum(r.stats.get("objectives", 0) for r in results),
            "key_results": sum(r.stats.get("key_results", 0) for r in results),
        },
        color and not o.output_file,
        source_lines(findings, docs) if fmt == "full" else {},
        docs=docs,
        scores=scores,
        files=[r.path for r in results],
        hidden=kept.hidden,
        run_date=day,
        # Only the score reports show it: no .git read for the other formats.
        commit=git_commit(Path.cwd()) if wants_commit else None,
    )
    _write_outputs(o, fmt, report, extra_reports, no_files=not targets)
    for line in internal:
        click.echo(f"okrlint: {safe_path(line)}", err=True)
    if internal:
        return EXIT_ERROR
    return _exit_code(o, cfg0, findings, scores, min_score)


def _about_rules(o: Options, registry: Registry, color: bool) -> None:
    """``--explain RULE`` and ``--list-rules``, with the rule packs of the configuration."""
    if not o.isolated:
        resolver = ConfigResolver(registry, Path(o.config_file) if o.config_file else None, False)
        registry = resolver.for_path(str(Path.cwd() / "x.md")).registry or registry
    if o.explain:
        rule = registry.get(o.explain)
        if rule is None:
            raise UserError(f"unknown rule '{o.explain}'{registry.suggest(o.explain)}")
        click.echo(rule.explain(), nl=False)
        return
    list_rules(registry, o.fmt or "text", color)


def _show_config(o: Options, session: Run, registry: Registry) -> None:
    """The values in effect for one path: command-line options, else the file, else defaults
    (never "null")."""
    path = o.show_config or ""
    settings, cfg = session.settings_for(path)
    data = cfg.as_dict()
    select = session.opts["select"]
    data["select"] = select if select is not None else cfg.select
    if data["select"] is None:
        data["select"] = sorted(r.code for r in registry.rules if r.enabled)
    data["fail-level"] = o.fail_level or cfg.fail_level or "warning"
    data["format"] = o.fmt or cfg.format or "text"
    data["max-file-size"] = o.max_file_size or cfg.max_file_size or DEFAULT_MAX_BYTES
    data["min-score"] = o.min_score if o.min_score is not None else cfg.min_score
    data["include"] = cfg.include if cfg.include is not None else ["**"]
    data["config-file"] = str(cfg.path) if cfg.path else "(none: defaults)"
    data["path"] = path
    data["selected"] = sorted(settings.selected)
    data["per-file-ignores-applied"] = cfg.ignores_for(path)
    click.echo(json.dumps(data, indent=2))


def _targets(o: Options, extra_reports: list[tuple[str, str]]) -> list[Target]:
    """The files to lint; no output may be written over one of them."""
    notes: list[str] = []
    targets = discover(list(o.paths), notes)
    for note in notes:
        click.echo(f"okrlint: {safe_path(note)}", err=True)
    linted = [t.path for t in targets] + ([o.stdin_filename] if o.stdin_filename else [])
    if o.output_file:
        check_target(o.output_file, "output file", linted)
    for _, report_file in extra_reports:
        check_target(report_file, "report file", linted)
    if o.write_baseline:
        check_target(o.write_baseline, "baseline file", linted)
    return targets


def _jobs(o: Options, session: Run, targets: list[Target]) -> tuple[list[Job], Config]:
    """One job per file its configuration does not exclude, and the first file's
    configuration (it decides the format, the score and the fail level of the run)."""
    jobs: list[Job] = []
    first: Config | None = None
    for target in targets:
        # Standard input uses the configuration of --stdin-filename's folder, else of the
        # folder okrlint runs in.
        lookup = target.path
        if target.path == "-":
            lookup = o.stdin_filename or str(Path.cwd() / "stdin.md")
        settings, cfg = session.settings_for(lookup)
        first = first or cfg
        if target.path != "-" and cfg.excluded(target.path):
            continue
        # include: applies to files found in a walk, and in hook mode to files passed by name
        # too (the pre-commit hook names every staged file).
        hook_or_walk = not target.explicit or o.ignore_non_okr_files
        if hook_or_walk and target.path != "-" and not cfg.included(target.path):
            continue
        limit = o.max_file_size or cfg.max_file_size or DEFAULT_MAX_BYTES
        explicit = target.explicit and not o.ignore_non_okr_files
        jobs.append(
            Job(
                target.path,
                settings,
                explicit,
                limit,
                o.stdin_filename,
                cfg.score,
                hook=o.ignore_non_okr_files,
            )
        )
    return jobs, first or Config()


@dataclass
class _Kept:
    findings: list[Finding]
    prints: list[str] = field(default_factory=list)  # fingerprints, with a baseline only
    hidden: int = 0


def _narrowed(o: Options, results: list[FileResult]) -> _Kept:
    """The findings to report: sorted, at or above --min-severity, on lines changed since
    --diff-base, and not known to the baseline."""
    findings = sorted((f for r in results for f in r.findings), key=Finding.sort_key)
    if o.min_severity:
        findings = [f for f in findings if at_or_above([f], o.min_severity)]
    if o.diff_base:
        from okrlint.diffbase import DiffError, changed_lines

        try:
            changed = changed_lines(o.diff_base, [r.path for r in results])
        except DiffError as exc:
            raise UserError(str(exc)) from None
        findings = [f for f in findings if touched(f, changed)]
    # Fingerprints only when a baseline is written or read (the formats that carry them, SARIF
    # and GitLab, compute their own).
    prints = fingerprints(findings) if o.write_baseline or o.baseline else []
    if not o.baseline:
        return _Kept(findings, prints)
    try:
        known = read_baseline(Path(o.baseline))
    except BaselineError as exc:
        raise UserError(str(exc)) from None
    kept = [(f, p) for f, p in zip(findings, prints, strict=True) if p not in known]
    return _Kept([f for f, _ in kept], [p for _, p in kept], len(findings) - len(kept))


def _write_outputs(
    o: Options,
    fmt: str,
    report: Report,
    extra_reports: list[tuple[str, str]],
    no_files: bool,
) -> None:
    try:
        out = render(fmt, report)
    except NotImplementedError as exc:
        raise UserError(str(exc)) from None
    findings = list(report.findings)
    if fmt in ("text", "full"):
        if o.quiet:
            out = quiet_text(out, findings)
        elif report.scores is not None:
            out = with_score_lines(out, report.scores)
        if o.statistics:
            out = statistics(findings)  # as ruff: the table instead of the findings
        if no_files:
            click.echo(f"No Markdown or YAML files found in {', '.join(o.paths)}.", err=True)
    for report_fmt, report_file in extra_reports:
        try:
            write_text(report_file, printable(render(report_fmt, report)), "report file")
        except NotImplementedError as exc:
            raise UserError(str(exc)) from None
    emit(out, o.output_file, color=report.color)
    if o.statistics and fmt not in ("text", "full"):
        click.echo(statistics(findings), nl=False, err=True)
    if report.hidden:
        click.echo(
            f"okrlint: {report.hidden} known finding(s) hidden by the baseline {o.baseline}.",
            err=True,
        )


def _exit_code(
    o: Options,
    cfg0: Config,
    findings: list[Finding],
    scores: ScoreSet,
    min_score: float | None,
) -> int:
    """1 when a finding that may fail the run is at or above the fail level, or a file scores
    under --min-score; else 0."""
    failures = min_score_failures(scores, min_score) if min_score is not None else []
    for message in failures:
        click.echo(f"okrlint: {safe_path(message)}", err=True)
    level = o.fail_level or cfg0.fail_level or "warning"
    chosen = [*(split_values(o.select) or []), *(split_values(o.extend_select) or [])]
    gating = [
        f for f in findings if f.code not in TIME_DEPENDENT or named_explicitly(f, cfg0, chosen)
    ]
    if not o.exit_zero and (at_or_above(gating, level) or failures):
        return EXIT_FINDINGS
    return EXIT_OK


__all__ = ["run"]
