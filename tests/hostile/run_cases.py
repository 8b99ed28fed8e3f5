"""Run okrlint's command line on each hostile file, in this (separate) process, and measure.

Usage: ``python run_cases.py JOBS.json`` where the file holds ``[[name, [args...]], ...]``.
Prints one JSON object: for every case its exit code, stdout, stderr, the exception (a
traceback, if any), the seconds it took (``time.perf_counter``) and the peak resident memory of
the process so far in MB (``resource.getrusage``). A separate process because a hostile input
could crash the interpreter (PyYAML's C composer did on 100,000 nested lists), and so that the
memory measured is okrlint's alone.
"""

from __future__ import annotations

import json
import resource
import sys
import time
import traceback

from click.testing import CliRunner

from okrlint.cli import main


def run(args: list[str]) -> dict[str, object]:
    start = time.perf_counter()
    result = CliRunner().invoke(main, args, catch_exceptions=True)
    seconds = time.perf_counter() - start
    error = None
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        error = "".join(traceback.format_exception(result.exception))
    return {
        "exit_code": result.exit_code,
        "stdout": result.stdout,
        "stderr": result.stderr,
        "exception": error,
        "seconds": seconds,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main_(jobs_file: str) -> None:
    with open(jobs_file, encoding="utf-8") as fh:
        jobs = json.load(fh)
    out: dict[str, object] = {}
    for name, args in jobs:
        out[name] = run(args)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main_(sys.argv[1])
