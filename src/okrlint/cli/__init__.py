"""The ``okrlint`` command: parse the command line into :class:`~okrlint.cli.options.Options`,
run the application (:func:`okrlint.cli.app.run`), exit with its code.

- ``options.py``: the options as one typed object, the exit codes, ``UserError``;
- ``app.py``: what a run does, step by step;
- ``selection.py``: the rules each file gets, which findings may fail a run;
- ``output.py``: writing outputs, progress, the rule list.
"""

from __future__ import annotations

import contextlib
import math
import os
import signal
import sys
from typing import Any, NoReturn

import click

from okrlint import __version__
from okrlint.baseline import BaselineError
from okrlint.cli.app import run
from okrlint.cli.options import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, Options, UserError
from okrlint.config import ConfigError
from okrlint.files import PathError
from okrlint.formats import FORMAT_NAMES
from okrlint.outfile import OutputError
from okrlint.readers import DEFAULT_MAX_BYTES
from okrlint.registry import SEVERITIES, RuleError
from okrlint.textsafe import safe_path

# Past this a size is a typo (and Python cannot read that much at once).
MAX_FILE_SIZE_LIMIT = 1 << 31

# The severities, most severe first: for --fail-level and --min-severity.
_SEVERITY = click.Choice(SEVERITIES)


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
    type=_SEVERITY,
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
    type=_SEVERITY,
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
        code = run(Options(**kw))
    except (UserError, ConfigError, PathError, RuleError, OutputError, BaselineError) as exc:
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
    if code != EXIT_OK:
        sys.exit(code)


def _terminated(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def _fail(message: str) -> NoReturn:
    click.echo(f"okrlint: error: {safe_path(message)}", err=True)
    sys.exit(EXIT_ERROR)


__all__ = ["Options", "UserError", "main", "paths_first"]


if __name__ == "__main__":  # pragma: no cover
    main()
