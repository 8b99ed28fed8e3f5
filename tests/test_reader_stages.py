"""The staged Markdown reader on the shapes of the reader issue: the seeds' own examples, fields
from attribute lines and table columns reaching the rules, the document decision in hook mode,
and ``okrlint --outline --why``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from conftest import SHARED, parse_md, parse_yaml
from okrlint.engine import Settings, lint
from okrlint.readers.labels import find_label
from okrlint.registry import default_registry

SEEDS = SHARED / "seeds"
REGISTRY = default_registry()
DEFAULT = Settings(
    registry=REGISTRY,
    selected=frozenset(r.code for r in REGISTRY.rules if r.enabled),
    today=dt.date(2026, 12, 1),
)


def seed_lines(prefix: str, first: int, last: int) -> str:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent")
    (path,) = SEEDS.glob(f"{prefix}_*")
    return "\n".join(path.read_text(encoding="utf-8").split("\n")[first - 1 : last]) + "\n"


def shape(doc: Any) -> list[tuple[str, list[tuple[str, list[str]]]]]:
    return [
        (o.text, [(k.text, [i.text for i in k.initiatives]) for k in o.key_results])
        for o in doc.objectives()
    ]


def test_seed_000_nested_objective_and_key_results() -> None:
    doc = parse_md(seed_lines("000", 14, 17))
    assert shape(doc) == [
        (
            "Improve customer onboarding experience.",
            [
                ("Decrease average onboarding time by 20%.", []),
                ("Increase onboarding completion rate to 90%.", []),
                ("Achieve a customer satisfaction rating of 4.5/5 for onboarding.", []),
            ],
        )
    ]


def test_seed_001_key_results_with_bullet_to_dos_as_initiatives() -> None:
    doc = parse_md(seed_lines("001", 71, 86))
    ((objective, krs),) = shape(doc)
    assert objective == "Find a new job in the next three months."
    assert [k for k, _ in krs] == [
        "Have a refreshed resume.",
        "Attend a minimum of one interview per week.",
        "Be fully interview-ready.",
    ]
    assert krs[0][1] == [
        "Consult a recruitment expert for resume advice.",
        "Create multiple resumes for different job types.",
        "Study online guides to writing better cover letters.",
    ]
    assert all(len(todos) == 3 for _, todos in krs)


def test_seed_002_objective_and_key_results_lines() -> None:
    doc = parse_md(seed_lines("002", 4, 8))
    assert shape(doc) == [
        (
            "Make onboarding feel effortless for new users.",
            [
                ("Increase activation rate from 42% to 60%", []),
                (
                    "Reduce average time to first successful project from 18 minutes to 8 minutes",
                    [],
                ),
                ("Cut onboarding-related support tickets by 30%", []),
            ],
        )
    ]


def test_seeds_as_whole_articles_are_not_okr_documents() -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent")
    from okrlint.readers import read_bytes

    quiet = {}
    for path in sorted(SEEDS.iterdir()):
        doc = read_bytes(path.name.replace(".txt", ".md"), path.read_bytes())
        quiet[path.name[:3]] = [f.code for f in lint(doc, DEFAULT, explicit=False)]
    # The seeds explain OKRs with examples: in a repository they must not light up the hook.
    assert sum(1 for codes in quiet.values() if codes) <= 1, quiet


def codes(doc: Any, explicit: bool = True) -> list[str]:
    return [f.code for f in lint(doc, DEFAULT, explicit=explicit)]


def test_a_baseline_attribute_line_is_the_baseline() -> None:
    text = "# Growth OKRs\n\n## Objective: Make onboarding effortless\n\n- KR1: Reach a 60% activation rate\n"
    assert "OKR303" in codes(parse_md(text))
    with_field = text + "  - Baseline: 42%\n"
    doc = parse_md(with_field)
    (kr,) = doc.key_results()
    assert kr.metadata["baseline"] == "42%"
    assert "OKR303" not in codes(doc)


def test_a_baseline_column_is_the_baseline_and_tbd_is_a_placeholder() -> None:
    doc = parse_md(
        "# Growth OKRs\n\n## Objective: Make onboarding effortless\n\n"
        "| Key result | Baseline | Target |\n| --- | --- | --- |\n"
        "| Cut time to first project to 8 minutes | 18 minutes | 8 minutes |\n"
        "| Raise weekly active teams to 4,600 | [TBD] | 4,600 |\n"
    )
    first, second = doc.key_results()
    assert first.metadata["baseline"] == "18 minutes"
    found = lint(doc, DEFAULT)
    assert not [f for f in found if f.code == "OKR303"]
    placeholders = [f for f in found if f.code == "OKR311"]
    assert [f.line for f in placeholders] == [second.span.line]
    assert "[TBD]" in placeholders[0].message


def test_a_current_value_not_measured_yet_is_a_status_not_template_text() -> None:
    doc = parse_md(
        "# Goals\n\n### Objective 1: Marketing readiness\n\n"
        "| Key Result | Target | Current | Status |\n|---|---|---|---|\n"
        "| Lighthouse performance score | > 90 | TBD | ⬜ |\n"
        "| Weekly sign-ups | 200 | [TBD] | ⬜ |\n"
    )
    found = lint(doc, DEFAULT)
    assert [f.line for f in found if f.code == "OKR311"] == [8]  # "[TBD]" is a template slot
    assert [f.line for f in found if f.code == "OKR303"] == [7]  # "TBD": no start known yet


def test_yaml_baseline_key_is_the_baseline() -> None:
    doc = parse_yaml(
        "objectives:\n  - objective: Make onboarding effortless\n    key_results:\n"
        "      - text: Reach a 60% activation rate\n        baseline: 42%\n"
    )
    (kr,) = doc.key_results()
    assert kr.metadata["baseline"] == "42%"
    assert "OKR303" not in codes(doc)


def test_a_target_field_makes_a_key_result_measurable() -> None:
    doc = parse_md(
        "# OKRs\n\n## Objective: Delight customers\n\n- KR1: Improve NPS\n  - Target: 45\n"
    )
    assert "OKR302" not in codes(doc)
    # Any field with a number measures it, whatever the first field says; "Alvo" is a target.
    for table in (
        "| Key Result | Target | Current |\n|---|---|---|\n| Real content loaded | 50+ items | Demo data |\n",
        "| KR | Métrica | Alvo |\n|---|---|---|\n| KR1 | Jogadores chegam ao fim sem ajuda | 2/2 |\n",
    ):
        doc = parse_md(f"# OKRs\n\n## Objective: Launch ready\n\n{table}")
        assert "OKR302" not in codes(doc), table


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Ziel: Kundenzufriedenheit steigern", "objective"),
        ("Schlüsselergebnis 2: Conversion von 3 % auf 5 % erhöhen", "key_result"),
        ("Resultado clave: Reducir el churn", "key_result"),
        ("Objectif : Simplifier l'accueil", "objective"),
        ("目标：提升产品体验", "objective"),
        ("KR：一个大客户的接入", "key_result"),
        ("Sales (Closing Deals) KR: Get 70% of trials to convert", "key_result"),
        ("- **KR1.1:** Ship the importer", "key_result"),
        ("Measure: weekly active teams", "attribute"),
        ("Q1 2026 Objectives", "zone"),
        ("O1-KR3：文案一致性清单", "key_result"),  # a key result's id, not objective O1
        ("KR1（第一笔钱）：第一周出 demo", "key_result"),  # a short title in parentheses
        ("KR2 (Retention): keep 80% of pilots", "key_result"),
    ],
)
def test_labels_come_from_the_lexicon(text: str, kind: str) -> None:
    label = find_label(text)
    assert label is not None and label.kind == kind, label


def test_a_note_about_a_titled_key_result_is_not_a_label() -> None:
    # "About KR1 (early behaviour): ...": a word before the id is no owner when a title follows.
    assert find_label("Về KR1 (Đo lường hành vi sớm): Xác định xem người dùng") is None


@pytest.mark.parametrize(
    "text",
    [
        "goals: [clean, install]\n",  # a Maven configuration
        "slos:\n  - name: availability\n    objective: 99.9\n",  # an SLO configuration
        "spec:\n  objectives:\n    - displayName: Good\n      target: 0.99\n",  # OpenSLO
    ],
)
def test_yaml_that_is_not_shaped_like_okrs_is_silent_in_hook_mode(text: str) -> None:
    doc = parse_yaml(text, "config.yaml")
    assert codes(doc, explicit=False) == []


def test_a_design_doc_with_goals_is_not_an_okr_document() -> None:
    doc = parse_md(
        "# Design: faster search\n\n## Goals\n\n- Make search fast\n  - p95 under 300 ms\n\n"
        "## Non-goals\n\n- Rewrite the indexer\n",
        "design.md",
    )
    assert not doc.has_okrs
    assert codes(doc, explicit=False) == []


@pytest.mark.parametrize(
    ("label", "text"),
    [
        ("Ziel", "Eine Vision (Objective, nicht messbar) und Zwischenergebnisse (Key-Result)"),
        ("Objective", "A vision (the Objective) and the Key Results that measure it"),
    ],
)
def test_a_label_over_a_line_that_explains_okrs_holds_no_statement(label: str, text: str) -> None:
    doc = parse_md(
        f"# OKR notes\n\n## {label}\n\n* {text}\n  * short and clear\n  * challenging\n"
        "  * a focus for the quarter\n  * motivating\n",
        "okr.md",
    )
    assert not doc.has_okrs
    # The same label over a statement still reads it.
    doc = parse_md(
        f"# OKRs\n\n## {label}\n\n* Grow the community\n  * KR: 40 new members\n", "okr.md"
    )
    assert [o.text for o in doc.objectives()] == ["Grow the community"]


@pytest.mark.parametrize(
    "intro",
    ["In his book, Doerr shows the first OKR he wrote:", "在書中，他介紹了他的第一個OKR："],
)
def test_a_line_that_introduces_an_example_okr_is_not_a_cascade(intro: str) -> None:
    doc = parse_md(
        f"# OKR\n\n- Intel, 1980\n  - {intro}\n    - O: Show the chip is the fastest\n"
        "      - KR1: Write 5 benchmarks\n      - KR2: Build 1 demo\n",
        "OKR.md",
    )
    assert [o.text for o in doc.objectives()] == ["Show the chip is the fastest"]


def test_notes_in_chinese_that_talk_about_okrs_are_guidance() -> None:
    # No spaces around "OKR" in Chinese: it still says the lines are about OKRs.
    doc = parse_md(
        "# OKR\n\n- O：展示處理器的卓越性能\n  - KR1：編寫5個基準程序。\n"
        "  - OKR應該有數量限制，遵循少即是多原則。\n  - 一般OKR不超過5個。\n",
        "OKR.md",
    )
    assert not doc.has_okrs


def test_a_label_followed_by_a_question_defines_it() -> None:
    doc = parse_md(
        "# OKR\n\n    Objectif : où voulons-nous être dans un certain horizon de temps ?\n"
        "    Résultat Clé : que signifie atteindre notre objectif ?\n",
        "OKR.md",
    )
    assert not doc.has_okrs


def test_a_paragraph_wrapped_at_a_column_is_one_line_of_prose() -> None:
    text = (
        "# OKRs\n\n## Resultados Clave (KR)\n\n- Ventas de 10 a 20\n\n## Objetivos (O)\n\n"
        "Los Objetivos (O), en general, son aspiraciones para nada concretas.\n"
        "Buscan ser inspiradores y desafiantes respecto de lo que estamos apuntando a\n"
        "lograr. En nuestra empresa, en todas direcciones, nos permite alinear lo que\n"
        "queremos hacer sobre la base de la estrategia anual y además nos ayuda a\n"
        "priorizar lo que efectivamente haremos.\n"
    )
    assert [o.text for o in parse_md(text, "okrs.md").objectives()] == []
    # Short statement lines of one paragraph stay lines of their own.
    doc = parse_md(
        "# OKRs\n\nObjective: Grow revenue\nKR1: MRR from 10k to 20k\nKR2: churn from 5% to 3%\n",
        "okrs.md",
    )
    assert [k.text for k in doc.key_results()] == ["MRR from 10k to 20k", "churn from 5% to 3%"]


def test_learning_objectives_are_not_a_group_of_objectives() -> None:
    doc = parse_md(
        "# Course overview and objectives\n\n## Learning Objectives\n\n"
        "1. Objective A\n2. Objective B\n3. Objective C\n",
        "OverviewObjectives.md",
    )
    assert not doc.has_okrs


def test_goals_in_a_file_name_are_not_enough_for_the_hook() -> None:
    text = (
        "# My goals for 2025\n\n## Physical\n\nI thought I would have lost a few pounds.\n\n"
        "1. Lose 20 lbs.\n2. Do 20 pull ups.\n\n## Mental\n\nI want more calm.\n\n"
        "1. Write every day.\n2. Read 12 books.\n"
    )
    doc = parse_md(text, "my_goals_for_2025.md")
    assert codes(doc, explicit=False) == []
    assert codes(doc, explicit=True) != []  # named on the command line, it is read
    assert codes(parse_md(text, "okrs_2025.md"), explicit=False) != []


def test_outline_why_shows_roles_evidence_and_decision(okrlint: Any, tmp_path: Path) -> None:
    path = tmp_path / "okrs.md"
    path.write_text(
        "# Team OKRs\n\n## Objective 1\nMake onboarding effortless\n\n"
        "**Key results:**\n- Raise activation from 42% to 60%\n  - Owner: @ana\n",
        encoding="utf-8",
    )
    out = okrlint("--outline", "--why", str(path)).stdout
    assert "decision: OKR document" in out
    assert "label 'Objective 1' alone: the statement follows" in out
    assert "the text of the label 'Objective 1' above it" in out
    assert "under 'Key results:'" in out
    assert "attribute label 'Owner:' (owner)" in out
    assert okrlint("--why", str(path)).exit_code == 2


def test_okr002_says_what_it_found(okrlint: Any, tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text("# Plan\n\n## Objective 1: Grow revenue\n\n## Objective 2: Hire\n")
    result = okrlint("--format", "json", str(path))
    (finding,) = result.json()
    assert finding["code"] == "OKR002"
    assert "2 line(s) labelled like 'Objective 1' but no key results" in finding["message"]


def test_a_file_named_with_underscores_says_goals() -> None:
    """ "team_goals.md" says what "goals.md" says: a "Key Results:" list under "Goal:" lines is
    read; the same text in "notes.md" is a design doc's goals, not OKRs."""
    text = (
        "# Performance goals\n\n## 1. Testing\n**Goal:** Enhance our testing practices.\n\n"
        "**Key Results:**\n- Increase test coverage from 60% to 80%\n"
        "- Reduce regression bugs from 20 to 10 a month\n"
    )
    for name in ("goals.md", "team_goals.md", "q3-goals.md"):
        doc = parse_md(text, name)
        assert [(o.text, len(o.key_results)) for o in doc.objectives()] == [
            ("Enhance our testing practices.", 2)
        ], name
    assert list(parse_md(text, "goalsetting.md").objectives()) == []


def test_a_middle_dot_separates_a_label() -> None:
    text = (
        "# Team OKRs\n\n### O1 · Close the whole sales cycle in the app\n\n"
        "| # | KR | Target |\n|---|---|---|\n| KR1.1 | Sales reports used weekly | 4 reports |\n"
    )
    doc = parse_md(text)
    assert [o.text for o in doc.objectives()] == ["Close the whole sales cycle in the app"]


def test_a_zone_is_evidence_only_for_the_statements_it_names() -> None:
    """An "Objectives" heading over a table of grading criteria says the file's objectives are
    something else than OKRs: the lists found elsewhere by their shape are not read, and in hook
    mode the file stays quiet."""
    text = (
        "# OKR — final project\n\n## Objectives (what to show)\n\n| Part | Criterion |\n|---|---|\n"
        "| Group | Business knowledge |\n\n## Schedule\n\n### Group stage\n"
        "1. Day 1 — Kickoff: the challenge and a sample class.\n2. Day 2 — Data: pick a problem.\n\n"
        "### Individual stage\n5. Propose an architecture.\n6. Set up docker-compose.\n"
    )
    doc = parse_md(text, "brief.md")
    assert list(doc.objectives()) == []
    assert codes(doc, explicit=False) == []


def test_a_question_about_the_writers_own_okrs_introduces_them() -> None:
    """A blog post of one's OKRs asks "What are my OKRs?" and lists them; a guide asks "What is
    an OKR?" and gives an example: only the first is read."""
    prose = "I keep personal OKRs each quarter and write about how they went. " * 8
    okrs = (
        "### Objective 1: Get back on the wagon with music\n"
        "- KR1: Practise guitar for 60 minutes a week\n- KR2: Finish a track every month\n"
    )
    post = f"# OKR-a-rama Q3\n\n{prose}\n\n## So what are your actual OKRs?\n\n{okrs}"
    assert [o.text for o in parse_md(post, "post.md").objectives()] == [
        "Get back on the wagon with music"
    ]
    guide = f"# About OKRs\n\n{prose}\n\n## What is an OKR?\n\n{okrs}\n## Why OKRs?\n\n{prose}\n"
    assert list(parse_md(guide, "post.md").objectives()) == []


def test_a_key_result_label_with_a_title_over_its_statement() -> None:
    text = (
        "# Team OKRs\n\n## Objective\n\nStudents argue better after each debate.\n\n"
        "## KR1 — Leading metric\n\n### ≥ 65% of users rewrite their argument after feedback\n\n"
        "- Shows real learning\n\n## KR2 — Lagging metric\n\n"
        "### 150 weekly active users finish a challenge session\n"
    )
    bold_lines = text.replace("### ≥ 65%", "**≥ 65%").replace("feedback\n", "feedback**\n")
    bold_lines = bold_lines.replace("### 150", "**150").replace("session\n", "session**\n")
    for doc in (parse_md(text), parse_md(bold_lines)):
        assert [(o.text, [k.text for k in o.key_results]) for o in doc.objectives()] == _ARGUE


_ARGUE = [
    (
        "Students argue better after each debate.",
        [
            "≥ 65% of users rewrite their argument after feedback",
            "150 weekly active users finish a challenge session",
        ],
    )
]


def test_a_metric_targets_table_holds_kpis_not_key_results() -> None:
    text = (
        "# Goals\n\n### OKR 1: Ship a calmer on-call\n**Key Results:**\n"
        "| # | Key Result | Target |\n|---|---|---|\n| 1 | Cut pages from 40 to 10 a week | 10 |\n\n"
        "## Metric Targets\n| Metric | Target | Current |\n|---|---|---|\n"
        "| Bug resolution time | < 5 days | 7 days |\n"
    )
    doc = parse_md(text)
    assert [k.text for k in doc.key_results()] == ["Cut pages from 40 to 10 a week"]


def test_a_metric_table_under_a_section_name_is_a_dashboard() -> None:
    table = "| Metric | Value | Target |\n|---|---|---|\n| Sign-ups | 0 | 10/month |\n"
    doc = parse_md(f"# Metrics & OKRs\n\n### Activation (First Value)\n\n{table}", "metrics.md")
    assert [k.text for k in doc.key_results()] == []
    # Under an objective (labelled or written as a goal) the same table holds its key results.
    for heading in ("Objective 1: Make activation easy", "Make activation easy"):
        doc = parse_md(f"# OKRs\n\n### {heading}\n\n{table}", "okrs.md")
        assert [k.text for k in doc.key_results()] == ["Sign-ups"], heading


def test_the_bands_of_a_scale_are_not_statements() -> None:
    bands = "**Objetivos:**\n- **< 1000ms:** Aceptable\n- **< 500ms:** Excelente\n- **> 2000ms:** Lento\n"
    doc = parse_md(f"# Objective 1: Faster answers\n\n- KR1: p95 from 900 to 600 ms\n\n{bands}")
    assert [k.text for k in doc.key_results()] == ["p95 from 900 to 600 ms"]
    assert [o.text for o in doc.objectives()] == ["Faster answers"]


def test_a_goal_line_inside_an_initiative_describes_it() -> None:
    text = (
        "# OKRs Q1\n\n## Objective 1: Validate the pilot\n\n- KR1: 3 stores from 0 to 3\n\n"
        "## Initiatives\n\n- **Initiative 1: Discovery interviews**\n  - Status: Not started\n"
        "  - Goal: Identify pilot candidates\n"
    )
    assert [o.text for o in parse_md(text).objectives()] == ["Validate the pilot"]


def test_an_okr_grid_holds_its_statements_in_labelled_cells() -> None:
    grid = (
        "| | |\n|---|---|\n| **Priorities** | **OKRs** |\n"
        "| **P1:** walk 20 miles | (5/10) **Objective:** Feel strong again |\n"
        "| **P2:** one long walk | - KR: BMI from 29 to 25 |\n| | - KR: run a 5k in May |\n"
    )
    doc = parse_md(f"# Health OKR grid\n\n{grid}")
    assert [(o.text, [k.text for k in o.key_results]) for o in doc.objectives()] == [
        ("Feel strong again", ["BMI from 29 to 25", "run a 5k in May"])
    ]
    # A column that only mentions key results (a risk register) holds none.
    risks = (
        "| Risk | Effect |\n|---|---|\n| Slow deploy | KR1 and KR2 slip |\n| Audit | KR2: late |\n"
    )
    doc = parse_md(f"# OKRs\n\n## Objective: Ship\n\n- KR1: 3 from 0 to 3\n\n{risks}")
    assert [k.text for k in doc.key_results()] == ["3 from 0 to 3"]


@pytest.mark.parametrize("front", ["", "---\ntitle: Q1\n---\n"])
def test_rules_between_sections_do_not_hide_them(front: str) -> None:
    # "---" over a line and a later "---": pulldown-cmark takes it for a metadata block
    # anywhere in the file; only the front matter at the top is one.
    text = (
        f"{front}# Workshop\n\n**Student:** An\n\n---\n## OKR\n\n### Objective\nHelp every patient\n\n"
        "### Key Results\n\n- KR1: wrong visits from 22% to 15%\n\n---"
    )
    doc = parse_md(text, "okrs.md")
    assert [(o.text, [k.text for k in o.key_results]) for o in doc.objectives()] == [
        ("Help every patient", ["wrong visits from 22% to 15%"])
    ]
    assert doc.metadata.get("title") == ("Q1" if front else None)


@pytest.mark.parametrize(
    ("text", "objectives", "key_results"),
    [
        (  # a look back at the quarter
            "# OKRs Q2\n\n## Objective 1: Calmer on-call\n\n- KR1: pages from 40 to 10 a week\n\n"
            "## End of Quarter Retrospective\n\n| Objective | Result | Notes |\n|---|---|---|\n"
            "| Objective 1 | Hit / Partial / Missed | [Brief explanation] |\n",
            ["Calmer on-call"],
            ["pages from 40 to 10 a week"],
        ),
        (  # a KPI dashboard and a scorecard under emoji headings
            "# Quarterly OKRs\n\n## Objective 1: Ship calmly\n\n- KR1: Cut pages from 40 to 10 a week\n\n"
            "## 📊 Success Metrics Dashboard\n\n| Metric | Target | Current |\n|---|---|---|\n"
            "| **Deployment Frequency** | 5/week | 2 |\n\n## 📊 OKR Scorecard\n\n"
            "| Objective | KR Progress |\n|---|---|\n| **Ship calmly** | 40% |\n",
            ["Ship calmly"],
            ["Cut pages from 40 to 10 a week"],
        ),
    ],
)
def test_sections_about_the_set_hold_no_statements(
    text: str, objectives: list[str], key_results: list[str]
) -> None:
    doc = parse_md(text)
    assert [o.text for o in doc.objectives()] == objectives
    assert [k.text for k in doc.key_results()] == key_results


def test_a_table_that_explains_key_results_named_elsewhere_holds_none() -> None:
    text = (
        "# OKRs\n\n## Objective: Students argue better\n\n- KR1: rewrites from 20% to 65%\n\n"
        "## Logic\n\n| KR | Type | Why we chose it |\n|---|---|---|\n"
        "| KR1 | Leading | Rewrites are the strongest signal of learning |\n"
    )
    assert [k.text for k in parse_md(text).key_results()] == ["rewrites from 20% to 65%"]
    # A template's labelled rows with only data beside them are its key results.
    template = "# OKRs\n\n**Objective:** Grow\n\n| Key Result | Target |\n|---|---|\n| KR1: | |\n"
    assert len(list(parse_md(template).key_results())) == 1


def test_a_goal_line_with_no_key_results_in_a_plan_is_not_an_objective() -> None:
    text = (
        "# Metrics & OKRs\n\n### Objective 1: Validate the product\n\n- **KR1**: 3 pilots from 0 to 3\n\n"
        "## Growth plan\n\n### Phase 1 (Months 1-3)\n\n**Goal**: Reach break-even ($60 MRR)\n\n"
        "**Tactics:**\n- Close the first deal\n"
    )
    assert [o.text for o in parse_md(text).objectives()] == ["Validate the product"]
    # With key results under it, a "Goal:" is an objective in a file that has OKRs.
    text = text.replace("**Tactics:**\n- Close the first deal", "- KR: MRR from $0 to $60")
    assert [o.text for o in parse_md(text).objectives()][1:] == ["Reach break-even ($60 MRR)"]


def test_a_summary_heading_with_a_list_is_not_an_objective() -> None:
    text = (
        "# 📝 OKR-Leitfaden\n\n## ⚡️ 3-Zeilen-Zusammenfassung (TL;DR)\n\n"
        "1. Löst komplexe Aufgaben mit einem Prompt.\n2. Sofort anwendbar auf Excel.\n"
    )
    assert not parse_md(text, "okr-guide.md").has_okrs


def test_a_quote_used_as_an_indent_under_an_objective_holds_its_key_results() -> None:
    text = (
        "# API OKRs\n\n### OKR 1 Data management\n\n**O: Customers onboard quickly.**\n"
        ">KR 1.1: Onboard 25 customers by end of Q4.\n>KR 1.2: Cut onboarding effort from 3 to 1.\n"
    )
    assert [k.text for k in parse_md(text).key_results()] == [
        "Onboard 25 customers by end of Q4.",
        "Cut onboarding effort from 3 to 1.",
    ]
    # A quote alone, or under a line that is not an objective, holds nothing.
    quote_alone = "# OKRs\n\nSome notes.\n\n> KR: not a key result\n"
    assert not parse_md(quote_alone).has_okrs


def _post_to_the_reader() -> str:
    """A blog post that speaks to its reader, with one example set in it."""
    you = "If you lead a team, you will find your goals get clearer this way.\n\n"
    return (
        "# Using OKRs with your team\n\n## The TL;DR on OKRs\n\n"
        + you
        + "**Objective: Improve our technical brand.**\n\n"
        "* *Key result:* 20 blog posts written\n* *Key result:* 4 talks given\n\n"
        + you
        + "## Conclusion\n\n"
        + you
        + "## References\n\n- A book\n"
    )


def test_a_post_that_speaks_to_the_reader_with_examples_is_an_article() -> None:
    text = _post_to_the_reader()
    doc = parse_md(text, "2016-05-23-okrs-at-work.md")
    assert not doc.has_okrs
    # The same set with prose that does not speak to the reader stays a set.
    assert parse_md(text.replace("you", "one"), "2016-05-23-okrs-at-work.md").has_okrs


def test_headings_over_statement_paragraphs_in_an_okr_file() -> None:
    text = (
        "# Draft 2019 OKRs for the team\n\n#### Develop a guide for subscriptions\n\n"
        "Build a proxy server for the proposal\n\nPublish 100 sample messages\n\n"
        "#### Make order entry smoother\n\nImplement ordering in the sandbox\n\n"
        "Publish the specification for hooks v1\n"
    )
    doc = parse_md(text, "okrs-2019-draft.md")
    assert [(o.text, len(o.key_results)) for o in doc.objectives()] == [
        ("Develop a guide for subscriptions", 2),
        ("Make order entry smoother", 2),
    ]
    # Paragraphs of prose under headings are not statements.
    prose = text.replace("Publish 100 sample messages", "We did this. Then we stopped")
    assert [o.text for o in parse_md(prose, "okrs-2019-draft.md").objectives()] != [
        "Develop a guide for subscriptions",
        "Make order entry smoother",
    ]


def test_a_progress_log_names_key_results_without_stating_them() -> None:
    text = (
        "# OKR\n\n## O1：让生成可控\n\n- KR1：预览 3 个镜头\n- KR2：批量上限\n\n"
        "## 进展记录\n\n2026-08-26：\n- KR2 已实现并有测试\n- O1-KR3：清单核对完成\n"
    )
    doc = parse_md(text)
    assert [k.text for k in doc.key_results()] == ["预览 3 个镜头", "批量上限"]


def test_a_progress_table_of_objectives_stated_above_holds_none() -> None:
    text = (
        "# Goals\n\n### Objective 1: Marketing Readiness\n\n- KR1: SEO on 100% of pages\n\n"
        "### Objective 2: Customer Engagement Features\n\n- KR1: reviews from 0 to 50\n\n"
        "## Where we are\n\n| Objective | Progress | Confidence |\n|---|---|---|\n"
        "| Marketing Readiness | 25% | High |\n| Customer Engagement | 0% | Medium |\n"
    )
    assert [o.text for o in parse_md(text).objectives()] == [
        "Marketing Readiness",
        "Customer Engagement Features",
    ]


def test_a_goals_section_in_a_file_that_labels_its_objectives_is_the_overall_aim() -> None:
    text = (
        "# My OKRs\n\n## Goals\n\nBecome a cloud native architect.\n\n"
        "## Objective 1: Improve Go skills\n\n- Key Result 1: Read 5 Go books\n"
    )
    assert [o.text for o in parse_md(text).objectives()] == ["Improve Go skills"]


def test_labelled_lines_pasted_with_an_indent_are_not_code() -> None:
    """Four spaces before "KR2:" after a blank line make Markdown code; a plain-text page pasted
    with its indents means key results."""
    text = (
        "Objectives & Key Results\n"
        "Objective 1: Establish a reliable ground truth for attribute selection\n\n"
        "   KR1: Label 5,000 pre-matched places\n\n"
        "    KR2: Achieve an inter-annotator agreement of >95% on 200 records\n\n"
        "    KR3: Document at least 5 key attributes with labelling guidelines\n"
    )
    doc = parse_md(text, "OKRs.md")
    assert [(o.text, [k.span.line for k in o.key_results]) for o in doc.objectives()] == [
        ("Establish a reliable ground truth for attribute selection", [4, 6, 8])
    ]
    # A code block of commands is still code.
    code = "# Team OKRs\n\n## Objective: Ship calmly\n\n- KR1: Cut pages from 40 to 10\n\n    make test\n    make lint\n"
    assert [k.text for k in parse_md(code).key_results()] == ["Cut pages from 40 to 10"]


def test_key_results_in_collapsible_details_summaries() -> None:
    text = (
        "# Personal OKRs\n\n## Objective 1: Improve my Go skills\n\n<details>\n"
        "<summary> Key Result 1: Contribute 3 pull requests to Go projects </summary>\n</details>\n"
        "<details open>\n<summary> Key Result 2: Build 5 small Go projects (10%) </summary>\n\n"
        "- weread-hot-booklists\n\n</details>\n"
    )
    doc = parse_md(text)
    assert [(k.text, k.span.line) for k in doc.key_results()] == [
        ("Contribute 3 pull requests to Go projects", 6),
        ("Build 5 small Go projects (10%)", 9),
    ]


def test_rules_for_writing_okrs_in_meeting_notes_are_not_okrs() -> None:
    """Portuguese notes on how to write OKRs: "Devem ser direcionais", "Não deve ser booleano"."""
    text = (
        "# OKRs - Objective & Key-Results\n\n5. How to:\n\n    - 5.1. Objectives:\n\n"
        "      - Derivados de uma visão\n\n      - Devem ser direcionais e inspiracionais\n\n"
        "      - Não devem ser baseados em métricas\n\n      - Recomendado entre 3 e 4 por timeframe\n\n"
        "    - 5.2. Key Results:\n\n      - Recomendado entre 1 e 4 para cada objective\n\n"
        "      - Sempre deve conter uma métrica para mensurar taxa de sucesso\n\n"
        "      - Não deve ser booleano\n"
    )
    doc = parse_md(text, "README.md")
    assert codes(doc, explicit=False) == []


def test_a_zone_line_in_a_list_item_is_not_continued_by_the_line_after_it() -> None:
    text = (
        "# OKRs 2026\n\n2. ÁREA COMERCIAL\nObjetivo: Transformar la percepción de la marca.\nKRs:\n"
        "Incrementar 15% el conocimiento de marca en LinkedIn.\n"
    )
    doc = parse_md(text)
    assert "Incrementar 15% el conocimiento de marca en LinkedIn." in [
        k.text for k in doc.key_results()
    ]


def test_a_target_column_that_says_done_makes_the_key_result_a_task() -> None:
    text = (
        "# Produto OKRs Q1 2026\n\n## O1: Clientes pagam pelo produto\n\n"
        "| # | KR | Baseline | Target |\n|---|---|---|---|\n"
        "| 1.1 | Rate limiting por plano | Não | Sim |\n| 1.2 | Pentest aprovado | N/A | Pass |\n"
        "| 1.3 | Conversão de trial para pago | 4% | 8% |\n"
    )
    found = [(f.line, f.code) for f in lint(parse_md(text), DEFAULT) if f.code.startswith("OKR3")]
    assert (7, "OKR301") in found and (8, "OKR301") in found
    assert not [code for line, code in found if line == 9]


def _kr_codes(text: str) -> dict[int, str]:
    """The key-result finding of each line of a Markdown text."""
    return {f.line: f.code for f in lint(parse_md(text), DEFAULT) if f.code.startswith("OKR3")}


def test_a_key_result_that_names_its_measure_is_not_a_task() -> None:
    text = (
        "# Community OKRs Q3 2026\n\n## Objective: Conversations that lead to decisions\n\n"
        "- KR 1: Decision velocity (proposal resolution time)\n- KR 2: Weekly active users\n"
        "- KR 3: Reaction density (reactions per message)\n- KR 4: Swagger API documentation\n"
    )
    assert _kr_codes(text) == {5: "OKR302", 6: "OKR302", 7: "OKR302", 8: "OKR301"}


def test_a_count_left_as_x_after_the_first_verb_is_template_text() -> None:
    text = (
        "# Ventas OKRs Q3 2026\n\n## Objetivo: Crecer en cuentas grandes\n\n"
        "- KR1: Cerrar X oportunidades con valor total de $Y\n- KR2: Publish X articles per month\n"
        "- KR3: Grow X followers from 2,000 to 5,000\n"
    )
    found = _kr_codes(text)
    assert found.get(5) == "OKR311" and found.get(6) == "OKR311" and found.get(7) != "OKR311"


def test_a_count_after_a_verb_that_names_versions_and_a_level_held_consistently() -> None:
    text = (
        "# Club OKRs Q4 2026\n\n## Objective: Increase quality of clubs\n\n"
        "- KR1: Release 4 new workshops\n- KR2: Ship Release 4 to all clubs\n"
        "- KR3: Availability consistently above 99.95%\n"
    )
    assert _kr_codes(text) == {5: "OKR308", 6: "OKR301", 7: "OKR305"}


def test_a_templates_example_in_brackets_is_template_text_not_an_owner() -> None:
    text = (
        "# Startup OKRs Q1 2026\n\n## Objective 1: Find product-market fit\n\n"
        "- KR1: [e.g., 50 paying customers] — Status: [X/50]\n"
        "- KR2: [momack2] Grow weekly active teams from 40 to 90\n"
    )
    doc = parse_md(text)
    first, second = doc.key_results()
    assert "owner" not in first.metadata and second.metadata["owner"] == "momack2"
    assert _kr_codes(text).get(5) == "OKR311"


def test_template_slots_left_empty_or_as_examples_are_placeholders() -> None:
    text = (
        "# OKRs\n\n### Objective 1: TBD\n- KR1:\n- KR2:\n\n### Objective 2: Students share food\n\n"
        "| KR | Target | Current |\n|---|---|---|\n| Rescue rate of posted portions | _e.g. 60%_ | – |\n"
        "| Meals saved per week | _set after 2 weeks of data_ | – |\n"
    )
    assert _kr_codes(text) == {4: "OKR311", 5: "OKR311", 11: "OKR311", 12: "OKR311"}
    assert "OKR107" not in codes(parse_md(text))  # empty slots are not tasks
    # A skeleton in an explainer ("Objective #1" over "Key result #1") is not read.
    skeleton = "# OKRs\n\n1.  Objective #1\n    1.  Key result #1\n    1.  Key result #2\n"
    assert list(parse_md(skeleton).key_results()) == []


def test_a_target_named_in_parentheses_in_portuguese() -> None:
    from okrlint.analysis.foreign import analyze_in

    a = analyze_in("Reduzir tempo de resposta da API em 30% (atual: 180ms → meta: 126ms)", "pt")
    assert [(q.text, q.role) for q in a.quantities] == [
        ("30%", "delta"),
        ("180ms", "baseline"),
        ("126ms", "target"),
    ]


def test_habits_effort_and_counts_made_by_a_work_verb() -> None:
    text = (
        "# Personal OKRs 2026\n\n## Objective: Stay healthy while shipping the side project\n\n"
        "- KR1: Bike to work at least 3 times per week on average\n"
        "- KR2: Users log in 3 times per week\n- KR3: Ten hours in analysis and development\n"
        "- KR4: 10 minutes of downtime per month at most\n"
        "- KR5: Spend 1hr every week on personal projects\n"
    )
    found = _kr_codes(text)
    assert (found[5], found[7], found[9]) == ("OKR301", "OKR301", "OKR301")
    assert found[6] != "OKR301" and found[8] != "OKR301"
    from okrlint.analysis.foreign import analyze_in

    assert analyze_in("Documentar 5 procesos comerciales clave", "es").output_count
    assert analyze_in("Adicionar 3 novos modelos de IA", "pt").output_count
    assert not analyze_in("Migrar 100% de los servicios", "es").output_count


def test_a_one_word_theme_before_a_statement_of_its_own_is_not_judged() -> None:
    from okrlint.readers.decorations import clean

    assert clean("Launch: Mahaveer is publicly trading online").text == (
        "Mahaveer is publicly trading online"
    )
    assert clean("Operations: the counter runs itself").text == "the counter runs itself"
    assert clean("Launch: the new onboarding flow for teams").text == (
        "Launch: the new onboarding flow for teams"
    )


def test_be_the_best_is_vague_but_a_confident_speaker_is_not() -> None:
    text = (
        "# OKRs Q3 2026\n\n## Objective: Be the best platform team\n\n"
        "- KR1: Cut p95 latency from 400ms to 200ms\n- KR2: Raise NPS from 20 to 40\n\n"
        "## Objective: Become a confident public speaker\n\n- KR1: Give 3 talks at meetups\n"
        "- KR2: Raise my talk feedback score from 3.2 to 4.5\n"
    )
    found = [(f.line, f.code) for f in lint(parse_md(text), DEFAULT) if f.code == "OKR203"]
    assert found == [(3, "OKR203")]


def test_standing_ceilings_endless_improvement_and_certifications() -> None:
    """Issue #13's classes 4 and 6: a standing constraint is a KPI to maintain, "keep
    improving" is not; a certification is reached once, a task."""
    text = (
        "# Support OKRs Q3 2026\n\n## Objective: Customers get help without waiting\n\n"
        "- KR1: No ticket waits more than one business day for a first reply\n"
        "- KR2: Keep improving onboarding\n- KR3: Keep paying customers stable\n"
        "- KR4: Achieve ISO 27001 certification\n- KR5: Pass the SOC 2 Type II audit\n"
    )
    found = _kr_codes(text)
    assert (found[5], found[6], found[7]) == ("OKR305", "OKR302", "OKR305")
    assert (found[8], found[9]) == ("OKR301", "OKR301")


def test_issue_13_objectives_that_are_one_goal_a_quality_or_a_segment() -> None:
    text = (
        "# OKRs Q3 2026\n\n## Objective: Onboarding feels effortless\n"
        "- KR1: Raise activation from 40% to 60%\n- KR2: Cut setup time from 18 to 8 minutes\n\n"
        "## Objective: Find, interview and hire great engineers\n"
        "- KR1: Raise offer acceptance from 50% to 70%\n- KR2: Cut time to hire from 60 to 40 days\n\n"
        "## Objective: Win mid-market customers (50-500 employees)\n"
        "- KR1: Raise win rate from 12% to 20%\n- KR2: Cut sales cycle from 90 to 60 days\n\n"
        "## Objective: Ship the mobile app and grow the partner channel\n"
        "- KR1: Raise weekly active users from 1,000 to 3,000\n"
        "- KR2: Raise partner revenue from $1M to $2M\n"
    )
    found = [(f.line, f.code) for f in lint(parse_md(text), DEFAULT) if f.code.startswith("OKR2")]
    assert [line for line, _ in found] == [15]  # two goals, one a task: reported


def test_xyz_where_a_count_belongs_is_template_text() -> None:
    text = "# OKRs Q3\n\n## Objective: Grow the partner channel\n\n- KR1: Grow XYZ customers\n"
    assert _kr_codes(text) == {5: "OKR311"}


def test_an_article_with_bold_lines_for_headings_is_an_article() -> None:
    """Found by the metamorphic check over the non-OKR files (bold lines for headings): a blog
    post whose section names are bold lines ("**Conclusion**") is as much an article as one
    with "## Conclusion"."""
    text = _post_to_the_reader()
    bold = text.replace("## The TL;DR on OKRs", "**The TL;DR on OKRs**")
    bold = bold.replace("## Conclusion", "**Conclusion**").replace(
        "## References", "**References**"
    )
    assert not parse_md(text, "2016-05-23-okrs-at-work.md").has_okrs
    assert not parse_md(bold, "2016-05-23-okrs-at-work.md").has_okrs


def test_a_check_in_after_the_statement_is_its_status_progress_or_score() -> None:
    """ "(🟢 70%)", "[At risk]", "→ 0.8" and "(62%)" after a statement that already holds its
    baseline and target are a check-in: kept apart from the text (the analysis would read
    70% as a metric in the objective). A parenthesis that is part of the statement stays."""
    from okrlint.readers.decorations import clean

    c = clean("Catch fraud before it reaches customers (🟢 70%)")
    assert (c.text, c.metadata["progress"]) == ("Catch fraud before it reaches customers", "70%")
    c = clean("Make reviews fast for honest customers [At risk]")
    assert (c.text, c.metadata["status"]) == ("Make reviews fast for honest customers", "At risk")
    c = clean("Pages per on-call week from 35 to 10 → 0.8")
    assert (c.text, c.metadata["score"]) == ("Pages per on-call week from 35 to 10", "0.8")
    c = clean("Data freshness SLA met 99% of days (from 90%) → 0.5")
    assert c.metadata["score"] == "0.5"
    c = clean("Mobile weekly active users from 80k to 120k (62%)")
    assert (c.text, c.metadata["progress"]) == (
        "Mobile weekly active users from 80k to 120k",
        "62%",
    )
    # No baseline and target before them: part of the statement.
    assert clean("Raise the share of repeat buyers (22%)").text.endswith("(22%)")
    assert clean("Error rate → 0.5").text == "Error rate → 0.5"


def test_a_status_light_after_a_key_result_is_its_status() -> None:
    """ "Increase enterprise ARR from $42M to $55M 🟡 60%": the light and its progress are a
    check-in, not part of the statement."""
    from okrlint.readers.decorations import clean

    c = clean("Increase enterprise ARR from $42M to $55M 🟡 60%")
    assert (c.text, c.metadata["progress"], c.metadata["status"]) == (
        "Increase enterprise ARR from $42M to $55M",
        "60%",
        "🟡 60%",
    )
