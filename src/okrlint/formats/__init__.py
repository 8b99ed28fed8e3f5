"""Output formats for findings.

Every format is a function ``render(report) -> str``; :data:`FORMATS` maps format names to them.
The :class:`~okrlint.report.Report` carries the findings (sorted), the rule registry (for SARIF
rule descriptions), run statistics and whether colour is wanted.

- ``text``: one line per finding and a summary; ``full``: the same with the source line, carets
  under the range and the rule's fix.
- ``json``: a list of findings; ``json-lines``: one compact object per line, with a fingerprint.
- ``github``: GitHub Actions workflow commands (annotations on the pull request).
- ``gitlab``: GitLab Code Quality JSON; ``sarif``: SARIF 2.1.0 (GitHub code scanning).
- ``junit``: JUnit XML, a failed test case per finding.
- ``markdown``, ``html``, ``json-report``: the score reports of :mod:`okrlint.report`, imported
  only when asked for.

One module per format; this module maps each name to its renderer, imported when first used.

Every format is deterministic: no clock time (the score reports show the day of the run, which
``--today`` sets, and the commit checked out), findings in the report's order. The CI formats
(github, gitlab, sarif) give paths relative to the working directory when the file is under it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from okrlint.formats.base import fingerprints, stable_path
from okrlint.formats.text import statistics
from okrlint.report.base import Report

Renderer = Callable[[Report], str]


def _on_demand(module: str, function: str) -> Renderer:
    """A renderer whose module is imported on the first call: a run imports the one format it
    writes (the score reports are large, JUnit's XML library and the SARIF shapes take time to
    load, and most runs write text)."""

    def render(report: Report) -> str:
        renderer: Renderer = getattr(importlib.import_module(module), function)
        return renderer(report)

    return render


FORMATS: dict[str, Renderer] = {
    "text": _on_demand("okrlint.formats.text", "render_text"),
    "full": _on_demand("okrlint.formats.text", "render_full"),
    "json": _on_demand("okrlint.formats.jsonl", "render_json"),
    "json-lines": _on_demand("okrlint.formats.jsonl", "render_json_lines"),
    "github": _on_demand("okrlint.formats.github", "render_github"),
    "gitlab": _on_demand("okrlint.formats.gitlab", "render_gitlab"),
    "rdjson": _on_demand("okrlint.formats.rdjson", "render_rdjson"),
    "sarif": _on_demand("okrlint.formats.sarif", "render_sarif"),
    "junit": _on_demand("okrlint.formats.junit", "render_junit"),
    "markdown": _on_demand("okrlint.report.markdown", "render_markdown"),
    "html": _on_demand("okrlint.report.html", "render_html"),
    "json-report": _on_demand("okrlint.report.jsonreport", "render_json_report"),
}
FORMAT_NAMES = tuple(FORMATS)
REPORT_FORMATS = ("markdown", "html", "json-report")


def render(name: str, report: Report) -> str:
    if name not in FORMATS:
        raise NotImplementedError(f"output format '{name}' is not available yet")
    return FORMATS[name](report)


__all__ = [
    "FORMATS",
    "FORMAT_NAMES",
    "REPORT_FORMATS",
    "Report",
    "fingerprints",
    "render",
    "stable_path",
    "statistics",
]
