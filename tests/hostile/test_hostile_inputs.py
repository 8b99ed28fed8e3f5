"""Every input class of issue 6 gets findings or one clear OKR001 (what and where), never a
traceback, in bounded time and memory.

All the cases of ``hostile_inputs.CASES`` run once, through the real command line, in one
separate process (``run_cases.py``): a crash of the interpreter cannot take pytest down, and
the time and memory measured are okrlint's. The tests below check what each case reported.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hostile_inputs import CASES, Case, write_cases

HERE = Path(__file__).resolve().parent
# Per input, in a warm process (imports done). The command line adds about a second of start-up
# (spaCy), measured cold in test_cold_run_over_every_hostile_file.
MAX_SECONDS = 4.0
MAX_MB = 500


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("hostile")
    marker = folder / "PWNED"
    paths = write_cases(folder / "files", marker)
    # A fresh cache folder: every case is computed, none comes from an earlier run.
    jobs = [["warm-up", [str(paths["lf"]), "--format", "json"]]]
    for name, case in CASES.items():
        jobs.append([name, [str(paths[name]), "--format", "json", *case.args]])
    jobs_file = folder / "jobs.json"
    jobs_file.write_text(json.dumps(jobs), encoding="utf-8")
    env = {**os.environ, "OKRLINT_CACHE_DIR": str(folder / "cache")}
    proc = subprocess.run(
        [sys.executable, str(HERE / "run_cases.py"), str(jobs_file)],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
        check=False,
    )
    assert proc.returncode == 0, f"the case runner crashed ({proc.returncode}): {proc.stderr}"
    return {"paths": paths, "marker": marker, "results": json.loads(proc.stdout)}


def _findings(result: dict[str, Any]) -> list[dict[str, Any]]:
    return json.loads(result["stdout"])


@pytest.mark.parametrize("name", list(CASES))
def test_answered_without_traceback(hostile: dict[str, Any], name: str) -> None:
    result = hostile["results"][name]
    assert result["exception"] is None, result["exception"]
    assert "Traceback" not in result["stderr"]
    assert result["exit_code"] in (0, 1), result["stderr"]
    assert isinstance(_findings(result), list)


@pytest.mark.parametrize("name", list(CASES))
def test_reported_what_and_where(hostile: dict[str, Any], name: str) -> None:
    case: Case = CASES[name]
    findings = _findings(hostile["results"][name])
    problems = [f for f in findings if f["code"] == "OKR001"]
    if case.okr001 is None:
        assert problems == [], f"{name} should be accepted"
        return
    text, line, column = case.okr001
    hits = [f for f in problems if text in f["message"]]
    assert hits, f"{name}: no OKR001 saying {text!r} in {[f['message'] for f in problems]}"
    if line is not None:  # None: where a budget runs out (its estimate may be tuned)
        assert (hits[0]["line"], hits[0]["column"]) == (line, column), hits[0]
    assert hits[0]["path"].endswith(case.filename)
    assert hostile["results"][name]["exit_code"] == 1


@pytest.mark.parametrize("name", list(CASES))
def test_bounded_time_and_memory(hostile: dict[str, Any], name: str) -> None:
    result = hostile["results"][name]
    assert result["seconds"] < MAX_SECONDS, f"{name} took {result['seconds']:.2f} s"
    assert result["peak_mb"] < MAX_MB, f"{name}: {result['peak_mb']:.0f} MB"


@pytest.mark.parametrize("name", [n for n, c in CASES.items() if c.same_as])
def test_line_endings_and_bom_keep_lines_and_columns(hostile: dict[str, Any], name: str) -> None:
    case = CASES[name]
    assert case.same_as is not None

    def where(n: str) -> list[tuple[Any, ...]]:
        return [
            (f["code"], f["line"], f["column"], f["end_line"], f["end_column"], f["text"])
            for f in _findings(hostile["results"][n])
        ]

    reference = where(case.same_as)
    assert reference, "the reference file must have findings with columns to compare"
    assert where(name) == reference


def test_accepted_inputs_are_still_linted(hostile: dict[str, Any]) -> None:
    # An accepted oddity (BOM, CR, a 1 MB paragraph, an unclosed fence) loses no finding.
    lf = {(f["code"], f["line"]) for f in _findings(hostile["results"]["lf"])}
    for name in ("one-mb-line-paragraph", "unclosed-code-fence", "html-blocks"):
        got = {(f["code"], f["line"]) for f in _findings(hostile["results"][name])}
        assert lf <= got, name
    # The statement that is too long is reported, the others are still linted.
    long_one = _findings(hostile["results"]["one-mb-line-statement"])
    assert lf <= {(f["code"], f["line"]) for f in long_one}


def test_empty_and_blank_files_say_there_are_no_okrs(hostile: dict[str, Any]) -> None:
    for name in ("empty", "whitespace-only", "empty-yaml"):
        codes = [f["code"] for f in _findings(hostile["results"][name])]
        assert codes == ["OKR002"], name


def test_unsafe_yaml_executed_nothing(hostile: dict[str, Any]) -> None:
    assert hostile["results"]["python-object"]["exit_code"] == 1
    assert not hostile["marker"].exists(), "a !!python payload was executed"


@pytest.mark.slow
def test_cold_run_over_every_hostile_file(hostile: dict[str, Any], tmp_path: Path) -> None:
    """One real process over the whole folder: every file answered, none stops the others,
    and the start-up included, the whole run stays within the bounds."""
    import resource
    import time

    folder = hostile["paths"]["lf"].parent
    env = {**os.environ, "OKRLINT_CACHE_DIR": str(tmp_path / "cache")}
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "okrlint", str(folder), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr
    findings = json.loads(proc.stdout)
    reported = {Path(f["path"]).name for f in findings}
    # Every file with something to say said it: one bad file never hides the others.
    for case in CASES.values():
        if case.okr001 is not None and not case.args:
            assert case.filename in reported, case.name
    assert {"lf.md", "crlf.md", "lf.yaml"} <= reported
    warm = sum(r["seconds"] for r in hostile["results"].values())
    assert seconds < 5 + warm, f"{seconds:.1f} s for {len(CASES)} files ({warm:.1f} s warm)"
    assert max(before, peak) / 1024 < MAX_MB
    assert not hostile["marker"].exists()


def test_multi_document_yaml_reads_every_document() -> None:
    from okrlint.readers import read_bytes

    doc = read_bytes("multi.yaml", CASES["multi-document"].build())
    assert not doc.problems
    assert [o.text for o in doc.objectives()] == [
        "Make onboarding feel effortless for new teams",
        "Make support feel effortless for new teams",
    ]
    assert len(doc.sets) == 2
