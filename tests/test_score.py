"""Quality scores: the arithmetic on real documents, tiers, weights and their validation."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from okrlint.engine import Finding, Settings, lint
from okrlint.model import KeyResult, Objective, OkrDocument, OkrSet, Span
from okrlint.readers import read_text
from okrlint.registry import default_registry
from okrlint.report.score import (
    DEFAULT_TIERS,
    DEFAULT_WEIGHTS,
    ScoreConfig,
    display,
    min_score_failures,
    score_document,
    score_documents,
    summary_lines,
    tier,
)

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 22)


def settings() -> Settings:
    registry = default_registry()
    return Settings(
        registry=registry,
        selected=frozenset(r.code for r in registry.rules if r.enabled),
        today=TODAY,
    )


def read_and_lint(text: str, path: str = "okrs.md") -> tuple[OkrDocument, list[Finding]]:
    fmt = "yaml" if path.endswith((".yaml", ".yml")) else "markdown"
    doc = read_text(path, text, fmt)
    return doc, lint(doc, settings())


CLEAN = """\
# Growth team OKRs 2026-Q3

## Objective: Make onboarding feel effortless for new teams

- KR1: Increase activation rate from 42% to 60%
- KR2: Reduce time to first project from 18 to 8 minutes

## Objective: Make the help center the first place customers look

- KR1: Increase self-service deflection from 20% to 38%
- KR2: Raise article helpfulness votes from 55% to 75%
"""

# The same, with one task (a warning) as the second key result of the second objective.
ONE_WARNING = CLEAN.replace(
    "Raise article helpfulness votes from 55% to 75%", "Launch the new onboarding flow"
)

# No time frame (a set-level warning), and an objective with no key results (an error) that is
# also vague (a warning: the same statement, so only the error counts).
SET_LEVEL = """\
# Growth team OKRs

## Objective: Make onboarding feel effortless for new teams

- KR1: Increase activation rate from 42% to 60%
- KR2: Reduce time to first project from 18 to 8 minutes

## Objective: Improve metrics
"""

# Two sets; a placeholder (error) in one of three key results, an output count (info) in one of
# three, and an invalid suppression comment (a file-level warning).
TWO_SETS = """\
# OKRs 2026-Q3

## Platform team

### Objective: Make deploys boring and safe

- KR1: Reduce failed deploys from 12% to 3%
- KR2: Cut median rollback time from 40 minutes to 10 minutes
- KR3: Reduce churn to X%

## Support team

### Objective: Make getting help feel effortless

- KR1: Raise CSAT from 4.0 to 4.5 out of 5
- KR2: Publish 12 help articles
<!-- okrlint-disable-next-line no-such-rule -->
- KR3: Increase first-contact resolution from 64% to 80%
"""


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


def test_no_findings_is_100_strong() -> None:
    doc, findings = read_and_lint(CLEAN)
    assert findings == []
    fs = score_document(doc, findings)
    assert (fs.score, fs.tier) == (100.0, "Strong")
    (ss,) = fs.sets
    assert (ss.score, ss.tier) == (100.0, "Strong")
    assert [(o.score, o.tier) for o in ss.objectives] == [(100.0, "Strong"), (100.0, "Strong")]
    assert all(k.severity is None for o in ss.objectives for k in o.key_results)


def test_one_warning_on_one_of_two_key_results() -> None:
    doc, findings = read_and_lint(ONE_WARNING)
    assert codes(findings) == ["OKR301"]
    fs = score_document(doc, findings)
    first, second = fs.sets[0].objectives
    assert first.score == 100.0
    # 100 - (0 + 30) / 2
    assert (second.score, second.tier) == (85.0, "Strong")
    assert [k.severity for k in second.key_results] == [None, "warning"]
    assert second.key_results[1].findings == findings
    # The set and the file: the mean of the objectives.
    assert (fs.sets[0].score, fs.score, fs.tier) == (92.5, 92.5, "Strong")


def test_key_results_are_averaged_not_summed() -> None:
    """Half the key results weak costs the same with two key results as with four."""
    two = CLEAN.replace("Reduce time to first project from 18 to 8 minutes", "Ship the new docs")
    four = two.replace(
        "- KR2: Ship the new docs",
        "- KR2: Ship the new docs\n- KR3: Publish the pricing page\n"
        "- KR4: Cut support tickets from 900 to 600 a month",
    )
    scores = []
    for text in (two, four):
        doc, findings = read_and_lint(text)
        assert set(codes(findings)) == {"OKR301"}
        scores.append(score_document(doc, findings).sets[0].objectives[0].score)
    assert scores == [85.0, 85.0]


def test_error_on_the_objective_counts_once() -> None:
    doc, findings = read_and_lint(SET_LEVEL)
    assert codes(findings) == ["OKR105", "OKR104", "OKR203"]
    fs = score_document(doc, findings)
    clean, empty = fs.sets[0].objectives
    assert clean.score == 100.0
    # OKR104 is about its (missing) key results: they cost the error weight, and the objective's
    # own statement loses its worst finding of its own (OKR203, an info): 100 - 20 - 60.
    assert codes(empty.findings) == ["OKR104", "OKR203"]
    assert empty.severity == "warning"
    assert (empty.score, empty.tier) == (20.0, "Rewrite")


def test_error_on_an_objective_with_clean_key_results() -> None:
    doc, _ = read_and_lint(CLEAN)
    objective = next(doc.objectives())
    error = Finding(
        "OKR202",
        "objective-is-task",
        "error",  # as if configured up to error
        "An activity.",
        "okrs.md",
        objective.span.line,
        objective.span.column,
        objective.span.end_line,
        objective.span.end_column,
        "objective",
        objective.text,
    )
    fs = score_document(doc, [error])
    assert fs.sets[0].objectives[0].score == 40.0  # 100 - 60 - mean(0, 0)
    assert fs.sets[0].objectives[0].findings == [error]


def test_set_level_finding() -> None:
    doc, findings = read_and_lint(SET_LEVEL)
    fs = score_document(doc, findings)
    (ss,) = fs.sets
    assert codes(ss.findings) == ["OKR105"]
    # mean(100, 20) - 30 / 4: a set-level warning costs a quarter of its weight
    assert (ss.score, ss.tier) == (52.5, "Rework")
    assert (fs.score, fs.tier) == (52.5, "Rework")


def test_set_level_penalty_is_capped_at_zero() -> None:
    doc, findings = read_and_lint(SET_LEVEL)
    harsh = ScoreConfig.from_mapping({"weights": {"error": 100, "warning": 80}})
    fs = score_document(doc, findings, harsh)
    assert fs.sets[0].objectives[1].score == 0.0  # 100 - 80 - 100, not below 0
    assert fs.sets[0].score == 30.0  # mean(100, 0) - 80 / 4
    harsher = ScoreConfig.from_mapping({"weights": {"error": 100, "warning": 100}})
    fs = score_document(doc, findings, harsher)
    assert fs.sets[0].score == 25.0  # mean(100, 0) - 100 / 4
    lone = doc.sets[0].objectives[1]
    alone = [f for f in findings if f.line == lone.span.line]
    fs = score_document(doc, alone, harsher)
    assert fs.sets[0].objectives[1].score == 0.0


def test_two_sets_and_a_file_level_finding() -> None:
    doc, findings = read_and_lint(TWO_SETS)
    assert codes(findings) == ["OKR311", "OKR308", "OKR003"]
    fs = score_document(doc, findings)
    platform, support = fs.sets
    assert (platform.score, platform.tier) == (80.0, "Good")  # 100 - 60 / 3
    assert (support.score, support.tier) == (93.3, "Strong")  # 100 - 20 / 3 (an info)
    assert codes(fs.findings) == ["OKR003"]
    assert fs.score == round((80.0 + 93.3) / 2 - 30, 1)
    assert fs.tier == "Rework"


def test_the_example_file() -> None:
    """examples/okrs.md: findings with narrower spans (the compensation sentence, the front
    matter's date) count against the set; findings on a node count on it."""
    text = (ROOT / "examples" / "okrs.md").read_text(encoding="utf-8")
    doc, findings = read_and_lint(text, "examples/okrs.md")
    fs = score_document(doc, findings)
    (ss,) = fs.sets
    assert codes(ss.findings) == ["OKR403", "OKR101", "OKR108"]
    assert [o.score for o in ss.objectives] == [82.5, 43.3, 10.0, 20.0]
    assert [o.tier for o in ss.objectives] == ["Good", "Rewrite", "Rewrite", "Rewrite"]
    # Every finding is placed exactly once.
    placed = [
        *fs.findings,
        *ss.findings,
        *(f for o in ss.objectives for f in o.all_findings()),
    ]
    assert sorted(placed, key=Finding.sort_key) == findings
    assert ss.score == round((82.5 + 43.3 + 10.0 + 20.0) / 4 - 30 / 4, 1)


def test_yaml_document() -> None:
    text = (ROOT / "examples" / "okrs.yaml").read_text(encoding="utf-8")
    doc, findings = read_and_lint(text, "examples/okrs.yaml")
    assert codes(findings) == ["OKR301"]
    fs = score_document(doc, findings)
    assert (fs.score, fs.tier) == (90.0, "Strong")  # 100 - 30 / 3


def test_file_without_okrs_has_no_score() -> None:
    doc, findings = read_and_lint("# Meeting notes\n\nNothing to see.\n", "notes.md")
    assert codes(findings) == ["OKR002"]
    scores = score_documents([doc], findings)
    (fs,) = scores.files
    assert (fs.score, fs.tier) == (None, None)
    assert fs.findings == findings
    assert scores.score is None
    assert scores.below(100) == []
    assert summary_lines(scores) == []


def test_shared_key_results_count_as_one_more_objective() -> None:
    def kr(text: str, line: int) -> KeyResult:
        return KeyResult(text, Span(line, 3, line, 3 + len(text)))

    objective = Objective("Make onboarding effortless", Span(3, 4, 3, 30))
    objective.add_key_result(kr("Increase activation from 42% to 60%", 4))
    okr_set = OkrSet("Team", Span(1, 1, 1, 7), objectives=[objective])
    okr_set.shared_key_results = [kr("Launch the docs", 7), kr("Cut churn from 4% to 3%", 8)]
    doc = OkrDocument("shared.md", "markdown", sets=[okr_set])
    doc.link()
    shared = okr_set.shared_key_results[0]
    finding = Finding(
        "OKR301",
        "kr-is-task",
        "warning",
        "A task.",
        "shared.md",
        7,
        3,
        7,
        18,
        "key_result",
        shared.text,
    )
    fs = score_document(doc, [finding])
    (ss,) = fs.sets
    assert ss.shared_key_results[0].findings == [finding]
    assert ss.score == 92.5  # mean(100, 100 - 30 / 2)


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        (0, "Rewrite"),
        (49.99, "Rewrite"),
        (50, "Rework"),
        (69.99, "Rework"),
        (70, "Good"),
        (84.99, "Good"),
        (85, "Strong"),
        (100, "Strong"),
    ],
)
def test_tiers_at_the_thresholds(score: float, expected: str) -> None:
    assert tier(score) == expected
    assert ScoreConfig().tier(score) == expected


def test_display_never_rounds_up_into_the_next_tier() -> None:
    assert display(84.9) == "84/100"
    assert display(85.0) == "85/100"
    assert display(100.0) == "100/100"
    assert display(None) == "-"


def test_rounding_to_one_decimal_sets_the_tier() -> None:
    # 3 key results, one info: 100 - 20 / 3 = 93.333... is stored as 93.3.
    doc, findings = read_and_lint(TWO_SETS)
    support = score_document(doc, findings).sets[1]
    assert support.objectives[0].score == 93.3


def test_custom_weights() -> None:
    doc, findings = read_and_lint(ONE_WARNING)
    config = ScoreConfig.from_mapping({"weights": {"warning": 50}})
    assert dict(config.weights) == {"error": 60, "warning": 50, "info": 20}
    fs = score_document(doc, findings, config)
    assert (fs.sets[0].objectives[1].score, fs.sets[0].objectives[1].tier) == (75.0, "Good")
    # A mapping works as well as a ScoreConfig.
    scores = score_documents([doc], findings, {"weights": {"warning": 50}})
    assert scores.files[0].sets[0].objectives[1].score == 75.0


def test_custom_tiers() -> None:
    doc, findings = read_and_lint(ONE_WARNING)
    scores = score_documents([doc], findings, {"tiers": {"good": 60, "strong": 95}})
    assert (scores.files[0].score, scores.files[0].tier) == (92.5, "Good")
    assert scores.config.tier(59.9) == "Rework"
    assert scores.config.tier(60) == "Good"


def test_defaults() -> None:
    assert ScoreConfig.from_mapping(None) == ScoreConfig()
    assert ScoreConfig.from_mapping({}).as_dict() == {
        "weights": DEFAULT_WEIGHTS,
        "tiers": DEFAULT_TIERS,
    }
    assert DEFAULT_WEIGHTS == {"error": 60, "warning": 30, "info": 20}
    assert DEFAULT_TIERS == {"rework": 50, "good": 70, "strong": 85}


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ([1, 2], "score must be a mapping"),
        ({"weight": {}}, "unknown key 'weight' in score (did you mean 'weights'?)"),
        ({"weights": [60]}, "score.weights must be a mapping"),
        (
            {"weights": {"warn": 20}},
            "unknown key 'warn' in score.weights (did you mean 'warning'?)",
        ),
        ({"weights": {"error": "high"}}, "score.weights.error must be a number, not 'high'"),
        ({"weights": {"error": True}}, "score.weights.error must be a number"),
        ({"weights": {"info": -1}}, "score.weights.info must be between 0 and 100"),
        ({"weights": {"error": 101}}, "score.weights.error must be between 0 and 100"),
        ({"weights": {"error": 20}}, "error >= warning >= info"),
        ({"weights": {"info": 40}}, "error >= warning >= info"),
        ({"tiers": {"good": 40}}, "0 < rework < good < strong"),
        ({"tiers": {"rework": 0}}, "0 < rework < good < strong"),
        ({"tiers": {"strong": 70}}, "0 < rework < good < strong"),
        ({"tiers": {"great": 90}}, "unknown key 'great' in score.tiers"),
        ({"tiers": {"strong": float("nan")}}, "score.tiers.strong must be a number"),
    ],
)
def test_invalid_configuration_raises(mapping: object, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        ScoreConfig.from_mapping(mapping)  # type: ignore[arg-type]


def test_invalid_weights_raise_from_score_documents() -> None:
    doc, findings = read_and_lint(CLEAN)
    with pytest.raises(ValueError, match=r"score\.weights\.error must be a number"):
        score_documents([doc], findings, {"weights": {"error": None}})


def test_score_set_overall_below_and_summary() -> None:
    docs_findings = [read_and_lint(CLEAN, "a.md"), read_and_lint(SET_LEVEL, "b.md")]
    docs = [d for d, _ in docs_findings]
    findings = sorted((f for _, fs in docs_findings for f in fs), key=Finding.sort_key)
    scores = score_documents(docs, findings)
    assert [f.path for f in scores.files] == ["a.md", "b.md"]
    assert (scores.score, scores.tier) == (76.2, "Good")  # mean(100, 52.5)
    assert summary_lines(scores) == ["a.md: 100/100 Strong", "b.md: 52/100 Rework"]
    assert [f.path for f in scores.below(60)] == ["b.md"]
    assert scores.below(52) == []
    assert min_score_failures(scores, 60) == ["b.md scores 52/100 (Rework), below --min-score 60"]
    assert min_score_failures(scores, 52) == []
    assert scores.for_path("b.md") is scores.files[1]
    assert scores.for_path("c.md") is None


def test_findings_of_other_paths() -> None:
    doc, findings = read_and_lint(ONE_WARNING, "a.md")
    stray = dataclasses.replace(findings[0], path="elsewhere.md")
    scores = score_documents([doc], [*findings, stray])
    assert scores.files[0].score == 92.5  # the other path's finding does not count here
    assert scores.files[1].path == "elsewhere.md"
    assert (scores.files[1].score, scores.files[1].findings) == (None, [stray])


def test_deterministic() -> None:
    doc, findings = read_and_lint(TWO_SETS)
    first = score_documents([doc], findings)
    second = score_documents([doc], list(reversed(findings)))
    assert [(f.path, f.score, f.tier) for f in first.files] == [
        (f.path, f.score, f.tier) for f in second.files
    ]
    assert first.files[0].findings == second.files[0].findings
    assert [s.score for s in first.files[0].sets] == [s.score for s in second.files[0].sets]


def test_a_finding_names_its_node_so_the_score_never_guesses() -> None:
    """Two key results with the same words in two objectives: each finding counts against its
    own objective, found by the node key the engine gives it, not by its text."""
    text = (
        "# OKRs 2026-Q3\n\n## Objective: Make onboarding effortless\n\n"
        "- KR: Launch the new onboarding flow\n- KR: Raise activation from 40% to 55%\n\n"
        "## Objective: Make support feel personal\n\n"
        "- KR: Raise CSAT from 4.1 to 4.6\n- KR: Launch the new onboarding flow\n"
    )
    doc = read_text("okrs.md", text, "markdown")
    registry = default_registry()
    findings = lint(doc, Settings(registry=registry, selected=frozenset({"OKR301"})))
    assert [(f.line, f.node) for f in findings] == [(5, (0, 0)), (11, (0, 3))]
    scores = score_documents([doc], findings)
    (objectives,) = [s.objectives for f in scores.files for s in f.sets]
    assert [len(o.findings) + sum(len(k.findings) for k in o.key_results) for o in objectives] == [
        1,
        1,
    ]


MEASURED = """\
# Platform team OKRs 2026-Q3

## Objective: Make deploys boring and safe

- Reduce failed deploys from 12% to 4%
- Cut median deploy time from 40 to 15 minutes
- Raise the share of services with automated rollback from 30% to 80%

## Objective: Make on-call calm

- Reduce pages per week from 25 to 8
- Cut mean time to recovery from 90 to 30 minutes
"""

TASK_LIST = """\
# Platform team OKRs 2026-Q3

## Objective: Migrate to Kubernetes

- Write the migration plan
- Set up the staging cluster
- Move the billing service

## Objective: Launch the new status page

- Design the page
- Ship the page
"""


def test_measured_outcomes_score_strong_and_a_task_list_scores_rewrite() -> None:
    measured = score_document(*read_and_lint(MEASURED))
    tasks = score_document(*read_and_lint(TASK_LIST))
    assert measured.score is not None and measured.score >= 85
    assert tasks.score is not None and tasks.score <= 40
