"""Every rule: metadata, documentation, and its own failing and passing examples."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from okrlint.analysis import analyze_nodes
from okrlint.engine import Settings, lint
from okrlint.model import KeyResult, Objective, OkrDocument, OkrSet, Span
from okrlint.readers import read_text
from okrlint.registry import default_registry

REGISTRY = default_registry()
RULES = REGISTRY.rules
TODAY = dt.date(2026, 11, 22)


def _catalog_codes() -> set[str]:
    codes = {"OKR001", "OKR002"}
    codes |= {f"OKR10{i}" for i in range(1, 9)}
    codes |= {f"OKR20{i}" for i in range(1, 6)}
    codes |= {f"OKR3{i:02d}" for i in range(1, 13)}
    codes |= {f"OKR40{i}" for i in range(1, 7)}
    return codes


def test_every_catalog_rule_exists() -> None:
    missing = _catalog_codes() - set(REGISTRY.by_code)
    assert not missing


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_documented(rule: Any) -> None:
    assert rule.summary.strip()
    assert rule.why.strip(), "a 'why' section"
    assert rule.fix.strip(), "a 'use instead' section"
    assert rule.examples.get("fail"), "at least one failing example"
    assert rule.examples.get("pass"), "at least one passing example"
    text = rule.explain()
    assert text.startswith(f"# {rule.code} {rule.name}")
    assert "## Why" in text and "## Flagged" in text and "## Options" in text
    for option in rule.options.values():
        assert option.help


def test_each_chain_ranks_its_rules_once_in_the_catalog_order() -> None:
    for chain in ("objective", "key_result"):
        ranked = sorted((r.chain_rank, r.name) for r in RULES if r.chain == chain)
        assert all(rank is not None for rank, _ in ranked)
        assert len({rank for rank, _ in ranked}) == len(ranked)
    key_results = [
        name for _, name in sorted((r.chain_rank, r.name) for r in RULES if r.chain == "key_result")
    ]
    assert key_results[:4] == [
        "kr-placeholder",
        "kr-impossible-value",
        "kr-direction-mismatch",
        "kr-is-task",
    ]


def _statement_doc(kind: str, text: str) -> OkrDocument:
    span = Span(1, 1, 1, 1)
    s = OkrSet(title="t", span=span, metadata={"cycle": "2026-Q3"})
    doc = OkrDocument(path="example.md", format="markdown")
    if kind == "objective":
        s.objectives.append(Objective(text=text, span=span, raw=text))
    else:
        o = Objective(text="(objective)", span=span)
        o.add_key_result(KeyResult(text=text, span=span, raw=text))
        s.objectives.append(o)
    doc.sets.append(s)
    doc.link()
    return doc


def _findings(rule: Any, example: dict[str, Any]) -> list[str]:
    selected = {rule.code}
    if rule.code in ("OKR003", "OKR004"):
        # Suppression rules judge the comments against the findings of the other rules.
        selected |= {r.code for r in RULES if r.enabled}
    settings = Settings(registry=REGISTRY, selected=frozenset(selected), today=TODAY)
    if "text" in example:
        kind = example.get("kind", "key_result")
        doc = _statement_doc(kind, example["text"])
    elif "markdown" in example:
        doc = read_text("okrs.md", example["markdown"], "markdown")
    else:
        doc = read_text("okrs.yaml", example["yaml"], "yaml")
    analyze_nodes([*doc.objectives(), *doc.key_results()])
    return [f.code for f in lint(doc, settings, explicit=True)]


EXAMPLES = [
    (rule, verdict, i, example)
    for rule in RULES
    for verdict in ("fail", "pass")
    for i, example in enumerate(rule.examples.get(verdict, []))
]


@pytest.mark.parametrize(
    ("rule", "verdict", "index", "example"),
    EXAMPLES,
    ids=[f"{r.code}-{v}-{i}" for r, v, i, _ in EXAMPLES],
)
def test_rule_examples(rule: Any, verdict: str, index: int, example: dict[str, Any]) -> None:
    codes = _findings(rule, example)
    if verdict == "fail":
        assert rule.code in codes, f"{rule.code} should flag {example}"
    else:
        assert rule.code not in codes, f"{rule.code} should pass {example}"


def test_one_finding_per_statement() -> None:
    settings = Settings(
        registry=REGISTRY,
        selected=frozenset(r.code for r in RULES if r.chain == "key_result"),
        today=TODAY,
    )
    # A task with no number is kr-is-task only, not also kr-not-measurable.
    doc = _statement_doc("key_result", "Launch the new onboarding flow")
    names = [f.name for f in lint(doc, settings)]
    assert names == ["kr-is-task"]
    # A placeholder outranks everything else.
    doc = _statement_doc("key_result", "Increase activation from XX% to 43%")
    assert [f.name for f in lint(doc, settings)] == ["kr-placeholder"]


def test_messages_use_the_statement_and_say_how_to_fix() -> None:
    settings = Settings(registry=REGISTRY, selected=frozenset({"OKR303", "OKR301"}), today=TODAY)
    doc = _statement_doc("key_result", "Increase activation rate to 60%")
    (finding,) = lint(doc, settings)
    assert (
        finding.message
        == "Target 60% has no baseline: write 'from <current> to 60%' so progress can be judged."
    )
    doc = _statement_doc("key_result", "Launch the new onboarding flow")
    (finding,) = lint(doc, settings)
    assert "'Launch the new onboarding flow' is a task" in finding.message
    # The hint follows the task's own verb (rules/lexicons/suggestions.yaml), not one template.
    assert "for a launch: how many people adopt it" in finding.message
    doc = _statement_doc("key_result", "Migrate the billing database to Postgres")
    (finding,) = lint(doc, settings)
    assert "for a migration or rewrite: the latency, cost, incidents" in finding.message
    doc = _statement_doc("key_result", "Customer webinar held with the sales team")
    (finding,) = lint(doc, settings)
    assert "for events and outreach" in finding.message
    doc = _statement_doc("key_result", "Onboarding redesign shipped")
    (finding,) = lint(doc, settings)
    assert "for a design" in finding.message


def test_not_measurable_names_the_measure_only_when_the_words_are_one() -> None:
    settings = Settings(registry=REGISTRY, selected=frozenset({"OKR302"}), today=TODAY)
    doc = _statement_doc("key_result", "Improve customer onboarding")
    (finding,) = lint(doc, settings)
    assert "measure customer onboarding from a baseline to a target" in finding.message
    # Words after the verb that are a clause, not a measure, are not pasted into the advice.
    doc = _statement_doc("key_result", "Improve meeting tracking as measured by fewer complaints")
    (finding,) = lint(doc, settings)
    assert "name the measure and write where it is now" in finding.message
    assert "measure meeting" not in finding.message


def test_set_level_reads_individual_limits() -> None:
    md = "---\nlevel: individual\ncycle: 2026-Q3\n---\n" + "".join(
        f"## Objective: Goal number {w}\n- Raise x from 1 to 2\n- Cut y from 4 to 2\n"
        for w in ("one", "two", "three")
    )
    settings = Settings(registry=REGISTRY, selected=frozenset({"OKR101"}), today=TODAY)
    doc = read_text("o.md", md, "markdown")
    (finding,) = lint(doc, settings)
    assert "individual set" in finding.message
    team = read_text("o.md", md.replace("individual", "team"), "markdown")
    assert lint(team, settings) == []


def test_stale_review_uses_today() -> None:
    md = "---\ncycle: 2026-Q3\nupdated: 2026-11-01\n---\n## Objective: Be calm\n- Cut pages from 40 to 10\n- Sleep from 6 to 7 hours\n"
    doc = read_text("o.md", md, "markdown")
    for today, expected in ((dt.date(2026, 11, 15), 0), (dt.date(2026, 11, 16), 1)):
        settings = Settings(registry=REGISTRY, selected=frozenset({"OKR403"}), today=today)
        assert len(lint(doc, settings)) == expected


def test_option_overrides_change_the_limit() -> None:
    md = "---\ncycle: 2026-Q3\n---\n## Objective: Be calm\n" + "".join(
        f"- Cut metric {i} from 40 to 10\n" for i in range(5)
    )
    doc = read_text("o.md", md, "markdown")
    base = Settings(registry=REGISTRY, selected=frozenset({"OKR102"}), today=TODAY)
    assert len(lint(doc, base)) == 1
    wide = Settings(
        registry=REGISTRY,
        selected=frozenset({"OKR102"}),
        today=TODAY,
        options={"OKR102": {"max": 5}},
    )
    assert lint(doc, wide) == []


def test_non_english_statements_are_not_judged_by_english_rules() -> None:
    settings = Settings(
        registry=REGISTRY, selected=frozenset(r.code for r in RULES if r.chain), today=TODAY
    )
    doc = _statement_doc("key_result", "完成《数据挖掘》大作业")
    assert [f for f in lint(doc, settings) if f.item == "key_result"] == []


def test_docs_rules_md_is_generated_from_the_metadata() -> None:
    from pathlib import Path

    from okrlint.docs import rules_markdown

    path = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
    assert path.read_text(encoding="utf-8") == rules_markdown(), (
        "docs/rules.md is stale: run python -m okrlint.docs > docs/rules.md"
    )


STATEMENT_CODES = frozenset(
    r.code for r in RULES if r.code.startswith(("OKR2", "OKR3")) or r.code == "OKR404"
)


_STATEMENT_SETTINGS = Settings(registry=REGISTRY, selected=STATEMENT_CODES, today=TODAY)


def _names(kind: str, text: str) -> list[str]:
    return [f.name for f in lint(_statement_doc(kind, text), _STATEMENT_SETTINGS) if f.item == kind]


def _findings_in(markdown: str) -> set[tuple[int, str, str]]:
    doc = read_text("okrs.md", markdown, "markdown")
    return {(f.line, f.name, f.item) for f in lint(doc, _STATEMENT_SETTINGS)}


def test_a_statement_that_starts_with_a_count_of_new_things_needs_no_baseline() -> None:
    # Things that happen or are made in the cycle, counted from zero.
    assert _names("key_result", "100 signups from the launch campaign") == []
    assert _names("key_result", "12 assessments live with full scoring") == ["kr-output-count"]
    assert _names("key_result", "10+ business rules documented and validated") == [
        "kr-output-count"
    ]
    # A standing level still needs its baseline.
    assert _names("key_result", "10 daily active users") == ["kr-missing-baseline"]
    assert _names("key_result", "500 total members in the forum") == ["kr-missing-baseline"]


def test_a_verb_reaches_its_count_across_and_or_all() -> None:
    assert _names("key_result", "Complete and document 3 rounds of usability testing") == [
        "kr-output-count"
    ]
    assert _names("key_result", "Read or listen to 24 books") == ["kr-output-count"]


def test_work_done_for_everyone_is_a_task_but_a_level_of_everyone_is_not() -> None:
    assert _names("key_result", "100% of the support team certified on the new flows") == [
        "kr-is-task"
    ]
    assert _names("key_result", "100% of flagged outputs include a source citation") == [
        "kr-missing-baseline"
    ]
    assert _names("key_result", "Raise test coverage to 100% of services") == [
        "kr-missing-baseline"
    ]


def test_a_statement_that_is_only_a_template_slot() -> None:
    assert _names("key_result", "[Quantitative, measurable, time-bound]") == ["kr-placeholder"]
    assert _names("objective", "[Inspiring, qualitative goal]") == []


def _yaml_findings(name: str, yaml_text: str) -> set[tuple[str, str]]:
    """(statement, rule name) of every finding on a YAML file."""
    doc = read_text(name, yaml_text, "yaml")
    return {(f.text, f.name) for f in lint(doc, _STATEMENT_SETTINGS)}


def test_a_short_statement_takes_its_file_language_when_no_word_tells() -> None:
    yaml_text = (
        "cycle: 2026-Q3\nobjectives:\n"
        "  - objective: Hantering regels\n"
        "    key_results:\n"
        "      - De wetten in formele zin nastreven voor alle teams\n"
        "      - Elke week een nieuwe versie van de regels met het team delen\n"
        "      - Launch the new onboarding flow\n"
        "  - objective: 15 minuten per dag\n"  # "per" is Dutch as much as English (a fresh batch)
        "    key_results:\n"
        "      - Elke dag oefenen met de groep\n"
    )
    found = _yaml_findings("doelen.yaml", yaml_text)
    # Dutch is not judged: nothing on the Dutch statements, English ones are still judged.
    assert found == {("Launch the new onboarding flow", "kr-is-task")}


def test_a_current_score_tail_is_kept_apart_from_the_statement() -> None:
    from okrlint.readers.decorations import clean

    cleaned = clean("Efficient Resource Management - Current Score: 5/10")
    assert cleaned.text == "Efficient Resource Management"
    assert cleaned.metadata["score"] == "5/10"


def test_a_target_column_measures_the_key_result_beside_it() -> None:
    md = (
        "# Data team OKRs Q2\n\n## Objective: Make the knowledge base trustworthy\n\n"
        "| KR | Key Result | Target | Due |\n|---|---|---|---|\n"
        "| KR1 | Sub-second search latency on the knowledge base | < 1s p95 | Apr 25 |\n"
        "| KR2 | Pipeline documentation for each data source | 3+ runbooks | May 01 |\n"
        "| KR3 | Migrate all documents to the new index | 100% coverage | Apr 10 |\n"
    )
    found = {(line, name) for line, name, item in _findings_in(md) if item == "key_result"}
    # A level in the Target column needs a baseline; a count of things made does not (it is an
    # output count); "100%" of the work leaves a task a task.
    assert found == {(7, "kr-missing-baseline"), (8, "kr-output-count"), (9, "kr-is-task")}


def test_objectives_that_grow_something_or_win_a_position_are_not_tasks() -> None:
    assert _names("objective", "Build a small, devoted community") == []
    assert _names("objective", "Build a company that thrives amid rapid growth") == []
    assert _names("objective", "Establish our SDK as the reference implementation") == []
    assert _names("objective", "Create a brand style guide") == ["objective-is-task"]
    # A quality of a thing to ship still leaves it a thing to ship.
    assert _names("objective", "Deliver a secure and user-friendly MVP for the bank") == [
        "objective-is-task"
    ]
    assert _names("objective", "Build a healthier, more predictable engineering process") == []


def test_a_template_row_left_empty_is_a_placeholder_with_its_own_message() -> None:
    md = (
        "# Exec OKRs Q3\n\n## Objective: Grow the partner channel\n\n"
        "| KR | Baseline | Target | Status |\n|---|---|---|---|\n"
        "| KR1: | | | % |\n| Raise partner-sourced deals from 4 to 10 | 4 | 10 | 20% |\n"
    )
    doc = read_text("okrs.md", md, "markdown")
    findings = [f for f in lint(doc, _STATEMENT_SETTINGS) if f.item == "key_result"]
    assert [(f.line, f.name) for f in findings] == [(7, "kr-placeholder")]
    assert findings[0].message == (
        "'KR1:' is a key result left empty: write it, or drop it until it is known."
    )


def test_people_counted_at_the_start_are_a_level_and_the_verb_after_them_describes_them() -> None:
    assert _names("key_result", "50,000 registered farmers") == ["kr-missing-baseline"]
    assert _names("key_result", "10 regulars on streams") == ["kr-missing-baseline"]
    assert _names("key_result", "Twelve volunteer training sessions held") == ["kr-output-count"]


def test_an_objective_named_by_its_project_is_a_task_only_by_its_head_noun() -> None:
    assert _names("objective", "Controlled CM → Pithos migration with no consumer impact") == [
        "objective-is-task"
    ]
    assert _names("objective", "A quality rebuild from monolith to microservices") == [
        "objective-is-task"
    ]
    # "migration" in a qualifier does not make the objective a project.
    assert _names("objective", "Calm customers through the database migration") == []


def test_a_bracketed_tag_in_a_statement_with_values_is_not_a_placeholder() -> None:
    assert "kr-placeholder" not in _names(
        "key_result", "Grow [beta] weekly active users from 50 to 400"
    )
    assert "kr-placeholder" not in _names("key_result", "Reduce p95 latency [ms] from 800 to 300")
    assert "kr-placeholder" not in _names("key_result", "[Increase NPS from 30 to 40]")
    # Where a value should stand, it is a slot.
    assert _names("key_result", "Increase activation from [baseline] to 60%") == ["kr-placeholder"]


def test_hours_and_splits_are_not_scores_on_a_scale() -> None:
    assert "kr-impossible-value" not in _names("key_result", "Provide 24/7 support in EMEA")
    assert "kr-impossible-value" not in _names(
        "key_result", "Move the revenue split with partners from 50/50 to 60/40"
    )
    assert _names("key_result", "Raise CSAT from 4.2/5 to 5.4/5") == ["kr-impossible-value"]


def test_baseline_and_target_columns_measure_a_named_measure() -> None:
    md = (
        "# Payments OKRs Q3\n\n## Objective: Merchants love paying with us\n\n"
        "| Key Result | Baseline | Target |\n|---|---|---|\n| Merchant NPS | 31 | 45 |\n"
        "| Time to first project created | 3 days | 1 day |\n"
    )
    assert _findings_in(md) == set()  # neither a task nor, for the objective, output-only


def test_a_rate_of_everyone_is_not_a_rollout() -> None:
    assert "kr-is-task" not in _names("key_result", "100% of orders delivered on time")


def test_an_english_instruction_in_a_german_file_is_judged_as_english() -> None:
    doc = read_text(
        "ziele.yaml",
        "ziele:\n  - ziel: Kunden begeistern\n    schluesselergebnisse:\n"
        "      - Hire Designer\n      - Kundenzufriedenheit von 70 % auf 80 % erhöhen\n",
        "yaml",
    )
    found = {(f.text, f.name) for f in lint(doc, _STATEMENT_SETTINGS) if f.item == "key_result"}
    assert found == {("Hire Designer", "kr-is-task")}


def test_a_level_word_after_a_preposition_does_not_make_a_count_a_level() -> None:
    assert _names("key_result", "5 deals over $50k ARR closed") == []
    assert _names("key_result", "10 daily active users") == ["kr-missing-baseline"]


def test_task_hints_follow_the_verb_sense_teams_use() -> None:
    settings = Settings(registry=REGISTRY, selected=frozenset({"OKR301"}), today=TODAY)
    doc = _statement_doc("key_result", "Close the Series A funding round")
    (finding,) = lint(doc, settings)
    assert "for fixes" not in finding.message
    doc = _statement_doc("key_result", "Legacy billing system decommissioned")
    (finding,) = lint(doc, settings)
    assert "for a migration or rewrite" in finding.message


def test_not_measurable_never_offers_an_adverb_or_a_pronoun_as_the_measure() -> None:
    settings = Settings(registry=REGISTRY, selected=frozenset({"OKR302"}), today=TODAY)
    for text in ("Increase revenue significantly", "Improve it further", "Reduce churn ASAP"):
        (finding,) = lint(_statement_doc("key_result", text), settings)
        assert "name the measure" in finding.message, text


def test_work_counted_in_its_target_column_is_an_output_count() -> None:
    md = (
        "# Data team OKRs Q2\n\n## Objective: Make the pipelines easy to run\n\n"
        "| KR | Key Result | Target |\n|---|---|---|\n"
        "| KR1 | Pipeline documentation for each data source | 3+ runbooks |\n"
        "| KR2 | Cut failed nightly runs from 9 to 2 a month | 2 a month |\n"
    )
    assert _findings_in(md) == {(7, "kr-output-count", "key_result")}


def test_exploring_is_an_activity_for_an_objective() -> None:
    assert _names("objective", "Explore funding options") == ["objective-is-task"]


def test_a_score_scale_after_a_key_result_is_not_its_baseline_and_target() -> None:
    from okrlint.readers.decorations import clean

    cleaned = clean("Interactive prototype approved by the client (0.0 → 1.0)")
    assert cleaned.text == "Interactive prototype approved by the client"
    assert cleaned.metadata["scale"] == "0.0 → 1.0"
    assert _names("key_result", cleaned.text) == ["kr-is-task"]


def test_a_standing_limit_is_a_kpi_to_maintain() -> None:
    assert _names("key_result", "Not spend more than 5 hours in research") == ["kr-maintain-kpi"]
    assert _names("key_result", "Cap the hosting cost per transfer at less than $0.002") == [
        "kr-maintain-kpi"
    ]


def test_a_dash_in_a_baseline_column_is_no_baseline() -> None:
    md = (
        "# Shop OKRs Q3\n\n## Objective: Customers find what they look for\n\n"
        "| KR | Key Result | Baseline | Target |\n|---|---|---|---|\n"
        "| KR1 | At least 70% of searches return a result | — | 70% |\n"
        "| KR2 | Cut time to first order from 9 to 4 days | 9 days | 4 days |\n"
    )
    assert _findings_in(md) == {(7, "kr-missing-baseline", "key_result")}


def test_a_target_column_written_as_a_change_needs_no_baseline() -> None:
    """Found by a fresh batch (a hospital product's OKRs): "| Pharmacy dispensing errors
    reduced at pilot sites | -50% vs baseline |" measures from where things stand; "| DAU
    across all hospitals | 500 |" does not say where it starts."""
    md = (
        "# Clinic OKRs Q3\n\n## Objective: Make the clinic system the one doctors trust\n\n"
        "| Key Result | Target | Owner |\n|---|---|---|\n"
        "| Pharmacy dispensing errors at pilot sites | -50% vs baseline | Advisor |\n"
        "| Dispensing errors at the other sites | −30% | Advisor |\n"
        "| Share of doctors who sign notes in the system | 80% | FE |\n"
    )
    assert _findings_in(md) == {(9, "kr-missing-baseline", "key_result")}


def test_a_title_that_joins_two_adjectives_is_not_an_order() -> None:
    """Found by a fresh batch: "Secure & Compliant Infrastructure" names a state (its first
    word is an adjective joined to another), not the activity "secure ..."; "Build and Launch
    the partner portal" stays an order."""
    assert "objective-is-task" not in _names("objective", "Secure & Compliant Infrastructure")
    assert "objective-is-task" in _names("objective", "Build and Launch the partner portal")


def test_habits_by_the_month_or_week_are_tasks() -> None:
    assert _names("key_result", "Work out 3 or more times weekly") == ["kr-is-task"]
    assert _names("key_result", "Review the engagement results monthly") == ["kr-is-task"]
    assert _names("key_result", "Hold bi-weekly 1:1 meetings with Anna") == ["kr-is-task"]
    assert _names("key_result", "Reduce pages per week from 25 to 8") == []


def test_a_redacted_value_is_not_a_placeholder() -> None:
    assert "kr-placeholder" not in _names("key_result", "Have [redacted] in savings")
    assert "kr-placeholder" not in _names("key_result", "Grow [confidential] ARR by year end")


def test_a_template_slot_is_the_statement_not_an_owner_tag() -> None:
    """ "- [ ] [Measurable result 1] (Week N)": the bracket is the template's slot (nothing but a
    note follows it), not an owner before a statement; "[Alice] Grow signups ..." keeps its owner."""
    md = (
        "# OKRs — [QUARTER YEAR]\n\n## OKR 1: [Objective title]\n\n**Key Results:**\n"
        "- [ ] [Measurable result 1] (Week N)\n- [ ] [Alice] Grow signups from 200 to 400 a week\n\n"
        "## OKR 2: [objective] · [status]\n\n**Key Results:**\n- [ ] [Measurable result 1]\n"
    )
    doc = read_text("okrs.md", md, "markdown")
    krs = list(doc.key_results())
    assert [k.text for k in krs] == [
        "[Measurable result 1] (Week N)",
        "Grow signups from 200 to 400 a week",
        "[Measurable result 1]",
    ]
    assert krs[1].metadata.get("owner") == "Alice"
    findings = [f for f in lint(doc, _STATEMENT_SETTINGS) if f.item in ("key_result", "objective")]
    assert [(f.line, f.name) for f in findings] == [(6, "kr-placeholder"), (12, "kr-placeholder")]
    assert findings[0].message == (
        "'[Measurable result 1] (Week N)' is the template's text, not a key result: write the key "
        "result, or drop it until it is known."
    )


def test_time_put_in_each_period_is_a_habit() -> None:
    """RULES.md: a habit is a task. Time budgeted each period is one; a ceiling on time, a
    change of it, or time measured from a baseline is not."""
    for text in (
        "Spend 1hr every week on personal projects",
        "60 mins guitar practice per week",
        "7 hours of sleep every night",
    ):
        assert _names("key_result", text) == ["kr-is-task"], text
    assert "kr-is-task" not in _names("key_result", "Downtime under 1 hour per month")
    assert "kr-is-task" not in _names("key_result", "Cut meeting time to 5 hours a week")
    assert "kr-is-task" not in _names("key_result", "Answer support tickets within 4 hours a day")
    assert _names("key_result", "Deep-work hours from 6 to 12 per week") == []
    assert _names("key_result", "Timebox newsletter processing to 1hr/week") == ["kr-is-task"]
    # A release and how many it reaches is a task; a level of users is not.
    assert _names("key_result", "Voice listing beta launched to 500 users") == ["kr-is-task"]
    assert _names("key_result", "Grow weekly active users to 500 users") == ["kr-missing-baseline"]


def test_a_table_of_measures_with_numbered_rows() -> None:
    """ "| KR | Measure | Target |" with "1.1", "1.4a" in the KR column: the Measure column holds
    the statements; a measure's name is not a task; a Target cell with both ends states the
    baseline; a Target cell that starts with "X%" is template text."""
    md = (
        "# Company OKRs 2026\n\n## Objective 1: Make growth predictable\n\n"
        "| KR | Measure | Target | Timeline |\n|---|---|---|---|\n"
        "| 1.1 | Organic MRR bookings growth | $83k/mo to $93k/mo | EOQ3 |\n"
        "| 1.2 | Cross-sell revenue contribution | 8% to 15% of organic growth | Q3 |\n"
        "| 1.4a | Booked revenue from insights-sourced deals | X% from tagged deals | TBD |\n"
        "| 1.4b | Paid user count | 150 | Q2 |\n"
    )
    doc = read_text("okrs.md", md, "markdown")
    assert [k.text for k in doc.key_results()] == [
        "Organic MRR bookings growth",
        "Cross-sell revenue contribution",
        "Booked revenue from insights-sourced deals",
        "Paid user count",
    ]
    found = [(f.line, f.name) for f in lint(doc, _STATEMENT_SETTINGS) if f.item == "key_result"]
    # "Paid user count | 150": the level of the measure the row names, with no baseline.
    assert found == [(9, "kr-placeholder"), (10, "kr-missing-baseline")]
    placeholder = next(f for f in lint(doc, _STATEMENT_SETTINGS) if f.name == "kr-placeholder")
    assert "'target: X%'" in placeholder.message


def test_statements_in_languages_okrlint_does_not_judge_get_no_finding() -> None:
    """Vietnamese (Latin letters with its own marks, English words mixed in): no rule speaks,
    not even the word count of objective-too-long (its words are syllables)."""
    md = (
        "# OKR\n\n## Objective\n\nTrở thành công cụ luyện debate AI giúp sinh viên cải thiện "
        "lập luận thực tế sau mỗi lần tranh biện và tranh luận tốt hơn.\n\n"
        "## Key Results\n\n- ≥ 150 weekly active users hoàn thành ít nhất 1 Challenge session\n"
    )
    doc = read_text("okrs.md", md, "markdown")
    assert [
        f.name for f in lint(doc, _STATEMENT_SETTINGS) if f.item in ("objective", "key_result")
    ] == []


def test_work_done_for_everyone_and_things_set_up_are_tasks() -> None:
    assert _names("key_result", "Migrate 100% of services to deploy CLI v2") == ["kr-is-task"]
    assert _names("key_result", "Ship ML priority model to 100% of users by Feb 28") == [
        "kr-is-task"
    ]
    # A rate of quality, or an outcome verb, is not a rollout.
    assert "kr-is-task" not in _names("key_result", "Deliver 100% of orders on time")
    assert "kr-is-task" not in _names("key_result", "Grow coverage to 100% of services")
    assert _names("objective", "Sales infrastructure online") == ["objective-is-task"]
    assert _names("objective", "A calmer, faster release process in place") == []


def test_a_floor_on_a_count_of_things_in_the_cycle_starts_at_zero() -> None:
    # "at least", "more than", "over", "N+": the count starts at zero, no baseline to ask for.
    assert _names("key_result", "At least four customers are running the new queries") == []
    assert _names("key_result", "Get product reviews in over 10 publications") == []
    assert _names("key_result", "Pricing API sold to ≥3 KG / KZ banks") == []
    assert "kr-missing-baseline" not in _names("key_result", "Introduce X to more than 20 people")
    # A standing level or a change verb still needs its start.
    assert _names("key_result", "More than 500 monthly active users") == ["kr-missing-baseline"]
    assert _names("key_result", "Average NPS >= 40 from user feedback") == ["kr-missing-baseline"]
    assert _names("key_result", "Lighthouse mobile ≥ 90.") == ["kr-missing-baseline"]
    assert _names("key_result", "Increase paying customers to more than 200") == [
        "kr-missing-baseline"
    ]


def test_a_start_given_in_parentheses_after_the_level_is_the_baseline() -> None:
    assert _names("key_result", "≥145 alumnos activos al 30-sep (desde ~110)") == []
    assert _names("key_result", "≥145 alumnos activos al 30-sep") == ["kr-missing-baseline"]


def test_a_percentage_in_parentheses_that_ends_a_task_is_its_progress() -> None:
    assert _names("key_result", "Implement the incidents module with evidence (100%).") == [
        "kr-is-task"
    ]
    # After an outcome verb it is the value to reach.
    assert _names("key_result", "Increase test coverage (80%)") == ["kr-missing-baseline"]


def test_objectives_led_by_restore_or_monetize_state_a_direction() -> None:
    assert _names("objective", "Restore SLA reliability") == []
    assert _names("objective", "Monetize reliability") == []
    assert _names("objective", "Connectivity Magic") == ["objective-vague"]


def test_objectives_that_seek_market_evidence_or_grow_skills_are_not_tasks() -> None:
    for text in (
        "Validate Product-Market Fit with Paying Pilots",
        "Develop EQ Skills",
        "Develop coaching practice with direct reports",
    ):
        assert _names("objective", text) == [], text
    assert _names("objective", "Validate the login flow") == ["objective-is-task"]
    assert _names("objective", "Develop a mobile app for drivers") == ["objective-is-task"]


def test_objectives_that_name_a_dataset_or_report_to_produce_are_tasks() -> None:
    assert _names("objective", "Build a high-quality ground truth dataset") == ["objective-is-task"]
    assert _names("objective", "Deliver a data-driven recommendation for the data strategy") == [
        "objective-is-task"
    ]
    assert _names("objective", "Quantify the current accuracy of pin placements") == [
        "objective-is-task"
    ]
    # How something runs is a quality, not a deliverable.
    assert _names("objective", "The pipeline ships without being babysat") == []
    assert _names("objective", "Build a healthier, more predictable engineering process") == []


def test_an_x_where_a_count_belongs_is_template_text() -> None:
    assert _names("key_result", "Have X people complete a management course") == ["kr-placeholder"]
    assert _names("key_result", "Grow to 1000 contributors a month. X active contributors") == [
        "kr-placeholder"
    ]
    # X as a name is not a slot.
    assert "kr-placeholder" not in _names("key_result", "Ship the X integration")


def test_a_number_that_sizes_one_deliverable_leaves_it_a_task() -> None:
    for text in (
        'Create a labelled "Golden Dataset" with at least 5,000 pre-matched places',
        "Publish a finalized taxonomy covering all 4 place tiers",
        "Produce a stratified sample of 750 labelled places",
    ):
        assert _names("key_result", text) == ["kr-is-task"], text
    # People, outputs and measures counted are not the size of a thing.
    assert _names("key_result", "Hire a team of 5 engineers") == ["kr-output-count"]
    assert "kr-is-task" not in _names("key_result", "Build a community of 500 active members")
    assert "kr-is-task" not in _names(
        "key_result", "Provide a strong candidate experience, with an average score of 4+"
    )


def test_objectives_that_win_a_standing_are_not_tasks() -> None:
    assert _names("objective", "Establish ABC as Axos Bank's premier engineering center") == []
    assert _names("objective", "Create greater cohesion among logged-in tools") == []
    assert _names("objective", "Establish a weekly release cadence") == ["objective-is-task"]


def test_a_count_of_one_made_thing_is_one_deliverable() -> None:
    """RULES.md: a single deliverable is a task, a number of them an output count."""
    assert _names("key_result", "1 HuggingFace model with card + demo") == ["kr-is-task"]
    assert _names("key_result", "Produce 1 comparative report benchmarking 3 models") == [
        "kr-is-task"
    ]
    assert _names("key_result", "Publish 12 articles") == ["kr-output-count"]
    assert _names("key_result", "Hire engineers: +1 code intel, +2 frontend, +2 backend") == [
        "kr-output-count"
    ]


def test_a_key_result_named_by_its_metric_key_with_a_target_is_measured() -> None:
    yaml_text = (
        "cycle: 2026-Q3\nobjectives:\n  - title: Reliability and trust for every customer\n"
        "    key_results:\n      - kr: O2-KR1\n        metric: P95Latency_ms\n"
        "        target: 200\n"
    )
    found = _yaml_findings("okr.yaml", yaml_text)
    # Measured (a metric and its target), only its starting point is missing: not a task.
    assert ("P95Latency_ms", "kr-is-task") not in found
    assert ("P95Latency_ms", "kr-missing-baseline") in found


def test_every_single_member_is_everyone_not_always() -> None:
    assert "kr-maintain-kpi" not in _names(
        "key_result", "Every single club member participates in at least 3 discussions"
    )
    assert _names("key_result", "API p95 latency under 300 ms every single day") == [
        "kr-maintain-kpi"
    ]


def test_a_statement_with_a_loanword_keeps_its_files_language() -> None:
    yaml_text = (
        "cycle: 2026-Q3\nobjectives:\n  - objective: Operar com mais segurança nas obras\n"
        "    key_results:\n      - LTIFR reduzido em 30 por cento face a baseline\n"
        "      - Reduzir o número de incidentes de 12 para 4 por mês\n"
    )
    found = _yaml_findings("okrs.yaml", yaml_text)
    # Portuguese, like its file: "reduzido em 30 por cento" is a change, its own baseline.
    assert not any(text.startswith("LTIFR") for text, _ in found)


def test_a_share_of_a_plan_is_read_against_the_plan() -> None:
    """ "Final Q3 hiring is 85%+ of the plan": the plan, stated elsewhere, is the reference;
    a level of a measure of its own still needs its baseline."""
    assert "kr-missing-baseline" not in _names("key_result", "Final Q3 hiring is 85%+ of the plan")
    assert "kr-missing-baseline" not in _names("key_result", "Sales reach 110% of quota")
    assert _names("key_result", "85% of tickets answered within one day") == ["kr-missing-baseline"]


def test_every_one_of_a_known_set_done_is_a_task() -> None:
    """ "All 40 services migrated to the new cluster": every one of a set done, as "100% of
    the team certified" is, a task; "All 200 customers renew" is an outcome level."""
    for text in ("All 40 services migrated to the new cluster", "All 5 regions live"):
        assert _names("key_result", text) == ["kr-is-task"], text
    assert "kr-is-task" not in _names("key_result", "All 200 customers renew")


def test_a_sustained_level_and_a_budget_cap_are_kpis_to_maintain() -> None:
    """ "Runway >= 4 months sustained" and "Tooling spend within the EUR 60k annual budget"
    hold a level through the cycle (the issue's class 4: standing constraints); "Cut cloud
    spend to within the $40k budget" is a change to reach."""
    assert _names("key_result", "Runway ≥ 4 months sustained") == ["kr-maintain-kpi"]
    assert _names("key_result", "Tooling spend within €60k annual budget envelope") == [
        "kr-maintain-kpi"
    ]
    assert "kr-maintain-kpi" not in _names(
        "key_result", "Cut cloud spend to within the $40k budget"
    )


def test_the_size_of_the_set_after_all_of_it_is_not_a_second_number() -> None:
    """ "Consolidate 100% of the 7 applications into one repository": the 7 says how many
    there are; the work is done for all of them, a task as "Migrate 100% of services" is."""
    assert _names(
        "key_result", "Consolidate 100% of the 7 applications into a unified Turborepo structure"
    ) == ["kr-is-task"]
    assert _names("key_result", "Raise coverage to 100% of 30 services") == ["kr-missing-baseline"]


def test_a_level_in_the_target_column_is_not_a_count_of_outputs() -> None:
    """ "| Median deploy time | 40 min | 10 min |": a level reached from a baseline, in a unit
    of time; "3+ runbooks" in the same column counts things made from zero."""
    md = (
        "# Platform OKRs Q2\n\n## Objective: Make deploys boring\n\n"
        "| Key Result | Baseline | Target |\n|---|---|---|\n"
        "| Median deploy time | 40 min | 10 min |\n"
        "| Pipeline documentation for each data source | 0 | 3+ runbooks |\n"
    )
    assert _findings_in(md) == {(8, "kr-output-count", "key_result")}


def test_a_measure_named_alone_is_not_measurable_not_a_task() -> None:
    """ "Median deploy time", "Monthly AWS bill": the name of a measure with no level, so
    nobody can say whether it was reached (kr-not-measurable); not a deliverable to build.
    "Deploy the new billing service" is still work."""
    for text in ("Median deploy time", "Monthly AWS bill"):
        assert _names("key_result", text) == ["kr-not-measurable"], text
    assert _names("key_result", "Deploy the new billing service") == ["kr-is-task"]


def test_an_arrow_between_two_rates_is_a_baseline_and_a_target() -> None:
    """ "Organic sign-ups: 300/month → 900/month": the rate's unit repeats around the arrow;
    the first value is the baseline. "400-500/day to 4,600+ contacts" says whom, not a target."""
    assert _names("key_result", "Organic sign-ups from blogs: 300/month → 900/month") == []
    assert _names("key_result", "Organic sign-ups: 300 per month → 900 per month") == []
    assert _names("key_result", "Email pipeline sending 400-500/day to 4,600+ contacts") == [
        "kr-missing-baseline"
    ]


def test_what_people_live_through_is_not_an_objective_task() -> None:
    """An objective that says what customers feel or how long something takes names a change,
    even with a deliverable's noun in it; the deliverable alone is still a task."""
    for text in (
        "Customers love our docs",
        "Enterprise customers trust our API with their critical workloads",
        "Local dev setup takes minutes, not days",
        "Integrating with us takes an afternoon",
        "No customer waits on us for a bug fix longer than a week",
        "Partners bring us customers we couldn't reach alone",
        "Developer survey satisfaction up",
    ):
        assert "objective-is-task" not in _names("objective", text), text
    assert _names("objective", "Public API documentation") == ["objective-is-task"]
    assert _names("objective", "Create a brand style guide") == ["objective-is-task"]


def test_a_cap_on_a_monthly_rate_is_a_level_not_growth() -> None:
    """ "Logo churn below 2% per month" caps a monthly rate: a level with no baseline, not "a
    change of 2%"; "Grow MRR 2% per month" is growth."""
    assert _names("key_result", "Logo churn below 2% per month") == ["kr-missing-baseline"]
    assert "kr-low-ambition" in _names("key_result", "Grow MRR 2% per month")


def test_resolve_and_publicize_are_activities() -> None:
    """ "Publicize our internal progress more." is an activity (like "Write more blog posts"),
    not a statement with no number; "Resolve the connectivity problems" is a fix."""
    assert _names("key_result", "Publicize our internal progress more.") == ["kr-is-task"]
    assert _names("key_result", "Resolve connectivity problems at the Madrid office") == [
        "kr-is-task"
    ]


def test_a_question_about_pay_does_not_tie_okrs_to_pay() -> None:
    """A handbook's FAQ "**Are OKRs tied to bonuses?** No. OKR scores are never used in
    compensation." asks and answers no; "OKR scores decide 20% of the annual bonus." ties."""
    from okrlint.checks.sets import pay_link

    assert pay_link("Are OKRs tied to bonuses?") is None
    assert pay_link("**Are OKR scores tied to bonuses?**") is None
    assert pay_link("OKR scores decide 20% of the annual bonus.") is not None


def test_effort_in_engineer_weeks_and_days_is_a_duration() -> None:
    """ "from 3 engineer-weeks to 3 engineer-days" is a fivefold cut of effort, not a target
    equal to its baseline."""
    assert _names("key_result", "Upgrade effort from 3 engineer-weeks to 3 engineer-days") == []


def test_a_comparative_right_after_the_verb_is_a_direction_not_a_task() -> None:
    """ "Respond faster to enterprise tickets": a direction with no number (not measurable),
    as "Respond to donor emails more quickly" is; "Build a faster checkout" is a thing to
    build."""
    assert _names("key_result", "Respond faster to enterprise tickets") == ["kr-not-measurable"]
    assert _names("key_result", "Respond to donor emails more quickly") == ["kr-not-measurable"]
    assert _names("key_result", "Build a faster checkout") == ["kr-is-task"]
