"""Coverage-guided fuzzing (atheris / libFuzzer) of okrlint's readers and analysis.

One input is one file: the first byte chooses Markdown (even) or YAML (odd), the rest are the
file's bytes. Each input goes through ``read_bytes`` (decoding, the Markdown or YAML reader, the
limits) and ``lint`` with every rule selected (the spaCy statement analysis and the checks).
A crash is any exception, a finding that points outside the file, two runs of the same input
that disagree, or (libFuzzer's ``-timeout``) an input that takes too long.

Run it (see fuzz/README.md)::

    python fuzz/make_seeds.py fuzz/corpus
    python fuzz/fuzz_readers.py fuzz/corpus -max_len=4096 -timeout=5 -max_total_time=900
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["okrlint"]):
    # Everything okrlint imports lazily is imported here, so that it is instrumented too.
    from okrlint.engine import Finding, Settings, lint
    from okrlint.readers import _normalise, read_bytes
    from okrlint.registry import default_registry

REGISTRY = default_registry()
SETTINGS = Settings(registry=REGISTRY, selected=frozenset(r.code for r in REGISTRY.rules))


def split(data: bytes) -> tuple[str, bytes]:
    if not data:
        return "okrs.md", b""
    return ("okrs.yaml" if data[0] & 1 else "okrs.md"), data[1:]


def check_inside(findings: list[Finding], data: bytes) -> None:
    raw = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    lines = _normalise(raw).split(b"\n")
    for f in findings:
        if not (1 <= f.line <= f.end_line <= len(lines)):
            raise AssertionError(f"finding outside the file's lines: {f}")
        width = len(lines[f.line - 1].decode("utf-8", errors="replace"))
        end_width = len(lines[f.end_line - 1].decode("utf-8", errors="replace"))
        if not (1 <= f.column <= width + 1 and 1 <= f.end_column <= end_width + 1):
            raise AssertionError(f"finding outside its line ({width} characters): {f}")
        if f.end_line == f.line and f.end_column < f.column:
            raise AssertionError(f"finding ends before it starts: {f}")


def run_one(data: bytes) -> list[Finding]:
    name, body = split(data)
    doc = read_bytes(name, body)
    findings = lint(doc, SETTINGS, explicit=True)
    check_inside(findings, body)
    return findings


def TestOneInput(data: bytes) -> None:
    first = run_one(data)
    if len(data) < 512:  # determinism, on the small inputs (it doubles the cost)
        again = run_one(data)
        if [f.as_json() for f in first] != [f.as_json() for f in again]:
            raise AssertionError("two runs of the same input disagree")


def main() -> None:
    run_one(b"\x00## Objective: Warm up the pipeline\n\n- KR1: Load spaCy from 0 to 1\n")
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
