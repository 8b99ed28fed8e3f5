"""The ``json-report`` format: the scores of files, sets, objectives and key results as one
JSON object."""

from __future__ import annotations

import json
from typing import Any

from okrlint.report.base import JSON_REPORT_VERSION, Report, report_scores
from okrlint.report.score import ObjectiveScore, SetScore


def _scored(item: ObjectiveScore | SetScore, **names: Any) -> dict[str, Any]:
    """What names a scored item (text or title, line), then its score and tier."""
    return {**names, "score": item.score, "tier": item.tier}


def _objective_json(o: ObjectiveScore) -> dict[str, Any]:
    return _scored(o, text=o.objective.text, line=o.objective.span.line)


def _set_json(ss: SetScore) -> dict[str, Any]:
    objectives = [_objective_json(o) for o in ss.objectives]
    return {
        **_scored(ss, title=ss.okr_set.title, line=ss.okr_set.span.line),
        "objectives": objectives,
    }


def json_report(report: Report) -> dict[str, Any]:
    """The ``json-report`` object (before serialisation)."""
    scores = report_scores(report)
    return {
        "version": JSON_REPORT_VERSION,
        "date": report.run_date.isoformat() if report.run_date else None,
        "commit": report.commit,
        "score": scores.score,
        "tier": scores.tier,
        "scoring": scores.config.as_dict(),
        "files": [
            {
                "path": fs.path,
                "score": fs.score,
                "tier": fs.tier,
                "sets": [_set_json(ss) for ss in fs.sets] if fs.score is not None else [],
            }
            for fs in scores.files
        ],
        "findings": [f.as_json() for f in report.findings],
    }


def render_json_report(report: Report) -> str:
    return json.dumps(json_report(report), indent=2, ensure_ascii=False) + "\n"
