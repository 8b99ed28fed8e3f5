"""The ``okrlint`` command."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import click

from okrlint import __version__
from okrlint.engine import Finding, Settings, at_or_above, lint
from okrlint.files import PathError, Target, discover
from okrlint.model import OkrDocument
from okrlint.readers import DEFAULT_MAX_BYTES, file_format, read_bytes
from okrlint.registry import Registry, RuleError, default_registry

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UserError(Exception):
    """A problem with how okrlint was called: one line on stderr, exit 2."""


def _fail(message: str) -> NoReturn:
    click.echo(f"okrlint: error: {message}", err=True)
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


def read_target(target: Target, stdin_filename: str | None, max_bytes: int) -> OkrDocument:
    if target.path == "-":
        name = stdin_filename or "-"
        data = sys.stdin.buffer.read()
        return read_bytes(name, data, file_format(name), max_bytes)
    try:
        with open(target.path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        doc = OkrDocument(path=target.path, format="unknown")
        from okrlint.model import Problem, Span

        reason = exc.strerror or str(exc)
        doc.problems.append(Problem(f"cannot read the file: {reason}", Span.point(1)))
        return doc
    return read_bytes(target.path, data, None, max_bytes)


@click.command(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option("--select", multiple=True, help="Rules to run (codes, names or prefixes like OKR3).")
@click.option("--extend-select", multiple=True, help="Rules to add to the selection.")
@click.option("--ignore", multiple=True, help="Rules to skip (codes, names or prefixes).")
@click.option(
    "--fail-level",
    type=click.Choice(["error", "warning", "info"]),
    default="warning",
    show_default=True,
    help="Exit 1 when a finding is at or above this severity.",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--explain", "explain", metavar="RULE", help="Show a rule's documentation and exit.")
@click.option("--list-rules", is_flag=True, help="List the rules (with --format json: as JSON).")
@click.option("--outline", is_flag=True, help="Show what okrlint understood instead of linting.")
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
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Files larger than this many bytes are skipped (OKR001).",
)
@click.option("--no-color", is_flag=True, help="No colours (also: NO_COLOR=1).")
@click.option("--color", is_flag=True, default=None, help="Colours even when not on a terminal.")
@click.version_option(__version__, "-V", "--version", prog_name="okrlint")
def main(
    paths: tuple[str, ...],
    fmt: str,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_level: str,
    exit_zero: bool,
    explain: str | None,
    list_rules: bool,
    outline: bool,
    stdin_filename: str | None,
    ignore_non_okr_files: bool,
    today: str | None,
    max_file_size: int,
    no_color: bool,
    color: bool | None,
) -> None:
    """Lint OKRs (Objectives and Key Results) in Markdown and YAML files.

    PATHS are files or directories (searched for *.md, *.markdown, *.yaml, *.yml); '-' reads
    standard input. Exit codes: 0 no findings at or above --fail-level, 1 findings, 2 error.
    """
    try:
        registry = default_registry()
    except RuleError as exc:
        _fail(str(exc))
    use_color = _use_color(no_color, color)

    if explain:
        rule = registry.get(explain)
        if rule is None:
            _fail(f"unknown rule '{explain}'{registry.suggest(explain)}")
        click.echo(rule.explain(), nl=False)
        return
    if list_rules:
        _list_rules(registry, fmt, use_color)
        return

    try:
        selected = resolve_selection(
            registry,
            _split(select) if select else None,
            _split(extend_select),
            _split(ignore),
        )
        day = dt.date.fromisoformat(today) if today else dt.date.today()
    except UserError as exc:
        _fail(str(exc))
    except ValueError:
        _fail(f"--today must be a date like 2026-07-01, not '{today}'")

    if not paths:
        _fail("no paths given (try 'okrlint okrs.md' or 'okrlint --help')")
    try:
        targets = discover(list(paths))
    except PathError as exc:
        _fail(str(exc))

    settings = Settings(registry=registry, selected=selected, today=day)
    docs: list[OkrDocument] = []
    findings: list[Finding] = []
    internal: list[str] = []
    for target in targets:
        doc = read_target(target, stdin_filename, max_file_size)
        docs.append(doc)
        if outline:
            continue
        try:
            explicit = target.explicit and not ignore_non_okr_files
            findings.extend(lint(doc, settings, explicit=explicit))
        except Exception as exc:  # a bug in a rule: say so, lint the other files, exit 2
            internal.append(f"{doc.path}: internal error: {exc}")

    if outline:
        from okrlint.output import outline_json, outline_text

        out = outline_json(docs) if fmt == "json" else outline_text(docs, use_color)
        click.echo(out, nl=False)
        return

    findings.sort(key=Finding.sort_key)
    stats = {
        "files": len(docs),
        "objectives": sum(1 for d in docs for _ in d.objectives()),
        "key_results": sum(1 for d in docs for _ in d.key_results()),
    }
    from okrlint.output import format_json, format_text

    if fmt == "json":
        click.echo(format_json(findings), nl=False)
    else:
        if not targets:
            click.echo(f"No Markdown or YAML files found in {', '.join(paths)}.", err=True)
        click.echo(format_text(findings, use_color, stats), nl=False, color=use_color)
    for line in internal:
        click.echo(f"okrlint: {line}", err=True)
    if internal:
        sys.exit(EXIT_ERROR)
    if not exit_zero and at_or_above(findings, fail_level):
        sys.exit(EXIT_FINDINGS)


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
