"""The Markdown reader on one fixture per shape (tests/fixtures/markdown)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, outline, parse_md
from okrlint.readers import read_bytes
from okrlint.readers.labels import find_label

MD = FIXTURES / "markdown"


def read(name: str):
    path = MD / name
    return read_bytes(str(path), path.read_bytes())


def test_headings_labels_checkboxes_scores_and_initiatives() -> None:
    doc = read("headings.md")
    assert outline(doc) == [
        (
            "Make onboarding feel effortless",
            9,
            [
                "Increase activation rate from 42% to 60%",
                "Reduce time to first project from 18 to 8 minutes",
            ],
        ),
        (
            "Make releases calmer",
            17,
            [
                "Reduce production incidents from 8 to 3",
                "Cut median rollback time from 40 to 15 minutes",
            ],
        ),
    ]
    (s,) = doc.sets
    assert s.title == "Growth team OKRs"
    assert s.metadata["cycle"] == "2026-Q3"
    assert s.metadata["level"] == "team"
    assert s.metadata["updated"] == "2026-11-10"
    first, second = s.objectives
    assert first.metadata["owner"] == "@growth-lead"
    kr1, kr2 = first.key_results
    assert kr1.metadata["score"] == "0.4"
    assert [i.text for i in kr2.initiatives] == [
        "Redesign the welcome screen",
        "Add project templates",
    ]
    assert second.key_results[0].metadata["done"] == "false"
    assert second.key_results[1].metadata == {"score": "0.7", "done": "true"}


def test_spans_point_at_the_statement() -> None:
    doc = read("headings.md")
    kr = next(doc.key_results())
    # "- KR1: Increase ..." starts at column 3 (after "- ").
    assert (kr.span.line, kr.span.column) == (12, 3)
    assert kr.span.end_line == 12
    obj = next(doc.objectives())
    assert (obj.span.line, obj.span.column) == (9, 4)


def test_setext_headings_objective_text_on_next_line_and_labels() -> None:
    doc = read("setext_and_labels.md")
    assert outline(doc) == [
        (
            "Become the default choice for small design teams",
            7,
            [
                "Increase paying teams of 2-10 seats from 1,200 to 1,800",
                "Raise trial-to-paid conversion for small teams from 8% to 12%",
            ],
        ),
        (
            "Make support feel personal",
            14,
            [
                "Raise CSAT from 4.1 to 4.6 out of 5",
                "Reduce first response time from 9 hours to 2 hours",
            ],
        ),
    ]
    krs = list(doc.key_results())
    assert krs[2].metadata["owner"] == "@amy"
    assert krs[3].metadata["status"] == "DONE"


def test_bold_lines_priority_tags_empty_items_and_link_lists() -> None:
    doc = read("bold_lines.md")
    assert outline(doc) == [
        (
            "Search feels instant",
            5,
            [
                "Cut p95 search latency from 900 ms to 300 ms",
                "Raise search success rate from 61% to 75%",
            ],
        ),
        ("Developers love our API", 9, ["Increase weekly API callers from 1,400 to 2,100"]),
    ]
    kr = next(doc.key_results())
    assert kr.metadata["priority"] == "P0"
    assert kr.metadata["owner"] == "@ana"
    assert doc.sets[0].metadata["cycle"] == "2026 Q3"


def test_plain_paragraph_objectives_and_siblings_without_key_results() -> None:
    doc = read("paragraphs.md")
    assert [(o, n) for o, _, n in [(o, line, len(k)) for o, line, k in outline(doc)]] == [
        ("Ship a playable alpha", 2),
        ("Hold a game jam", 0),
        ("Grow a small, devoted community", 1),
    ]
    assert [s.title for s in doc.sets] == ["Q1 2026", "Q2 2026"]


def test_cascades_become_sub_objectives_with_parents() -> None:
    doc = read("cascade.md")
    objectives = list(doc.objectives())
    texts = [o.text for o in objectives]
    assert texts == [
        "Grow net new ARR consistently",
        "Releases ship on time.",
        "Aspirational team",
    ]
    ceo, vpe, team = objectives
    assert vpe.parent is ceo and ceo.children == [vpe]
    assert ceo.metadata["owner"] == "CEO"
    assert [k.text for k in ceo.key_results] == [
        "Reach $2M net new ARR in Q1",
        "Implement a more scalable support system",
    ]
    assert [i.text for i in ceo.key_results[1].initiatives] == [
        "Evaluate software solutions and select one",
        "Define standard support terms",
    ]
    assert len(vpe.key_results) == 2
    # KR lines joined with hard line breaks inside one list item.
    assert [k.text for k in team.key_results] == [
        "75% of team members edit the handbook weekly, up from 40%.",
        "Hire 2 product managers.",
    ]
    assert team.key_results[1].metadata["status"] == "Hired 1."
    assert doc.sets[0].top_objectives == [ceo, team]


def test_tables_with_key_result_objective_and_spreadsheet_columns() -> None:
    doc = read("tables.md")
    assert outline(doc) == [
        (
            "ProtoSchool is a growing project",
            3,
            ["ProtoSchool has its own roadmap", "3 new tutorials published"],
        ),
        (
            "Become fluent in Spanish",
            12,
            [
                "Pass the B2 exam with 75% or more",
                "Hold 10 conversations of 30 minutes, up from 2",
            ],
        ),
        (
            "Finish the base use-case",
            19,
            [
                "Swagger API documentation for the REST API",
                "Generate 3 step-by-step guides",
                "Streaming API",
            ],
        ),
    ]
    first = next(doc.key_results())
    assert first.metadata["owner"] == "@teri"
    assert first.metadata["score"] == "0.8"
    guides = list(doc.key_results())[5]
    assert [i.text for i in guides.initiatives] == ["Guide on CLI tooling"]


def test_readme_code_blocks_quotes_comments_and_tocs_are_not_okrs() -> None:
    doc = read("readme.md")
    assert not doc.has_okrs
    assert any("in an HTML comment" in c.text for c in doc.comments)


def test_intro_lists_are_not_okrs_and_shared_key_result_lists() -> None:
    doc = read("intro_and_zones.md")
    texts = [o.text for o in doc.objectives()]
    assert texts == [
        "Bring more diverse perspectives to our work",
        "Make our project known as one of the best in the region",
        "Make more people understand what problem it solves",
    ]
    assert len(doc.sets) == 1
    (s,) = doc.sets
    assert [k.text for k in s.shared_key_results] == [
        "100+ people attend the launch",
        "500+ new developers join our community",
    ]


def test_inline_metadata_lines_and_trailing_tags() -> None:
    doc = parse_md(
        "# Platform OKRs\n\nCycle: Q3 2026\nLevel: team\n\n"
        "## Objective: Make deploys boring\n"
        "Owner: @ops\nProgress: 40%\n\n"
        "- Reduce failed deploys from 12% to 3% (owner: @kim) => 20%: on track\n"
        "- Cut rollback time from 40 to 10 minutes — 0.7\n"
        "- Roadmap view (timeline + dependencies) [NOT STARTED: 0%]\n"
        "- 50+ members [IN PROGRESS: 10% - Site live]\n"
    )
    (s,) = doc.sets
    assert s.metadata["cycle"] == "Q3 2026"
    assert s.metadata["level"] == "team"
    (o,) = s.objectives
    assert o.metadata["owner"] == "@ops"
    assert o.metadata["progress"] == "40%"
    kr1, kr2, kr3, kr4 = o.key_results
    assert kr3.text == "Roadmap view (timeline + dependencies)"
    assert kr3.metadata["status"] == "NOT STARTED: 0%"
    assert kr4.text == "50+ members"
    assert kr1.text == "Reduce failed deploys from 12% to 3%"
    assert kr1.metadata["owner"] == "@kim"
    assert kr1.metadata["progress"] == "20%"
    assert kr2.metadata["score"] == "0.7"


def test_crlf_and_cr_line_endings_keep_lines_and_columns() -> None:
    text = "# T OKRs\n\n## Objective: Be calm\n\n- Cut pages from 40 to 10\n- Raise sleep from 6 to 7 hours\n"
    for ending in ("\r\n", "\r"):
        data = text.replace("\n", ending).encode()
        doc = read_bytes("okrs.md", data)
        krs = list(doc.key_results())
        assert [(k.span.line, k.span.column) for k in krs] == [(5, 3), (6, 3)]


def test_indented_code_block_that_is_really_a_list() -> None:
    doc = parse_md(
        "# OKRs\n\n### Be profitable\n        - make 15,000 a month\n        -enable private projects\n"
    )
    (o,) = doc.objectives()
    assert [k.text for k in o.key_results] == ["make 15,000 a month", "enable private projects"]
    assert o.key_results[0].span.column == 11


def test_unlabelled_shapes_need_an_okr_file() -> None:
    text = "# Notes\n\n## Install things\n\n- run the installer\n- restart\n"
    assert not parse_md(text, "notes.md").has_okrs


def test_fixture_directory_is_complete() -> None:
    assert sorted(p.name for p in Path(MD).glob("*.md")) == [
        "bold_lines.md",
        "cascade.md",
        "headings.md",
        "intro_and_zones.md",
        "paragraphs.md",
        "readme.md",
        "setext_and_labels.md",
        "tables.md",
    ]


def test_numbered_kr_labels_without_a_colon() -> None:
    """Found by the benchmark corpus: 'KR2.1 Increase ...' kept '1' of the label."""
    doc = parse_md(
        "## Objective: Make users happy\n\n1. KR2.1 Increase NPS from 20 to 35\n"
        "2. KR2.2: Cut churn from 5% to 3%\n3. KR 3 is what we called the third one\n"
    )
    texts = [k.text for k in doc.key_results()]
    assert texts[:2] == ["Increase NPS from 20 to 35", "Cut churn from 5% to 3%"]
    assert texts[2].startswith("KR 3 is")  # not a label: no capital after the number


def test_a_column_named_by_its_parenthesis_holds_the_key_results() -> None:
    doc = parse_md(
        "# OKRs\n\n## Objective: Make research easy\n\n| Target (KR) | Current status |\n"
        "|---|---|\n| Research reports are generated in one step | partial |\n"
    )
    assert outline(doc) == [
        ("Make research easy", 3, ["Research reports are generated in one step"])
    ]


def test_a_goal_column_right_of_the_key_results_or_of_current_is_their_target() -> None:
    # "目标" (goal) is an objective column only left of the key results; right of them, or
    # right of "Current", it holds each row's target value.
    doc = parse_md(
        "# OKR\n\n### O1：成为第一选择\n| KR | 当前 | 目标 |\n|----|------|------|\n"
        "| KR1.1 安装量 | 0 | 10,000 |\n"
    )
    (o,) = doc.objectives()
    assert o.text == "成为第一选择"
    (kr,) = o.key_results
    assert kr.text.endswith("安装量")
    assert kr.metadata.get("target") == "10,000"
    doc = parse_md(
        "# OKRs\n\n| Metric | Current | Goal |\n|---|---|---|\n| Weekly active teams | 40 | 60 |\n"
    )
    assert not list(doc.objectives())
    (kr,) = doc.key_results()
    assert (kr.text, kr.metadata.get("target")) == ("Weekly active teams", "60")


def test_a_hyphenated_word_is_not_a_label() -> None:
    doc = parse_md(
        "# OKRs\n\nObjective-level status is the lowest of its KR-level statuses.\n\n"
        "## Objective 1: Ship the beta\n\n- KR1: 20 teams use the beta weekly\n"
    )
    assert [o.text for o in doc.objectives()] == ["Ship the beta"]


def test_a_table_under_a_kpi_heading_is_not_key_results() -> None:
    doc = parse_md(
        "# Status\n\n## KPIs (live now)\n\n| Metric | Value |\n|---|---|\n| Total listings | 5,844 |\n\n"
        "## OKRs for Q3\n\n### O1: Ship 10,000 listings\n- KR1.1: 3 to 5 active sources by Sep 1\n"
    )
    assert outline(doc) == [("Ship 10,000 listings", 11, ["3 to 5 active sources by Sep 1"])]


def test_one_section_name_over_a_list_is_not_an_objective() -> None:
    text = "# Goals & OKRs\n\n## Rules\n\n- **Few objectives.** 2-4 per team.\n- **Honest scoring.** Score 0-1.\n"
    assert not parse_md(text, "okrs.md").has_okrs


def test_a_page_whose_statements_talk_about_okrs_is_guidance() -> None:
    text = (
        "# OKR\n\n## What OKRs are not\n\n- OKRs are not a monitoring system.\n"
        "- OKRs are not tied to bonuses.\n- OKRs do not fit rigid organisations.\n"
    )
    assert not parse_md(text, "okr.md").has_okrs


def test_service_level_objectives_do_not_say_okrs() -> None:
    text = (
        "# Service Level Objectives (SLO)\n\nDocument SLIs and SLOs for key services.\n\n"
        "- Availability: 99.9%\n- Latency: p95 < 300ms\n"
    )
    assert not parse_md(text, "slo.md").has_okrs


def test_a_shape_without_labels_is_speculative_unless_the_file_name_says_okrs() -> None:
    text = (
        "# OKRs\n\n## Grow the community\n\n- 20 new contributors\n- 5 meetups held\n\n"
        "## Ship the beta\n\n- 10 teams use it\n"
    )
    for name, speculative in (("plan.md", True), ("okrs.md", False)):
        doc = parse_md(text, name)
        assert doc.has_okrs
        assert doc.speculative is speculative, name


def test_a_documents_title_does_not_make_it_an_example() -> None:
    doc = parse_md(
        "# Sample Company's OKRs\n\n### OKRs\n- **Company Objective: Increase brand awareness**\n"
        "  - Key Result: Increase media engagement by 20%\n"
    )
    assert outline(doc) == [("Increase brand awareness", 4, ["Increase media engagement by 20%"])]


def test_key_results_under_a_sub_heading_belong_to_the_one_objective_of_the_section() -> None:
    doc = parse_md(
        "# Platform OKRs\n\n## Charter: Speed\n\n**Objective**: Ship features faster\n\n"
        "### OKRs (Q2)\n| KR | Target |\n|---|---|\n| Startup under 10 s | 10 s |\n\n"
        "## Charter: Team B\n\n### OKRs (Q2)\n| KR | Target |\n|---|---|\n| Docs cover 90% | 90% |\n"
    )
    assert outline(doc) == [("Ship features faster", 5, ["Startup under 10 s"])]
    # Team B's key result has no objective in its own section: it is not Team A's.
    assert [k.text for s in doc.sets for k in s.shared_key_results] == ["Docs cover 90%"]


def test_a_whole_number_after_a_dash_is_not_a_score() -> None:
    doc = parse_md(
        "# OKRs\n\nApply mathematics at work – 2\n\n- statistical methods applied to data – 0.7\n"
        "- number systems understood – 1.3\n"
    )
    (o,) = doc.objectives()
    assert (o.text, o.metadata.get("score"), o.metadata.get("number")) == (
        "Apply mathematics at work",
        None,
        "2",
    )
    # A number above 1 after a dash is the value reached or a weight, never judged as a score
    # (OKR401 is an error: "Survey score ≥ 4.5 — 4.2" is the survey's result).
    assert [(k.metadata.get("score"), k.metadata.get("number")) for k in o.key_results] == [
        ("0.7", None),
        (None, "1.3"),
    ]


def test_a_sentence_that_introduces_the_key_results_list_is_not_one() -> None:
    doc = parse_md(
        "# OKRs\n\n**Objective: Validate the product vision.**\n\n#### Key Results\n\n"
        "These metrics are used to measure key results for this objective.\n\n"
        "- `M1.01` - Monthly active projects per team\n- `M1.02` - Share of projects with a scheduler\n"
    )
    (o,) = doc.objectives()
    assert [k.span.line for k in o.key_results] == [9, 10]


def test_questions_under_a_key_results_sentence_are_guidance_not_key_results() -> None:
    doc = parse_md(
        "# Objective: Grow usage\n\n## Key Results\n\nThings to consider about key results\n\n"
        "- Are they specific and timebound?\n- Are they measurable?\n"
    )
    assert not [k.text for k in doc.key_results() if k.text.endswith("?")]


def test_a_header_row_written_as_a_bullet_is_not_an_objective() -> None:
    doc = parse_md(
        "# Team OKRs 2015 Q4\n\n*   Objective / Key Result Owner(s) Score\n*   Ship faster pages\n"
        "    *   [Ship CSS containment to beta](#a) leviw 0.60\n    *   [Land the new scroller](#b) 1.00\n"
        "*   Interoperability\n    *   [Match the flexbox spec](#c) 0.80\n"
        "    *   [Replace flexbox tests](#d) 1.00\n"
    )
    assert "Objective / Key Result Owner(s) Score" not in [o.text for o in doc.objectives()]
    assert [o.text for o in doc.objectives()] == ["Ship faster pages", "Interoperability"]


def test_a_linked_objective_over_its_key_results_is_read() -> None:
    doc = parse_md(
        "# 2025 OKR\n\nQ3 OKR:\n\n- [ ] Build the team\n  - [ ] Hire two engineers\n"
        "- [ ] [Local knowledge tool v1](https://example.com/p)\n  - [ ] Edit files in the browser\n"
        "  - [ ] Publish local files to the website\n"
    )
    assert [o.text for o in doc.objectives()] == ["Build the team", "Local knowledge tool v1"]
    assert len(list(doc.objectives())[1].key_results) == 2


def test_a_link_between_an_objective_heading_and_its_key_results_is_not_their_objective() -> None:
    doc = parse_md(
        "# FY23-Q1 OKRs\n\n### 1. CEO: Increase ARR\n\n[Epic 1696](https://example.com/e/1696)\n\n"
        "1. **CEO KR:** Achieve first order large SAOs on plan.\n"
        "1. **CEO KR:** Complete the migration milestones.\n"
    )
    (o,) = doc.objectives()
    assert (o.text, len(o.key_results)) == ("Increase ARR", 2)


def test_a_heading_ending_with_a_colon_is_a_section_not_a_sister_objective() -> None:
    doc = parse_md(
        "# Goals 2019\n\n## Work To Date:\n\nWe set up calls.\n\n## Objective #1: Use Cases\n\n"
        "* KR 1 - Publish four use cases\n\n## Objective #2: Metrics\n\n* KR 1 - Release two metrics\n"
    )
    assert [o.text for o in doc.objectives()] == ["Use Cases", "Metrics"]


def test_a_glossary_under_one_line_is_not_an_objective_with_key_results() -> None:
    doc = parse_md(
        "## Measuring What Matters\n\nCFRs to encourage and guide the team\n\n"
        "- Continuous - Constant coaching and mentoring\n- Feedback - Give specific feedback\n"
        "- Recognition - celebrate the wins\n",
        path="okrs.md",
    )
    assert not list(doc.objectives())


def test_a_bare_date_or_a_total_row_is_not_an_objective() -> None:
    doc = parse_md(
        "# Weekly log OKRs\n\n## Objective: Read more\n\n- KR: Read 12 books\n\n### 07-24\n\n"
        "- Finished one book\n\n| Objective | Key Result | Score |\n|---|---|---|\n"
        "| Ship v2 | Release to 100 users | 0.5 |\n| Total | | 0.5 |\n"
    )
    texts = [o.text for o in doc.objectives()]
    assert "07-24" not in texts and "Total" not in texts
    assert "Ship v2" in texts


def test_a_heading_about_the_parts_of_okrs_is_not_an_objective() -> None:
    doc = parse_md(
        "# OKR review\n\n## Objective: Grow the community\n\n- KR: Reach 500 members\n\n"
        "## Supporting Initiatives\n\n- Run a meetup\n\n## Key Result v.s. Initiative\n\n"
        "- KR: a result you measure\n- Initiative: work you do\n"
    )
    assert [o.text for o in doc.objectives()] == ["Grow the community"]


def test_a_column_that_only_numbers_the_rows_hands_its_role_to_the_text_beside_it() -> None:
    doc = parse_md(
        "# Team OKRs Q3\n\n## Objective: Make reviews fast\n\n| KR | Target | Current |\n"
        "|---|---|---|\n| **KR 1** | Cut median review time from 2 days to 4 hours | 2 days |\n"
        "| KR 2 | Raise reviewer coverage from 40% to 80% of repos | 40% |\n"
    )
    (objective,) = doc.objectives()
    assert [k.text for k in objective.key_results] == [
        "Cut median review time from 2 days to 4 hours",
        "Raise reviewer coverage from 40% to 80% of repos",
    ]
    assert objective.key_results[0].metadata.get("current") == "2 days"


def test_a_key_result_column_with_statements_keeps_its_role() -> None:
    doc = parse_md(
        "# Team OKRs Q3\n\n## Objective: Make reviews fast\n\n| KR | Target |\n|---|---|\n"
        "| Cut median review time to 4 hours | 4 hours |\n"
    )
    (objective,) = doc.objectives()
    assert [k.text for k in objective.key_results] == ["Cut median review time to 4 hours"]


HTML_TABLE = """\
# OKRs

## Current OKRs - Q1 2026

<table>
  <thead><tr><th>OKR</th><th>Success</th><th colspan="2">Progress</th></tr></thead>
  <tbody>
    <tr><td><strong>Make onboarding effortless</strong></td><td><strong>54%</strong></td>
      <td>-</td><td>30%</td></tr>
    <tr><td>&#8627; Raise activation from 40% to 60%</td><td>50%</td><td>-</td><td>20%</td></tr>
    <tr><td>&#8627; Cut time to first project from 9 to 4 days</td><td>10%</td><td>-</td>
      <td>5%</td></tr>
  </tbody>
</table>
"""


def test_an_html_table_in_markdown_is_read_like_a_markdown_table() -> None:
    doc = parse_md(HTML_TABLE)
    assert [(o.text, [k.text for k in o.key_results]) for o in doc.objectives()] == [
        (
            "Make onboarding effortless",
            ["Raise activation from 40% to 60%", "Cut time to first project from 9 to 4 days"],
        )
    ]
    (objective,) = doc.objectives()
    assert objective.span.line == 8  # each cell where its text stands in the source
    assert objective.key_results[1].span.line == 11


def test_an_html_table_cell_spanning_rows_keeps_the_columns_in_line() -> None:
    """ "<td rowspan="2"><b>Objective</b></td>": the rows below it hold no cell in that column,
    so their first cell is the key result, not the objective."""
    text = (
        "# Data OKRs — H1 2026\n\n<table>\n<tr><th>Objective</th><th>Key result</th>"
        "<th>Target</th></tr>\n"
        '<tr><td rowspan="2"><b>Analysts trust every table</b></td>\n'
        "<td>Tables with an owner and a freshness test</td><td>95%</td></tr>\n"
        "<tr><td>Incidents found by consumers first</td><td>2 / month</td></tr>\n"
        "</table>\n"
    )
    doc = parse_md(text, path="okrs.md")
    (objective,) = doc.objectives()
    assert objective.text == "Analysts trust every table"
    assert [k.text for k in objective.key_results] == [
        "Tables with an owner and a freshness test",
        "Incidents found by consumers first",
    ]
    assert [k.metadata.get("target") for k in objective.key_results] == ["95%", "2 / month"]


def test_an_html_table_that_is_not_okrs_is_not_read_as_okrs() -> None:
    doc = parse_md(
        "# Feature matrix\n\n<table><tr><th>Feature</th><th>Free</th><th>Pro</th></tr>"
        "<tr><td>Export</td><td>yes</td><td>yes</td></tr></table>\n"
    )
    assert not doc.has_okrs
    broken = parse_md("# OKRs\n\n<table><tr><td colspan='9999'>x<td><b>y</table>\n")
    assert not broken.problems  # malformed HTML is read as far as it goes, never a crash


def test_hostile_html_tables_are_read_in_linear_time() -> None:
    import time

    for body in (
        "<table>" + "<!--" * 50_000 + "</table>",
        "<table>" + "<tr><td>x" * 20_000 + "</table>",
        "<table>" + "<b>" * 30_000 + "</table>",
        "<table><tr><td>" + "a" * 300_000 + "</td></tr></table>",
    ):
        started = time.perf_counter()
        doc = parse_md("# OKRs\n\n" + body + "\n")
        assert time.perf_counter() - started < 5
        assert not doc.problems


def test_a_label_over_items_with_their_own_measures_groups_key_results() -> None:
    """A bold line over items that each carry a 'Measure:' line is a category: the items are
    the key results, their measures are fields."""
    doc = parse_md(
        "# Personal OKRs 2026\n\n## 1) Be a present parent\n\n### Key Results\n\n"
        "**Planning discipline**\n"
        "- Book family trips 30 days before departure on average\n"
        "- Measure: days between booking and travel\n\n"
        "**German learning and school readiness**\n"
        "- Conduct two German practice sessions a week\n"
        "- Measure: sessions per week\n"
        "- Keep test results at 85% or more\n"
        "- Measure: test scores\n"
    )
    assert outline(doc) == [
        (
            "Be a present parent",
            3,
            [
                "Book family trips 30 days before departure on average",
                "Conduct two German practice sessions a week",
                "Keep test results at 85% or more",
            ],
        )
    ]
    krs = list(doc.key_results())
    assert krs[0].metadata["measure"] == "days between booking and travel"
    assert krs[2].metadata["measure"] == "test scores"


def test_a_section_about_a_key_result_and_a_count_of_key_results_are_not_statements() -> None:
    doc = parse_md(
        "# OKRs\n\n## Objective 1: Cut false positives\n\n"
        "| KR | Metric | Target |\n|---|---|---|\n| KR1.1 | FP rate | <20% |\n\n"
        "### KR1.1 Detail: Fixing MEM-001\n\nThe rule's assumption is wrong for library code.\n\n"
        "## Summary\n\n**Total Key Results:** 27  \n**Completed:** 0\n"
    )
    assert [k.span.line for k in doc.key_results()] == [7]
    assert [o.span.line for o in doc.objectives()] == [3]


def test_a_singular_label_heading_over_a_list_names_the_list() -> None:
    doc = parse_md(
        "# October OKR\n\n## O\n- Understand the basics of IT systematically\n"
        "## KR\n- Publish one article a day\n- Pass the AWS Cloud Practitioner exam\n"
        "- Release one web service\n"
    )
    assert outline(doc) == [
        (
            "Understand the basics of IT systematically",
            4,
            [
                "Publish one article a day",
                "Pass the AWS Cloud Practitioner exam",
                "Release one web service",
            ],
        )
    ]


def test_label_headings_over_descriptions_are_a_guide_not_okrs() -> None:
    """'## Objective' over '- a qualitative vision', '- no numbers': what an objective is."""
    doc = parse_md(
        "# Objective Key-Results (OKR)\n\nMethodology to fix a vision.\n\n## Objective\n\n"
        "- a qualitative + finite vision to aim for\n- very explicit\n- no numbers\n"
        "- should be inspiring and challenging\n\n## Key-Results\n\n"
        "- a measurement instrument\n- a success criteria\n"
        "- aim for about 70% as a satisfying measurement\n",
        "okr.md",
    )
    assert list(doc.objectives()) == [] and list(doc.key_results()) == []


def test_objectives_zone_over_a_table_of_criteria_means_no_okrs_by_shape() -> None:
    """A course brief titled 'OKR': its 'Objetivos' are grading criteria in a table, and its
    schedule lists are not objectives with key results."""
    doc = parse_md(
        "# OKR — Projeto Final\n\n## Objetivos (o que se espera demonstrar)\n\n"
        "| Frente | Critério | O que precisa entregar |\n|---|---|---|\n"
        "| Grupo | Results | Analisar criticamente as métricas |\n\n"
        "## Cronograma\n\n### Etapa em grupo\n1. Dia 1 — Kickoff (22/06)\n2. Dia 2 — Dados\n\n"
        "### Etapa individual\n5. Propor arquitetura funcional completa\n6. Montar a infra\n",
        "OKR.md",
    )
    assert list(doc.objectives()) == []


def test_a_titled_objective_heading_over_its_labelled_statement_and_kr_ids() -> None:
    """'### O1 Build Data Platform' titles the '_Objective_:' line under it; '#### O1KR2' is a
    key result's id with its text on the next line."""
    doc = parse_md(
        "# CY22-Q2 OKRs\n## Team\n### O1 Build Data Platform\n"
        "_Objective_: Let data consumers reliably self-serve their data needs.\n\n"
        "#### O1KR1\n_Key Result_: One new use case is operationalized on the platform.\n\n"
        "#### O1KR2\nAll 3 codebases are deployed via CI/CD. [7/14]\n"
    )
    assert outline(doc) == [
        (
            "Let data consumers reliably self-serve their data needs.",
            4,
            [
                "One new use case is operationalized on the platform.",
                "All 3 codebases are deployed via CI/CD. [7/14]",
            ],
        )
    ]


def test_a_dated_okr_section_is_read_on_a_page_of_guide_prose() -> None:
    prose = (
        "Each team writes its OKRs with the product group and reviews them with the directors "
        "every two weeks, scoring each key result and writing down what was learned. "
    )
    text = (
        "# Engineering OKRs\n\n## How we plan\n\n"
        + prose * 6
        + "\n\n## Why we score\n\n"
        + prose * 6
        + "\n\n## Active OKRs FY24-Q2\n\n### 1. CTO: Reduce churn and contraction\n"
        "1. **CTO KR**: Achieve 99.95% availability for all GA services\n"
        "1. **CTO KR**: Cut unplanned upgrade stops from 6 to 2\n"
    )
    doc = parse_md(text, "okrs.md")
    assert [len(o.key_results) for o in doc.objectives()] == [2]
    # Without the period in its title the same page is an article.
    assert list(parse_md(text.replace(" FY24-Q2", ""), "okrs.md").objectives()) == []


def test_an_okr_apps_backlog_is_not_okrs() -> None:
    doc = parse_md(
        "# Setup\n\n## List of potential future features\n\n### Prioritized\n\n"
        "* [ ] Limit add/edit of other user's OKRs for admins\n\n### Nice to have\n\n"
        "* [ ] Add versioning of objectives and key results\n"
        "* [ ] Add fulfillment status for key results (and objectives)\n"
        "* [ ] Add possibility to tag key results with user defined tags\n"
        "* [ ] Add possibility to set points to key results for scoring\n"
        "* [ ] Add list view mode: group on tags\n"
        "* [ ] Use Sendgrid for emails\n* [ ] Add a grid component\n"
        "* [ ] Confirmation toastr\n",
        "okrs-readme.md",
    )
    assert list(doc.objectives()) == []


def test_labels_in_brackets() -> None:
    doc = parse_md(
        "# Q2 Objectives\n\n## [Objective] Increase the awareness of our projects\n"
        "- [Key Result] 10 CFPs from the team accepted at global events\n"
        "- [Key Result] 10 new quality contributors to the projects\n"
    )
    assert [(o.text, len(o.key_results)) for o in doc.objectives()] == [
        ("Increase the awareness of our projects", 2)
    ]


def test_a_page_titled_as_examples_holds_no_okrs() -> None:
    doc = parse_md(
        "# Anwendungsbeispiele\n\n## Startup\n\n#### Objective 1: Unser Produkt begeistert\n\n"
        "| Key Result | Start | Ziel |\n|---|---|---|\n| NPS steigern | 25 | 50 |\n"
    )
    assert list(doc.objectives()) == []
    doc = parse_md(
        "# Sample Company's OKRs\n\n## Objective 1: Delight our users\n\n"
        "- KR1: Raise NPS from 25 to 50\n"
    )
    assert [o.text for o in doc.objectives()] == ["Delight our users"]


def test_risks_under_an_objective_and_a_table_of_measurements_are_not_okrs() -> None:
    doc = parse_md(
        "# Platform OKRs 2025-Q3\n\n## Where we are\n\n| Metric | Value | Source |\n|---|---|---|\n"
        "| Runs recorded | 13 | history |\n| Companies served | 1 | — |\n\n"
        "## Objective: Improve reliability of core APIs\n\n- KR1: Cut p95 latency from 420ms to 250ms\n"
        "- KR2: Cut weekly incidents from 7 to 2\n\n## Risks\n- Legacy services lack owners\n"
        "- Incident taxonomy incomplete\n"
    )
    assert outline(doc) == [
        (
            "Improve reliability of core APIs",
            10,
            ["Cut p95 latency from 420ms to 250ms", "Cut weekly incidents from 7 to 2"],
        )
    ]
    # Beside a target, a "Metric" column holds key results.
    doc = parse_md(
        "# OKRs Q3\n\n## Objective: Grow\n\n| Metric | Baseline | Target |\n|---|---|---|\n"
        "| Weekly active teams | 40 | 90 |\n"
    )
    assert [k.text for k in doc.key_results()] == ["Weekly active teams"]


def test_definitions_sentences_and_double_named_columns() -> None:
    """'Objective: A goal to be achieved' defines the word; a Chinese sentence that ends with
    'OKR：' refers to OKRs above it; a 'KR / Métrica' column holds key results."""
    guide = parse_md(
        "# OKRs: Objective and Key Results\n\n* Objective: A goal to be achieved\n"
        "* Key Results: which **measure** progress towards the objective\n",
        "okr-readme.md",
    )
    assert list(guide.objectives()) == [] and list(guide.key_results()) == []
    doc = parse_md(
        "# OKRs do MVP\n\n| Objetivo | KR / Métrica | Meta MVP |\n|---|---|---|\n"
        "| Engajar visitantes | Taxa de conclusão do quiz | ≥ 70% |\n\n## 工作指引\n\n"
        "当你在本项目工作时，请参考以上 OKR：\n- 新的工作应与某个 Objective 对齐\n"
        "- 每次交付建议标注关联的 KR\n"
    )
    assert outline(doc) == [("Engajar visitantes", 5, ["Taxa de conclusão do quiz"])]


def test_a_column_named_after_okrs_beside_values_holds_key_results() -> None:
    doc = parse_md(
        "# OKR\n\n### 模块A：技能宝本体\n\n| 子 OKR | 当前 | 目标 | 期限 |\n|---|---|---|---|\n"
        "| A1. 搜索响应准确率 | 未知 | >80% | 6月 |\n| A2. 搜索到安装的步骤数 | 3步 | ≤2步 | 5月 |\n"
    )
    krs = list(doc.key_results())
    assert [k.span.line for k in krs] == [7, 8]
    assert krs[1].metadata["current"] == "3步" and krs[1].metadata["target"] == "≤2步"


def test_statements_with_their_own_baseline_and_target_lines_in_a_goals_file() -> None:
    text = (
        "# Measurable goals: December 2020 - March 2021\n\n"
        "## 1. The Foundation is a sustainable association of public organizations\n\n"
        "### Success indicators for outcome 1\n\n"
        "#### 1. Public organizations become members of the association\n\n"
        "* Baseline: 0 members\n* Target: 3 members\n\n#### 2. Funds secured to finance the Foundation\n\n"
        "* Baseline: € 2 million\n* Target: € 3 million\n"
    )
    doc = parse_md(text, "measurable-goals-2021-03.md")
    assert outline(doc) == [
        (
            "The Foundation is a sustainable association of public organizations",
            3,
            [
                "Public organizations become members of the association",
                "Funds secured to finance the Foundation",
            ],
        )
    ]
    assert list(doc.key_results())[1].metadata["baseline"] == "€ 2 million"
    # A PRD's success metrics with the same lines are not OKRs.
    prd = text.replace("# Measurable goals", "# Onboarding PRD")
    assert list(parse_md(prd, "onboarding-prd.md").objectives()) == []


def test_an_organisations_acronym_before_an_objective_label() -> None:
    doc = parse_md(
        "# VA Mobile OKRs 2024\n\nOCTO Objective 1: Better experiences.\n\nKey Results:\n\n"
        "1. In-app satisfaction increased by 5 points.\n2. Transactions increased by 25%.\n"
    )
    (objective,) = doc.objectives()
    assert objective.text == "Better experiences." and len(objective.key_results) == 2
    assert list(parse_md("# Notes\n\nThe main Objective: ship it\n").objectives()) == []


def test_a_heading_over_a_table_of_key_results_is_their_objective() -> None:
    doc = parse_md(
        "## OKRs\n### Platform\n#### Stability\n| KR | End of Q2 | Current |\n|---|---|---|\n"
        "|Zero app store rejections | 0 | 0 |\n|Reduce bugs by 25% | 12 | 12 |\n\n"
        "## 📊 Measurement Framework\n\n| Metric | Baseline | Q1 Target |\n|---|---|---|\n"
        "| Avg CTR | ~3% | 8% |\n"
    )
    assert outline(doc) == [("Stability", 3, ["Zero app store rejections", "Reduce bugs by 25%"])]


def test_a_tag_before_a_label_and_full_width_ids_after_one() -> None:
    doc = parse_md(
        "# Objective 1: Learning\n\n## [P0] KR: Write a post every two weeks\n* on my blog\n\n"
        "## [P2] KR: Read 12 books\n"
    )
    assert outline(doc) == [("Learning", 1, ["Write a post every two weeks", "Read 12 books"])]
    cjk = parse_md(
        "# 一、目标（O1）\n\n建设统一仿真能力，降低验证成本。\n\n## 关键结果（KR）\n\n"
        "1. 关键场景误差控制在15%以内。\n\n2. 至少被2个业务场景使用。\n\n## 关键举措\n\n"
        "1. 完善核心链路设计。\n\n2. 推广真实计算方法。\n"
    )
    ((text, _, krs),) = outline(cjk)
    assert text.startswith("建设统一仿真能力") and len(krs) == 2
    assert [i.text for k in cjk.key_results() for i in k.initiatives] == []  # not key results


def test_the_word_for_objective_among_a_key_results_fields_is_its_target() -> None:
    doc = parse_md(
        "## Objective 1: 필수 자동화 도구가 된다\n\n### Key Results\n\n"
        "**KR 1: 사용자 생산성 90% 향상 달성**\n- 측정: 평균 등록 시간\n- 현재: 0%\n"
        "- 목표: 70+ (World Class 수준)\n"
    )
    assert [o.text for o in doc.objectives()] == ["필수 자동화 도구가 된다"]
    (kr,) = doc.key_results()
    assert kr.metadata["target"] == "70+ (World Class 수준)" and kr.metadata["current"] == "0%"


def test_lead_ins_under_key_results_and_tracking_tables_are_not_statements() -> None:
    doc = parse_md(
        "# Design OKRs\n\n## Objective 1: Establish a world-class design system\n\n"
        "#### KR 1.1: Component library completion\n- **Target**: 100% core components\n"
        "- **Current**: 35%\n- **Timeline**:\n  - Week 1-2: Audit components\n"
        "  - Week 3-6: Build missing atoms\n\n#### KR 1.2: Token adoption\n"
        "- **Target**: 95%\n- **Enablement Plan**:\n  - Weekly office hours\n"
        "  - Usage dashboard\n\n## Weekly Tracking Dashboard\n\n| Objective | Week 1-2 | Week 3-4 |\n"
        "|---|---|---|\n| Design System | 40% | 50% |\n"
    )
    assert outline(doc) == [
        (
            "Establish a world-class design system",
            3,
            ["Component library completion", "Token adoption"],
        )
    ]


def test_rows_of_ids_and_codes_and_notes_about_a_key_result_are_not_statements() -> None:
    doc = parse_md(
        "# OKRs\n\n## Objective 1: Safe operations\n\n- KR1: Availability 99.3% in the ODD\n\n"
        "### Scoring and evidence\n\n* **Scoring:** 0.0-1.0\n"
        "* **Evidence per KR:** dashboard slice plus owner sign-off\n\n### Crosswalk\n\n"
        "| KR | Canon IDs |\n|---|---|\n| KR.O1.1 | MET.RELIAB.AVAIL · MET.SAFETY.ZERO |\n"
    )
    assert outline(doc) == [("Safe operations", 3, ["Availability 99.3% in the ODD"])]


def test_short_names_over_flat_lists_are_the_objectives_of_an_okr_section() -> None:
    text = (
        "# 2021 Goals\n\n## Company goals\n\n### Community\n\n#### Contributor management\n"
        "1. Better onboarding\n2. Contributions outside of code\n\n#### Feedback process\n"
        "1. Structured feedback loop\n\n## Developer Relations 2021 OKRs\n\n"
        "### Advocates Program\n- Program launched\n- 10 advocates selected\n\n"
        "### Non-Code Contributions\n- Documentation about blog post contributions\n"
        "- Documentation about translations\n\n### Community Growing\n- Discord server opened\n"
        "- Meetups in 3 cities\n"
    )
    doc = parse_md(text, "goals-okrs.md")
    assert [o.text for o in doc.objectives()] == [
        "Advocates Program",
        "Non-Code Contributions",
        "Community Growing",
    ]
    # Short names inside an objective's list group its key results.
    cats = parse_md(
        "## 1. Build Team\n\n* Hire 1 developer per quarter\n\t* Full-time\n* Hire 1 designer\n\n"
        "## 2. Launch MVPs\n\n* Product-market fit\n\t* Message-market fit\n\t* Channel fit\n"
        "* Product cycle\n\t* 2 week release cycle\n",
        "kpi-okr.md",
    )
    assert [o.text for o in cats.objectives()] == ["Build Team", "Launch MVPs"]
    assert [k.text for k in list(cats.objectives())[1].key_results] == [
        "Message-market fit",
        "Channel fit",
        "2 week release cycle",
    ]


def test_a_glossary_of_the_okr_terms_is_not_a_set() -> None:
    doc = parse_md(
        "# ADR: Team OKR model\n\n## Decision\n\nAdopt the Team OKR structure:\n\n"
        "- **Team Objective** — A clear, specific outcome the team commits to for the cycle.\n"
        "- **Key Results** — Measurable outcomes that show progress toward the objective.\n"
    )
    assert list(doc.objectives()) == []


def test_an_adverb_before_the_verb_keeps_a_key_result_with_notes_a_key_result() -> None:
    doc = parse_md(
        "# Q2 OKRs\n\n## Understand our customers\n\n* Further understand our users before May\n"
        "    * Understand the funder's lifecycle\n    * Understand the developers' lifecycle\n"
        "* Have a 9 NPS\n",
        "okrs.md",
    )
    assert outline(doc) == [
        (
            "Understand our customers",
            3,
            ["Further understand our users before May", "Have a 9 NPS"],
        )
    ]


def test_another_schemes_ids_are_not_objective_labels() -> None:
    doc = parse_md(
        "# Objectives & Methods\n\n## Specific Objectives (OEs)\n\n"
        "- **OE1**: Conduct an initial diagnosis of the variables.\n"
        "- **OE2**: Design a training plan for pre-service teachers.\n",
        "objectives.md",
    )
    assert list(doc.objectives()) == []


def test_a_format_shown_before_the_set_is_not_part_of_it() -> None:
    text = (
        "# Club Objectives\n\nObjectives have the following format:\n\n"
        "- **Objective: some overarching theme we want to work towards**\n"
        "  - Result: some measurable result we want to achieve\n\n## 2020\n\n"
        "- **Encourage collaboration between developers and designers**\n"
        "  - Every member joins at least 3 discussions on GitHub\n\n"
        "- **Improve project completion rate**\n  - Every project ships its MVP\n"
    )
    doc = parse_md(text, "objectives.md")
    assert outline(doc) == [
        (
            "Encourage collaboration between developers and designers",
            10,
            ["Every member joins at least 3 discussions on GitHub"],
        ),
        ("Improve project completion rate", 13, ["Every project ships its MVP"]),
    ]
    # Announced with a block between ("the following structure:", a quote of it), the
    # sections after it are the file's own.
    announced = parse_md(
        "# Plan for 2024\n\nThe sections below have the following structure:\n\n"
        "> **Objective X: [title]**\n\n### Objective 1: Optimize support\n\n"
        "- **Key Result 1:** Workshop for users run twice a year\n"
    )
    assert [o.text for o in announced.objectives()] == ["Optimize support"]


def test_a_set_in_the_front_matter_of_a_page_without_one_in_its_body() -> None:
    doc = parse_md(
        "---\nid: OKR-001\nquarter: 2025-Q4\nobjective: Drive predictable reliability\n"
        "krs:\n  - id: KR1\n    title: Reduce recurring incident rate by 40%\n"
        "    target: 40\n    current: 18\n---\n# OKR: Reliability outcomes\n\nNotes follow.\n",
        "docs/okrs/KRO-OKR-001.md",
    )
    assert outline(doc) == [
        ("Drive predictable reliability", 4, ["Reduce recurring incident rate by 40%"])
    ]
    (kr,) = doc.key_results()
    assert kr.metadata["current"] == "18"


def test_verbose_key_results_under_their_heading_are_not_prose_and_notes_after_them() -> None:
    long_kr = (
        "Brand consolidation done. The site is the single canonical home for blog, training "
        "and channel, old subdomains serve only redirects, and search engines reliably surface "
        "the new pages for the brand's name and its main topics by the end of the year."
    )
    doc = parse_md(
        "# The OKRs\n\n### Annual Objective\n\n**Establish the brand as one coherent home.**\n\n"
        f"### Annual Key Results\n\n- **AKR1 - {long_kr}**\n- **AKR2 - {long_kr}**\n"
        f"- **AKR3 - {long_kr}**\n\nThese three together describe what good looks like.\n",
        "okrs.md",
    )
    ((objective, _, krs),) = outline(doc)
    assert objective == "Establish the brand as one coherent home." and len(krs) == 3
    assert not any(k.startswith("These three") for k in krs)


def test_labels_with_a_hyphen_before_the_number_and_qualified_objective_labels() -> None:
    doc = parse_md(
        "# OKRs Q2\n\n## Primary Objective: Pass the PCI audit\n\n"
        "### KR-01: 9 of 14 checkers implemented\n\n- **Meta**: 9 checkers\n"
        "- **Como medir**: run the stage without stubs\n"
    )
    assert outline(doc) == [("Pass the PCI audit", 3, ["9 of 14 checkers implemented"])]
    (kr,) = doc.key_results()
    assert kr.metadata["target"] == "9 checkers" and kr.initiatives == []


def test_a_heading_that_names_the_method_over_its_principles_is_not_an_objective() -> None:
    doc = parse_md(
        "# OKRs - Objective and Key Results\n\n * Measure\n * Focus\n * Align\n * Stretch\n\n"
        "Original doc based on the book.\n",
        "okrs.md",
    )
    assert list(doc.objectives()) == []


def test_front_matter_sets_need_an_objective_and_a_key_results_list_and_keep_problems() -> None:
    # A case study's "objective" and "results" are not an OKR set.
    case = parse_md(
        "---\ntitle: Checkout\nobjective: Reduce friction at checkout\nresults:\n"
        "  - 32% faster checkout\n  - 12% more orders\n---\n# Checkout\n",
        "case-study.md",
    )
    assert list(case.objectives()) == [] and case.problems == []
    # A set with a key result that has no text: the YAML reader's problem, at its line.
    typo = parse_md(
        "---\nobjective: Drive predictable reliability\nkrs:\n  - title: Cut p95 to 300ms\n"
        "  - tilte: Improve things\n    target: 40\n---\n# Notes\n",
        "q4-okrs.md",
    )
    assert [(p.span.line, p.message) for p in typo.problems] == [
        (5, "a key result needs its text ('text:')")
    ]
    # Its okrlint comments count as in a YAML file.
    quiet = parse_md(
        "---\nobjective: Drive predictable reliability\nkrs:\n"
        "  - title: Improve things  # okrlint-disable-line OKR302\n---\n# Notes\n",
        "okrs.md",
    )
    assert [c.span.line for c in quiet.comments] == [4]


def test_a_goal_column_alone_lists_a_plans_goals_not_objectives() -> None:
    """Found by a fresh batch (a goals page that says it has no OKR system): a "Goal" column
    beside milestones and statuses lists goals; beside a target, or with a key-result column,
    it holds objectives."""
    plan = (
        "# Goals & Milestones\n\n## Q2 2026\n\n| Goal | Key Milestone | Status |\n|---|---|---|\n"
        "| Sentinovo | Ship migration planning frontend MVP | In progress |\n"
        "| Financial | Truck build feasibility confirmed | Planning |\n"
    )
    assert outline(parse_md(plan, "goals.md")) == []
    okrs = (
        "# Q2 2026 OKRs\n\n| Goal | Key Result | Status |\n|---|---|---|\n"
        "| Grow revenue | Raise MRR from $10k to $15k | On track |\n"
    )
    assert outline(parse_md(okrs, "goals.md")) == [
        ("Grow revenue", 5, ["Raise MRR from $10k to $15k"])
    ]
    levels = "# Q2 2026 OKRs\n\n| Goal | Target |\n|---|---|\n| Raise weekly active teams | 400 |\n"
    assert [o[0] for o in outline(parse_md(levels, "goals.md"))] == ["Raise weekly active teams"]


def test_headings_about_the_method_or_asking_how_are_not_objectives_by_shape() -> None:
    """Found by a fresh batch (a student's notes on OKRs, in Chinese): with no labels, the
    shape a file repeats makes objectives of headings over lists, but not of headings that
    speak of OKRs themselves or ask how or what, in any language."""
    notes = (
        "# OKR学习\n\n## 如何判断制定的 O 对不对\n\n1. O 要有实际价值。\n2. O 要能激励人心。\n\n"
        "## 如何判断制定的 KR 对不对\n\n1. KR 要支撑目标。\n2. KR 用数据说话。\n\n"
        "## 什么是复盘\n\n- 审视目标\n- 回顾过程\n\n## Cómo escribir buenos resultados\n\n"
        "- Medibles\n- Con plazo\n"
    )
    assert outline(parse_md(notes, "OKR.md")) == []
    own = "# OKR\n\n## Grow the community\n\n- Reach 500 members\n- Hold 4 meetups\n\n" + (
        "## Ship the mobile app\n\n- 1,000 installs\n- Rating above 4.5\n"
    )
    assert [o[0] for o in outline(parse_md(own, "OKR.md"))] == [
        "Grow the community",
        "Ship the mobile app",
    ]


def test_a_measure_and_its_level_under_an_objective_is_a_key_result() -> None:
    """Found by a fresh batch (a Spanish KPI page): "Leads: 4-8" under an objective names a
    measure and its target, a key result; "Owner: Ana" is a field, and "Scoring: 0.0-1.0" the
    scale a set is graded on."""
    text = (
        "# OKRs 2025\n\n**Objetivo:** Consolidar presencia\n"
        "- Visitas orgánicas: 200-400\n- Leads: 8-15/mes\n- Páginas indexadas: 8+\n"
        "- Scoring: 0.0-1.0\n- Tracked: every other Tuesday\n"
    )
    assert outline(parse_md(text, "okrs.md")) == [
        (
            "Consolidar presencia",
            3,
            ["Visitas orgánicas: 200-400", "Leads: 8-15/mes", "Páginas indexadas: 8+"],
        )
    ]


def test_key_result_tables_name_their_metric_in_the_teams_language_or_by_a_short_name() -> None:
    """Found by a fresh batch (a Spanish OKR template): "| KR | Métrica | ... |" holds its key
    results in the "Métrica" column, and beside a baseline and a target a short name in the
    column after the ids is the key result's text."""
    es = (
        "# OKRs\n\n### Objective 1: Mejorar la entrega\n\n| KR | Métrica | Owner | Status |\n"
        "|---|---|---|---|\n| KR1.1 | Deploy frequency | Ana | 🟢 |\n| KR1.2 | Test coverage | Bo | 🟡 |\n"
    )
    assert outline(parse_md(es)) == [
        ("Mejorar la entrega", 3, ["Deploy frequency", "Test coverage"])
    ]
    named = es.replace("| KR | Métrica | Owner | Status |", "| KR | Name | Baseline | Target |")
    assert outline(parse_md(named)) == [
        ("Mejorar la entrega", 3, ["Deploy frequency", "Test coverage"])
    ]


def test_a_table_that_restates_labelled_key_results_by_id_is_a_summary() -> None:
    """Found by a fresh batch (a Vietnamese course assignment): a summary table whose rows start
    with the ids of the key results labelled above restates them; a table under the next
    objective numbers its own key results again."""
    text = (
        "# OKRs Q3\n\n## Objective: Make onboarding effortless\n\n"
        "### KR1: Raise activation from 20% to 35%\n\n### KR2: Cut time to first value from 3 days to 1\n\n"
        "## Summary table\n\n| | KR | Type |\n|---|---|---|\n"
        "| KR1 | Activation 20% -> 35% | Leading |\n| KR2 | Time to value 3d -> 1d | Lagging |\n\n"
        "## Objective: Grow the community\n\n| Key Result | Baseline | Target |\n|---|---|---|\n"
        "| KR1: Monthly active members | 120 | 300 |\n"
    )
    assert outline(parse_md(text)) == [
        (
            "Make onboarding effortless",
            3,
            ["Raise activation from 20% to 35%", "Cut time to first value from 3 days to 1"],
        ),
        ("Grow the community", 16, ["Monthly active members"]),
    ]


def test_a_summary_table_of_objective_ids_before_the_objectives_is_not_more_objectives() -> None:
    """Found by a fresh batch (a Portuguese quarter file): a summary table at the top whose
    objective cells are only the ids of the objectives labelled below ("[Objetivo 1]")."""
    text = (
        "# OKRs Q1 2025\n\n| Objetivo | Progresso | Status |\n|---|---|---|\n"
        "| [Objetivo 1] | 0% | Definir |\n| Objetivo 2 | 10% | Em curso |\n\n"
        "## Objetivo 1: Ser o café preferido do bairro\n\n"
        "### KR 1.1: Aumentar o NPS de 40 para 60\n\n"
        "## Objetivo 2: Crescer as vendas online\n\n"
        "### KR 2.1: Aumentar as vendas online de R$ 2 mil para R$ 5 mil por mês\n"
    )
    assert [(o, line) for o, line, _ in outline(parse_md(text))] == [
        ("Ser o café preferido do bairro", 8),
        ("Crescer as vendas online", 12),
    ]


def test_chinese_cells_are_counted_in_words_and_a_phase_table_goal_is_not_an_objective() -> None:
    """Found by a fresh batch (a Chinese study plan): "| KR | 描述 | 完成标准 | 权重 |" holds its
    key results in the description column (Chinese is written without spaces, so a cell is
    counted in characters, two a word); "| 阶段 | 目标 | 进度 |" is a plan's phases, whose 目标
    ("goal") names no objective, as "Goal" beside milestones does not."""
    text = (
        "# 伤害研究 - OKR 规划\n\n## Objective（目标）\n\n**构建完整的伤害机制知识体系，输出可验证的计算模型。**\n\n"
        "## Key Results（关键结果）\n\n| KR | 描述 | 完成标准 | 权重 |\n|---|---|---|---|\n"
        "| **KR1** | 完成伤害公式体系 | 公式分析章节 + 验证工具 | 20% |\n"
        "| **KR2** | 完成核心职业伤害模型 | 两个职业的完整实例 | 30% |\n\n"
        "## 进度追踪\n\n| 阶段 | 任务范围 | 目标 | 完成 | 进度 |\n|---|---|---|---|---|\n"
        "| 阶段1 | 1-10 | 基础框架 | ✅ | 100% |\n| 阶段2 | 11-20 | 加成系统 | ✅ | 100% |\n"
    )
    assert outline(parse_md(text)) == [
        (
            "构建完整的伤害机制知识体系，输出可验证的计算模型。",
            5,
            ["完成伤害公式体系", "完成核心职业伤害模型"],
        )
    ]


def test_a_line_that_introduces_examples_makes_the_run_of_labelled_headings_after_it_examples() -> (
    None
):
    """Found by a fresh batch (a blog post): "So here are some examples:" over "## Objective:" /
    "## Key Results:" sections repeated five times: every section of the run is an example, not
    only the first; a heading that is not a label ends the run."""
    pair = "## Objective:\n\n* {o}\n\n## Key Results:\n\n* {k}\n* Reach 40 user interviews\n\n"
    text = (
        "Examples give things clarity. So here are some examples:\n\n"
        + pair.format(o="Improve customer satisfaction", k="Raise NPS from 30 to 45")
        + pair.format(o="Grow the business", k="Hit $100M in sales")
        + "# Our own OKRs for Q3\n\n"
        + pair.format(o="Ship the mobile app", k="Get 5,000 installs by September")
    )
    assert outline(parse_md(text)) == [
        ("Ship the mobile app", 25, ["Get 5,000 installs by September", "Reach 40 user interviews"])
    ]


def test_a_heading_over_its_own_key_results_list_is_the_objective_and_its_other_items_notes() -> (
    None
):
    """Found by a fresh batch (a startup's objectives page): under "## Top Objectives", each
    "### 1. Payment Works Everywhere" holds "- Status:", "- Next: ...", "- Last: ..." and
    "- Key Results:" over checkboxes. The heading is the objective (not a group of objectives
    made of its items), and only the items under "Key Results:" are its key results."""
    block = (
        "### {n}. {o}\n- Status: active\n- Next: Review the SSO pull request and merge it\n"
        "- Last: Jules finished the first pass\n- Key Results:\n  - [ ] {k}\n"
        "  - [ ] Signup-to-paid in under 3 minutes\n\n"
    )
    text = (
        "# Strategic Objectives\n\n## Top Objectives\n\n"
        + block.format(n=1, o="Payment Works Everywhere", k="All 3 processors take live payments")
        + block.format(n=2, o="Community Is Sticky", k="Discord daily active members 200+")
    )
    assert [(o, krs) for o, _, krs in outline(parse_md(text))] == [
        (
            "Payment Works Everywhere",
            ["All 3 processors take live payments", "Signup-to-paid in under 3 minutes"],
        ),
        (
            "Community Is Sticky",
            ["Discord daily active members 200+", "Signup-to-paid in under 3 minutes"],
        ),
    ]


def test_a_key_result_label_followed_only_by_a_score_is_a_check_in_not_a_key_result() -> None:
    """Found by a fresh batch (a quarter file with weekly tracking): "**Confidence Update:**"
    over "- KR1: 7/10" and "- KR2: 6/10 (more realistic)" reports on the key results stated
    above; it is neither an objective nor two more key results."""
    text = (
        "# OKRs Q2 2026\n\n## Objective: Lead adaptive math learning\n\n"
        "### KR1: Ship the core features to 500 users\n\n### KR2: Finish the beta with 50 testers\n\n"
        "## Weekly tracking\n\n**Confidence Update:**\n- KR1: 7/10\n- KR2: 6/10 (more realistic)\n"
    )
    assert outline(parse_md(text)) == [
        (
            "Lead adaptive math learning",
            3,
            ["Ship the core features to 500 users", "Finish the beta with 50 testers"],
        )
    ]


def test_a_block_quote_after_a_lone_label_holds_the_statement() -> None:
    """Found by two fresh batches (Vietnamese course assignments): "**Objective:**" alone, then
    the objective in a block quote, then notes about it; "Các Kết Quả Then Chốt (Key Results)"
    ("the key results", with a plural article) names the key results, not an objective."""
    text = (
        "# Workshop 3\n\n## 1. Mục Tiêu Cốt Lõi (Objective)\n\n**Objective:**\n"
        "> **Giúp cố vấn học tập luôn đi trước một bước**\n\n"
        "*   **Tính chất:** Định tính, không chứa con số nào.\n\n"
        "## 2. Các Kết Quả Then Chốt (Key Results)\n\n"
        "### KR1: Ít nhất 85% cố vấn truy cập dashboard 2 lần mỗi tuần\n"
    )
    assert outline(parse_md(text)) == [
        (
            "Giúp cố vấn học tập luôn đi trước một bước",
            6,
            ["Ít nhất 85% cố vấn truy cập dashboard 2 lần mỗi tuần"],
        )
    ]


def test_a_german_compound_with_ziele_does_not_title_an_okr_file() -> None:
    """Found by a fresh batch (German exam notes): "# Projektziele" (project goals) over
    numbered headings with lists was read by its shape as OKRs, because "ziele" was found inside
    the compound; "Ziele" must start a word to say OKRs."""
    text = (
        "# Projektziele\n\n## Projektziele definieren\n#### 1. Ziele ermitteln\n"
        "- Anforderungen bestimmen\n- Interessen von Stakeholdern\n"
        "#### 3. Nicht-Ziele nennen\n- klarer Verzicht auf Inhalte\n- Scope Creep verhindern\n"
        "#### 4. Ziele priorisieren\n- muss billig sein\n- soll schnell gehen\n"
    )
    assert outline(parse_md(text, "pruefung/Projektziele.md")) == []
    assert outline(parse_md(text.replace("# Projektziele\n", "# Ziele 2026\n"))) != []


def test_a_dotted_key_result_id_written_again_is_a_note_on_it_unless_a_new_set_starts() -> None:
    """Found by a fresh batch (a research team's quarter file): a check-in section goes over
    "- KR1.1: no merged evidence" and "- KR1.2 (autonomy KR): PR #13 is open": reports on key
    results stated above, not more of them. A second quarter numbering O1 again starts anew."""
    quarter = (
        "## O1 — Ship the resolver\n\n- KR1.1 (speed): p95 latency from 900 ms to 300 ms\n"
        "- KR1.2: Resolver v2 detects 3 of 4 loops\n\n"
    )
    text = (
        "# OKRs Q4\n\n" + quarter + "## Check-in, week 6\n\n- KR1.1: no merged evidence yet\n"
        "- KR1.2 (autonomy KR): PR #13 is open, not merged\n\n# OKRs Q1\n\n" + quarter
    )
    krs = ["p95 latency from 900 ms to 300 ms", "Resolver v2 detects 3 of 4 loops"]
    assert outline(parse_md(text)) == [
        ("Ship the resolver", 3, krs),
        ("Ship the resolver", 15, krs),
    ]


def test_key_results_and_their_companions_name_the_key_results() -> None:
    """Found by a fresh batch (an architecture lead's OKRs): "### Key Results & Milestones" over
    numbered key results with milestone bullets names the key results; it is not one more
    objective. "Objectives and Key Results" stays the method's name."""
    text = (
        "# OKRs\n\n## Objective 1: Build a high-performing architecture team\n"
        "### Key Results & Milestones\n"
        "1. Hire two new team members within 3 months\n   - Month 1: finalize job descriptions\n"
        "2. Reach 90% engagement in training\n"
    )
    assert outline(parse_md(text)) == [
        (
            "Build a high-performing architecture team",
            3,
            ["Hire two new team members within 3 months", "Reach 90% engagement in training"],
        )
    ]
    assert find_label("Objectives and Key Results") is None


def test_a_label_heading_over_a_quote_and_key_result_titles_over_their_measured_line() -> None:
    """Found by a fresh batch (a Vietnamese course assignment): "### Objective" with the
    objective in the block quote under it; "#### KR3 — Quality · Retention / Return Behavior"
    (a title of a few words) over the line that states it, opening with its level
    ("**≥ 25%** users ...")."""
    text = (
        "# OKR — Q1\n\n### Objective\n> **Giúp sinh viên IT nhìn thấy lý do CV bị loại**\n\n"
        "### Key Results\n\n#### KR1 — Leading · User Behavior\n"
        "**≥ 70%** sessions hoàn thành full loop trong 30 ngày\n*Ghi chú: đo được ngay.*\n\n"
        "#### KR3 — Quality · Retention / Return Behavior\n"
        "**≥ 25%** users quay lại upload CV lần 2 trong 48 giờ.\n"
    )
    assert outline(parse_md(text)) == [
        (
            "Giúp sinh viên IT nhìn thấy lý do CV bị loại",
            4,
            [
                "≥ 70% sessions hoàn thành full loop trong 30 ngày",
                "≥ 25% users quay lại upload CV lần 2 trong 48 giờ.",
            ],
        )
    ]


def test_an_objective_label_followed_by_a_level_among_sister_objectives_is_an_objective() -> None:
    """Found by a fresh batch (a Portuguese PRD): under each "#### OKR n" heading an
    "**Objetivo**: ..." line states the objective; the third one opens with a level
    ("100% de aderência ..."), which alone would make "Objetivo" name a target."""
    block = "#### OKR {n}: Título {n}\n**Objetivo**: {o}\n\n**Key Results**:\n- **KR1**: {k}\n\n"
    text = "## Objetivos\n\n" + "".join(
        block.format(n=n, o=o, k=k)
        for n, o, k in (
            (1, "Transformar processo de 7-8 meses em 2-3 meses", "Tempo médio cai para 3 meses"),
            (2, "Processar mais certificações com mesma equipe", "Processar 40% mais pedidos"),
            (3, "100% de aderência e rastreabilidade para auditorias", "Zero não-conformidades"),
        )
    )
    assert [o for o, _, _ in outline(parse_md(text))][2] == (
        "100% de aderência e rastreabilidade para auditorias"
    )


def test_a_heading_that_compares_two_ideas_explains_them() -> None:
    """Found by a fresh batch (a Portuguese course lesson on OKRs): "### Objective vs Key
    Results" over "| Aspecto | Objective | Key Results |" compares the two ideas row by row
    ("| **Exemplo** | Encantar clientes | NPS de 50 para 70 |"); it holds no OKRs."""
    text = (
        "# Aula 2.3: OKR, a meta que gera foco\n\n### Objective vs Key Results\n\n"
        "| Aspecto | Objective | Key Results |\n|---|---|---|\n"
        "| **Natureza** | Qualitativo | Quantitativo |\n"
        "| **Exemplo** | Encantar clientes | NPS de 50 para 70 |\n"
        "| **Quantidade** | 1-3 por trimestre | 2-5 por Objective |\n"
    )
    assert outline(parse_md(text)) == []


def test_goal_setting_in_a_title_names_the_method_not_a_set_of_goals() -> None:
    """Found by a fresh batch (a Japanese knowledge note): "目標設定と管理ノウハウ" (goal-setting
    and management know-how) over numbered headings with "**term**: explanation" items is about
    setting goals, not a set of them."""
    body = (
        "## 主要ポイント\n\n### 1. 目標設定のアプローチ\n\n- **定量的目標**: 可能な限り定量的な目標を設定\n"
        "- **挑戦的な目標**: 一部の目標は野心的\n\n### 2. 目標設定のプロセス\n\n"
        "- **目標の共有**: 添付ファイルで共有\n- **提出期限**: 期限までに提出\n"
    )
    assert outline(parse_md("# FY24 - 目標設定と管理ノウハウ\n\n" + body, "note.md")) == []


def test_a_heading_shaped_like_its_sister_objectives_is_one_even_without_key_results() -> None:
    """Found by a fresh batch (a startup's objectives page): "### 3. Skills in 90 Seconds" has
    the same "- Status:" / "- Description:" / "- Next:" items as its sisters, but no key results
    yet: an objective like them (not a group whose "Next: ..." item is an objective)."""
    block = (
        "### {n}. {o}\n- Status: active\n- Description: Why this matters to us\n"
        "- Next: Review the pull request and merge it\n"
    )
    krs = "- Key Results:\n  - [ ] {k}\n  - [ ] Signup-to-paid in under 3 minutes\n\n"
    text = (
        "# Strategic Objectives\n\n## Top Objectives\n\n"
        + block.format(n=1, o="Payment Works Everywhere")
        + krs.format(k="All 3 processors take live payments")
        + block.format(n=2, o="Community Is Sticky")
        + krs.format(k="Discord daily active members 200+")
        + block.format(n=3, o="Skills in 90 Seconds")
    )
    assert [(o, len(k)) for o, _, k in outline(parse_md(text))] == [
        ("Payment Works Everywhere", 2),
        ("Community Is Sticky", 2),
        ("Skills in 90 Seconds", 0),
    ]


def test_one_line_with_a_list_does_not_make_every_short_line_an_objective() -> None:
    """Found by a fresh batch (a personal diary page named OKR.md): one line had a list under
    it (a project over three to-dos), and every other short line of the diary became an
    objective "like" it. Short lines follow a shape the file repeats, not one instance."""
    text = (
        "周末，总结下最近的生活和工作。\n作息还是不太健康。\n健身仍在坚持。\n饮食一般。\n\n"
        "工作：\n进展平平\n\n研究：\n读了几篇论文。\n\n\n项目：\nai for notes \n"
        "1. 部署一个助手\n2. 整理数据\n3. 展示页面 P0\n4. \n\nai for jobs\n"
        "1.收集岗位，修改简历。\n\n接单平台\n写作工具\n"
    )
    objectives = [o for o, _, _ in outline(parse_md(text, "OKR.md"))]
    assert not {"进展平平", "健身仍在坚持。", "接单平台"} & set(objectives), objectives


def test_key_result_titles_over_quoted_statements_under_a_counted_key_results_zone() -> None:
    """Found by a third Vietnamese course assignment (fresh batch 55): "## 3 Key Results —
    Leading + Lagging + Quality" names the key results (a count before, their kinds after a
    dash); each "### KR1 — Leading (dự báo, sửa kịp)" is a title, its gloss in parentheses
    aside, over the key result in a quote; the table under it is the key result's notes."""
    text = (
        "# OKRs Q1\n\n## Objective\n\n> **Trở thành nhân viên inbox AI cho shop nhỏ.**\n\n"
        "## 3 Key Results — Leading + Lagging + Quality\n\n"
        "### KR1 — Leading (dự báo, sửa kịp)\n\n> **200 shop active dùng app ≥ 5 ngày/tuần.**\n\n"
        "| | |\n|---|---|\n| **Baseline** | 30 shop pilot |\n\n"
        "### KR2 — Lagging (kết quả business, xác nhận)\n\n> **MRR đạt 30 triệu VND.**\n"
    )
    assert outline(parse_md(text)) == [
        (
            "Trở thành nhân viên inbox AI cho shop nhỏ.",
            5,
            ["200 shop active dùng app ≥ 5 ngày/tuần.", "MRR đạt 30 triệu VND."],
        )
    ]


def test_a_goal_word_followed_by_a_level_is_a_target_and_questions_are_not_statements() -> None:
    """Found by a fresh batch (a German KPI canvas with an OKR section): "Ziel: >70%" states a
    target, not an objective; "Wie wird Fortschritt gemessen?" over baseline and target lines
    asks, it is not a key result; a dashboard row that cites "OKR1 KR2" does not make the page a
    guide about OKRs."""
    text = (
        "# KPI Canvas\n\n## KPI 1: Flow Completion\n\n**Wie wird Fortschritt gemessen?**\n"
        "- Baseline: >50%\n- Ziel: >70% (Q2 2026)\n\n## OKRs\n\n"
        "**OKR1: Schnelle Kaufempfehlung**\n- **KR1:** Zeit bis Empfehlung <2 Minuten\n"
        "- **KR2:** Flow Completion von 50% auf 70%\n\n"
        "**Ziel: 10x mehr aktive Nutzer**\n- **KR1:** 100 aktive Nutzer pro Monat\n\n"
        "## Dashboard\n\n| KPI | OKR | Baseline | Ziel |\n|---|---|---|---|\n"
        "| Flow Completion | OKR1 KR2 | 50% | 70% |\n| Trust Score | OKR1 KR3 | - | 75% |\n"
    )
    doc = parse_md(text, "KPI.md")
    assert [o[0] for o in outline(doc)] == ["Schnelle Kaufempfehlung", "10x mehr aktive Nutzer"]
    assert outline(doc)[0][2][:2] == [
        "Zeit bis Empfehlung <2 Minuten",
        "Flow Completion von 50% auf 70%",
    ]


def test_objective_columns_in_the_plural_of_the_teams_language() -> None:
    """Found by a fresh batch (a French OKR table): "| Objectifs | Résultats Clés (KR) |" pairs
    each objective with its key results, as "| Objectives | Key Results |" does."""
    text = (
        "### OKR – Projet\n\n| **Objectifs** | **Résultats Clés (KR)** |\n|---|---|\n"
        "| **Objectif 1 : Simplifier la soumission** | 1. 95% des réclamations en ligne. |\n"
        "| | 2. Réduire le temps de dépôt à moins de 3 minutes. |\n"
    )
    assert [(o[0], len(o[2])) for o in outline(parse_md(text))] == [("Simplifier la soumission", 2)]


def test_items_opening_team_sections_like_their_sisters_objectives_are_objectives() -> None:
    """Found by a fresh batch (a company's Q1 OKRs, "several objectives are missing key
    results"): under team headings, plain items written like the objectives of the sister
    sections (items with key results under them) are objectives without key results."""
    text = (
        "# OKRs\n\n## Q1 2018\n\n### Product:\n\n* Launch of hosted playground\n"
        "* Launch of deduplication of code\n\n### Engineering:\n\n"
        "* Launch a production level engine\n  * Support 10s of millions of repositories\n"
        "  * Run 90% of queries in under 30 minutes\n"
        "* Improve our documentation\n  * Docs let a new user be productive in a day\n\n"
        "### Community:\n\n* Grow the community\n  * Reach 500 members on Slack\n"
    )
    assert outline(parse_md(text, "okrs.md")) == [
        ("Launch of hosted playground", 7, []),
        ("Launch of deduplication of code", 8, []),
        (
            "Launch a production level engine",
            12,
            ["Support 10s of millions of repositories", "Run 90% of queries in under 30 minutes"],
        ),
        ("Improve our documentation", 15, ["Docs let a new user be productive in a day"]),
        ("Grow the community", 20, ["Reach 500 members on Slack"]),
    ]


def test_a_goals_page_titled_with_its_period_holds_that_periods_goals() -> None:
    """Found by a fresh batch (an assistant's context/goals.md): "# Goals — Q2 2026" in a file
    named goals.md titles the quarter's set: the goals under it are read, and the title is not
    one more objective. A design doc's "## Goals" names no period and says nothing."""
    text = (
        "# Goals — Q2 2026\n\n## Commercial\n- [ ] Reach £50K MRR by end of Q2 2026\n"
        "- [ ] Add £40K GBP MRR within 3 months\n\n## Operational\n"
        "- [ ] Ship outreach processes by April 25\n- [ ] Launch LinkedIn outbound by April 27\n"
    )
    doc = parse_md(text, "goals.md")
    assert [(o[0], len(o[2])) for o in outline(doc)] == [("Commercial", 2), ("Operational", 2)]
    design = text.replace("# Goals — Q2 2026", "# Goals")
    assert outline(parse_md(design, "goals.md")) == []


def test_steps_under_headings_without_a_number_or_an_okr_title_are_not_okrs() -> None:
    """Found by a fresh batch (the help page of an OKR tool, in Norwegian): read by shape alone,
    lines over lists of steps with no number anywhere and no title that says OKRs are a
    manual, not OKRs; the same shape under "# OKRs" is read."""
    text = (
        "## Organisasjoner\n\n### Opprette en ny organisasjon\n\n"
        "Administratorer kan opprette nye organisasjoner fra adminpanelet.\n\n"
        "- Klikk `Ny organisasjon`.\n- Skriv inn navn og beskrivelse.\n- Trykk `Opprett`.\n\n"
        "### Arkivere en organisasjon\n\nAdministratorer kan arkivere organisasjoner.\n\n"
        "- Velg organisasjon fra menyen.\n- Trykk `Slett`.\n"
    )
    assert outline(parse_md(text, "okr-tracker_help.md")) == []
    assert len(outline(parse_md("# OKRs\n\n" + text, "okr-tracker_help.md"))) == 2


def test_a_north_star_metric_with_its_value_and_target_is_not_a_key_result() -> None:
    """Found by a fresh batch (a strategy page): "## North Star Metric" over its current value
    and target names the measure the company watches; it is not a key result, and the page's
    title does not become an objective for holding it."""
    text = (
        "# Goals & Strategy\n\n## North Star Metric\n\n**Metric**: Activation rate\n"
        "**Current Value**: 62%\n**Target**: 75%\n\n## Key Results\n\n"
        "### Raise activation\n\n**Current**: 62%\n**Target**: 75%\n"
    )
    doc = parse_md(text, "goals.md")
    assert [kr.text for kr in doc.key_results()] == ["Raise activation"]


def test_a_lead_in_that_names_okrs_over_labelled_key_results_is_not_their_objective() -> None:
    """Found by a fresh batch (council meeting notes): "Review of Failed OKRs in 2023:" over
    labelled key results introduces them; it is not their objective."""
    text = (
        "# Q1 OKR Strategic Meeting\n\nReview of Failed OKRs in 2023:\n\n"
        "- KR-1.3: Video NFT trading volume up from 10,000 to 50,000 JOY\n"
        "- KR-1.4: Achieve an NPS of 30 among content creators\n"
    )
    doc = parse_md(text, "meeting.md")
    assert "Review of Failed OKRs in 2023:" not in [o.text for o in doc.objectives()]
    assert len(list(doc.key_results())) == 2


def test_objectives_numbered_okr1_okr2_with_results_under_them() -> None:
    """Found by a fresh batch (a Chinese engineer's okr.md): "### okr1 湖仓一体", "### okr2
    ..." each over a numbered list are the file's objectives and their key results."""
    text = (
        "### okr1 湖仓一体\n\n1. 研究trino 查询hudi源码\n2. 研究hudi的源码\n\n"
        "### okr2 trino与Doris\n\n1. trino支持隐式转换的开发\n2. trino gluten的研究\n"
    )
    assert [(o[0], len(o[2])) for o in outline(parse_md(text, "okr.md"))] == [
        ("湖仓一体", 2),
        ("trino与Doris", 2),
    ]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        # The README of OKR scripts: "### Production Environment" and "### Test Environment"
        # over the same "Trigger:", "Variable:", "Behavior:" fields are two records of one
        # layout; read by shape alone they are not objectives.
        (
            "okrs_README.md",
            "# OKR reports\n\n### Production Environment\n*   **Trigger**: Scheduled cron job\n"
            "*   **Variable**: Uses the sheet name from the secrets\n"
            "*   **Behavior**: Updates the official reporting spreadsheet.\n\n"
            "### Test Environment\n*   **Trigger**: Push events and pull requests\n"
            "*   **Variable**: Defaults to the test sheet\n"
            "*   **Behavior**: Updates the test spreadsheet.\n",
        ),
        # A Spanish methodology page: "## Estructura OKR" over "### Objetivos (O)" and
        # "### Resultados Clave (KR)" with their properties explains the method; "OKR
        # structure", "Ciclo OKR" and their kin hold no OKRs.
        (
            "okr_index.md",
            "# Objetivos y Resultados Clave (OKR)\n\n## Estructura OKR\n\n### Objetivos (O)\n"
            "- Claros y aspiracionales\n- Alineados con estrategia\n\n### Resultados Clave (KR)\n"
            "- Métricas específicas\n- Plazos definidos\n",
        ),
        # An agent's quarterly review protocol: "For EACH key result, ask:" over its questions
        # speaks of the method; it is not an objective.
        (
            "quarterly-review-okr-protocol.md",
            "# Quarterly review OKR protocol\n\nFor EACH key result, ask:\n\n"
            "- Фактический прогресс: какой реальный результат достигнут\n"
            "- Причины отклонений: если цель не достигнута, почему\n"
            "- Качество результата: насколько вы удовлетворены качеством\n",
        ),
    ],
    ids=["records-of-one-layout", "how-okrs-work", "speaks-of-key-results"],
)
def test_look_alikes_from_fresh_batches_hold_no_objectives(name: str, text: str) -> None:
    """Look-alikes found by fresh batches: pages about OKRs or records of one layout, read by
    shape alone, hold no objectives."""
    assert outline(parse_md(text, name)) == []


def test_an_identifier_heading_over_a_description_names_the_objective_it_describes() -> None:
    """From the extra corpus (a project's OKRS.md): "## product-direction 🔴" over
    "**Description:** Facto's choices serve the user well" and a table of key results: the
    description is the objective, the heading its identifier."""
    text = (
        "# Facto OKRs\n\n## product-direction 🔴\n\n"
        "**Description:** Facto's choices serve the user well.\n\n"
        "| Target (KR) | Current status |\n|---|---|\n"
        "| Facto can generate product research for 3 of 4 projects. | 🟡 partly |\n\n"
        "## reviewability 🔴\n\n**Description:** Humans can easily inspect and understand changes.\n\n"
        "| Target (KR) | Current status |\n|---|---|\n"
        "| 90% of changes reviewed within a day. | 🔴 not tracked |\n"
    )
    assert [(o[0], o[1], len(o[2])) for o in outline(parse_md(text, "OKRS.md"))] == [
        ("Facto's choices serve the user well.", 5, 1),
        ("Humans can easily inspect and understand changes.", 13, 1),
    ]


def test_items_off_the_files_own_objective_shape_are_not_objectives() -> None:
    """Found by a fresh batch (an agent's OBJECTIVES.md): the objectives are headings over
    their own key results; the items of "## Backlog" and "## Completed" beside them are not
    objectives, though the same title is over them."""
    doc = parse_md(
        "# Strategic Objectives\n\n## Top Objectives\n\n"
        "### 1. Payment works everywhere\n- Status: active\n- Key Results:\n"
        "  - [ ] Checkout success rate from 91% to 98%\n  - [ ] Zero failed refunds in March\n\n"
        "### 2. Every lead gets a reply\n- Status: active\n- Key Results:\n"
        "  - [ ] Median first reply from 9 hours to 1 hour\n\n"
        "## Backlog\n\n- [ ] Client relationships are grounded in accountability\n\n"
        "## Completed\n\n- [x] Unblock checkout (TASK, migrated) (2026-03-17)\n"
        "- [x] Email nurture engine (TASK, migrated) (2026-03-17)\n",
        path="OBJECTIVES.md",
    )
    assert [o[0] for o in outline(doc)] == [
        "Payment works everywhere",
        "Every lead gets a reply",
    ]


def test_a_dated_goals_title_over_unmeasured_lists_is_not_enough_for_the_hook() -> None:
    """Found by a fresh batch (a Japanese "2019年 目標" note): a dated "Goals" title over
    motivations, skills and a study plan, in goals.md, was read as OKRs and got 27 findings in
    the pre-commit hook. A dated goals title says OKRs when most results are measured."""
    notes = (
        "# 2019 Goals\n\n## Why\n- I do not want the same life next year\n"
        "- My job has no room to grow\n  - The brand is good but the pay is low\n"
        "  - The work needs no engineer\n\n## Skills\n- Coding\n  - Java\n  - Spring Boot\n"
        "  - Clean code\n- English\n  - Business conversation\n"
    )
    assert parse_md(notes, path="goals.md").speculative
    measured = (
        "# Goals — Q2 2026\n\n## Ship the beta\n- 40 teams onboarded\n- p95 latency under 300 ms\n"
        "\n## Grow the community\n- 500 Discord members\n- [ ] 3 meetups held\n"
    )
    doc = parse_md(measured, path="goals.md")
    assert not doc.speculative and len(outline(doc)) == 2


def test_labels_that_define_are_no_evidence_of_a_files_own_okrs() -> None:
    """Found by a fresh batch (an AI agent's OKR-coaching skill): "- **Key Results:**
    Quantitative, measurable outcomes" defines key results; counted as a key-result label, it
    made the rules list under a heading "explicit" OKRs and the hook reported them."""
    skill = (
        "# OKR Coach\n\nThis skill helps teams draft and review OKRs.\n\n"
        "## Key Collaboration Rules\n1. **No Invention** — Request baselines, do not assume\n"
        "2. **Interactive** — Present a diagnostic first, then rewrite together\n\n"
        "## OKR Fundamentals\n- **Objectives:** Qualitative, inspirational, quarterly goals\n"
        "- **Key Results:** Quantitative, measurable outcomes (3-5 per objective)\n\n"
        "## When to Use\n- Quarterly OKR drafting\n- Team OKR review\n"
    )
    doc = parse_md(skill, path=".claude/skills/okr-coach/SKILL.md")
    assert doc.speculative or not list(doc.objectives())


def test_a_file_named_for_its_goals_in_cjk_is_named_like_goals_md() -> None:
    """目標 / 目标 / 목표 name any goal: "2019/目標.md" is as weak a name as "goals.md" (the
    fresh batch's note got 27 hook findings while its name counted as saying OKRs)."""
    note = (
        "# 2019年 目標\n\n## 目標を立てた動機\n- 現在と変わらない人生を送りたくはない\n"
        "- このままでは、結婚ができない可能性大\n  - 会社は、ブランドがあるが給料が低い\n"
        "  - エンジニアなのに、素人でもできる仕事しかない\n\n## 身につけたいこと\n"
        "- コーディングスキル\n  - Java\n  - Spring Boot\n  - 綺麗なコード\n"
    )
    assert parse_md(note, path="2019/目標.md").speculative
    assert not parse_md(note.replace("目標\n", "OKR\n", 1), path="2019/OKR.md").speculative


def test_titled_key_results_hold_their_statement_under_the_title() -> None:
    """Found by a fresh batch (student OKR assignments, Vietnamese and English): "### KR2 —
    Lagging (Business)" over a plain line, beside sisters whose statement under the title is
    bold, is titled the same way; "> **Goal:** 60% of ..." under a titled key result (the word
    for "objective" names its target) is its statement; the zone's heading may name what comes
    with the key results, and its lead-in sentence is none of them."""
    doc = parse_md(
        "# Product OKR\n\n## Objective\n\n> **Make families calm about money.**\n\n"
        "## 3. Key Results (Kết quả then chốt) & Phân tích chuyên sâu\n\n"
        "To show the objective is reached we track three key results:\n\n"
        "### KR1 — Leading (Behaviour)\n**40%** of new users finish a full session\n\n"
        "### KR2 — Lagging (Business)\nReach 1,000 MAU with 5% converting to paid\n\n"
        "### KR3 — Quality\n> **Goal:** Month-2 retention above 75%.\n\n"
        "- Why it matters: retention shows real value\n",
        path="okrs.md",
    )
    assert outline(doc) == [
        (
            "Make families calm about money.",
            5,
            [
                "40% of new users finish a full session",
                "Reach 1,000 MAU with 5% converting to paid",
                "Month-2 retention above 75%.",
            ],
        )
    ]


def test_a_list_indented_under_a_paragraph_is_a_list_of_text_bullets() -> None:
    """Found by rewriting the labelled files with 4-space list indents (a metamorphic check):
    "**Reference implementation**" then "    - Simplified UX" is one paragraph in Markdown;
    its "- " lines are bullets under the bold line, not key results that start with "- "."""
    doc = parse_md(
        "# OKRs Q1 2018\n\n## Get people excited about the browser\n\n### Key Results\n"
        "- Publish 3 user journeys\n\n"
        "**Companion has 40% more weekly users**\n"
        "    - Simplified onboarding\n    - Welcoming developer docs\n",
        path="OKR.md",
    )
    krs = [k.text for k in doc.key_results()]
    assert not any(t.startswith("- ") for t in krs)
    assert "Companion has 40% more weekly users" in krs


def test_a_page_that_starts_at_level_two_is_titled_by_its_first_heading() -> None:
    """Found by the metamorphic check (headings one level deeper): "## Sample Company's OKRs"
    opening the page is its title, as "# ..." is; a title is not an example heading."""
    text = (
        "# Sample Company's OKRs\n\n### OKRs\n"
        "- **Company Objective: Increase brand recognition and awareness**\n"
        "  - Key Result: Increase media engagement by 20%\n"
        "  - Key Result: Launch a referral program by September 1\n"
    )
    assert len(outline(parse_md(text, path="SampleCompany.md"))) == 1
    deeper = text.replace("# Sample", "## Sample").replace("### OKRs", "#### OKRs")
    assert outline(parse_md(deeper, path="SampleCompany.md")) == outline(
        parse_md(text, path="SampleCompany.md")
    )


def test_a_dated_okr_title_covers_sections_written_at_its_own_level() -> None:
    """Found by the metamorphic check (headings one level up): "# OKRs - Q1 2025" over
    "# Objective 1: ..." sections at its own level is still a dated set, not an article,
    however much prose its sections carry."""
    prose = (
        "We will spend the quarter on this because our venues asked for it many times and the "
        "market window is short, so every sprint is planned around it and reviewed weekly.\n\n"
    )
    body = "".join(
        f"## Objective {i}: Ship the platform part {i}\n\n{prose}"
        f"### Key Result {i}.1: 100% of planned scope done\n\n{prose}"
        f"### Key Result {i}.2: 2 beta tournaments finished\n\n{prose}"
        for i in (1, 2)
    )
    text = f"# OKRs - Q1 2025\n\n## How we grade\n\n{prose}## Why OKRs\n\n{prose}{body}"
    flat = text.replace("\n## ", "\n# ").replace("\n### ", "\n## ")
    assert len(outline(parse_md(text, path="okrs.md"))) == 2
    assert len(outline(parse_md(flat, path="okrs.md"))) == 2


def test_metamorphic_rewrites_read_the_same_statements() -> None:
    """Found by the metamorphic check: a numbered list indented eight spaces under a heading
    (an indented code block) is a list as a bulleted one is; an emoji before "Success
    indicators for outcome 1" does not make it an objective; "Resultados clave:" and
    "Schlüsselergebnisse" name a list or a column of key results as "Key Results" does."""
    bullets = (
        "# OKRs 2017\n\n### Be profitable\n        - make 15,000 RR per month\n"
        "        - 20% long term retention\n\n### Grow the community\n"
        "        - 500 active members\n        - 12 meetups held\n"
    )
    numbered = bullets.replace("        - ", "        1. ")
    assert outline(parse_md(numbered, path="OKRs.md")) == outline(parse_md(bullets, path="OKRs.md"))
    assert len(outline(parse_md(bullets, path="OKRs.md"))) == 2

    plain = (
        "# Measurable goals 2021\n\n## 1. The foundation is a sustainable association\n\n"
        "### Success indicators for outcome 1\n\n- 10 paying members\n- 3 new codebases\n\n"
        "## 2. Codebase communities are more open\n\n### Success indicators for outcome 2\n\n"
        "- 5 codebases audited\n- 2 community calls a month\n"
    )
    emoji = plain.replace("### Success", "### 🎯 Success")
    assert outline(parse_md(emoji, path="goals.md")) == outline(parse_md(plain, path="goals.md"))
    assert len(outline(parse_md(plain, path="goals.md"))) == 2

    english = (
        "# Quarterly OKRs\n\n## Objective: Increase the building power\n"
        "- **Key Results:** Martin, Bedeho\n    1. Add 1 full time rust developer\n"
        "    2. Add 1 blockchain developer\n\n## Objective 2: Ship the beta\n\n"
        "| Key Results | Measurable outcome |\n|---|---|\n| KR 2.1 | 40 teams onboarded |\n"
    )
    for word in ("Resultados clave", "Schlüsselergebnisse"):
        translated = english.replace("Key Results", word)
        assert outline(parse_md(translated, path="OKR.md")) == outline(
            parse_md(english, path="OKR.md")
        ), word


def test_numbered_lines_inside_an_items_text_are_text_bullets() -> None:
    """Numbered lines indented past an item's nested-list indent continue the item's text
    ("1. **Sales: Line up the pipeline**" then "            1. At least 3 deals"): bullets
    under it, as "- " lines there are, not part of its statement."""
    doc = parse_md(
        "# Q3 OKRs\n\n1. **Sales: Line up the pipeline for Q4**\n"
        "            1. At least 3 Tier 1 deals\n            2. At least 10 Tier 2 deals\n"
        "1. **Support: Answer every ticket within a day**\n"
        "            1. First reply under 8 hours\n",
        path="okrs.md",
    )
    texts = [o.text for o in doc.objectives()] + [k.text for k in doc.key_results()]
    assert not any("Tier 1 deals" in t and "pipeline" in t for t in texts)


def test_a_metric_table_under_a_bold_section_name_is_a_dashboard() -> None:
    """As under "## Activation", a "| Metric | Current | Target |" table under "**Activation**"
    (a bold line written as a heading) holds measurements, not key results (found by the
    metamorphic check, bold lines for headings)."""
    text = (
        "# Metrics\n\n## Objective: Reach first revenue\n\n- KR1: MRR from $0 to $6,000\n"
        "- KR2: 3 paying design agencies\n\n"
        "## Activation\n\n| Metric | Current | Target |\n|---|---|---|\n"
        "| Sign-ups | 0 | 10/month |\n| Activated teams | 0 | 5 |\n"
    )
    expected = [("Reach first revenue", 3, ["MRR from $0 to $6,000", "3 paying design agencies"])]
    assert outline(parse_md(text, path="metrics.md")) == expected
    bold = text.replace("## Activation", "**Activation**")
    assert outline(parse_md(bold, path="metrics.md")) == expected


def test_a_quarter_heading_that_names_its_topic_is_a_set_not_a_guide() -> None:
    """ "## Q3 (Jul-Sep): Advanced Concepts & Cloud" is the quarter's set with its topic; the
    word "Concepts" makes "## Key concepts" a guide, not a heading that starts with a period."""
    body = (
        "### Networking\n- Explore advanced protocols (gRPC, connection pooling).\n"
        "- Configure IPTables and eBPF.\n\n"
        "### Security\n- Implement mTLS and OAuth2 for every API.\n"
    )
    text = (
        "# Yearly OKR plan\n\n## Q2 (Apr-Jun): Deepen & Apply\n\n"
        + body
        + "\n## Q3 (Jul-Sep): Advanced Concepts & Cloud\n\n"
        + body
    )
    got = outline(parse_md(text, path="plan.md"))
    assert [line for _, line, _ in got] == [5, 9, 14, 18]
    guide = text.replace("## Q3 (Jul-Sep): Advanced Concepts & Cloud", "## Key concepts")
    assert [line for _, line, _ in outline(parse_md(guide, path="plan.md"))] == [5, 9]


def test_a_code_fence_opened_above_the_page_and_never_closed_is_a_slip() -> None:
    """ "```" pasted above a page that nothing closes: the page is the document, not code (an
    unclosed fence runs to the end of the file). A fence that closes stays code."""
    page = (
        "# Project OKRs\n\n**Objective:** Resolve place-attribute conflation\n\n"
        "- **KR1:** Build a dataset of 20+ location patterns with <10% parsing errors\n"
        "- **KR2:** Reach 80% attribute-level accuracy on the rule-based pipeline\n"
    )
    expected = [
        (
            "Resolve place-attribute conflation",
            4,
            [
                "Build a dataset of 20+ location patterns with <10% parsing errors",
                "Reach 80% attribute-level accuracy on the rule-based pipeline",
            ],
        )
    ]
    assert outline(parse_md(page, path="OKR.md")) == [(t, line - 1, k) for t, line, k in expected]
    assert outline(parse_md("```\n" + page, path="OKR.md")) == expected
    assert outline(parse_md("```markdown\n" + page, path="OKR.md")) == expected
    assert outline(parse_md("```\n" + page + "```\n", path="OKR.md")) == []


def test_a_bold_line_over_a_table_of_key_results_is_their_group() -> None:
    """As "#### High-Confidence Detection" over a KR table, "**High-Confidence Detection**" in
    a "Key Results" section groups the key results below it: it is none of them (found by the
    metamorphic check, bold lines for headings)."""
    text = (
        "# Team OKRs\n\n### Objective\nBuild a reliable, evidence-first pipeline\n\n"
        "### Key Results\n\n#### High-Confidence Detection\n\n| KR | Target |\n|----|----|\n"
        "| **KR 1** | Achieve 90% precision on sampled places by Week 8 |\n"
        "| **KR 2** | Keep recall at 85% for closed and moved places |\n"
    )
    expected = [
        (
            "Build a reliable, evidence-first pipeline",
            4,
            [
                "Achieve 90% precision on sampled places by Week 8",
                "Keep recall at 85% for closed and moved places",
            ],
        )
    ]
    assert outline(parse_md(text, path="OKRs.md")) == expected
    bold = text.replace("#### High-Confidence Detection", "**High-Confidence Detection**")
    assert outline(parse_md(bold, path="OKRs.md")) == expected


def test_a_label_heading_that_asks_what_it_means_explains_it() -> None:
    """ "### Objective (O que?)" and "### Key Results (Como medimos?)" in a guide ask what the
    label is and answer under it: their items describe, they state nothing. The same headings
    without the question hold the set."""
    text = (
        "# OKR Framework\n\n### Objective (O que?)\n- **Qualitativo:** Inspirador, memorável\n"
        "- **Temporal:** Geralmente trimestral\n\n"
        "### Key Results (Como medimos?)\n- **Quantitativo:** Sempre numérico\n"
        "- **Ambicioso:** 70% de atingimento = sucesso\n"
    )
    assert outline(parse_md(text, path="guide.md")) == []
    plain = text.replace(" (O que?)", "").replace(" (Como medimos?)", "")
    assert [line for _, line, _ in outline(parse_md(plain, path="okrs.md"))] == [4, 5]


def test_a_line_that_introduces_an_example_in_portuguese_or_german_hides_it() -> None:
    """ "**Exemplo Bom:**", "Beispiel:" before a line in an objectives section introduce an
    example, as "Good example:" does: the line after them is not an objective."""
    for intro in ("**Exemplo Bom:**", "Beispiel:", "**Good example:**"):
        text = (
            "# OKRs\n\n## Objectives\n\n- Grow revenue to $20k MRR\n- Ship the mobile app\n\n"
            f'{intro}\n"Tornar-se a escolha #1 para PMEs"\n\n'
            "## Key Results\n\n- MRR from $10k to $20k\n"
        )
        texts = [o.text for o in parse_md(text, path="okrs.md").objectives()]
        assert texts == ["Grow revenue to $20k MRR", "Ship the mobile app"], intro


def test_the_stellar_okr_tag_marks_objectives_and_key_results() -> None:
    """The Hexo theme Stellar's okr tag ("{% okr o1 %}" then the objective, "<!-- okr kr1
    percent:0.5 -->" then a key result): ``markers`` in labels.yaml make each marker the label
    it stands for, on its own line, offsets unchanged."""
    text = (
        "---\ntitle: OKR - 目标与关键成果\n---\n\n{% okr o1 %}\n\n个人学习 & 证书考取\n\n"
        "<!-- okr kr-1 percent:20-->\n学习日文\n目前进度：五十音图背下大部分\n\n"
        "<!-- okr kr2 percent:0.4 status:off_track -->\n学习 C++\n\n{% endokr %}\n"
    )
    assert outline(parse_md(text, path="okr/index.md")) == [
        ("个人学习 & 证书考取", 7, ["学习日文", "学习 C++"])
    ]
    key_results = list(parse_md(text, path="okr/index.md").key_results())
    assert [(k.span.line, k.span.column) for k in key_results] == [(10, 1), (14, 1)]


def test_an_item_whose_items_start_with_teams_is_a_cascaded_objective() -> None:
    """ "Head of Eng: Ship high quality releases" over "Distribution: ...", "Core services: ...":
    each item under it is a team's own statement, so it is an objective of the cascade (its
    leading verb does not make it a key result with tasks). Among items that name their owner,
    an owner's item with items of its own is that owner's objective too ("Customer success:
    Implement a new support system" over its measures). An item without an owner over its
    tasks stays a key result with initiatives."""
    text = (
        "# CY19-Q3 OKRs\n\n"
        "1. CEO: Grow net new ARR consistently\n"
        "   1. Head of Eng: Ship high quality releases to our customers\n"
        "      1. Distribution: Critical customers see no instability issues\n"
        "      1. Core services: Search returns results across 80k repos\n"
        "   1. Customer success: Implement a new support system\n"
        "      1. Evaluate software solutions and select one\n"
        "      1. Define standard support terms\n"
        "   1. Launch the partner portal\n"
        "      1. Write the partner docs\n"
    )
    doc = parse_md(text, path="okrs.md")
    objectives = [o.span.line for o in doc.objectives()]
    assert objectives == [3, 4, 7]
    assert sorted(k.span.line for k in doc.key_results()) == [5, 6, 8, 9, 10]
    (portal,) = [k for k in doc.key_results() if k.span.line == 10]
    assert [i.text for i in portal.initiatives] == ["Write the partner docs"]


def test_a_guide_that_defines_the_terms_has_no_lone_section_to_infer() -> None:
    """An agent skill or a guide about OKRs defines them ("- **Objectives:** qualitative,
    inspiring goals") and has one section with a list ("## Key Collaboration Rules"): that
    section is the guide's, not an objective; with the definitions gone it is read as one
    (the file says it is about OKRs and shows one objective-like line with items)."""
    guide = (
        "# OKR Coach\n\nThis skill helps teams draft and improve OKRs.\n\n"
        "## Key Collaboration Rules\n1. **No Invention** — Request baselines first\n"
        "2. **Interactive Approach** — Present the diagnostic first\n\n"
        "## OKR Fundamentals\n- **Objectives:** Qualitative, inspirational, quarterly goals\n"
        "- **Key Results:** Quantitative, measurable outcomes (3-5 per objective)\n"
    )
    assert outline(parse_md(guide, path="okr-coach.md")) == []
    without = guide.split("## OKR Fundamentals")[0]
    assert len(outline(parse_md(without, path="okr-coach.md"))) == 1
    # A file that defines the terms, then repeats its own shape, still states its OKRs.
    own = (
        "# Objectives and Key Results\n_Objectives: Qualitative, inspiring statement_\n\n"
        "## Q1 2020\nAlpha release of Squad Chess\n- Real matches playable online\n\n"
        "Make the stream good!\n- 12 streams\n- 2 streams with guests\n"
    )
    assert len(outline(parse_md(own, path="OKRs.md"))) == 2


def test_a_guide_whose_statements_are_mostly_examples_holds_no_okrs() -> None:
    """A knowledge-base article (Portuguese, from a fresh batch) sets aside its examples
    under "Anti-Patterns"; the one row left in its tracking-sheet sample ("| O1 | KR1: ARR
    $10M | $6M |") is one more example, not the file's OKRs. A set of the file's own beside a
    few examples is still read."""
    guide = (
        "# KB 01: OKR Framework\n\n## Anti-Patterns (Erros Comuns)\n\n"
        "- O: Melhorar produto\n  - KR: Fazer 10 sprints\n  - KR: Resolver 50 bugs\n"
        "- O: Aumentar adoção do produto\n  - KR: DAU/MAU ratio de 20% para 35%\n"
        "  - KR: Feature adoption em 60% da base\n\n## Estrutura de Tracking (Spreadsheet)\n"
        "| Objective | Key Result | Baseline | Target | Current | Owner |\n"
        "|---|---|---|---|---|---|\n| O1 | KR1: ARR $10M | $6M | $10M | $8.2M | CEO |\n"
    )
    assert not parse_md(guide, path="KB_01_OKR_Framework.md").has_okrs
    own = guide.replace(
        "| O1 | KR1: ARR $10M | $6M | $10M | $8.2M | CEO |\n",
        "".join(
            f"| Grow revenue {n} | KR{n}: ARR from $6M to $10M | $6M | $10M | $8M | CEO |\n"
            for n in range(1, 4)
        ),
    )
    assert len(outline(parse_md(own, path="KB_01_OKR_Framework.md"))) == 3


def test_progress_notes_and_why_this_matters_are_fields_not_statements() -> None:
    """A template's "**Why this matters:** ..." under an objective and "**Progress Notes:**
    ..." after its key results (inside the "Key Results:" section) describe the objective;
    they are never one more key result."""
    text = (
        "# OKRs - Q3 2026\n\n### Objective 1: Grow the developer community\n"
        "**Why this matters:** Brief context on strategic importance\n\n#### Key Results:\n"
        "- **KR 1.1:** 500 monthly active contributors\n- **KR 1.2:** 40 meetups held\n\n"
        "**Progress Notes:** Brief update on overall progress and key insights\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [k.span.line for k in doc.key_results()] == [7, 8]
    (objective,) = doc.objectives()
    assert objective.metadata["why"] == "Brief context on strategic importance"


def test_a_readme_like_heading_among_team_sections_is_a_team() -> None:
    """ "### Documentation" is a README's section, but between "### Developer Relations" and
    "### Partnerships", each over its labelled objective and key results, it is the docs
    team's section: its labelled OKRs are read. Alone in a README it still sets them aside."""
    text = (
        "# OKRs - Q3 2026\n\n## Department OKRs\n\n"
        "### Developer Relations\n#### Objective: Grow the developer community\n"
        "- **KR:** 500 monthly active contributors\n\n"
        "### Documentation\n#### Objective: Make the docs answer first questions\n"
        "- **KR:** Support tickets about setup drop from 120 to 60 a month\n\n"
        "### Partnerships\n#### Objective: Win reseller partners\n- **KR:** 5 signed resellers\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [6, 10, 14]
    readme = (
        "# Tool\n\n## Installation\n\npip install tool\n\n## Documentation\n"
        "#### Objective: Make the docs answer first questions\n"
        "- **KR:** Support tickets about setup drop from 120 to 60 a month\n"
    )
    assert list(parse_md(readme, path="README.md").objectives()) == []


def test_a_dated_status_update_reports_on_key_results_it_does_not_state_them() -> None:
    """A section added later, "## Status — update 27 July 2026", repeats the key results as
    headings with their values ("### KR1 — Deployment: 0%"): a report on the key results above,
    not an objective with two more key results. A heading that only starts with "Status" or
    "Progress" ("Status 2.0 rollout") is not a report."""
    text = (
        "# OKR Q3\n\n## Objective: Launch the exchange\n\n"
        "- KR1: Deployed with 7 days of uptime\n- KR2: 3 signed contracts\n\n"
        "## Status — update 27 July 2026\n\nThis section was added later.\n\n"
        "### KR1 — Deployment: 0%\n\nNot started yet.\n\n"
        "### KR2 — Contracts: 0 contracts\n\nDepends on KR1.\n"
    )
    doc = parse_md(text, path="OKR.md")
    assert [o.span.line for o in doc.objectives()] == [3]
    assert [k.span.line for k in doc.key_results()] == [5, 6]
    for title in ("Progress update — July", "Update 2026-07-27", "Check-in 07/27"):
        doc = parse_md(text.replace("Status — update 27 July 2026", title), path="OKR.md")
        assert [k.span.line for k in doc.key_results()] == [5, 6], title
    rollout = text.replace("Status — update 27 July 2026", "Objective: Status 2.0 rollout")
    assert len(list(parse_md(rollout, path="OKR.md").objectives())) == 2


def test_a_confidence_section_is_notes_about_the_key_results() -> None:
    """ "## Confidence levels (initial)" over "- FY26 KRs: 60% confidence" says how sure the
    team is of the key results above; it is not an objective with key results."""
    text = (
        "# OKRs FY26\n\n### O1 — Grow revenue\n- KR1.1 — ARR from $2M to $4M\n\n"
        "## Confidence levels (initial)\n\n- FY26 KRs: **60% confidence** — aggressive\n"
        "- FY27 KRs: **40% confidence** — depends on the Series A\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [3]
    assert [k.span.line for k in doc.key_results()] == [4]


def test_a_kpi_table_that_points_at_key_results_holds_none() -> None:
    """ "| KPI | OKR | Baseline | Target |" with "OKR1 KR2" in the OKR column: each KPI says which
    key result it serves; the key results are stated elsewhere. A column named "Sub-OKR"
    with statements in it still holds key results."""
    table = (
        "# KPI canvas\n\n## OKR1: Faster advice\n- KR1: Time to recommendation from 4 min to 2 min\n"
        "\n## Weekly numbers\n\n| KPI | OKR | Baseline | Target |\n|---|---|---|---|\n"
        "| Flow completion rate | OKR1 KR1 | 50% | 70% |\n| Conversion rate | Cross-OKR | 5% | 20% |\n"
    )
    doc = parse_md(table, path="KPI.md")
    assert [k.span.line for k in doc.key_results()] == [4]
    stated = (
        table.replace("## Weekly numbers", "## Team results")
        .replace("| OKR1 KR1 |", "| Flow completion grows |")
        .replace("| Cross-OKR |", "| Conversion grows |")
    )
    assert [k.span.line for k in parse_md(stated, path="KPI.md").key_results()] == [4, 10, 11]


def test_dated_levels_under_goals_are_targets_not_objectives() -> None:
    """ "**Ziele:**" (goals) over "Q2 2026 (6 Monate): 100 MADU/Monat" and the levels for later
    dates: what one measure should reach by each date, not three objectives. A dated item
    that states a goal ("Q3 2026: Launch the beta to 50 teams") is still one."""
    levels = (
        "# North Star Metric\n\n**Ziele:**\n- Q2 2026 (6 Monate): 100 MADU/Monat\n"
        "- Q4 2026 (12 Monate): 500 MADU/Monat\n- Q2 2027 (18 Monate): 1.000+ MADU/Monat\n\n"
        "## OKR1: Faster advice\n- KR1: Time to recommendation from 4 min to 2 min\n"
    )
    doc = parse_md(levels, path="KPI.md")
    assert [o.span.line for o in doc.objectives()] == [8]
    goals = levels.replace("Q2 2026 (6 Monate): 100 MADU/Monat", "Q3 2026: Launch the beta")
    assert 4 in [o.span.line for o in parse_md(goals, path="KPI.md").objectives()]


def test_an_owners_heading_over_owners_objectives_tops_the_cascade() -> None:
    """ "## CEO: Grow incremental ACV according to plan" over "* CMO: Build 3x the pipeline"
    and "* CRO: Close $4M in new ACV", each over its key results: the CEO's objective, the
    top of the cascade, not a set title. A heading without an owner stays a set."""
    text = (
        "# 2018 Q2 OKRs\n\n## CEO: Grow incremental ACV according to plan\n\n"
        "* CMO: Build 3x the pipeline needed for the quarter.\n"
        "  * Marketing: Generate 1,200 sales accepted opportunities.\n"
        "* CRO: Close $4M in new ACV.\n  * Customer success: Net retention above 130%.\n"
    )
    doc = parse_md(text, path="okrs.md")
    (top,) = [o for o in doc.objectives() if o.parent is None]
    assert (top.span.line, top.text) == (3, "Grow incremental ACV according to plan")
    assert [c.span.line for c in top.children] == [5, 7]
    plain = text.replace("## CEO: Grow incremental ACV according to plan", "## Sales and marketing")
    assert [o.span.line for o in parse_md(plain, path="okrs.md").objectives()] == [5, 7]


def test_key_results_on_lines_of_one_table_cell_are_several() -> None:
    """A table cell cannot hold a list, so authors break it with <br>: "Median deploy time from
    40 min to 10 min<br>Failed deploys from 8% to 2%" is two key results of the row's
    objective, each with its own column, and the row's owner. A bold title over notes in a
    cell ("**Diet and exercise**:<br>height: 177 cm") stays one."""
    text = (
        "# Q1 2026 OKRs\n\n| Objective | Key results | Owner |\n|---|---|---|\n"
        "| Make deploys boring | Median deploy time from 40 min to 10 min<br>Failed deploys "
        "from 8% to 2% | @ana |\n"
    )
    (objective,) = parse_md(text, path="okrs.md").objectives()
    krs = objective.key_results
    assert [k.text for k in krs] == [
        "Median deploy time from 40 min to 10 min",
        "Failed deploys from 8% to 2%",
    ]
    assert [(k.span.line, k.span.column) for k in krs] == [(5, 25), (5, 69)]
    assert [k.metadata.get("owner") for k in krs] == ["@ana", "@ana"]
    notes = text.replace(
        "Median deploy time from 40 min to 10 min<br>Failed deploys from 8% to 2%",
        "**Diet and exercise**:<br>height: 177 cm, weight: 82 kg",
    )
    (objective,) = parse_md(notes, path="okrs.md").objectives()
    assert len(objective.key_results) == 1


def test_a_numbered_key_result_label_may_be_followed_by_a_lower_case_word() -> None:
    """ "KR1. p95 page load under 1.2 s" is labelled as "KR2. Zero sev-1 incidents" is; prose
    that starts with the words ("KR1 is on track", "Key Result v.s. Initiative") is not."""
    text = "## O3. Keep the platform fast\n\nKR1. p95 page load under 1.2 s\nKR2. Zero sev-1 incidents\n"
    doc = parse_md(text, path="okrs.md")
    assert [k.text for k in doc.key_results()] == [
        "p95 page load under 1.2 s",
        "Zero sev-1 incidents",
    ]
    assert find_label("KR1 is on track") is None
    # After the number and a space, the statement may start with a digit, a quote or code.
    for line, rest in (
        ("KR1 90% of PRs get a preview env", "90% of PRs get a preview env"),
        ("KR2 `make dev` works on a fresh laptop", "`make dev` works on a fresh laptop"),
        ('KR3 "Where is X?" answered in the docs', '"Where is X?" answered in the docs'),
    ):
        found = find_label(line)
        assert found is not None and (found.kind, found.rest) == ("key_result", rest)
    label = find_label("Key Result v.s. Initiative")
    assert label is None or label.kind != "key_result"


def test_fields_written_on_one_line_are_each_a_field() -> None:
    """ "**Baseline:** 38% · **Target:** 85% · **Owner:** @lee" under a key result gives it three
    fields, not a baseline of "38% · Target: 85% · Owner: @lee". A value with a separator in
    it and no label after ("Owner: Sales · EMEA") stays whole."""
    text = (
        "# Support OKRs Q1 2027\n\n## Objective 1: Answer customers while they still care\n\n"
        "### Key Result 1.1: First reply within 2 business hours\n\n"
        "**Baseline:** 38% · **Target:** 85% · **Owner:** @lee\n"
    )
    (kr,) = parse_md(text, path="okrs.md").key_results()
    assert (kr.metadata["baseline"], kr.metadata["target"], kr.metadata["owner"]) == (
        "38%",
        "85%",
        "@lee",
    )
    whole = text.replace(
        "**Baseline:** 38% · **Target:** 85% · **Owner:** @lee", "Owner: Sales · EMEA"
    )
    (kr,) = parse_md(whole, path="okrs.md").key_results()
    assert kr.metadata["owner"] == "Sales · EMEA"


def test_statement_headings_over_measured_items_under_an_objectives_heading() -> None:
    """ "## Objectives" over "### Be the brand developers think of first" over "- Organic
    signups from 2,000 to 5,000": each sub-heading is an objective and its items its key
    results. Team names over their objectives ("### Marketing" over "- Grow the brand") stay
    group headings."""
    text = (
        "# Marketing OKRs Q1 2025\n\n## Objectives\n\n"
        "### Be the brand developers think of first\n"
        "- Unaided brand recall among developers from 8% to 20%\n"
        "- Organic signups from 2,000 to 5,000 per month\n\n"
        "### Turn community into pipeline\n"
        "- Community-sourced opportunities from 10 to 40\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [5, 9]
    assert [k.span.line for k in doc.key_results()] == [6, 7, 10]
    teams = (
        "# OKRs Q1 2025\n\n## Objectives\n\n### Marketing\n- Be the brand developers think of\n"
        "  - Recall from 8% to 20%\n- Turn community into pipeline\n  - Deals from 10 to 40\n"
    )
    doc = parse_md(teams, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [6, 8]


def test_lettered_key_results_typed_under_a_numbered_objective() -> None:
    """ "1. Objective: ..." then "   a. Grow ..." and "   b) ..." lines: a document typed or pasted
    from an editor letters its key results; Markdown reads the lines as the item's paragraph.
    Each lettered line is a key result, not part of the objective's text."""
    text = (
        "# Marketing OKRs H1 2025\n\n"
        "1. Objective: Establish Acme as the thought leader in spend management\n"
        "   a. Grow organic search traffic from 40k to 90k monthly visits\n"
        "   b. Get cited in 3 analyst reports\n\n"
        "**Objective 2: Turn the website into our best salesperson**\n"
        "   a) Lift demo-request conversion from 1.1% to 2.5%\n"
        "   (b) Reduce bounce rate on pricing page from 68% to 45%\n"
    )
    doc = parse_md(text, path="okrs.md")
    objectives = list(doc.objectives())
    assert [o.text for o in objectives] == [
        "Establish Acme as the thought leader in spend management",
        "Turn the website into our best salesperson",
    ]
    assert [[k.text for k in o.key_results] for o in objectives] == [
        [
            "Grow organic search traffic from 40k to 90k monthly visits",
            "Get cited in 3 analyst reports",
        ],
        [
            "Lift demo-request conversion from 1.1% to 2.5%",
            "Reduce bounce rate on pricing page from 68% to 45%",
        ],
    ]


def test_no_okrs_says_what_is_missing_when_the_title_says_okrs() -> None:
    """A file titled "Marketing OKRs" with objectives and no key results: the reason names the
    missing key results, not a title the file has."""
    from okrlint.readers.markdown import read_lines

    text = "# Marketing OKRs Q1\n\n## Objectives\n\n### Marketing\n- Be the brand developers know\n"
    *_, decision = read_lines("notes.md", text)
    assert not decision.okr
    assert "no list of key results under the objectives" in decision.reason
    assert "title" not in decision.reason
    *_, decision = read_lines("notes.md", text.replace("Marketing OKRs Q1", "Team notes"))
    assert "neither the file name nor its title says OKRs" in decision.reason


def test_start_from_and_to_columns_and_a_measure_of_success_column() -> None:
    """ "| Key result | Start | Target |": beside a target the start is the baseline (alone it
    is a date); "| From | To |" are a baseline and a target; "Measure of success" beside a
    status holds the key results."""
    text = (
        "# OKRs Q2 2025\n\n## Objective: Analysts answer their own questions\n\n"
        "| # | Key result | Start | Target |\n|---|---|---|---|\n"
        "| 1 | Self-serve answer rate | 35% | 75% |\n"
    )
    (kr,) = parse_md(text, path="okrs.md").key_results()
    assert (kr.metadata["baseline"], kr.metadata["target"]) == ("35%", "75%")
    (kr,) = parse_md(text.replace("Start | Target", "From | To"), path="okrs.md").key_results()
    assert (kr.metadata["baseline"], kr.metadata["target"]) == ("35%", "75%")
    (kr,) = parse_md(text.replace("| Target |", "| Owner |"), path="okrs.md").key_results()
    assert "baseline" not in kr.metadata
    table = (
        "## Data team OKRs (Q4 2024)\n\n| # | Goal | Measure of success | Status |\n"
        "|---|---|---|---|\n| O1 | Trustworthy metrics everyone uses | | |\n"
        "| KR1.1 | | Dashboards on certified datasets from 30% to 90% | 🟡 |\n"
    )
    doc = parse_md(table, path="plan.md")
    assert [k.text for k in doc.key_results()] == [
        "Dashboards on certified datasets from 30% to 90%"
    ]


def test_a_page_title_on_the_level_of_its_objective_headings_names_the_set() -> None:
    """A page exported from Notion: "# Q1 2025 OKRs" with its properties, then "# Objective 1:
    ..." headings of the same level. The title names the set (its cycle, its owner); a first
    heading that is not a title ("# Notes") does not."""
    text = (
        "# Q1 2025 OKRs\n\nOwner: Hannah Ortiz\n\n"
        "# 🎯 Objective 1: Delight admins with effortless permissions\n\n**Key Results**\n\n"
        "- Permission-related support tickets: 230/mo → 60/mo\n"
    )
    (okr_set,) = parse_md(text, path="page.md").sets
    assert okr_set.title == "Q1 2025 OKRs"
    assert (okr_set.metadata["cycle"], okr_set.metadata["owner"]) == ("Q1 2025", "Hannah Ortiz")
    assert okr_set.span.line == 1
    (untitled,) = parse_md(text.replace("# Q1 2025 OKRs", "# Notes"), path="okrs.md").sets
    assert untitled.title is None and "cycle" not in untitled.metadata


def test_a_field_after_the_list_of_key_results_is_not_the_last_key_results() -> None:
    """ "**Responsable:** Lucía Gómez" after an objective's list of key results, at the end of
    its section: the objective's, not the last key result's. A field item in the list
    ("- Measure: ...") and a field right under a one-item list stay the item's."""
    text = (
        "# OKRs Q3 2024\n\n### Objetivo 1: Convertir la app móvil en un canal principal\n"
        "- Usuarios activos semanales en móvil de 15.000 a 30.000\n"
        "- Valoración en App Store de 3,9 a 4,5\n\n**Responsable:** Lucía Gómez\n"
    )
    (objective,) = parse_md(text, path="okrs.md").objectives()
    assert objective.metadata["owner"] == "Lucía Gómez"
    assert all("owner" not in k.metadata for k in objective.key_results)
    one = text.replace("- Usuarios activos semanales en móvil de 15.000 a 30.000\n", "")
    (objective,) = parse_md(one, path="okrs.md").objectives()
    assert objective.key_results[0].metadata["owner"] == "Lucía Gómez"


def test_a_type_column_says_which_rows_are_objectives_and_key_results() -> None:
    """An OKR tool's export: "| Type | Title | Owner | Progress |" with "Objective" and "Key
    Result" in the Type column. Each row's statement is its Title; the Type words do not make
    the rows read as talk about OKRs."""
    text = (
        "# OKRs – Q3 2025\n\n| Type | Title | Owner | Progress |\n|---|---|---|---|\n"
        "| Objective | Become the go-to marketplace for designers | Lina | 42% |\n"
        "| Key Result | Active sellers from 1,800 to 3,000 | Lina | 55% |\n"
        "| Key Result | Repeat buyer rate from 22% to 30% | Omar | 30% |\n"
        "| Objective | Make payouts boringly reliable | Omar | 60% |\n"
        "| Key Result | Payout failures from 1.4% to 0.3% | Omar | 70% |\n"
    )
    objectives = list(parse_md(text, path="export.md").objectives())
    assert [o.text for o in objectives] == [
        "Become the go-to marketplace for designers",
        "Make payouts boringly reliable",
    ]
    assert [len(o.key_results) for o in objectives] == [2, 1]
    assert objectives[0].key_results[0].metadata["owner"] == "Lina"


def test_key_results_joined_in_a_cell_with_semicolons_are_each_a_key_result() -> None:
    """ "EBITDA margin from -12% to 5%; Gross margin from 68% to 75%" in a "Key results" cell:
    two key results, each at its own column. A clause after a semicolon with no number of its
    own ("Reduce churn to 3%; ask every customer why") stays one key result."""
    text = (
        "# 2025 OKRs\n\n| Objective | Key results | Owner |\n|---|---|---|\n"
        "| Become profitable | EBITDA margin from -12% to 5%; Gross margin from 68% to 75% | CEO |\n"
    )
    krs = list(parse_md(text, path="okrs.md").key_results())
    assert [(k.text, k.span.column) for k in krs] == [
        ("EBITDA margin from -12% to 5%", 23),
        ("Gross margin from 68% to 75%", 54),
    ]
    assert all(k.metadata["owner"] == "CEO" for k in krs)
    one = text.replace("Gross margin from 68% to 75%", "ask every customer why we lost them")
    assert len(list(parse_md(one, path="okrs.md").key_results())) == 1


def test_the_score_of_a_row_that_holds_several_key_results_is_its_objectives() -> None:
    """ "| Zero-downtime platform | 1. ...<br>2. ... | Tomasz | 0.6 |": the row's Score grades
    its objective; each key result keeps the row's owner. A row with one key result keeps
    the score on it."""
    text = (
        "# Infrastructure OKRs 2025 Q1\n\n| Objective | Key Results | Owner | Score |\n"
        "| --- | --- | --- | --- |\n| Zero-downtime platform | 1. Availability from 99.9% to "
        "99.95%<br>2. Reduce MTTR from 45 min to 15 min | Tomasz | 0.6 |\n"
    )
    (objective,) = parse_md(text, path="okrs.md").objectives()
    assert objective.metadata["score"] == "0.6"
    assert [k.metadata.get("score") for k in objective.key_results] == [None, None]
    assert [k.metadata["owner"] for k in objective.key_results] == ["Tomasz", "Tomasz"]
    one = text.replace("<br>2. Reduce MTTR from 45 min to 15 min", "")
    (objective,) = parse_md(one, path="okrs.md").objectives()
    assert objective.key_results[0].metadata["score"] == "0.6"


def test_level_one_sections_after_the_title_are_sections_not_the_title() -> None:
    """A file whose sections are all level-1 headings: "# Scoreboard" after "# O2: ..." is a
    notes section (its table restates the objectives), and the title's introduction is not an
    objective like the lines that open its sister sections."""
    text = (
        "# Growth OKRs — Q1 2026\n\nSix quarters to $1M MRR. Reviewed Mondays.\n\n"
        "# Q1 2026\n\nWin the first 100 customers\n\n- KR1: Paying customers from 0 to 100\n\n"
        "# Q2 2026\n\nMake the product sticky\n\n- KR1: Week-4 retention from 20% to 40%\n\n"
        "# Scoreboard\n\n| Objective | KRs | Score |\n|---|---|---|\n"
        "| O1: Win the first 100 customers | 1 | 40% |\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [7, 13]
    assert [k.span.line for k in doc.key_results()] == [9, 15]


def test_a_folder_kept_for_okrs_says_its_files_hold_okrs() -> None:
    """ "okrs/README.md", "OKR-archive/2019-q3.md", "goals/2023_Q1.md": the folder says what the
    file name does not, so an unlabelled page is read as "okrs.md" is. A folder whose name only
    mentions OKRs ("okr-guide/", "not-okr/", "okrlint/") says nothing."""
    text = (
        "# Search team — Q3\n\n## Make search feel instant\n"
        "- p95 search latency from 1200 ms to 400 ms\n- Zero-result queries from 9% to 4%\n\n"
        "## Grow search usage\n- Weekly searchers from 40k to 60k\n"
    )
    expected = parse_md(text, path="okrs.md")
    assert [o.span.line for o in expected.objectives()] == [3, 7]
    for path in ("okrs/README.md", "OKR-archive/2019-q3.md", "goals/2023_Q1.md", "2024_OKRs/x.md"):
        doc = parse_md(text, path=path)
        assert [o.span.line for o in doc.objectives()] == [3, 7], path
    for path in ("okr-guide/README.md", "not-okr/README.md", "okrlint/README.md", "docs/x.md"):
        assert list(parse_md(text, path=path).objectives()) == [], path


def test_an_unlabelled_objective_beside_a_labelled_one_over_measures() -> None:
    """Half a team labels its objectives: "Objective: Every new customer live within 30 days"
    then "Make kickoff calls unnecessary for small accounts", "**Objective:** ..." then "**Turn
    at-risk accounts around**", "- Objective: ..." then "- Stop copy-pasting between tools",
    each over levels of measures: objectives too. A section of health metrics with a subtitle
    beside labelled objectives is not one."""
    text = (
        "# Customer Success — Q2 2025\n\n## Onboarding\n\n"
        "Objective: Every new customer live within 30 days\n"
        "- Median time-to-live from 47 days to 30 days\n- Onboarding CSAT from 4.1 to 4.5\n\n"
        "Make kickoff calls unnecessary for small accounts\n"
        "- Self-serve setup completion from 22% to 55%\n- Kickoff calls from 120 to 40\n\n"
        "## Renewals\n\n**Objective:** No renewal surprises\n"
        "- **KR:** Gross retention forecast within 2 points (last quarter: 7 points)\n\n"
        "**Turn at-risk accounts around**\n- Save rate on red accounts from 25% to 45%\n"
        "- Churned ARR from $1.2M to $700k\n\n## Ops\n\n"
        "- Objective: One source of truth for customer health\n"
        "  - Health score for 100% of accounts (from 60%)\n"
        "- Stop copy-pasting between tools\n  - Manual CSV exports per week from 40 to 5\n"
        "  - Sync lag from 24 h to 15 min\n"
    )
    doc = parse_md(text, path="cs.md")
    assert [o.span.line for o in doc.objectives()] == [5, 9, 15, 18, 24, 26]
    assert len(list(doc.key_results())) == 10
    health = (
        "# OKRs Q1\n\n## Objective 1: Help shoppers find products\n\n"
        "- **KR1** Search sessions that see products from 47% to 52%\n\n"
        "## Health metrics: must not get worse while the KRs move\n\n"
        "- Session conversion: 1.29%\n- Engaged-session share: 90.2%\n"
    )
    doc = parse_md(health, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [3]
    assert [k.span.line for k in doc.key_results()] == [5]


def test_statement_headings_over_measures_in_a_company_page_with_labels() -> None:
    """A company page labels the CEO's key results ("1. CEO KR: ...") and writes each
    department's objectives as plain headings over measured items ("#### Make deploys boring"
    over "- p95 deploy time from 40 to 10 min"): those are objectives too. A heading among an
    objective's parts ("#### Key Results", "#### Timeframe for measurement") is not."""
    text = (
        "# FY25-Q3 OKRs\n\n## CEO: Grow enterprise usage\n\n"
        "1. CEO KR: Increase enterprise ARR from $42M to $55M\n"
        "1. CEO KR: Raise paid seat utilisation from 71% to 80%\n\n"
        "### Engineering (VP Eng: @mwong)\n\n#### Make deploys boring\n"
        "- p95 deploy time from 40 to 10 min\n- Rollback rate below 2% of deploys (currently 6%)\n\n"
        "#### Enterprise features customers actually ask for\n"
        "- Audit-log export used by 50% of enterprise accounts (today 8%)\n"
        "- Time to resolve enterprise-blocking bugs from 19 to 7 days\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [3, 10, 14]
    assert [k.span.line for k in doc.key_results()] == [5, 6, 11, 12, 15, 16]
    parts = (
        "# OKRs 2022\n\n## OKR M1: Validate the vision\n\n#### Key Results\n\n"
        "- Monthly product types per project from 2.1 to 3.0\n\n"
        "#### Timeframe for measurement\n\n"
        "- 50% of initiatives resolved by end of April 2022\n"
        "- 100% of initiatives resolved by end of May 2022\n"
    )
    doc = parse_md(parts, path="okrs.md")
    assert [k.span.line for k in doc.key_results()] == [7]


def test_bold_statement_lines_over_measures_are_objectives_like_headings() -> None:
    """A department's objectives written as bold lines ("**Deploys are boring and frequent**")
    over measured items, after company objectives written as headings: a bold line stands as a
    heading, and is an objective for the same reason. A bold title ending with a colon
    ("**KPI 2 (Conversion Rate):**") over arrows is a section, not an objective."""
    text = (
        "# Q2 OKRs\n\n## Company objectives\n\n### 1. Win the mid-market\n\n"
        "- Net new ARR from $1.1M to $1.8M\n- Trial-to-paid from 9% to 13%\n\n"
        "## Engineering\n\nOwner: Priya\n\n**Deploys are boring and frequent**\n"
        "- Deploy frequency from 3/week to 2/day\n- Change failure rate from 14% to below 5%\n\n"
        "**Incidents are caught by us, not by customers**\n"
        "- 90% of incidents detected by alerting (from 55%)\n"
        "- Mean time to restore from 96 to 30 minutes\n\n"
        "**KPI 2 (Conversion Rate):**\n- Supports OKR1 (faster flow → more conversion)\n"
        "- Supports OKR3 (more conversions → 20% more MAU)\n\n"
        "**Shorten the path from trial to contract**\n- Median cycle 30 days (from 41)\n"
        "- Standard order form used without redlines\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [5, 14, 18, 26]
    assert [k.span.line for k in doc.key_results()] == [7, 8, 15, 16, 19, 20, 27, 28]


def test_team_sections_of_heading_objectives_with_initiatives_and_unmeasured_results() -> None:
    """Each team's section holds objective headings over key results. "Initiatives:" under an
    objective names its work and does not hide it; an objective whose key results are not
    numbers ("### Capacity is never a surprise") is written like the objectives of the other
    teams' sections, and is one. A heading about the method beside them ("### KPIs we report
    but don't own as KRs") is not."""
    text = (
        "# Engineering OKRs 2024\n\n## Identity\n\n"
        "### Login is never the reason someone can't work\n\n"
        "- Login success rate from 93.8% to 98.5%\n- Reset tickets from 1,400 to 400 per month\n"
        "- Passkeys available on web, iOS and Android\n\nInitiatives:\n- WebAuthn UI\n\n"
        "### Enterprise customers manage access themselves\n\n"
        "- SCIM used by 60% of enterprise accounts (from 21%)\n"
        "- Role changes applied in under 60 s for 99% of events\n\n"
        "## Reliability\n\n### Customers don't notice our incidents\n\n"
        "- SEV1 incidents from 14 to 5\n- Downtime minutes from 410k to 100k\n\n"
        "### Capacity is never a surprise\n\n"
        "- Quarterly capacity plan for all tier-1 services\n"
        "- Zero incidents caused by resource exhaustion\n\n"
        "### KPIs we report but don't own as KRs\n\n- Website conversion (3.4%)\n"
        "- Paid CAC payback (14 months)\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [5, 14, 21, 26]
    assert [k.span.line for k in doc.key_results()] == [7, 8, 9, 16, 17, 23, 24, 28, 29]


def test_tracker_keys_named_okr_are_ids_not_talk_about_okrs() -> None:
    """ "### OKR-12 Make card payments succeed" over "- **OKR-12.1** Authorization rate from
    91.5% to 94%": the keys of a tracker whose project is called OKR. They are not lines that
    talk about OKRs, so the file is not taken for a guide."""
    text = (
        "# Payments squad OKRs\n\nTracked in Jira. This file is the readable copy.\n\n"
        "### OKR-12 Make card payments succeed the first time\n\n"
        "- **OKR-12.1** Authorization success rate from 91.5% to 94% `[IN PROGRESS]`\n"
        "- **OKR-12.2** 3DS challenge abandonment from 18% to 11%\n\n"
        "### OKR-13 Merchants get their money faster\n\n"
        "- **OKR-13.1** Median payout time from 3 to 1 days\n"
        "- **OKR-13.2** Payout-related support tickets -30%\n\n"
        "### OKR-14 Reduce fraud losses without hurting good customers\n\n"
        "- **OKR-14.1** Chargeback rate from 0.42% to 0.25%\n"
        "- **OKR-14.2** False-positive blocks from 2.1% to 1.2%\n"
    )
    doc = parse_md(text, path="payments.md")
    assert [o.span.line for o in doc.objectives()] == [5, 10, 15]
    assert [k.span.line for k in doc.key_results()] == [7, 8, 12, 13, 17, 18]


def test_a_table_of_contents_heading_does_not_hold_the_sections_after_it() -> None:
    """ "## Contents" over links ("[Objective 1](#objective-1)", "[O3](#o3)") names the page's
    sections: the deeper objective headings after it are not inside a guide section, and its
    link entries state nothing. "### Out of scope this quarter" is a section of notes."""
    text = (
        "# Insights — Q3 2025 OKRs\n\n## Contents\n\n"
        "1. [Objective 1](#objective-1--dashboards-people-open)\n"
        "2. [O3](#o3-exports-that-finance-trusts)\n3. [KPIs](#kpis)\n\n"
        "### Objective 1 — Dashboards people open on Monday morning\n\n#### Key Results\n\n"
        "- **KR1** Weekly active dashboard viewers from 18% to 30% of seats\n"
        "- **KR2** Median dashboard lifetime from 9 to 45 days\n\n"
        "### O3. Exports that Finance trusts\n\n#### Key Results\n\n"
        "- **KR1** Export job success rate from 97.2% to 99.9%\n"
        "- **KR2** Finance signs off the export spec\n\n"
        "### Out of scope this quarter\n\n- Embedded analytics\n- Mobile dashboards\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [9, 16]
    assert [k.span.line for k in doc.key_results()] == [13, 14, 20, 21]


def test_a_retro_states_its_graded_okrs_only_under_scores() -> None:
    """A grading retro ("## Scores" > "### O1: The app feels fast — 0.5" over its graded key
    results) states its OKRs only there: they are the page's OKRs. Where the page states them
    above, labels under a notes heading are remarks about them."""
    retro = (
        "# Q4 OKR retro — Mobile team\n\n## Scores\n\n"
        "### O1: The app feels fast on cheap Android phones — 0.5\n\n"
        "- Cold start from 4.8 s to 2.0 s → **0.6** (we got to 2.9 s)\n"
        "- App size under 30 MB → **0.5** (34 MB)\n\n"
        "### O2: Offline mode people actually rely on — 0.8\n\n"
        "- 30% of weekly users open a saved item offline (from 9%) → **0.7**\n\n"
        "## What we'd change\n\n- O2 was too easy; next time aim higher\n"
    )
    doc = parse_md(retro, path="retro.md")
    assert [o.span.line for o in doc.objectives()] == [5, 10]
    assert [k.span.line for k in doc.key_results()] == [7, 8, 12]
    restated = (
        "# Q4 OKRs\n\n## O1: The app feels fast\n\n- Cold start from 4.8 s to 2.0 s\n\n"
        "## Scores\n\n### O1: The app feels fast — 0.5\n\n- Cold start → 0.6\n"
    )
    doc = parse_md(restated, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [3]


def test_a_template_with_key_result_slots_is_read_not_taken_for_a_guide() -> None:
    """ "- [ ] [Key result]" under "## Objective 1: [Objective]": slots where statements go.
    They name a key result without talking about OKRs, so the template is read and the
    placeholder rule can speak."""
    text = (
        "# [Team name] OKRs — [Quarter YYYY]\n\n**Owner:** [Name]\n\n"
        "## Objective 1: [Objective]\n\n- [ ] [Key result]\n- [ ] [Key result]\n"
        "- [ ] [Key result]\n\n## Objective 2: [Objective]\n\n- [ ] [Key result]\n"
        "- [ ] [Key result]\n- [ ] {{KEY_RESULT}}\n"
    )
    doc = parse_md(text, path="okr-template.md")
    assert [o.span.line for o in doc.objectives()] == [5, 11]
    assert [k.span.line for k in doc.key_results()] == [7, 8, 9, 13, 14, 15]


def test_a_statement_heading_with_its_fields_and_initiatives_over_measures() -> None:
    """A Notion export: "## Product teams run their own services" over "Owner:" and "Status:"
    fields, its measured checkboxes and an "- Initiatives" item with the work under it. The
    fields and the initiatives are the objective's own parts: they neither hide it nor count
    as unmeasured key results."""
    text = (
        "# Platform OKRs — 2025 H1\n\nCycle: H1 2025\n\n"
        "## Product teams run their own services\n\nOwner: @Mei Lin\nStatus: At risk\n\n"
        "- [ ]  8 of 11 product teams on call for their own services (today: 2)\n"
        "- [ ]  Time to create a new service from 3 days to 1 hour\n"
        "- [ ]  Platform ticket queue from 140 open to under 40\n\n"
        "- Initiatives\n    - [ ]  Service template v2\n    - [ ]  On-call training\n"
    )
    doc = parse_md(text, path="platform.md")
    assert [o.span.line for o in doc.objectives()] == [5]
    assert [k.span.line for k in doc.key_results()] == [10, 11, 12]


def test_a_google_docs_export_with_decimal_key_results() -> None:
    """A Google Docs export: "**1\\. Objective: ****Make ...**" (the "****" leaves a marker
    with no partner), then its key results as paragraphs numbered "1.1", "1.2": they are its
    key results, up to the next objective; a lone "1.1" line with nothing after it is not a
    run."""
    text = (
        "**Q3 2024 Marketing OKRs**\n\n"
        "**1\\. Objective: ****Make organic search our biggest pipeline source**\n\n"
        "1.1 Organic sessions to product pages from 41k to 70k per month\n\n"
        "1.2 Pipeline sourced from organic from $0.9M to $1.6M\n\n"
        "**2\\. Objective: ****Cut paid acquisition cost without losing volume**\n\n"
        "2.1 Blended CAC from $1,940 to $1,400\n\n2.2 Keep MQL volume at \\>= 900/month\n\n"
        "**3\\. Objective: Turn customers into our loudest channel**\n\n"
        "3.1 Referral program live in app by Aug 15\n\n**Budget split**\n"
    )
    doc = parse_md(text, path="okrs.md")
    objectives = list(doc.objectives())
    assert [o.span.line for o in objectives] == [3, 9, 15]
    assert objectives[0].text == "Make organic search our biggest pipeline source"
    krs = list(doc.key_results())
    assert [k.span.line for k in krs] == [5, 7, 11, 13]
    assert krs[0].text == "Organic sessions to product pages from 41k to 70k per month"


def test_bold_categories_under_statement_headings_group_key_results() -> None:
    """No labels, a title that says OKRs: "### Nothing pages us at night unless a customer is
    hurt" over "**Reliability**" over numbered key results. The statement heading is the
    objective and the bold name a category of its key results, not the other way round."""
    text = (
        "# Infra — OKRs for Q2 2025\n\n### Nothing pages us at night unless a customer is hurt"
        "\n\n**Reliability**\n\n1. Out-of-hours pages from 31 to under 8 per month\n\n"
        "**Noise**\n\n3. Delete the 50 noisiest alerts\n\n"
        "### Kubernetes upgrades are a non-event\n\n**Process**\n\n"
        "1. Cluster upgrades run from a pipeline\n\n**Cost**\n\n"
        "3. Idle node capacity from 38% to 15%\n\n### Developers get a database in minutes\n\n"
        "1. Self-serve Postgres in under 10 min\n\n2. 50% of new services use it\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [3, 13, 23]
    assert [k.span.line for k in doc.key_results()] == [7, 11, 17, 21, 25, 27]


def test_a_table_of_key_results_after_a_labelled_objective_line_is_its_own() -> None:
    """ "## Operations" > "**Objective:** Make the last mile predictable" then a "| KR |
    Baseline | Target |" table: the table's key results belong to the labelled objective
    before it; the department heading is not an objective that holds them, and its change
    log is not one either."""
    text = (
        "# FY26 OKRs\n\n## Operations\n\n**Objective:** Make the last mile predictable\n"
        "Supports: A\n\n| KR | Baseline | Target |\n|---|---|---|\n"
        "| Route plans that hold within 10 min | 71% | 90% |\n"
        "| Depot dwell time per van | 38 min | 20 min |\n\n"
        "## Finance\n\n**Objective:** Know our unit economics per lane, every week\n\n"
        "| KR | Baseline | Target |\n|---|---|---|\n| Month-end close | 9 days | 5 days |\n\n"
        "### Change log\n\n- 1.3 — C3 target deferred\n- 1.2 — first published\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [5, 15]
    assert [k.span.line for k in doc.key_results()] == [10, 11, 19]


def test_emphasised_categories_after_a_labelled_objective_line() -> None:
    """ "**Objetivo: ...**" then "*Adquisición*" and "*Retención*", each over two key results:
    categories of the objective's key results, not objectives written like it. A lead-in with
    a colon ("**Roadmap:**") over steps is not a category of key results."""
    text = (
        "# Objetivos del equipo de Producto\n\n"
        "**Objetivo: Que las tiendas de barrio usen la app todos los días**\n\n"
        "*Adquisición*\n- [ ] 2.000 tiendas nuevas activas (hoy 650)\n"
        "- [ ] Costo de adquisición de $38.000 a $22.000 COP\n\n"
        "*Retención*\n- [ ] Ventas 5 de 7 días: del 31 % al 50 %\n"
        "- [ ] Abandono al día 30 del 44 % al 30 %\n\n"
        "**Objetivo: Pagos sin efectivo en la tienda**\n\n**Roadmap:**\n- [ ] Abril: Nequi\n"
        "- [ ] Mayo: Daviplata\n"
    )
    doc = parse_md(text, path="objetivos.md")
    assert [o.span.line for o in doc.objectives()] == [3, 13]
    assert [k.span.line for k in doc.key_results()] == [6, 7, 10, 11]


def test_a_slot_in_brackets_at_the_end_is_the_value_not_a_tag() -> None:
    """ "Increase test coverage to [TBD]": "[TBD]" is the value left to fill in, kept in the
    statement for the placeholder rule; "[P1]" at the end is a tag."""
    text = (
        "# OKRs\n\n## Objective: Ship with confidence\n\n- KR: Increase test coverage to [TBD]\n"
        "- KR: Cut flaky tests from 40 to 5 [P1]\n"
    )
    krs = list(parse_md(text, path="okrs.md").key_results())
    assert [k.text for k in krs] == [
        "Increase test coverage to [TBD]",
        "Cut flaky tests from 40 to 5",
    ]


def test_fields_under_a_key_result_and_supporting_projects_are_not_statements() -> None:
    """ "- No volunteer works more than 12 shifts a month" over "  - Owner: ...": a key result
    with its field, not the objective of a cascade. "支撑项目：" (supporting projects) names the
    initiatives under it, not key results."""
    text = (
        "# 2025 OKRs\n\n## A volunteer base that doesn't burn out\n\n"
        "- Active volunteers from 140 to 220\n  - Owner: Volunteer Coordinator\n"
        "- No volunteer works more than 12 shifts a month\n  - Owner: Volunteer Coordinator\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [3]
    assert [k.span.line for k in doc.key_results()] == [5, 7]
    zh = (
        "# 2025 Q2 OKR\n\n### 目标一：让新用户在第一天就用起来\n\n关键结果：\n\n"
        "KR1：新用户首日激活率从 28% 提升到 40%\nKR2：首周留存率从 35% 提升到 45%\n\n"
        "支撑项目：\n\n- 注册页改版（5月上线）\n- 新手任务体系\n"
    )
    doc = parse_md(zh, path="okr.md")
    assert [k.span.line for k in doc.key_results()] == [7, 8]


def test_a_bold_examples_title_starts_a_section_of_examples() -> None:
    """Bold lines standing as headings: "**OKR Examples by Product Area**" starts a section of
    examples, so the labelled objectives after it are not the page's. "**Example**:" before a
    quote introduces that quote only."""
    text = (
        "# Product team OKRs\n\n**Objective**: Make onboarding effortless\n\n"
        "**Key Results**:\n- Activation from 30% to 45%\n\n"
        "**Example**:\n> Close 5 enterprise customers.\n\n"
        "**Objective**: Grow revenue from enterprise teams\n\n**Key Results**:\n"
        "- Enterprise ARR from $1M to $2M\n\n---\n\n**OKR Examples by Product Area**\n\n"
        "**Growth OKRs**\n\n**Objective**: Accelerate user acquisition\n\n**Key Results**:\n"
        "- Increase DAU from 50K to 100K\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [3, 11]
    assert [k.span.line for k in doc.key_results()] == [6, 14]


def test_bold_titles_over_lines_after_hard_breaks() -> None:
    """A goals file with no labels: "**Make on-call boring.**" then one measure a line, joined
    by hard line breaks (two trailing spaces). The bold title heads the lines after it: an
    objective over its key results, as a heading over one-line paragraphs is."""
    text = (
        "# SRE goals, Q3 2025\n\nEach goal is followed by how we'll measure it.\n\n"
        "**Make on-call boring.**  \nPages per week fall from 23 to under 8.  \n"
        "Mean time to acknowledge drops from 11 minutes to 4 minutes.  \n"
        "No engineer is paged out of hours more than twice a week.\n\n"
        "**Let product teams ship without asking us.**  \n"
        "Time to first deploy drops from 9 days to 1 day.  \n"
        "Self-service databases used for at least 20 new databases.\n"
    )
    doc = parse_md(text, path="q3-goals.md")
    assert [o.span.line for o in doc.objectives()] == [5, 10]
    assert [k.span.line for k in doc.key_results()] == [6, 7, 8, 11, 12]


def test_a_lead_in_between_a_statement_heading_and_its_measures() -> None:
    """ "# Platform team OKRs — FY26 Q2" > "### 1. Deploys are a non-event" > "**Why:** ..." and
    "**How we'll know:**" over measured items: the lead-in stands between the objective and
    its key results. The title says OKRs and the results are measured: an OKR document."""
    text = (
        "# Platform team OKRs — FY26 Q2\n\n### 1. Deploys are a non-event\n\n"
        "**Why:** Deploys still cause incidents.\n\n**How we'll know:**\n\n"
        "- Change failure rate from 14% to 5%\n- Median deploys per week from 1.5 to 5\n\n"
        "**Not doing:** canary analysis.\n\n"
        "### 2. Engineers get a working dev environment in minutes\n\n**How we'll know:**\n\n"
        "- Setup time from ~2 days to under 1 hour\n- Broken environments from 46% to 15%\n"
    )
    doc = parse_md(text, path="platform.md")
    assert [o.span.line for o in doc.objectives()] == [3, 14]
    assert [k.span.line for k in doc.key_results()] == [9, 10, 18, 19]


def test_bold_statement_items_over_measured_items_under_a_team_heading() -> None:
    """ "### Search & Discovery" > "Team lead: ..." > "1. **Customers find the product they
    meant on the first try** [E2]" over numbered measures: bold items standing as objectives
    over their key results. "Team lead:" is the section's owner."""
    text = (
        "# Engineering OKRs — FY26 Q1\n\n## Objective E1: Customers trust every release\n\n"
        "- KR: Change failure rate from 14% to 5%\n\n## Team OKRs\n\n### Search & Discovery\n\n"
        "Team lead: Hamid Rahimi\n\n"
        "1. **Customers find the product they meant on the first try** [E2]\n"
        "   1. Searches followed by an add-to-cart from 22% to 28%\n"
        "   2. Zero-result rate from 9% to 4%\n"
        "2. **Browsing feels personal, not random** [E3]\n"
        "   1. Click-through on home modules from 3.1% to 5%\n"
        "   2. Cost per 1,000 requests from $0.42 to $0.25\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [3, 13, 16]
    assert [k.span.line for k in doc.key_results()] == [5, 14, 15, 17, 18]


def test_tables_with_a_key_result_column_name_their_key_results() -> None:
    """A team scorecard (not named for OKRs): statement headings over tables whose column is
    called "Key result". The column names what its rows hold, as a "KR:" label would; a
    "Metric" column would not be enough."""
    text = (
        "# Search team scorecard — Q1 2026\n\n## A. Search that finds what people meant\n\n"
        "| Key result | Baseline → Target | Now |\n|---|---|---|\n"
        "| Zero-result searches | 14% → 6% | 9% |\n| Click-through on first result | 31% → 45% | 36% |"
        "\n\n## B. Search is fast everywhere\n\n| Key result | Baseline → Target | Now |\n"
        "|---|---|---|\n| p95 latency, EU | 820ms → 300ms | 340ms |\n"
    )
    doc = parse_md(text, path="scorecard.md")
    assert [o.span.line for o in doc.objectives()] == [3, 10]
    assert [k.span.line for k in doc.key_results()] == [7, 8, 14]
    metrics = text.replace("| Key result |", "| Metric |")
    assert not parse_md(metrics, path="scorecard.md").has_okrs


def test_italian_rc_labels_dutch_fields_and_learnings_sections() -> None:
    """ "RC1 - ..." (risultato chiave) under "### Obiettivo 1" is a key result; alone, in a
    release plan, "RC1:" is a release candidate. "Nulmeting:" and "Streefwaarde:" are a Dutch
    key result's baseline and target, and "### Aprendizados" holds notes, not key results."""
    italian = (
        "# Obiettivi e risultati chiave — Q2 2026\n\n### Obiettivo 1\n\n"
        "Rendere l'acquisto da smartphone semplice come da computer\n\n"
        "RC1 - Tasso di conversione mobile dall'1,1% al 2,0%\n\n"
        "RC2 - Abbandoni alla pagina di pagamento dal 38% al 20%\n"
    )
    doc = parse_md(italian, path="obiettivi.md")
    assert [k.span.line for k in doc.key_results()] == [7, 9]
    release = "# Release plan\n\n- RC1: feature freeze on May 3\n- RC2: docs complete\n"
    assert not parse_md(release, path="release.md").has_okrs
    dutch = (
        "# OKR's team Zorgplanning – Q3 2025\n\n"
        "Cliënten weten altijd wie er komt en wanneer:\n"
        "- Bezoeken waarvan de cliënt vooraf is geïnformeerd\n"
        "  - Nulmeting: 40%\n  - Streefwaarde: 85%\n"
        "- Klachten over onaangekondigde wisselingen van 22 naar 8 per maand\n\n"
        "### Aprendizados\n\n- KR2: a meta foi definida cedo demais.\n"
    )
    doc = parse_md(dutch, path="okrs.md")
    (kr, _) = doc.key_results()
    assert (kr.metadata["baseline"], kr.metadata["target"]) == ("40%", "85%")
    assert [k.span.line for k in doc.key_results()] == [4, 7]
    # The objective lines beside it, over their measures ("van 14 naar 5 uur"), are objectives
    # too, as the one found over its baseline and target lines is.
    more = dutch.replace(
        "\n### Aprendizados",
        "\nPlanners besteden minder tijd aan puzzelen:\n"
        "- Tijd per week aan roosters van 14 naar 5 uur\n- 90% van de roosters definitief\n"
        "\n### Aprendizados",
    )
    doc = parse_md(more, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [3, 9]


def test_a_heading_over_labelled_key_results_under_an_objective_is_a_section() -> None:
    """ "## 目標1：..." > "### 主要な成果（KR）" (or any heading, "### Proof points") over "- KR1："
    items: the labelled key results are the objective's, the heading a section of it, not an
    objective of a cascade."""
    text = (
        "# 2026年上期 OKR\n\n## 目標1：導入後30日で全員が使いこなせる状態をつくる\n\n"
        "### 主要な成果（KR）\n- KR1：アクティブ率を48%から75%に引き上げる\n"
        "- KR2：平均日数を21日から10日に短縮する\n\n"
        "## Objective 2: Support that answers before anyone asks\n\n### Proof points\n"
        "- KR1: Self-service resolution from 20% to 45%\n"
    )
    doc = parse_md(text, path="okr.md")
    assert [o.span.line for o in doc.objectives()] == [3, 9]
    assert [k.span.line for k in doc.key_results()] == [6, 7, 12]
    # A team's objective heading over labelled key results, under a company objective, is a
    # cascade; a table of contents that lists the labelled objectives states none.
    cascade = (
        "# Engineering OKRs\n\n## Contents\n\n- [O1: Customers run us in production](#o1)\n\n"
        "### Company objective: Customers run us in production without calling us\n\n"
        "#### Core Platform: Tenancy isolation that passes a bank's security review\n"
        "- KR: Noisy-neighbour incidents from 6 to 0\n"
    )
    doc = parse_md(cascade, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [7, 9]


def test_a_past_periods_review_table_is_notes() -> None:
    """ "## Bilan T4 2025 (pour mémoire)" over "| Objectif | Note |": last quarter's grades,
    kept for the record, not this quarter's objectives."""
    text = (
        "# OKR équipe Data — T1 2026\n\n## Objectif 1 : Des données fiables chaque matin\n\n"
        "Résultats clés :\n\n- [ ] Chargements en échec de 12 à 2 par mois\n\n"
        "## Bilan T4 2025 (pour mémoire)\n\n| Objectif | Note |\n|---|---|\n"
        "| Fiabiliser les chargements nocturnes | 0,8 |\n"
    )
    doc = parse_md(text, path="okr.md")
    assert [o.span.line for o in doc.objectives()] == [3]


def test_plain_goal_lines_and_soft_wrapped_decimal_results_in_a_handbook() -> None:
    """A handbook page that says OKRs: a plain line written as a goal over measured items is an
    objective; "1.1", "1.2" lines after "**Objective 1.** ..." are its key results, one a line,
    even when each line is long enough to look like wrapped prose."""
    text = (
        "# Company OKRs — H1 2026\n\n### Sales and Marketing\n\n"
        "Win the mid-market shippers who are outgrowing spreadsheets [3]\n"
        "- Win rate on qualified mid-market opportunities from 19% to 28%\n"
        "- Average sales cycle for mid-market from 74 days to 45 days\n\n### Product\n\n"
        "**Objective 1.** Shippers can do everything for a shipment from one screen\n\n"
        "1.1 Share of shipments booked and paid without leaving the shipment page from 35% to 70%\n"
        "1.2 Task success rate in the quarterly usability benchmark went from 62% to 85%\n"
        "1.3 Support tickets tagged where do I find from 520 to 200 per month\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [5, 11]
    assert [k.span.line for k in doc.key_results()] == [6, 7, 13, 14, 15]


def test_a_callout_title_over_a_list_stands_as_a_bold_line() -> None:
    """ "> 🎯 **The app is the best way to shop with us** [E2]" then a list of measures: a block
    quote used as a callout title is the section's bold line, here an objective over its key
    results. A quote of prose is not."""
    text = (
        "# Engineering OKRs — FY26 Q1\n\n### Mobile\n\nTeam lead: Chloé Martin\n\n"
        "> 🎯 **The app is the best way to shop with us** [E2]\n\n"
        "- App conversion rate from 2.3% to 3.0%\n- App Store rating from 4.2 to 4.6\n\n"
        "> We wrote these in the January offsite and will revisit them in March.\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [7]
    assert [k.span.line for k in doc.key_results()] == [9, 10]


def test_a_definition_list_of_objective_and_key_results() -> None:
    """kramdown definition lists: the term "Objective" over ": Make invoicing boring", the term
    "Key results" over one ": ..." line per key result; "Owner" over ": Keiko T." is not one."""
    text = (
        "# FinOps OKRs 2025 Q4\n\n## Block 1\n\nObjective\n"
        ": Make invoicing so boring nobody talks about it\n\nKey results\n"
        ": Invoices sent by the 2nd working day (today: day 6)\n"
        ": Invoice corrections from 4.1% to under 1%\n\nOwner\n: Keiko T.\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [6]
    assert [k.span.line for k in doc.key_results()] == [9, 10]


def test_an_epic_line_between_an_objective_heading_and_its_list_is_a_field() -> None:
    """ "### 1. CEO: Grow net new ARR" > "Epic: [company&412](...) · DRI: @ceo" > the measured
    list: the epic line says where the work is tracked (a field); the list is the heading's."""
    text = (
        "# FY26-Q3 OKRs\n\n## CEO OKRs\n\n### 1. CEO: Grow net new ARR to fund the FY27 plan\n\n"
        "Epic: [company&412](https://gitlab.example.com/groups/company/-/epics/412) · DRI: @ceo\n\n"
        "- Close $14.5M net new ARR in Q3 => 61% 🟡\n"
        "- Raise the self-serve share of net new ARR from 18% to 25%\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [5]
    assert [k.span.line for k in doc.key_results()] == [9, 10]


def test_a_strategy_docs_goal_and_metric_table_is_not_okrs() -> None:
    """ "| Goal | Metric | 2024 | 2027 target |" in an engineering strategy: goals and their
    measures, not an OKR set (both column names are weak). In a file that says OKRs the same
    table is read; "| Objective | Key result |" pairs them anywhere."""
    text = (
        "# Engineering Strategy 2025–2027\n\n## 4. Goals\n\n"
        "| Goal | Metric | 2024 | 2027 target |\n| ---- | ------ | ---- | ---- |\n"
        "| Ship continuously | Deploys per day | 0.4 | ≥ 20 |\n"
        "| Fail small | Change failure rate | 18% | ≤ 8% |\n"
    )
    assert not parse_md(text, path="strategy.md").has_okrs
    assert parse_md(text.replace("Strategy", "OKRs"), path="okrs.md").has_okrs
    paired = text.replace("| Goal | Metric |", "| Objective | Key result |")
    assert parse_md(paired, path="strategy.md").has_okrs


def test_bounds_are_measures_under_a_statement_heading() -> None:
    """ "### 2. Stay cash-efficient" over "- Gross margin ≥ 70%" and "- Burn multiple below 1.0":
    a bound on a measure ("≥ 70%", "below 1.0", "zero", "at least 3") is a level as much as "from
    3 to 5" is, so the heading is an objective over its key results."""
    text = (
        "# Company OKRs\n\n## Company objectives\n\n### 1. Become the tool support teams open first\n\n"
        "- Weekly active agents from 4,100 to 5,600\n- Agent satisfaction ≥ 4.4\n\n"
        "### 2. Stay cash-efficient while we grow\n\n- Burn multiple below 1.0\n"
        "- At least 3 months of runway added\n- Zero unplanned price changes\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [5, 10]
    assert [k.span.line for k in doc.key_results()] == [7, 8, 12, 13, 14]


def test_an_owners_objective_heading_over_its_measures() -> None:
    """ "### Customer Care: Answer before customers ask twice" over measured items: the owner's prefix
    names who holds the objective; the heading is still a statement over its key results."""
    text = (
        "# Q2 OKRs\n\n## Company\n\n### Objective: Customers renew without a discount\n"
        "- KR: Gross retention from 88% to 92%\n\n"
        "## Customer care\n\n### Customer Care: Answer before customers ask twice\n"
        "- Median first reply under 2 hours\n- Reopened tickets ≤ 6%\n- 1,200 macros reviewed\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [(o.span.line, o.text) for o in doc.objectives()] == [
        (5, "Customers renew without a discount"),
        (10, "Answer before customers ask twice"),
    ]
    assert [k.span.line for k in doc.key_results()] == [6, 11, 12, 13]


def test_owners_items_over_measures_are_objectives_in_a_cascade() -> None:
    """A company objective's list mixes its own key results ("Company KR: ...") with each
    department's objective ("Sales: Build ...") over that department's measures; numbered items
    "Ops - Billing: ..." under a function's heading do the same. One owner's item over measures
    makes its sisters that hold items objectives too (a department with one key result)."""
    text = (
        "# FY27 strategy and OKRs\n\n"
        "1. **Win the mid-size clinics market**\n"
        "   * Company KR: 60 new clinic groups, up from 35\n"
        "   * Sales: Build a repeatable clinic-group sales motion\n"
        "     * Sales cycle under 90 days\n"
        "     * Win rate past the demo ≥ 30%\n"
        "   * Product: Pass every procurement review the first time\n"
        "     * Security questionnaires answered in 3 days, from 11\n\n"
        "## Function goals\n\n"
        "1. Ops - Billing: Invoices that nobody has to correct ↳ C1\n"
        "   1. Invoice corrections below 1% of invoices\n"
        "   1. Zero duplicate charges in the monthly audit\n"
        "      1. Add idempotency keys to the charge job\n"
        "1. Ops - People: Hire the plan without lowering the bar\n"
        "   1. 20 of 22 planned hires accepted\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [3, 5, 8, 13, 17]
    assert [k.span.line for k in doc.key_results()] == [4, 6, 7, 9, 14, 15, 18]
    owners = [o.metadata.get("owner") for o in doc.objectives()]
    assert owners[1:] == ["Sales", "Product", "Ops - Billing", "Ops - People"]


def test_a_note_between_a_statement_heading_and_its_measures() -> None:
    """ "#### Ship the new checkout without growing the bug backlog" > "Supports company
    objective 2." > the measured list: the note sits between the objective and its key
    results. A team section called "Development" among team sections that hold objectives is a
    team's, not a README's "Development" section."""
    text = (
        "# Q1 OKRs\n\n## Engineering\n\n### Development\n\n"
        "#### Ship the new checkout without growing the bug backlog\n\n"
        "Supports company objective 2.\n\n"
        "* Checkout errors per 1,000 orders under 2\n* Open P1 bugs stay at or below 40\n\n"
        "### Infrastructure\n\n#### Keep the shop up through the sale season\n\n"
        "* Availability ≥ 99.95% every month\n* Zero outages caused by capacity\n\n"
        "### Security\n\n#### Customers trust us with their card data\n\n"
        "* PCI audit findings from 7 to 0\n* Critical fixes shipped within 14 days\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [7, 16, 23]
    assert [k.span.line for k in doc.key_results()] == [11, 12, 18, 19, 25, 26]


def test_a_numbered_sister_heading_of_an_objective_is_one() -> None:
    """ "### G2. Partners become a real channel" beside "### G1. ..." (an objective over measures)
    under the same heading: written the same way, so an objective too, though only one of its
    key results has a number; counts of things ("3 partner-led deals") are measures."""
    text = (
        "# Sales OKRs\n\n## Global\n\n### G1. Make the enterprise motion repeatable\n"
        "* Enterprise win rate ≥ 28%\n* Each region closes at least 2 six-figure deals\n\n"
        "### G2. Partners become a real channel\n* 20% of new ARR partner-sourced\n"
        "* Partner portal live with deal registration\n* Enablement deck refreshed\n\n"
        "## EMEA\n\n1. EMEA: Win the public sector framework\n"
        "   1. Shortlisted on the federal tender by December 15\n"
        "   2. Two public-sector pilots signed\n"
        "   3. 4 reference customers in government\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [5, 9, 16]
    assert [k.span.line for k in doc.key_results()] == [6, 7, 10, 11, 12, 17, 18, 19]


def test_a_heading_that_names_kpis_over_measures_is_not_an_objective() -> None:
    """ "## KPIs we report but don't own as KRs" over "- Paid CAC payback (14 months)": the
    section names metrics the team watches, written about the method; not an objective."""
    text = (
        "# Growth Q2\n\n## Objective 1 - Make the first week feel effortless\n\n"
        "- Day-7 retention from 41% to 48%\n- Onboarding NPS ≥ 40\n\n"
        "## KPIs we report but don't own as KRs\n\n- Website signup conversion (3.4%)\n"
        "- Paid CAC payback (14 months)\n- Gross margin (71%)\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [3]
    assert [k.span.line for k in doc.key_results()] == [5, 6]


def test_decimal_results_after_a_sponsor_line() -> None:
    """ "**Win the clinics market.**" > "Executive sponsor: Ana (CRO)" > "1.1 ...", "1.2 ...": the
    sponsor line is the objective's owner field; the numbered lines are its key results."""
    text = (
        "# Q3 company OKRs\n\n### Objective 1\n\n**Win the clinics market in Iberia.**\n\n"
        "Executive sponsor: Ana Ruiz (CRO)\n\n"
        "1.1 Grow clinic ARR from $1.2M to $1.8M\n1.2 Sign 6 reference clinics\n"
    )
    doc = parse_md(text, path="okrs.md")
    [objective] = doc.objectives()
    assert objective.span.line == 5 and objective.metadata["owner"] == "Ana Ruiz (CRO)"
    assert [k.span.line for k in doc.key_results()] == [9, 10]


def test_a_scoped_objective_column_beside_a_parent_code_column() -> None:
    """ "| Company objective | Team | Team objective | Key result |": the column whose cells are
    statements holds the objectives; "O1" in the other points at a parent."""
    text = (
        "# Q3 OKRs\n\n| Company objective | Team | Team objective | Key result |\n"
        "|---|---|---|---|\n"
        "| O1 | Sales | Build a repeatable clinic sales motion | 40 qualified demos a month |\n"
        "| | | | Win rate ≥ 30% |\n"
        "| O2 | Care | Help clinics before they ask | First reply under 1 hour |\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.text for o in doc.objectives()] == [
        "Build a repeatable clinic sales motion",
        "Help clinics before they ask",
    ]
    assert [k.span.line for k in doc.key_results()] == [5, 6, 7]


def test_numbered_lines_inside_an_objective_item_are_its_key_results() -> None:
    """ "1. **Ship faster**" with "1.1 ...", "1.2 ..." on the item's next lines (no list marker,
    so Markdown joins them to the item): each numbered line is a key result; "2.5 times" going
    on in a sentence is not a number of its own."""
    text = (
        "# 2024 engineering OKRs\n\n1. **Ship faster without breaking things**\n"
        "   1.1 Lead time from 2 days to 4 hours\n   1.2 Change failure rate at or below 10%\n"
        "2. **Customers should not notice our migrations**\n"
        "   2.1 Zero data-loss incidents\n   2.2 API availability at 99.95% monthly\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [3, 6]
    assert [k.text for k in doc.key_results()] == [
        "Lead time from 2 days to 4 hours",
        "Change failure rate at or below 10%",
        "Zero data-loss incidents",
        "API availability at 99.95% monthly",
    ]


def test_an_appendix_of_team_okrs_is_not_a_notes_section() -> None:
    """ "## Appendix: team OKRs for Q1" holds the teams' OKRs; "## Appendix: glossary" is notes."""
    text = (
        "# Engineering OKRs 2024\n\n## Objective: Ship faster\n\n- KR: Lead time under 1 day\n\n"
        "## Appendix: team OKRs for Q1 2024\n\n### DX-1 Make code review stop being the bottleneck\n\n"
        "* Median time to first review under 4 hours\n* 90% of PRs under 400 lines\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [3, 9]
    assert [k.span.line for k in doc.key_results()] == [5, 11, 12]


def test_a_numbered_objective_label_over_its_text_and_a_list() -> None:
    """ "### Objective 1" > "Become the reference for ..." > "Supports: ..." > the list: the
    label names one objective, stated in the paragraph under it; the list holds its key
    results (not a group of objectives, as under "### Objectives")."""
    text = (
        "# Marketing OKRs\n\n### Objective 1\n\nBecome the reference for clinic software in Spain.\n\n"
        'Supports: Company objective "Win Iberia".\n\n'
        "* Share of voice from 8% to 15%\n  * Progress: 11%\n* 3 customer stories published\n"
    )
    doc = parse_md(text, path="okrs.md")
    [objective] = doc.objectives()
    assert objective.span.line == 5
    assert [k.span.line for k in doc.key_results()] == [9, 11]
    assert next(doc.key_results()).metadata["progress"] == "11%"


def test_a_parent_reference_after_a_bold_objective_item() -> None:
    """ "* **Make paid work again** (supports Objective 2)" over measures: the bold part is the
    objective and the parenthesis names its parent; "↳ C2" and "(→ Eng 1)" do the same."""
    text = (
        "# Marketing team OKRs\n\n## Demand generation\n\n"
        "* **Make paid work again** (supports Objective 2)\n"
        "  * Cost per SQL from $1,900 to $1,200\n  * Paid-sourced pipeline $1.5M\n"
        "* **Events that pay for themselves** ↳ C3\n"
        "  * Each event returns ≥ 3× its cost\n  * Run 6 regional roundtables\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [(o.text, o.metadata.get("parent")) for o in doc.objectives()] == [
        ("Make paid work again", "Objective 2"),
        ("Events that pay for themselves", "C3"),
    ]
    assert [k.span.line for k in doc.key_results()] == [6, 7, 9, 10]


def test_a_short_heading_numbered_like_its_sister_objective() -> None:
    """ "#### AM2. Mid-market velocity" beside "#### AM1. Land the banking beachhead" (an
    objective over measures): numbered with the same code, a short name is an objective too."""
    text = (
        "# Sales OKRs\n\n## Global\n\n### Objective: Grow enterprise revenue\n"
        "- KR: ARR from $4M to $6M\n\n"
        "## Americas\n\n#### AM1. Land the banking beachhead (supports G1)\n"
        "- 4 new logos in banking with ACV ≥ $150k\n- Security reviews answered in under 5 days\n\n"
        "#### AM2. Mid-market velocity\n"
        "- Median mid-market cycle under 40 days\n- Reseller program live\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [5, 10, 14]
    assert [k.span.line for k in doc.key_results()] == [6, 11, 12, 15, 16]


def test_a_why_section_inside_an_objective_holds_its_key_results() -> None:
    """ "## O1. ..." > "### Why this matters" > a paragraph > "**Outcome KRs**" > the list: the
    "why" heading is a part of the objective, not a guide's section; "Outcome KRs" names the key
    results (one of them already read by its own baseline and target lines)."""
    text = (
        "# People team OKRs\n\n## O1. Managers are equipped to lead their teams\n\n"
        "### Why this matters\n\nHalf of our managers are new to the role.\n\n**Outcome KRs**\n\n"
        "- Manager effectiveness score from 3.7 to 4.1\n  - Baseline: 3.7\n  - Target: 4.1\n"
        "- 90% of new managers finish the foundations course\n"
        "- Regretted attrition at or below company average\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [3]
    assert [k.span.line for k in doc.key_results()] == [11, 14, 15]


def test_measured_by_over_a_list_under_an_objective() -> None:
    """ "### PLAT-O1 — ..." > "Parent: ..." > "Measured by:" over a list: the list holds the
    objective's key results (the label does not give the objective an empty measure field)."""
    text = (
        "# Platform OKRs\n\n## Group objectives\n\n"
        "### PLAT-O1 — Developers get a working environment in minutes\n\n"
        'Parent: ENG-O1 "Developer velocity"\n\nMeasured by:\n\n'
        "- First PR on day 1 for new engineers\n- Setup time under 15 minutes (p75)\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [5]
    assert [k.span.line for k in doc.key_results()] == [11, 12]


def test_bold_items_numbered_with_one_code_are_sister_objectives() -> None:
    """ "- **CO1 — Expand in enterprise.**" over measures is an objective; "**CO2 — ...**" and
    "**CO3 — ...**" beside it, written the same way, are objectives too, though their key
    results are fewer or not numbers."""
    text = (
        "# Product OKRs\n\nThe company objectives are:\n\n"
        "- **CO1 — Expand in enterprise.**\n  - Enterprise ARR +35% YoY\n"
        "  - 12 new logos with > $250k ACV\n"
        "- **CO2 — Be the most trusted platform in our category.**\n"
        "  - FedRAMP authorisation in process\n  - Customer trust survey published\n"
        "- **CO3 — Operate efficiently.**\n  - Operating margin from -8% to -2%\n\n"
        "## Product department\n\n### Objective: Admins of large organisations love us\n"
        "- KR: Admin NPS from 21 to 40\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [5, 8, 11, 16]
    assert [k.span.line for k in doc.key_results()] == [6, 7, 9, 10, 12, 17]


def test_a_label_with_no_plural_over_its_statement_and_a_list() -> None:
    """ "**目標：** 障害に強い基盤をつくる" over its list: "目標" names one objective or a group
    alike; followed by a statement it is one objective, and the list its key results. Bold
    Japanese objectives over measured items ("ARR 12億円 → 24億円", "新規顧客 15社") are read
    though Japanese has no spaces between words."""
    text = (
        "# エンジニアリングOKR 2025年上期\n\n## 全社目標\n\n"
        "1. **法人向け事業の売上を倍にする**\n   - 法人向けARR 12億円 → 24億円\n"
        "   - 従業員1,000名以上の新規顧客 15社\n\n"
        "## チームOKR\n\n### SREチーム\n\n**目標：** 障害に強い基盤をつくる\n\n"
        "* 東京・大阪のマルチリージョン構成を本番で稼働させる\n"
        "* アラートのうち対応不要だったものの割合を40%→10%\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [5, 13]
    assert [k.span.line for k in doc.key_results()] == [6, 7, 15, 16]


def test_a_labelled_objective_heading_with_a_description_over_its_measures() -> None:
    """ "## O3 — Stay healthy" > a description paragraph > measured items: the items are its key
    results. A sister heading whose name starts with a verb ("## Release calendar") over a table
    of dates is a section, and "objective. They are ..." going on from a wrapped line is prose."""
    text = (
        "# Mobile team OKRs\n\n## O1 — Make the app fast\n\n- Cold start under 1.5 s\n\n"
        "## Release calendar\n\n| Version | Code freeze |\n|---|---|\n| 8.1 | 14 Jan |\n\n"
        "## O3 — Stay healthy\n\nThis one is about quality after a fast quarter.\n\n"
        "1. Crash-free sessions ≥ 99.8% on both platforms\n2. Zero releases rolled back\n\n"
        "## Individual OKRs\n\nWe ask everyone to set one personal\n"
        "objective. They are public but informal.\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [3, 13]
    assert [k.span.line for k in doc.key_results()] == [5, 17, 18]


def test_bold_items_written_alike_beside_a_bold_objective_item() -> None:
    """ "+ **Ship the new editor on mobile** — 0.8" over measures, then "+ **Reduce support
    tickets about login** — 0.5" over one: bold items written alike are objectives alike."""
    text = (
        "# Mobile OKRs\n\n## Objective: Make the app fast\n\n- KR: Cold start under 1.5 s\n\n"
        "## Q4 2024 look-back\n\nWe scored Q4 at the January planning session:\n\n"
        "+ **Ship the new editor on mobile** — 0.8\n"
        "  + Editor v2 on 100% of iOS users\n  + Editor v2 on 60% of Android users\n"
        "+ **Reduce support tickets about login** — 0.5\n"
        "  + Login tickets from 300/month to 100/month\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [3, 11, 14]
    assert [k.span.line for k in doc.key_results()] == [5, 12, 13, 15]


def test_notes_and_dropped_work_after_a_set_are_not_okrs() -> None:
    """ "## Notes for next quarter" over "- Split KR1.4 into two ..." (a sentence about a key
    result, not an owner's key result) and "### Lo que no hicimos" over "- No empezamos ..."
    (what the team did not do) are notes, not objectives over key results."""
    text = (
        "# Data platform OKRs\n\n## Objective: Pipelines nobody has to babysit\n\n"
        "- KR: Manual re-runs from 40/week to 10/week\n\n## Notes for next quarter\n\n"
        '- Split KR1.4 into "on-call coverage" and "time to resolve" next time.\n'
        "- Make the cost attribution work a stretch KR.\n\n### Lo que no hicimos\n\n"
        "- No empezamos la migración del proxy.\n- No automatizamos la rotación de 3 certificados.\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [3]
    assert [k.span.line for k in doc.key_results()] == [5]


def test_a_past_quarters_graded_set_is_read_beside_the_next_one() -> None:
    """ "## Q2 results" > "### O1: Accessibility you can trust — 78%" over its graded key
    results: a past period's set is OKRs as much as the next quarter's below it. "## Q1 2026
    Results (Baseline)" over measurements only holds no objective, and stays aside."""
    text = (
        "# 2025 Q2 OKR review and Q3 plan\n\n## Q2 results\n\n"
        "### O1: Accessibility you can trust — 78%\n\n"
        "- ✅ axe-core checks in CI for every component (100%)\n"
        "- 🟡 Screen reader audit of 15 components — 11 of 15 done (73%)\n\n"
        "## Q3 OKRs\n\n### O1: Ship 5.0 without breaking anyone\n\n"
        "- Codemods cover 100% of breaking changes\n\n"
        "## Q1 2026 Results (Baseline)\n\n- Weekly active projects from 1,200 to 1,350\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [5, 12]
    assert [k.span.line for k in doc.key_results()] == [7, 8, 14]


def test_top_level_goal_items_over_measured_items() -> None:
    """ "1. Secure the company without slowing it down" over "1. Phishing click rate below 4%",
    ...: in a list whose items each hold a list, a goal over measures is an objective though
    it is not bold."""
    text = (
        "# Company OKRs H2\n\n### Finance\n\nObjective: Close the books faster\n"
        "KR: Close in 5 business days\n\n### Operations & IT\n\n"
        "1. Secure the company without slowing it down\n"
        "   1. Audit passed with zero major findings\n   2. Phishing click rate below 4%\n"
        "2. Cut internal tooling cost\n"
        "   1. Reduce SaaS spend by €120K annualised\n   2. Remove 20 unused license tiers\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [5, 10, 13]
    assert [k.span.line for k in doc.key_results()] == [6, 11, 12, 14, 15]


def test_results_after_a_goal_line_are_its_key_results() -> None:
    """ "Goal: Give the board a cash forecast they can trust" then "Result: ..." lines: each
    result is a key result of the goal above it, not a note on its outcome. A status line that
    opens a sister section over its own objectives is a note."""
    text = (
        "# Company OKRs\n\n## Finance\n\nGoal: Give the board a cash forecast they can trust\n"
        "Result: 13-week forecast within 5% of actuals\nResult: Close in 7 business days\n\n"
        "## Sales\n\nStatus as of 15 Sept check-in.\n\n"
        "Goal: Win tier-1 ports in Northern Europe\nResult: Pipeline of €12M in tier-1 deals\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [5, 13]
    assert [k.text for k in doc.key_results()] == [
        "13-week forecast within 5% of actuals",
        "Close in 7 business days",
        "Pipeline of €12M in tier-1 deals",
    ]


def test_lettered_objectives_under_a_scorecard_beside_the_next_set() -> None:
    """ "## Scorecard" > "**Objective A: Every region deployable** — 70%" over its graded key
    results: "Objective A" is a label like "Objective 1", and a past set under a scores heading
    is read beside the next one."""
    text = (
        "# Platform team — H1 OKR retro\n\n## Scorecard\n\n"
        "**Objective A: Every region deployable from one pipeline** — 70%\n"
        "- ✅ eu-north on the unified pipeline (100%)\n"
        "- ❌ Manual deployment steps down from 14 to 2 (40%)\n\n"
        "## H2 OKRs\n\n**Objective A: Spend less per customer**\n"
        "- Cost per container-hour down 15%\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [5, 11]
    assert [k.span.line for k in doc.key_results()] == [6, 7, 12]


def test_a_goal_heading_over_measurable_results() -> None:
    """ "## Goal 1: Sustainable maintenance" > "### Measurable results" > numbered items: the
    sub-heading names the goal's key results; "## Objective A — Reporting" over a bold line
    is a short title over the objective's statement."""
    text = (
        "# Foundation goals 2025\n\n## Goal 1: Sustainable maintenance for core libraries\n\n"
        "### Measurable results\n\n1. Fund at least 4 FTE of maintainer time.\n"
        "2. Median issue triage time under 7 days.\n\n## Objective B — Reporting\n\n"
        "**Customers discover that reports are the reason to stay**\n\n"
        "- Share of customers with a scheduled report from 38% to 65%\n"
    )
    doc = parse_md(text, path="goals.md")
    assert [o.text for o in doc.objectives()] == [
        "Sustainable maintenance for core libraries",
        "Customers discover that reports are the reason to stay",
    ]
    assert [k.span.line for k in doc.key_results()] == [7, 8, 14]


def test_owner_lines_and_items_after_an_author_line_over_measures() -> None:
    """ "VP Eng: Make on-call sustainable" (a plain line with its owner) over measures is an
    objective; so is each top-level item of a list that follows "Author: ..." (the list nests
    under that line only because it follows a paragraph)."""
    text = (
        "# Company goals Q4\n\n## Company\n\nObjective: Grow without burning out\n"
        "KR: Revenue from $4M to $5M\n\n## Engineering\n\nVP Eng: Make on-call sustainable\n"
        "- Pages per on-call week under 8\n- Runbooks for 100% of alerting rules\n\n"
        "## Product\n\nAuthor: Tomasz Nowak (Director of Product)\n\n"
        "1. Make collaboration the default\n   1. Shared dashboards per workspace from 2.1 to 3.5\n"
        "   2. Comments reach 25% weekly adoption\n"
        "2. Build the foundation for an enterprise tier\n"
        "   1. SSO in beta with 5 design partners\n   2. 3 enterprise pilots signed\n"
    )
    doc = parse_md(text, path="goals.md")
    assert [o.span.line for o in doc.objectives()] == [5, 10, 18, 21]
    assert [k.span.line for k in doc.key_results()] == [6, 11, 12, 19, 20, 22, 23]


def test_a_scores_section_with_key_result_tables_and_a_parent_heading() -> None:
    """ "## Scores" > "### Objective 1: Land the mid-market" over a key-result table is a past
    set (its "**Average**" row is a summary, not a key result); "#### Objective 2: Supports
    company O1" names the parent, and the statement is the line under it."""
    text = (
        "# FY25 Q4 retro and Q1 plan\n\n## Scores\n\n### Objective 1: Land the mid-market\n\n"
        "| Key result | Target | Actual | Score |\n|---|---|---|---|\n"
        "| Net new ARR | $3.5M | $3.1M | 0.8 |\n| Mid-market logos | 60 | 41 | 0.5 |\n"
        "| **Average** | | | **0.57** |\n\n## Q1 plan\n\n#### Objective 2: Supports company O1\n"
        "Bring GPU capacity online faster than demand\n\nKey results:\n\n"
        "- GPU lead time from 9 weeks to 4\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.text for o in doc.objectives()] == [
        "Land the mid-market",
        "Bring GPU capacity online faster than demand",
    ]
    assert [k.span.line for k in doc.key_results()] == [9, 10, 20]


def test_a_period_title_and_lessons_beside_bold_objectives_are_not_objectives() -> None:
    """ "**This year — 2026**" over annual goals and "**Lessons from last quarter**" over notes,
    beside bold labelled objectives: a period's title and notes, not objectives over key
    results (though the annual goals hold counts: "Hire first 2 team members")."""
    text = (
        "# Goals\n\n**Objective 1: Validate product-market fit**\n- KR1: 50 paying customers\n"
        "- KR2: NPS above 40\n\n**This year — 2026**\n\n1. Reach $10K MRR\n"
        "2. Hire first 2 team members\n\n**Lessons from last quarter**\n\n"
        "- 3 of 5 pilots churned in week 2\n- Pricing pages convert at 2%\n"
    )
    doc = parse_md(text, path="goals.md")
    assert [o.span.line for o in doc.objectives()] == [3]
    assert [k.span.line for k in doc.key_results()] == [4, 5]


def test_headings_numbered_on_from_an_objective_heading() -> None:
    """ "### 1. Cultivate growth" and "## 2. Grow the membership base", "## 3. ..." number one
    run of headings (at two levels, a slip of the author), each over a list: when some are
    objectives, all are."""
    text = (
        "# Community OKRs\n\n## 2021\n\n"
        "### 1. Cultivate growth and adoption of OSPOs\n\n* Build new OSPO case studies\n"
        "* Evangelize OSPO adoption\n\n## 2. Grow the membership base\n\n"
        "* Keep welcoming new member applications\n\n## 3. Create value for all members\n\n"
        "* Run regular surveys to get feedback\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert sorted(o.span.line for o in doc.objectives()) == [5, 10, 14]
    assert sorted(k.span.line for k in doc.key_results()) == [7, 8, 12, 16]


def test_a_bold_objective_with_a_field_line_over_its_list() -> None:
    """ "**S1. Referrals become our main channel**" then "Supports: CO1-KR2" (one paragraph)
    over a list: the list hangs under the statement, its field between them. A status table
    that names key results by their ids ("| 1.1 | 🟡 ... |") restates them."""
    text = (
        "# FY25 OKRs\n\n### Sales\n\n**S1. Referrals become our main channel**\n"
        "Supports: CO1-KR2\n- 2,000 referral links shared per month by Q3\n"
        "- Referral-to-contract conversion ≥ 18%\n\n**S2. Quotes people can say yes to**\n"
        "Supports: CO2-KR1\n- Quote acceptance rate from 24% to 32%\n\n"
        "| KR | Status | Updated |\n|---|---|---|\n| 1.1 | 🟡 1,400 links | Mar 14 |\n"
        "| 2.1 | 🟢 27% | Mar 14 |\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [(o.span.line, o.metadata.get("parent")) for o in doc.objectives()] == [
        (5, "CO1-KR2"),
        (10, "CO2-KR1"),
    ]
    assert [k.span.line for k in doc.key_results()] == [7, 8, 12]


def test_lettered_key_result_ids_and_a_plan_beside_named_key_results() -> None:
    """ "### KR A1: Payment failure rate < 0.3%" is labelled like "KR 1" ("KRA1" is a key result
    area, not a label); under "## 目标一", beside "### 关键结果", the section "### 里程碑"
    (milestones) is the objective's plan, not one more objective."""
    text = (
        "# 团队 OKR\n\n## 目标一：让更多同学参与开源\n\n### 关键结果\n"
        "1. 本学期新增 30 名有提交记录的社员\n2. 举办 4 次工作坊\n\n### 里程碑\n"
        "- 9 月：招新\n- 10 月：集体参与\n\n## Objective A — Payments just work\n\n"
        "### KR A1: Payment failure rate caused by us < 0.3%\n- Owner: Priyanka\n"
    )
    doc = parse_md(text, path="okr.md")
    assert [o.span.line for o in doc.objectives()] == [3, 13]
    assert [k.span.line for k in doc.key_results()] == [6, 7, 15]


def test_lists_with_changing_markers_and_lists_under_an_owner_field() -> None:
    """ "- 25 people ...", then "* Monthly triage ...", then "+ ...": a new marker starts a new
    Markdown list, but all hang under the objective line above them. A list indented under
    "- **Owner:** Ruth" of an objective with no other key result is its key results.
    "### Notizen" (notes) is not one more objective."""
    text = (
        "# Community OKRs 2024\n\nGrow the contributor base beyond the core team\n"
        "- 25 people with a merged PR outside the core team\n"
        "* Monthly triage, never fewer than 15 good first issues\n"
        "+ Contributor guide translated to Spanish\n\n"
        "## Objective: Grow as an incident commander\n- **Owner:** Ruth\n"
        "  1. Lead 3 real incidents as IC\n  2. Run 2 game days\n\n### Notizen\n"
        "- Ziel 2 hängt am Budget.\n- Ziel 3 mit Ziel 1 zusammenlegen?\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [3, 8]
    assert [k.span.line for k in doc.key_results()] == [4, 5, 6, 10, 11]


def test_definitions_of_the_labels_in_spanish_are_not_statements() -> None:
    """ "- **Objetivo**: lo que queremos lograr" and "- **Resultado clave**: cómo sabremos que lo
    logramos" define the words before the file's real OKRs."""
    text = (
        "# Objetivos y Resultados Clave (OKR)\n\n"
        "- **Objetivo**: lo que queremos lograr, cualitativo y motivador.\n"
        "- **Resultado clave**: cómo sabremos que lo logramos, con un número.\n\n"
        "## Semestre 2024-2\n\n### Objetivo 1: Que más familias compren en la cooperativa\n\n"
        "- Resultado clave 1.1: Socias activas de 410 a 550\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [8]
    assert [k.span.line for k in doc.key_results()] == [10]


def test_department_sets_take_their_cycle_from_the_page_title_or_file_name() -> None:
    """ "title: FY26-Q1 OKRs" in the front matter (or "okrs__2025-q2.md") dates every
    department's set on the page ("## Engineering" has no quarter of its own): no
    missing-timeframe finding for each department."""
    text = (
        '---\ntitle: "FY26-Q1 OKRs"\n---\n\n## Engineering\n\n'
        "### Objective: Deploys are boring\n- KR: Change failure rate from 18% to 8%\n"
    )
    doc = parse_md(text, path="handbook/okrs.md")
    assert [s.metadata.get("cycle") for s in doc.sets] == ["FY26-Q1"]
    dated = parse_md(text.replace("FY26-Q1 OKRs", "Company OKRs"), path="okrs__2025-q2.md")
    assert [s.metadata.get("cycle") for s in dated.sets] == ["2025-q2"]


def test_plain_text_labels_in_lower_case_and_set_apart_by_spaces() -> None:
    """ "o: get promoted to senior" over "kr: ..." lines, and "O1  nightly pipeline should just
    work" over "   KR1  success rate ..." (labels set apart by two spaces, lower-case text):
    labelled, as a person writes them in a plain-text file ("KR1 is at risk" is a note)."""
    text = (
        "# okr h1 2025\n\no: get promoted to senior\nkr: promo packet submitted in april\n"
        "kr: lead one cross-team project end to end\n\nO1  nightly pipeline should just work\n"
        "   KR1  success rate of nightly run >= 98%\n   KR2  runtime under 2h\n"
    )
    doc = parse_md(text, path="okr.md")
    assert [o.span.line for o in doc.objectives()] == [3, 7]
    assert [k.text for k in doc.key_results()] == [
        "promo packet submitted in april",
        "lead one cross-team project end to end",
        "success rate of nightly run >= 98%",
        "runtime under 2h",
    ]


def test_a_template_with_slots_in_table_cells_is_read() -> None:
    """ "## Objective 1" > "[Objective statement — qualitative, inspiring, time-bound]" over "|
    [Key result 1.1 — measurable outcome] | [name] | [value] |": slots where statements go, in
    lines and in table cells, are a template to read, not guidance about OKRs."""
    text = (
        "# [Team] OKRs — [Quarter]\n\n## Objective 1\n"
        "[Objective statement — qualitative, inspiring, time-bound]\n\n"
        "| Key result | Owner | Baseline | Target |\n|---|---|---|---|\n"
        "| [Key result 1.1 — measurable outcome] | [name] | [value] | [value] |\n"
        "| [Key result 1.2] | [name] | [value] | [value] |\n"
    )
    doc = parse_md(text, path="team-okr-template.md")
    assert [o.span.line for o in doc.objectives()] == [4]
    assert [k.span.line for k in doc.key_results()] == [8, 9]


def test_an_obsidian_callout_titled_with_an_objective_over_its_list() -> None:
    """ "> [!goal] O1 — Finish the thesis draft" over "> - [ ] All 5 chapters in draft form":
    the callout's title heads the rest of it (its "Why:" field, its checklist), as a bold line
    heads its list."""
    text = (
        "# 2025-Q1\n\n## OKRs\n\n> [!goal] O1 — Finish the thesis draft\n"
        "> Why: defence is planned for June.\n> - [ ] All 5 chapters in draft form\n"
        "> - [x] Chapter 3 experiments re-run\n\n> [!goal] O2 — Stay healthy while writing\n"
        "> - [ ] Run 3×/week\n"
    )
    doc = parse_md(text, path="Quarterly/2025-Q1.md")
    assert [(o.span.line, o.text) for o in doc.objectives()] == [
        (5, "Finish the thesis draft"),
        (10, "Stay healthy while writing"),
    ]
    assert [k.span.line for k in doc.key_results()] == [7, 8, 11]


def test_lines_numbered_with_the_objectives_id_are_its_key_results() -> None:
    """ "#### Objective A — Learners finish the courses they start" over "**A1. Course
    completion from 31% to 45%**" and "**A2. ...**", each over its "Update:" line: numbered
    with the objective's id, they are its key results."""
    text = (
        "# Curriculum team — OKR check-in\n\n#### Objective A — Learners finish the courses\n\n"
        "**A1. Course completion for the Python track from 31% to 45%** 🟡\n"
        "Update: 38% for the April cohort.\n\n"
        "**A2. Median time-to-first-exercise under 10 minutes** 🟢\nUpdate: 7 min.\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [3]
    assert [k.text for k in doc.key_results()] == [
        "Course completion for the Python track from 31% to 45%",
        "Median time-to-first-exercise under 10 minutes",
    ]


def test_a_measured_key_result_with_notes_under_it_is_not_a_cascade() -> None:
    """ "1. Product squads on v3 components: 9 of 12 (target 12, from 3)" over "- Retro: ..."
    and "- Next: ..." under an objective: a key result with its notes, not an objective of a
    cascade whose key results are the notes. A team's item over its own items still is."""
    text = (
        "# Design Systems OKRs — Q1 2025\n\n## Every product team on the new components\n\n"
        "1. Product squads on v3 components: 9 of 12 (target 12, from 3)\n"
        "   - Retro: the three holdouts are all on the legacy app.\n"
        "   - Next: a migration guide for Angular.\n"
        "2. Share of UI code importing v3: 64% (target 70%, from 20%)\n"
        "   - Retro: codemods did most of the work.\n"
        "3. Handoff questions per week from 31 to 12\n\n"
        "## Accessible by default\n\n"
        "1. WCAG audit issues in core components from 84 to 40 (target 0)\n"
        "   - Retro: the vendor started late.\n"
        "2. Components with automated axe checks from 45% to 70%\n\n"
        "## Tokens that match the brand\n\n"
        "1. Hard-coded colours in product code from 1,900 to 300\n"
        "2. Dark mode in 3 products (target 5, from 0)\n"
    )
    doc = parse_md(text, path="okrs.md")
    assert [o.span.line for o in doc.objectives()] == [3, 12, 18]
    assert [k.span.line for k in doc.key_results()] == [5, 8, 10, 14, 16, 20, 21]


def test_a_reference_line_between_an_objective_heading_and_its_key_results() -> None:
    """ "Epic: [&1234](...)" between "## CEO: Grow enterprise usage" and its labelled key
    results says where the work is tracked: the heading is the objective, not the epic."""
    text = (
        "# FY25-Q3 OKRs\n\n## CEO: Grow enterprise usage\n\n"
        "Epic: [&1234](https://gitlab.example.com/groups/acme/-/epics/1234)\n\n"
        "1. CEO KR: Increase enterprise ARR from $42M to $55M\n"
        "1. CEO KR: Close 12 new logos with more than 1,000 seats\n"
    )
    (objective,) = parse_md(text, path="okrs.md").objectives()
    assert (objective.text, objective.span.line) == ("Grow enterprise usage", 3)
    assert len(objective.key_results) == 2


def test_a_split_rows_score_stays_on_its_key_result_when_no_objective_takes_it() -> None:
    """A row with several key results and an empty objective cell, and no objective before
    it: the score is not dropped, it stays with the row's first key result."""
    text = (
        "# Team OKRs Q1\n\n| Objective | Key results | Score |\n|---|---|---|\n"
        "| | Deploy time from 40 to 10 min<br>Failed deploys from 8% to 2% | 0.6 |\n"
    )
    krs = list(parse_md(text, path="okrs.md").key_results())
    assert [k.metadata.get("score") for k in krs] == ["0.6", None]
