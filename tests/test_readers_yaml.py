"""The YAML reader: canonical shape, variants, positions and errors."""

from __future__ import annotations

from conftest import FIXTURES, outline, parse_yaml
from okrlint.readers import read_bytes

Y = FIXTURES / "yaml"


def read(name: str):
    path = Y / name
    return read_bytes(str(path), path.read_bytes())


def test_canonical_shape_with_positions_and_metadata() -> None:
    doc = read("canonical.yaml")
    assert outline(doc) == [
        (
            "Make onboarding feel effortless",
            5,
            [
                "Increase activation rate from 42% to 60%",
                "Reduce time to first project from 18 to 8 minutes",
            ],
        )
    ]
    (s,) = doc.sets
    assert s.metadata["cycle"] == "2026-Q3"
    assert s.metadata["level"] == "team"
    obj = s.objectives[0]
    assert obj.metadata["owner"] == "@growth-lead"
    assert (obj.span.line, obj.span.column) == (5, 16)
    kr = obj.key_results[1]
    assert kr.metadata["score"] == "0.4"
    assert [i.text for i in kr.initiatives] == ["Redesign the welcome screen"]
    assert (kr.span.line, kr.span.column) == (9, 15)


def test_variants_several_documents_case_and_key_spellings() -> None:
    doc = read("variants.yml")
    assert [s.title for s in doc.sets] == ["Product", "Platform team"]
    assert doc.sets[0].metadata["cycle"] == "Q4"
    assert outline(doc) == [
        ("Make it simple to use", 7, ["Raise setup success from 60% to 90%", "Create Cron tasks"]),
        (
            "Make deploys boring",
            16,
            ["Reduce failed deploys from 12% to 3%", "Cut rollback time from 40 to 10 minutes"],
        ),
    ]
    assert doc.sets[1].metadata["level"] == "team"


def test_yaml_without_okrs_is_not_an_error() -> None:
    doc = read("not_okrs.yaml")
    assert not doc.has_okrs
    assert doc.problems == []


def test_okr_yaml_with_a_wrong_shape_is_a_parse_problem() -> None:
    doc = read("bad_shape.yaml")
    (problem,) = doc.problems
    assert "'objectives' must be a list" in problem.message
    assert problem.span.line == 2


def test_invalid_yaml_reports_line_and_column() -> None:
    doc = read("invalid.yaml")
    (problem,) = doc.problems
    assert problem.message.startswith("invalid YAML")
    assert problem.span.line == 4


def test_unsafe_tags_are_refused_and_nothing_runs() -> None:
    doc = parse_yaml("objectives: !!python/object/apply:os.system ['echo hacked']\n")
    (problem,) = doc.problems
    assert "tag" in problem.message


def test_an_applications_own_tags_are_read_as_the_values_they_tag() -> None:
    # CloudFormation's !Ref, Home Assistant's !include: nothing is constructed, so the tag is
    # not a danger and the file is read as written.
    doc = parse_yaml(
        "objectives:\n  - objective: Make onboarding effortless\n    key_results:\n"
        "      - !kr Raise activation from 30% to 45%\n"
        "    owner: !Ref TeamName\n"
    )
    assert doc.problems == []
    (kr,) = next(doc.objectives()).key_results
    assert kr.text == "Raise activation from 30% to 45%"


def test_unreadable_yaml_is_reported_when_it_names_okr_keys_only() -> None:
    # A Helm template is not YAML until rendered, a model's saved parameters carry Python tags:
    # neither says it holds OKRs, so neither is reported unless named (doc.speculative).
    helm = parse_yaml("spec:\n  replicas: {{ .Values.replicas }}\n  name: {{ x }\n")
    hparams = parse_yaml("loss: mse\nshape: !!python/tuple [1, 2]\n")
    assert helm.problems and helm.speculative
    assert hparams.problems and hparams.speculative
    broken = parse_yaml("okrs:\n  - objective: Grow\n    key_results: [a\n")
    tagged = parse_yaml('{"key_results": !!python/object/apply:os.system ["id"]}\n')
    assert broken.problems and not broken.speculative
    assert tagged.problems and not tagged.speculative


def test_a_key_result_under_an_unknown_key_is_its_one_sentence_and_block_text_starts_below() -> (
    None
):
    """Found by a fresh batch (an OKR-as-YAML format): each key result's text is a folded
    'target_measure: >' scalar beside ids, dates and owners. It is read (not OKR001 'a key
    result needs its text'), and its line is the line where the text starts, under the '>'."""
    doc = parse_yaml(
        "objectives:\n  - title: Make architecture decisions traceable\n    key_results:\n"
        "      - id: KR1\n        target_measure: >\n          A decision record template is\n"
        "          adopted by all delivery teams.\n        target_date: Q2\n"
        "        status: In Progress\n"
        "      - id: KR2\n        owner: Marco Ferrari and the board team\n"
        "        scope_so_far: Draft covers 14 of 17 roles so far\n"
        "        expected: Median decision time drops below 5 days\n"
    )
    (problem,) = doc.problems  # KR2: two sentences outside the note fields, so no guess
    assert "needs its text" in problem.message and problem.span.line == 10
    doc = parse_yaml(doc.source.split("      - id: KR2")[0])
    assert doc.problems == []
    (kr,) = next(doc.objectives()).key_results
    assert kr.text == "A decision record template is adopted by all delivery teams."
    assert (kr.span.line, kr.span.column) == (6, 11)


def test_alias_bombs_are_refused() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    prev = "a"
    for i in range(12):
        name = f"b{i}"
        lines.append(f"{name}: &{name} [" + ", ".join(f"*{prev}" for _ in range(9)) + "]")
        prev = name
    lines.append(f"objectives: [*{prev}]")
    doc = parse_yaml("\n".join(lines) + "\n")
    assert doc.problems
    assert "refused" in doc.problems[0].message or "objective" in doc.problems[0].message


def test_duplicate_keys_are_reported() -> None:
    doc = parse_yaml(
        "cycle: 2026-Q3\ncycle: 2026-Q4\nobjectives:\n  - objective: Be calm\n"
        "    key_results: [Cut pages from 40 to 10]\n"
    )
    assert any("duplicate YAML key" in p.message for p in doc.problems)


def test_top_level_list_of_objectives() -> None:
    doc = parse_yaml(
        "- objective: Be calm\n  krs: [Cut pages from 40 to 10, Sleep from 6 to 7 hours]\n"
    )
    assert outline(doc) == [("Be calm", 1, ["Cut pages from 40 to 10", "Sleep from 6 to 7 hours"])]


def test_keys_that_differ_by_case_are_not_duplicates() -> None:
    from conftest import parse_yaml

    doc = parse_yaml("path: a\nPATH: b\nobjectives:\n  - objective: Grow\n    key_results: [x]\n")
    assert not [p for p in doc.problems if "duplicate" in p.message]
    dup = parse_yaml("path: a\npath: b\n")
    assert [p.span.line for p in dup.problems if "duplicate" in p.message] == [2]


def test_sets_under_other_keys_beside_a_first_set_are_all_read() -> None:
    """gitokr-style files: the company's OKR, then projects and members with their own."""
    from conftest import parse_yaml

    doc = parse_yaml(
        "Name: Acme\nOKR:\n  Q4:\n    Objective: Open the space\n    KeyResults:\n"
        "      - Metric: 5 paying customers\n"
        "Projects:\n  - Name: Space\n    OKR:\n      Q4:\n        Objective: Furnish it\n"
        "        KeyResults:\n          - Metric: ''\n          - Metric: Chairs for 20 people\n"
    )
    assert [(s.title, [o.text for o in s.objectives]) for s in doc.sets] == [
        ("Acme", ["Open the space"]),
        ("Space", ["Furnish it"]),
    ]
    assert [k.text for k in doc.sets[1].objectives[0].key_results] == ["Chairs for 20 people"]
    assert doc.problems == []


def test_success_metrics_are_the_key_results_of_an_objective() -> None:
    doc = parse_yaml(
        "objectives:\n  - id: OBJ-001\n    description: Automate funding discovery\n"
        "    success_metrics:\n      - 60+ opportunities discovered\n      - Zero manual data entry\n"
    )
    (o,) = doc.objectives()
    assert [k.text for k in o.key_results] == [
        "60+ opportunities discovered",
        "Zero manual data entry",
    ]


def test_keys_in_the_teams_language_are_read() -> None:
    doc = parse_yaml(
        "ziele:\n  - ziel: Kunden bekommen schneller Hilfe\n    schluesselergebnisse:\n"
        "      - Erstreaktionszeit von 8 auf 2 Stunden senken\n"
        "objetivos:\n  - objetivo: Que los despliegues sean aburridos\n    resultados_clave:\n"
        "      - Reducir los despliegues fallidos del 12 % al 3 %\n"
    )
    assert [o.text for o in doc.objectives()] == [
        "Kunden bekommen schneller Hilfe",
        "Que los despliegues sean aburridos",
    ]
    assert len(list(doc.key_results())) == 2


def test_a_named_json_file_is_read_as_yaml_with_positions() -> None:
    data = (
        b'{\n\t"objectives": [\n\t\t{\n\t\t\t"title": "Make onboarding effortless",\n'
        b'\t\t\t"keyResults": [\n\t\t\t\t{"title": "Raise activation from 40% to 60%"}\n'
        b"\t\t\t]\n\t\t}\n\t]\n}\n"
    )
    doc = read_bytes("okrs.json", data)
    assert not doc.problems
    (objective,) = doc.objectives()
    assert objective.text == "Make onboarding effortless" and objective.span.line == 4
    assert [k.text for k in objective.key_results] == ["Raise activation from 40% to 60%"]


def test_a_json_file_is_linted_when_named_and_says_json_when_it_holds_no_okrs(
    okrlint, tmp_path
) -> None:
    (tmp_path / "package.json").write_text('{"name": "x", "version": "1.0.0"}\n')
    run = okrlint(str(tmp_path / "package.json"))
    assert "No objective found in this JSON file: okrlint reads an 'objectives:'" in run.stdout
    run = okrlint(str(tmp_path))  # a folder walk takes Markdown and YAML only
    assert "package.json" not in run.stdout


def test_json_problems_say_json_and_non_text_entries_are_not_statements() -> None:
    doc = read_bytes("okrs.json", b'{"objectives": [{"title": "A", "title": "B"}]}\n')
    assert [p.message for p in doc.problems] == [
        "duplicate JSON key 'title' (JSON readers keep the last one)"
    ]
    doc = read_bytes(
        "okrs.json",
        b'{"objectives": [{"title": "Make onboarding effortless", "key_results": '
        b'[null, true, 42, "Raise activation from 40% to 60%"]}]}\n',
    )
    (objective,) = doc.objectives()
    assert [k.text for k in objective.key_results] == ["Raise activation from 40% to 60%"]


def test_a_glossary_and_a_list_key_with_its_period() -> None:
    """Text under an OKR key in a glossary is not a list of objectives (an error only when
    nothing else is read); "objetivos_q3" is the objective list of Q3."""
    text = (
        '{"glossary": {"okr": "OKR = the bet of the quarter", "kr": "KR = the number that '
        'proves it"},\n "objetivos_q3": [\n  {"titulo": "Restart enrolment", "krs": [\n'
        '   {"texto": "48 new enrolments in the quarter"}]}]}\n'
    )
    doc = parse_yaml(text, "okrs.json")
    assert outline(doc) == [("Restart enrolment", 3, ["48 new enrolments in the quarter"])]
    assert doc.problems == []
    assert doc.sets[0].metadata["cycle"] == "q3"
    only_glossary = parse_yaml('{"glossary": {"okr": "OKR = the bet of the quarter"}}', "o.json")
    assert [p.message for p in only_glossary.problems] == [
        "'okr' must be a list of objectives, not a scalar"
    ]


def test_a_tree_whose_nodes_say_their_type() -> None:
    """An OKR tool's export: every node in one tree, its type in a field."""
    text = (
        '{"nodes": [{"tipo": "objetivo", "nome": "Leaders drive the digital change", "filhos": [\n'
        '  {"tipo": "kr", "nome": "Raise trained leaders from 40% to 100%", "filhos": [\n'
        '    {"tipo": "kpi", "nome": "KPI - data dimension"}]},\n'
        '  {"tipo": "kr", "nome": "Cut entropy from 9.7 to 8.7"}]}]}\n'
    )
    doc = parse_yaml(text, "okrs.json")
    assert outline(doc) == [
        (
            "Leaders drive the digital change",
            1,
            ["Raise trained leaders from 40% to 100%", "Cut entropy from 9.7 to 8.7"],
        )
    ]


def test_objectives_cascaded_under_an_objective_as_children() -> None:
    text = (
        '{"objectives": [{"title": "Become the leading cloud adviser", "keyResults": [\n'
        '  {"title": "Grow revenue from 32M to 50M", "target": 50, "current": 32}],\n'
        ' "children": [{"title": "Win retail", "level": "division", "keyResults": [\n'
        '  {"title": "Sign 5 new retail customers"}]}]}]}\n'
    )
    doc = parse_yaml(text, "okrs.json")
    assert outline(doc) == [
        ("Become the leading cloud adviser", 1, ["Grow revenue from 32M to 50M"]),
        ("Win retail", 3, ["Sign 5 new retail customers"]),
    ]
    parent, child = doc.objectives()
    assert child.parent is parent and parent.children == [child]
    assert doc.sets[0].top_objectives == [parent]


def test_current_value_and_target_value_keys_are_the_numbers_of_a_key_result() -> None:
    text = (
        '[{"objective": "Platform reliability", "key_results": [\n'
        '  {"title": "Reduce P99 API latency below 200ms", "current_value": 247, '
        '"target_value": 200, "unit": "ms"}]}]\n'
    )
    (kr,) = parse_yaml(text, "okrs.json").key_results()
    assert (kr.metadata["current"], kr.metadata["target"]) == ("247", "200")


def test_a_target_of_one_thing_is_a_deliverable_not_a_level() -> None:
    """ "E-Commerce-Framework entwickeln" with target 1 and current 0.5 (unit: Framework) is one
    thing being built: kr-is-task, not a measured level."""
    import datetime as dt

    from okrlint.engine import Settings, lint
    from okrlint.registry import default_registry

    text = (
        '{"objectives": [{"title": "E-Commerce-Transformation vorantreiben", "keyResults": [\n'
        ' {"title": "E-Commerce-Framework entwickeln", "target": 1, "current": 0.5, '
        '"unit": "Framework"}]}]}\n'
    )
    registry = default_registry()
    settings = Settings(
        registry=registry,
        selected=frozenset(r.code for r in registry.rules if r.enabled),
        today=dt.date(2026, 12, 1),
    )
    doc = parse_yaml(text, "okrs.json")
    assert [f.name for f in lint(doc, settings) if f.item == "key_result"] == ["kr-is-task"]


def test_desc_keys_and_an_okr_tools_default_texts_are_read_as_placeholders() -> None:
    """An OKR app's seed data ('New objective', a KR whose 'desc' is 'Key result'): read, with
    the text kept as written so the placeholder rule can speak."""
    from okrlint.analysis import analyze_document

    text = (
        '{"bus": [{"name": "N2 Group", "objectives": [{"text": "New objective", "krs": [\n'
        '  {"desc": "Key result", "owner": "Owner"}, {"desc": "Grow revenue from 1M to 2M"}]}]}]}\n'
    )
    doc = parse_yaml(text, "okrs.json")
    assert outline(doc) == [("New objective", 1, ["Key result", "Grow revenue from 1M to 2M"])]
    analyze_document(doc)
    placeholder, real = doc.key_results()
    assert placeholder.analysis is not None and placeholder.analysis.placeholders == ["Key result"]
    assert real.analysis is not None and real.analysis.placeholders == []


def test_an_id_in_the_text_key_gives_way_to_the_metric_it_names() -> None:
    doc = parse_yaml(
        "company_objectives:\n  - key: O1\n    title: Grow sustainable revenue\n"
        "    key_results:\n      - kr: O1-KR1\n        metric: NetDollarRetention\n"
        "        target: 1.10\n"
    )
    (kr,) = doc.key_results()
    assert kr.text == "NetDollarRetention" and kr.span.line == 6
    assert kr.metadata["measure"] == "NetDollarRetention"


def test_a_goals_measure_of_success_written_as_a_sentence_is_its_key_result() -> None:
    """Found by a fresh batch (assistants' goals.yaml): "metric:" or "success_criteria:" beside
    a goal's title, written as a sentence, is the goal's one key result; a measure's name
    ("metric: ARR") is not, nor is a metric beside key results of its own."""
    doc = parse_yaml(
        "goals:\n"
        "  - title: Close the Series A at terms we can live with\n"
        '    metric: "Signed term sheet by 2026-03-15"\n'
        "  - title: Grow revenue\n"
        "    metric: ARR\n"
        "  - title: Keep customers\n"
        "    success_criteria: Logo retention stays above 90% all year\n"
        "  - title: Ship faster\n"
        "    metric: Lead time for changes\n"
        "    key_results:\n"
        "      - Cut lead time from 5 days to 2\n",
        path="goals.yaml",
    )
    assert outline(doc) == [
        ("Close the Series A at terms we can live with", 2, ["Signed term sheet by 2026-03-15"]),
        ("Grow revenue", 4, []),
        ("Keep customers", 6, ["Logo retention stays above 90% all year"]),
        ("Ship faster", 8, ["Cut lead time from 5 days to 2"]),
    ]
    assert next(iter(doc.key_results())).span.line == 3


def test_objectives_with_no_key_result_nor_a_key_for_one_are_not_okrs() -> None:
    """Found by a fresh batch (a planning tool's roadmap.yml, a goals list with statuses, an
    SLO file's ``objective: 99.9``): objectives and not one key result, nor a key for them,
    are a roadmap, and every finding on them said "no key results". An empty
    ``key_results:`` (a set being drafted) or a file named for OKRs keeps them."""
    roadmap = (
        "objectives:\n"
        "  - title: We provide a single schema for planning\n"
        "    description: Teams describe their work in one format.\n"
        "  - title: We have exceptional documentation\n"
    )
    doc = parse_yaml(roadmap, path="roadmap.yml")
    assert outline(doc) == [] and doc.no_okrs_reason
    slo = "slos:\n  - name: requests-availability\n    objective: 99.9\n"
    assert outline(parse_yaml(slo, path="slo.yaml")) == []
    assert len(outline(parse_yaml(roadmap, path="team-okrs.yaml"))) == 2
    drafted = roadmap + "    key_results: []\n"
    assert len(outline(parse_yaml(drafted, path="roadmap.yml"))) == 2


def test_a_start_value_beside_a_target_is_the_baseline() -> None:
    """ "start": 35 beside "target": 10 (an OKR app's export) is where the key result starts,
    so no kr-missing-baseline; a start date stays a date."""
    doc = parse_yaml(
        '{"objectives": [{"name": "Make on-call quiet", "keyResults": [\n'
        '  {"name": "Mean time to restore", "start": "55 min", "target": "30 min"},\n'
        '  {"name": "Pages per week", "start": "2026-01-05", "target": 10}]}]}\n'
    )
    first, second = next(doc.objectives()).key_results
    assert first.metadata["baseline"] == "55 min"
    assert "baseline" not in second.metadata


def test_a_flat_list_of_typed_records_links_key_results_to_their_parent() -> None:
    """An OKR tool's export: one record per statement, typed, each key result naming its
    parent objective's id (or following it)."""
    doc = parse_yaml(
        "- id: O-1\n  type: objective\n  statement: Warehouses ship the same day\n"
        "- id: O-2\n  type: objective\n  statement: Returns cost us less\n"
        "- id: KR-1-1\n  type: key_result\n  parent: O-1\n"
        "  statement: Same-day ship rate from 78% to 97%\n"
        "- id: KR-2-1\n  type: key_result\n  parent: O-2\n"
        "  statement: Cost per return from EUR 7.40 to EUR 4.90\n"
        "- id: KR-2-2\n  type: key_result\n  statement: Refunds within 48h for 90% of returns\n"
    )
    first, second = doc.objectives()
    assert [k.text for k in first.key_results] == ["Same-day ship rate from 78% to 97%"]
    assert [k.span.line for k in second.key_results] == [14, 17]


def test_objectives_written_as_keys_over_lists_of_key_results_in_an_okr_file() -> None:
    """A personal okrs.yaml: each objective written out as a key, its key results as the list
    under it. In a file not named for OKRs the same mapping is nothing."""
    text = (
        '"Get strong enough to enjoy the Alps trip":\n  - deadlift 1.5x bodyweight (now 1.1x)\n'
        "  - run 10k under 55 min\n"
        '"Make the side project pay for its servers":\n  - 25 paying users by june\n'
    )
    doc = parse_yaml(text, path="okr-2026.yaml")
    assert [o.span.line for o in doc.objectives()] == [1, 4]
    assert [k.span.line for o in doc.objectives() for k in o.key_results] == [2, 3, 5]
    assert not list(parse_yaml(text, path="packing.yaml").objectives())
