"""The ``okrlint`` command."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import math
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn

import click

from okrlint import __version__
from okrlint.config import Config, ConfigError, ConfigResolver
from okrlint.diffbase import DiffError, changed_lines
from okrlint.engine import Finding, Settings, at_or_above
from okrlint.files import PathError, discover, git_commit
from okrlint.formats import FORMAT_NAMES, REPORT_FORMATS, Report, fingerprints, render, statistics
from okrlint.model import OkrDocument
from okrlint.outfile import OutputError, check_target, write_text
from okrlint.readers import DEFAULT_MAX_BYTES
from okrlint.registry import Registry, RuleError, default_registry
from okrlint.report.score import (
    FileScore,
    ScoreSet,
    display,
    min_score_failures,
    score_documents,
    summary_lines,
)
from okrlint.runner import Job, run_jobs
from okrlint.textsafe import safe_path

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UserError(Exception):
    """A problem with how okrlint was called: one line on stderr, exit 2."""


def _terminated(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def _fail(message: str) -> NoReturn:
    click.echo(f"okrlint: error: {safe_path(message)}", err=True)
    sys.exit(EXIT_ERROR)


def _split(values: Sequence[str] | None) -> list[str] | None:
    if values is None:
        return None
    out: list[str] = []
    for v in values:
        out.extend(x.strip() for x in v.replace(" ", ",").split(",") if x.strip())
    return out


def resolve_selection(
    registry: Registry,
    select: list[str] | None,
    extend_select: list[str] | None,
    ignore: list[str] | None,
) -> frozenset[str]:
    def codes(selectors: list[str], what: str) -> set[str]:
        out: set[str] = set()
        for s in selectors:
            matched = registry.match(s)
            if not matched:
                raise UserError(f"unknown rule selector '{s}' in {what}{registry.suggest(s)}")
            out.update(r.code for r in matched)
        return out

    if select is None:
        chosen = {r.code for r in registry.rules if r.enabled}
    else:
        chosen = codes(select, "--select")
    if extend_select:
        chosen |= codes(extend_select, "--extend-select")
    if ignore:
        chosen -= codes(ignore, "--ignore")
    return frozenset(chosen)


def _use_color(no_color: bool, color: bool | None) -> bool:
    if no_color or os.environ.get("NO_COLOR"):
        return False
    if color or os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


class Run:
    """One invocation: command-line options layered over each file's configuration."""

    def __init__(self, registry: Registry, opts: dict[str, Any], resolver: ConfigResolver):
        self.registry = registry
        self.opts = opts
        self.resolver = resolver
        self.settings_cache: dict[tuple[int, tuple[str, ...]], Settings] = {}
        self.registries: dict[int, Registry] = {}

    def report_registry(self) -> Registry:
        """Every rule that may appear in the findings (built-in and from rule packs)."""
        if len(self.registries) == 1:
            return next(iter(self.registries.values()))
        rules = {r.code: r for reg in [self.registry, *self.registries.values()] for r in reg.rules}
        return Registry(list(rules.values()))

    def settings_for(self, path: str) -> tuple[Settings, Config]:
        cfg = self.resolver.for_path(path)
        per_file = tuple(cfg.ignores_for(path)) if path != "-" else ()
        key = (id(cfg), per_file)
        cached = self.settings_cache.get(key)
        if cached is not None:
            return cached, cfg
        o = self.opts
        registry = cfg.registry or self.registry
        self.registries.setdefault(id(registry), registry)
        select = o["select"] if o["select"] is not None else cfg.select
        extend = [*cfg.extend_select, *(o["extend_select"] or [])]
        ignore = [*cfg.ignore, *(o["ignore"] or []), *per_file]
        off = [code for code, sev in cfg.severities.items() if sev == "off"]
        try:
            selected = resolve_selection(registry, select, extend, [*ignore, *off])
        except UserError as exc:
            where = f"{cfg.path}: " if cfg.path else ""
            raise UserError(f"{where}{exc}") from None
        severities = {c: s for c, s in cfg.severities.items() if s != "off"}
        settings = Settings(
            registry=registry,
            selected=selected,
            severities=severities,  # type: ignore[arg-type]
            options=cfg.options,
            today=o["today"],
            inline=not o["no_inline_config"],
        )
        self.settings_cache[key] = settings
        return settings, cfg


# Past this a size is a typo (and Python cannot read that much at once).
MAX_FILE_SIZE_LIMIT = 1 << 31


def _finite(value: float | None, name: str) -> float | None:
    if value is not None and not math.isfinite(value):
        raise click.BadParameter(f"{name} must be a number from 0 to 100, not {value}")
    return value


FORMAT_HELP = "Output format: " + ", ".join(FORMAT_NAMES) + "."


def paths_first(args: list[str], command: click.Command) -> list[str]:
    """Arguments with every token that names an existing file moved after ``--``.

    okrlint runs on file names that others chose (the pre-commit hook passes the names of
    committed files): a file called ``-oREADME.md`` must be linted, not read as ``-o README.md``.
    A token that starts with a dash and exists on disk is a path, unless it is the value of the
    option before it; everything after ``--`` already is."""
    takes_value: set[str] = set()
    for param in command.params:
        if isinstance(param, click.Option) and not param.is_flag and not param.count:
            takes_value.update(param.opts)
    options: list[str] = []
    paths: list[str] = []
    expecting_value = False
    for i, token in enumerate(args):
        if token == "--":
            paths.extend(args[i + 1 :])
            break
        if expecting_value:
            options.append(token)
            expecting_value = False
            continue
        if token.startswith("-") and token != "-" and os.path.lexists(token):
            paths.append(token)
            continue
        options.append(token)
        expecting_value = token in takes_value
    return [*options, "--", *paths] if paths else options


class _Command(click.Command):
    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, paths_first(list(args), self))


@click.command(
    cls=_Command,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice(FORMAT_NAMES), default=None, help=FORMAT_HELP)
@click.option("-o", "--output-file", type=click.Path(dir_okay=False), help="Write the output here.")
@click.option(
    "--report",
    "reports",
    multiple=True,
    metavar="FORMAT=FILE",
    help="Also write FORMAT to FILE in the same run (repeat: --report sarif=okrlint.sarif "
    "--report gitlab=gl-code-quality.json); the output format still goes to standard output.",
)
@click.option("--select", multiple=True, help="Rules to run (codes, names or prefixes like OKR3).")
@click.option("--extend-select", multiple=True, help="Rules to add to the selection.")
@click.option("--ignore", multiple=True, help="Rules to skip (codes, names or prefixes).")
@click.option(
    "--fail-level",
    type=click.Choice(["error", "warning", "info"]),
    default=None,
    help="Exit 1 when a finding is at or above this severity (default: warning).",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help="Print only the findings: no scores, no summary line (the exit code says the rest).",
)
@click.option(
    "--diff-base",
    metavar="REF",
    default=None,
    help="Report only findings on lines changed since the git revision REF (a pull request's "
    "base, e.g. origin/main).",
)
@click.option(
    "--min-severity",
    type=click.Choice(["error", "warning", "info"]),
    default=None,
    help="Show only findings at or above this severity (e.g. error).",
)
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule.")
@click.option(
    "--config", "config_file", type=click.Path(dir_okay=False), help="Configuration file."
)
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option(
    "--show-config", "show_config", metavar="PATH", help="Print the configuration for PATH."
)
@click.option("--no-inline-config", is_flag=True, help="Ignore okrlint-disable comments.")
@click.option("--baseline", type=click.Path(dir_okay=False), help="Hide findings recorded here.")
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False),
    help="Record today's findings here (then gate only new ones with --baseline).",
)
@click.option("--explain", "explain", metavar="RULE", help="Show a rule's documentation and exit.")
@click.option("--list-rules", is_flag=True, help="List the rules (with --format json: as JSON).")
@click.option("--outline", is_flag=True, help="Show what okrlint understood instead of linting.")
@click.option(
    "--why",
    is_flag=True,
    help="With --outline: every line's role and the evidence for it (Markdown).",
)
@click.option("--stdin-filename", metavar="NAME", help="File name to report when PATH is '-'.")
@click.option(
    "--ignore-non-okr-files",
    is_flag=True,
    help="Files without OKRs pass silently (no OKR002), as in a directory walk; the pre-commit "
    "hook uses it.",
)
@click.option(
    "--today",
    metavar="YYYY-MM-DD",
    help="The date stale-review compares with (default: today), for reproducible runs.",
)
@click.option(
    "--max-file-size",
    type=click.IntRange(min=1, max=MAX_FILE_SIZE_LIMIT),
    default=None,
    help=f"Skip files larger than this many bytes with OKR001 (default {DEFAULT_MAX_BYTES}).",
)
@click.option(
    "-j",
    "--jobs",
    "n_jobs",
    type=click.IntRange(min=0),
    default=None,
    help="Worker processes (default: one per core when there are many files; 1: no workers).",
)
@click.option(
    "--min-score",
    type=click.FloatRange(0, 100),
    callback=lambda _ctx, _param, value: _finite(value, "--min-score"),
    default=None,
    metavar="N",
    help="Exit 1 when a file's quality score (0-100) is below N.",
)
@click.option("--no-cache", is_flag=True, help="Do not read or write the result cache.")
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Result cache folder (default: $OKRLINT_CACHE_DIR or ~/.cache/okrlint).",
)
@click.option("--no-color", is_flag=True, help="No colours (also: NO_COLOR=1).")
@click.option("--color", is_flag=True, default=None, help="Colours even when not on a terminal.")
@click.version_option(__version__, "-V", "--version", prog_name="okrlint")
def main(**kw: Any) -> None:
    """Lint OKRs (Objectives and Key Results) in Markdown and YAML files.

    PATHS are files or directories (searched for *.md, *.markdown, *.yaml, *.yml); '-' reads
    standard input. Exit codes: 0 no findings at or above --fail-level, 1 findings, 2 error.
    """
    with contextlib.suppress(ValueError):  # only the main thread may set a handler
        signal.signal(signal.SIGTERM, _terminated)
    try:
        _main(**kw)
    except (UserError, ConfigError, PathError, RuleError, OutputError) as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        # Ctrl-C or SIGTERM: outputs are written whole at the end, so nothing half-written
        # is left; workers see their parent go and end too.
        click.echo("okrlint: interrupted; nothing written", err=True)
        sys.exit(130)
    except BrokenPipeError:
        # "okrlint --list-rules | head": the reader went away; that is not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(EXIT_OK if kw.get("list_rules") or kw.get("explain") else EXIT_FINDINGS)


def _main(
    paths: tuple[str, ...],
    fmt: str | None,
    output_file: str | None,
    reports: tuple[str, ...],
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_level: str | None,
    exit_zero: bool,
    quiet: bool,
    diff_base: str | None,
    min_severity: str | None,
    statistics: bool,
    config_file: str | None,
    isolated: bool,
    show_config: str | None,
    no_inline_config: bool,
    baseline: str | None,
    write_baseline: str | None,
    explain: str | None,
    list_rules: bool,
    outline: bool,
    why: bool,
    stdin_filename: str | None,
    ignore_non_okr_files: bool,
    today: str | None,
    max_file_size: int | None,
    n_jobs: int | None,
    min_score: float | None,
    no_cache: bool,
    cache_dir: str | None,
    no_color: bool,
    color: bool | None,
) -> None:
    registry = default_registry()
    use_color = _use_color(no_color, color)

    if (explain or list_rules) and not isolated:
        # Show pack rules too: use the configuration of the current folder (or --config).
        resolver0 = ConfigResolver(registry, Path(config_file) if config_file else None, False)
        registry = resolver0.for_path(str(Path.cwd() / "x.md")).registry or registry
    if explain:
        rule = registry.get(explain)
        if rule is None:
            raise UserError(f"unknown rule '{explain}'{registry.suggest(explain)}")
        click.echo(rule.explain(), nl=False)
        return
    if list_rules:
        _list_rules(registry, fmt or "text", use_color)
        return
    try:
        day = dt.date.fromisoformat(today) if today else dt.date.today()
    except ValueError:
        raise UserError(f"--today must be a date like 2026-07-01, not '{today}'") from None

    if select and not _split(select):
        raise UserError("--select is empty: it would check nothing (give rules, or ALL)")
    opts = {
        "select": _split(select) if select else None,
        "extend_select": _split(extend_select),
        "ignore": _split(ignore),
        "today": day,
        "no_inline_config": no_inline_config,
    }
    resolver = ConfigResolver(registry, Path(config_file) if config_file else None, isolated)
    run = Run(registry, opts, resolver)

    if show_config:
        settings, cfg = run.settings_for(show_config)
        data = cfg.as_dict()
        # The values in effect, not "null": command-line options, else the file, else defaults.
        data["select"] = opts["select"] if opts["select"] is not None else cfg.select
        if data["select"] is None:
            data["select"] = sorted(r.code for r in registry.rules if r.enabled)
        data["fail-level"] = fail_level or cfg.fail_level or "warning"
        data["format"] = fmt or cfg.format or "text"
        data["max-file-size"] = max_file_size or cfg.max_file_size or DEFAULT_MAX_BYTES
        data["min-score"] = min_score if min_score is not None else cfg.min_score
        data["include"] = cfg.include if cfg.include is not None else ["**"]
        data["config-file"] = str(cfg.path) if cfg.path else "(none: defaults)"
        data["path"] = show_config
        data["selected"] = sorted(settings.selected)
        data["per-file-ignores-applied"] = cfg.ignores_for(show_config)
        click.echo(json.dumps(data, indent=2))
        return

    if why and not outline:
        raise UserError("--why explains --outline: use 'okrlint --outline --why FILE'")
    if not paths:
        raise UserError("no paths given (try 'okrlint okrs.md' or 'okrlint --help')")
    extra_reports = _parse_reports(reports)
    notes: list[str] = []
    targets = discover(list(paths), notes)
    for note in notes:
        click.echo(f"okrlint: {safe_path(note)}", err=True)
    linted = [t.path for t in targets] + ([stdin_filename] if stdin_filename else [])
    if output_file:
        check_target(output_file, "output file", linted)
    for _, report_file in extra_reports:
        check_target(report_file, "report file", linted)
    if write_baseline:
        check_target(write_baseline, "baseline file", linted)

    jobs: list[Job] = []
    first_cfg: Config | None = None
    for target in targets:
        # Standard input uses the configuration of --stdin-filename's folder, else of the
        # folder okrlint runs in.
        lookup = target.path
        if target.path == "-":
            lookup = stdin_filename or str(Path.cwd() / "stdin.md")
        settings, cfg = run.settings_for(lookup)
        first_cfg = first_cfg or cfg
        if target.path != "-" and cfg.excluded(target.path):
            continue
        # include: applies to files found in a walk, and in hook mode to files passed by name
        # too (the pre-commit hook names every staged file).
        hook_or_walk = not target.explicit or ignore_non_okr_files
        if hook_or_walk and target.path != "-" and not cfg.included(target.path):
            continue
        limit = max_file_size or cfg.max_file_size or DEFAULT_MAX_BYTES
        explicit = target.explicit and not ignore_non_okr_files
        jobs.append(Job(target.path, settings, explicit, limit, stdin_filename, cfg.score))

    cfg0 = first_cfg or Config()
    fmt = fmt or cfg0.format
    if fmt is None:
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    min_score = min_score if min_score is not None else cfg0.min_score
    # Reports show every statement, and scores after a baseline count only the findings it
    # does not hide: both need the documents (workers send them back, cache entries keep them).
    keep_docs = (
        outline
        or fmt == "full"  # source lines come from the bytes read, never from a second read
        or fmt in REPORT_FORMATS
        or bool(baseline and (fmt in ("text", "full") or min_score is not None))
    )
    with _progress(len(jobs), quiet) as step:
        results = list(
            run_jobs(
                jobs,
                jobs_wanted=n_jobs,
                cache_dir=cache_dir,
                use_cache=not no_cache,
                keep_docs=keep_docs,
                progress=step,
            )
        )
    docs = [r.doc for r in results if r.doc is not None]
    findings = [f for r in results for f in r.findings]
    internal = [e for r in results for e in r.errors]

    if outline:
        from okrlint.formats.outline import outline_json, outline_text

        out = outline_json(docs) if fmt == "json" else outline_text(docs, use_color, why=why)
        _emit(out, output_file)
        return

    findings.sort(key=Finding.sort_key)
    if min_severity:
        findings = [f for f in findings if at_or_above([f], min_severity)]
    if diff_base:
        try:
            changed = changed_lines(diff_base, [r.path for r in results])
        except DiffError as exc:
            raise UserError(str(exc)) from None
        findings = [f for f in findings if _touched(f, changed)]
    # Fingerprints only when a baseline is written or read (the formats that carry them, SARIF
    # and GitLab, compute their own).
    prints = fingerprints(findings) if write_baseline or baseline else []
    if write_baseline:
        _write_baseline(Path(write_baseline), findings, prints)
        click.echo(
            f"okrlint: wrote {len(findings)} finding(s) to {printable(write_baseline)}; "
            f"run with --baseline {printable(write_baseline)} to report only new ones.",
            err=True,
        )
        sys.exit(EXIT_ERROR if internal else EXIT_OK)
    hidden = 0
    if baseline:
        known = _read_baseline(Path(baseline))
        kept = [(f, p) for f, p in zip(findings, prints, strict=True) if p not in known]
        hidden = len(findings) - len(kept)
        findings = [f for f, _ in kept]

    stats = {
        "files": len(results),
        "objectives": sum(r.stats.get("objectives", 0) for r in results),
        "key_results": sum(r.stats.get("key_results", 0) for r in results),
    }
    sources = _source_lines(findings, docs) if fmt == "full" else {}
    if keep_docs:
        scores = score_documents(docs, findings, cfg0.score)
    else:
        scores = ScoreSet(
            [
                FileScore(r.path, None, r.stats.get("score"), r.stats.get("tier"), [])
                for r in results
            ],
            cfg0.score,
        )
    report = Report(
        findings,
        run.report_registry(),
        stats,
        use_color and not output_file,
        sources,
        docs=docs,
        scores=scores,
        files=[r.path for r in results],
        hidden=hidden,
        run_date=day,
        commit=git_commit(Path.cwd()),
    )
    try:
        out = render(fmt, report)
    except NotImplementedError as exc:
        raise UserError(str(exc)) from None
    if fmt in ("text", "full"):
        out = _quiet(out, findings) if quiet else _with_scores(out, scores)
        if statistics:
            out = statistics_text(findings)  # as ruff: the table instead of the findings
    if not targets and fmt in ("text", "full"):
        click.echo(f"No Markdown or YAML files found in {', '.join(paths)}.", err=True)
    for report_fmt, report_file in extra_reports:
        try:
            write_text(report_file, printable(render(report_fmt, report)), "report file")
        except NotImplementedError as exc:
            raise UserError(str(exc)) from None
    _emit(out, output_file, color=report.color)
    if statistics and fmt not in ("text", "full"):
        click.echo(statistics_text(findings), nl=False, err=True)
    if hidden:
        click.echo(
            f"okrlint: {hidden} known finding(s) hidden by the baseline {baseline}.", err=True
        )
    for line in internal:
        click.echo(f"okrlint: {safe_path(line)}", err=True)
    if internal:
        sys.exit(EXIT_ERROR)
    failures = min_score_failures(scores, min_score) if min_score is not None else []
    for message in failures:
        click.echo(f"okrlint: {safe_path(message)}", err=True)
    level = fail_level or cfg0.fail_level or "warning"
    chosen = [*(_split(select) or []), *(_split(extend_select) or [])]
    gating = [
        f for f in findings if f.code not in TIME_DEPENDENT or named_explicitly(f, cfg0, chosen)
    ]
    if not exit_zero and (at_or_above(gating, level) or failures):
        sys.exit(EXIT_FINDINGS)


# Rules whose findings appear by themselves as days pass (stale-review): reported, but they fail
# the run only when selected by code or name, so an unrelated pull request never turns red
# because a date went by.
TIME_DEPENDENT = frozenset({"OKR403"})


def named_explicitly(finding: Finding, cfg: Config, chosen: Sequence[str]) -> bool:
    """Whether the rule of ``finding`` was selected by its own code or name (not a prefix or
    ALL), on the command line (``chosen``) or in the configuration."""
    names = {finding.code.lower(), finding.name.lower()}
    return any(
        item.strip().lower() in names for item in [*chosen, *(cfg.select or []), *cfg.extend_select]
    )


SCORE_LINES_MAX = 10  # more files than this: one overall score line


def _touched(finding: Finding, changed: dict[str, set[int]]) -> bool:
    """A finding on a line the change touched (any line of its span), in a file git does not
    know (all new), or about the whole file."""
    lines = changed.get(os.path.realpath(finding.path))
    if lines is None:
        return True
    return any(n in lines for n in range(finding.line, finding.end_line + 1))


def _parse_reports(values: Sequence[str]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for value in values:
        name, sep, path = value.partition("=")
        if not sep or not path or name not in FORMAT_NAMES:
            raise UserError(
                f"--report takes FORMAT=FILE with FORMAT one of {', '.join(FORMAT_NAMES)}, "
                f"not '{value}'"
            )
        out.append((name, path))
    return out


PROGRESS_DELAY = 2.0  # seconds before a progress line appears


@contextlib.contextmanager
def _progress(total: int, quiet: bool) -> Iterator[Callable[[int], None] | None]:
    """Files done, total and time left on standard error while a run lasts more than
    PROGRESS_DELAY seconds, on a terminal only (never in CI logs, pipes or with --quiet); the
    line is erased at the end, so the output is the same with or without it."""
    if quiet or total < 2 or not sys.stderr.isatty() or os.environ.get("CI"):
        yield None
        return
    from tqdm import tqdm

    bar = tqdm(
        total=total,
        unit="file",
        desc="okrlint",
        delay=PROGRESS_DELAY,
        file=sys.stderr,
        leave=False,
        dynamic_ncols=True,
    )

    def step(n: int) -> None:
        bar.update(n)

    try:
        yield step
    finally:
        bar.close()


def _quiet(out: str, findings: Sequence[Finding]) -> str:
    """The text formats without their closing summary line: only the findings."""
    if not findings:
        return ""
    body = out.rstrip("\n").split("\n")
    return "\n".join(body[:-1]).rstrip("\n") + "\n"


def _with_scores(out: str, scores: ScoreSet) -> str:
    """The text formats end with the quality score of each file (or the overall score of many
    files) just before the closing 'Found N problems' line."""
    lines = [safe_path(line) for line in summary_lines(scores)]
    if not lines:
        return out
    if len(lines) > SCORE_LINES_MAX:
        n = len(lines)
        lines = [
            f"Score: {display(scores.score)} {scores.tier} (mean of {n} files; "
            "--format markdown or html shows each file)"
        ]
    body = out.rstrip("\n").split("\n")
    return "\n".join([*body[:-1], *lines, body[-1]]) + "\n"


def statistics_text(findings: Sequence[Finding]) -> str:
    return statistics(findings)


def printable(text: str) -> str:
    """A file name that is not valid UTF-8 reaches Python as lone surrogates; write its bytes
    as escapes (``caf\\xe9.md``) so every output stays valid UTF-8."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return text


def _emit(text: str, output_file: str | None, color: bool = False) -> None:
    text = printable(text)
    if output_file:
        write_text(output_file, text, "output file")
    else:
        click.echo(text, nl=False, color=color)


def _source_lines(
    findings: list[Finding], docs: Sequence[OkrDocument]
) -> dict[tuple[str, int], str]:
    """The lines findings point at, for the ``full`` format, from the text okrlint read (and
    bounded) for each document: a file is never opened twice, so a symbolic link swapped in
    meanwhile, ``/proc/self/environ`` or ``--stdin-filename /etc/passwd`` cannot leak into
    the output."""
    texts = {d.path: d.source.split("\n") for d in docs if d.source}
    out: dict[tuple[str, int], str] = {}
    for f in findings:
        lines = texts.get(f.path, [])
        if 1 <= f.line <= len(lines):
            out[(f.path, f.line)] = lines[f.line - 1].rstrip("\r")
    return out


BASELINE_VERSION = 1


def _write_baseline(path: Path, findings: list[Finding], prints: list[str]) -> None:
    data = {
        "version": BASELINE_VERSION,
        "tool": f"okrlint {__version__}",
        "findings": [
            {"fingerprint": p, "code": f.code, "path": f.path, "text": f.text or f.message}
            for f, p in zip(findings, prints, strict=True)
        ],
    }
    write_text(str(path), json.dumps(data, indent=2, ensure_ascii=False) + "\n", "baseline file")


def _read_baseline(path: Path) -> set[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(item["fingerprint"]) for item in data["findings"]}
    except FileNotFoundError:
        raise UserError(f"baseline file '{path}' does not exist") from None
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        raise UserError(f"baseline file '{path}' is not an okrlint baseline") from None


def _list_rules(registry: Registry, fmt: str, color: bool) -> None:
    if fmt == "json":
        data: list[dict[str, Any]] = [r.as_dict() for r in registry.rules]
        click.echo(json.dumps(data, indent=2))
        return
    for r in registry.rules:
        state = "" if r.enabled else " (off by default)"
        code = click.style(r.code, bold=True) if color else r.code
        click.echo(f"{code}  {r.name:<32} {r.severity:<8} {r.summary.strip()}{state}", color=color)


if __name__ == "__main__":  # pragma: no cover
    main()
