"""What the command writes: files and standard output (valid UTF-8 whatever the file names),
the progress line, the source lines of the ``full`` format, the rule list."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import click

from okrlint.cli.options import UserError
from okrlint.engine import Finding
from okrlint.formats import FORMAT_NAMES
from okrlint.model import OkrDocument
from okrlint.outfile import write_text
from okrlint.registry import Registry


def use_color(no_color: bool, color: bool | None) -> bool:
    if no_color or os.environ.get("NO_COLOR"):
        return False
    if color or os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def touched(finding: Finding, changed: dict[str, set[int]]) -> bool:
    """A finding on a line the change touched (any line of its span), in a file git does not
    know (all new), or about the whole file."""
    lines = changed.get(os.path.realpath(finding.path))
    if lines is None:
        return True
    return any(n in lines for n in range(finding.line, finding.end_line + 1))


def parse_reports(values: Sequence[str]) -> list[tuple[str, str]]:
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
def progress(total: int, quiet: bool) -> Iterator[Callable[[int], None] | None]:
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


def printable(text: str) -> str:
    """A file name that is not valid UTF-8 reaches Python as lone surrogates; write its bytes
    as escapes (``caf\\xe9.md``) so every output stays valid UTF-8."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return text


def emit(text: str, output_file: str | None, color: bool = False) -> None:
    text = printable(text)
    if output_file:
        write_text(output_file, text, "output file")
    else:
        click.echo(text, nl=False, color=color)


def source_lines(
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


def list_rules(registry: Registry, fmt: str, color: bool) -> None:
    if fmt == "json":
        data: list[dict[str, Any]] = [r.as_dict() for r in registry.rules]
        click.echo(json.dumps(data, indent=2))
        return
    for r in registry.rules:
        state = "" if r.enabled else " (off by default)"
        code = click.style(r.code, bold=True) if color else r.code
        click.echo(f"{code}  {r.name:<32} {r.severity:<8} {r.summary.strip()}{state}", color=color)
