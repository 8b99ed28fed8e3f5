"""The baseline file: the fingerprints of known findings (``--write-baseline``), so a run with
``--baseline`` reports only new ones. JSON, one entry per finding, paths as okrlint printed
them; the fingerprint (:func:`okrlint.formats.fingerprints`) is what matches."""

from __future__ import annotations

import json
from pathlib import Path

from okrlint import __version__
from okrlint.engine import Finding
from okrlint.outfile import write_text

BASELINE_VERSION = 1


class BaselineError(ValueError):
    """A baseline file that is missing or is not one."""


def write_baseline(path: Path, findings: list[Finding], prints: list[str]) -> None:
    data = {
        "version": BASELINE_VERSION,
        "tool": f"okrlint {__version__}",
        "findings": [
            {"fingerprint": p, "code": f.code, "path": f.path, "text": f.text or f.message}
            for f, p in zip(findings, prints, strict=True)
        ],
    }
    write_text(str(path), json.dumps(data, indent=2, ensure_ascii=False) + "\n", "baseline file")


def read_baseline(path: Path) -> set[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(item["fingerprint"]) for item in data["findings"]}
    except FileNotFoundError:
        raise BaselineError(f"baseline file '{path}' does not exist") from None
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        raise BaselineError(f"baseline file '{path}' is not an okrlint baseline") from None
