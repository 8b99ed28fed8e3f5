"""Smoke test of the benchmark suite: ``python -m benchmarks.run --quick`` runs end to end.

No timing is asserted: only that every case ran, with positive timings, and that cold, warm
and parallel runs gave identical findings.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CASES = ["a", "b", "c", "d", "d-warm", "e", "f", "g", "k", "k-warm"]
REAL = ["h", "h-j1", "i", "j"]  # the real corpus side by side: skipped with --quick


@pytest.mark.slow
def test_quick_benchmark_runs(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--quick", "--json", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(out.read_text(encoding="utf-8"))

    assert set(report["cases"]) == set(CASES) | set(REAL)
    for key in REAL:
        assert report["cases"][key]["status"] == "skipped", key
    for key in CASES:
        case = report["cases"][key]
        if key == "g" and case["status"] == "skipped":
            assert case["note"] == "not installed"
            continue
        assert case["status"] == "ok", (key, case)
        assert case["seconds"] > 0, (key, case)
        assert all(seconds > 0 for seconds in case["times"]), (key, case)
        assert case["peak_mb"] > 0, (key, case)
    for key in ("d", "d-warm", "e", "f"):
        assert report["cases"][key]["statements_per_second"] > 0
    assert report["identical_output"] is True
    assert report["corpus"]["files"] == 20
    assert report["corpus"]["outline_key_results"] == report["corpus"]["key_results"]
    assert {target["name"] for target in report["targets"]}
    assert "Targets" in result.stdout


def test_generate_is_deterministic(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT))
    try:
        from benchmarks.generate import generate
    finally:
        sys.path.remove(str(ROOT))

    first = generate(tmp_path / "one", files=30, seed=7)
    second = generate(tmp_path / "two", files=30, seed=7)
    assert first.summary() == second.summary()
    assert first.statements == second.statements
    for a, b in zip(first.paths, second.paths, strict=True):
        assert a.relative_to(first.root) == b.relative_to(second.root)
        assert a.read_bytes() == b.read_bytes()
    assert {p.suffix for p in first.paths} == {".md", ".yaml"}
    assert first.key_results > first.objectives > 0
