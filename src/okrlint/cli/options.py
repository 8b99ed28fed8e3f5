"""What one ``okrlint`` invocation asks for: the command line as one typed object."""

from __future__ import annotations

from dataclasses import dataclass

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UserError(Exception):
    """A problem with how okrlint was called: one line on stderr, exit 2."""


@dataclass(frozen=True)
class Options:
    """The command-line options, named as on the command line (``--fail-level`` is
    ``fail_level``); ``None`` where the configuration file or the default decides."""

    paths: tuple[str, ...] = ()
    fmt: str | None = None
    output_file: str | None = None
    reports: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_level: str | None = None
    exit_zero: bool = False
    quiet: bool = False
    diff_base: str | None = None
    min_severity: str | None = None
    statistics: bool = False
    config_file: str | None = None
    isolated: bool = False
    show_config: str | None = None
    no_inline_config: bool = False
    baseline: str | None = None
    write_baseline: str | None = None
    explain: str | None = None
    list_rules: bool = False
    outline: bool = False
    why: bool = False
    stdin_filename: str | None = None
    ignore_non_okr_files: bool = False
    today: str | None = None
    max_file_size: int | None = None
    n_jobs: int | None = None
    min_score: float | None = None
    no_cache: bool = False
    cache_dir: str | None = None
    no_color: bool = False
    color: bool | None = None
