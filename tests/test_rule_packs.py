"""Custom rule packs: the example house rules, validation, and a Python plugin."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT

HOUSE = ROOT / "examples" / "house-rules"
PLUGIN = ROOT / "examples" / "okrlint-plugin-example"


def setup(tmp_path: Path, okrs: str, config: str = "") -> tuple[str, str]:
    (tmp_path / ".git").mkdir(exist_ok=True)
    cfg = tmp_path / ".okrlint.yaml"
    cfg.write_text(f"rule-packs: ['{HOUSE}']\n{config}")
    path = tmp_path / "okrs.md"
    path.write_text(okrs, encoding="utf-8")
    return str(path), str(cfg)


def names(run) -> list[str]:
    return [f["name"] for f in run.json()]


OKRS = """---
cycle: 2026-Q3
level: team
---
## Objective: Create synergy between sales and support
- Increase win rate from 17% to 25% by end of Q3 (owner: @ana)
- Grow monthly actives from 12,000 to 18,000 (owner: @bo)
- Cut time to quote from 5 days to 2 days by September 30

## Objective: Customer happiness
- Reduce escaped defects from 40 to 10 per release by end of Q3 (owner: @cy)
"""


def test_the_five_house_rules(okrlint, tmp_path) -> None:
    path, _ = setup(tmp_path, OKRS)
    data = okrlint(path, "--select", "ACME", "--format", "json").json()
    got = sorted((f["code"], f["line"]) for f in data)
    assert got == [
        ("ACME001", 8),  # no owner
        ("ACME002", 7),  # no due date
        ("ACME003", 5),  # "synergy"
        ("ACME004", 10),  # "Customer happiness" does not start with a verb
        ("ACME006", 7),  # "monthly actives" is not the glossary name
    ]
    msg = {f["code"]: f["message"] for f in data}
    assert "Say 'collaboration' instead of 'synergy'" in msg["ACME003"]
    assert "'MAU (monthly active users)' instead of 'monthly actives'" in msg["ACME006"]


def test_level_filter_individual_limit(okrlint, tmp_path) -> None:
    body = "".join(
        f"## Objective: Become better at thing {i}\n- Raise x from 1 to 2 by end of Q3 (owner: @a)\n"
        for i in range(3)
    )
    path, _ = setup(tmp_path, "---\nlevel: individual\ncycle: 2026-Q3\n---\n" + body)
    assert "individual-max-two-objectives" in names(
        okrlint(path, "--select", "ACME005", "--format", "json")
    )
    path, _ = setup(tmp_path, "---\nlevel: team\ncycle: 2026-Q3\n---\n" + body)
    assert names(okrlint(path, "--select", "ACME005", "--format", "json")) == []


def test_pack_rules_are_first_class(okrlint, tmp_path) -> None:
    path, _cfg = setup(
        tmp_path, OKRS, "rules:\n  no-buzzwords: {severity: error}\nignore: [ACME004]\n"
    )
    data = okrlint(path, "--format", "json").json()
    buzz = next(f for f in data if f["code"] == "ACME003")
    assert buzz["severity"] == "error"
    assert "ACME004" not in {f["code"] for f in data}
    sarif = okrlint(path, "--format", "sarif").json()
    assert "ACME003" in {r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    suppressed = OKRS.replace(
        "## Objective: Create synergy",
        "<!-- okrlint-disable-next-line no-buzzwords -->\n## Objective: Create synergy",
    )
    Path(path).write_text(suppressed)
    assert "ACME003" not in {f["code"] for f in okrlint(path, "--format", "json").json()}


def test_house_rule_examples_pass_and_fail(okrlint, tmp_path) -> None:
    import yaml

    for file in sorted(HOUSE.glob("ACME*.yaml")):
        rule = yaml.safe_load(file.read_text())
        for verdict in ("fail", "pass"):
            for example in rule["examples"][verdict]:
                if "markdown" in example:
                    text = example["markdown"]
                elif example.get("kind") == "objective":
                    text = f"## Objective: {example['text']}\n- Raise x from 1 to 2\n"
                else:
                    text = f"## Objective: Make it work\n- {example['text']}\n"
                path, _ = setup(tmp_path, text)
                codes = {
                    f["code"]
                    for f in okrlint(path, "--select", rule["code"], "--format", "json").json()
                }
                assert (rule["code"] in codes) == (verdict == "fail"), (file.name, verdict, example)


BAD_PACKS = {
    "unknown key": ("frobnicate: 1\n", "unknown key 'frobnicate'"),
    "unknown kind": (
        "extends: existance\n",
        "unknown kind 'extends: existance' (did you mean 'existence'?)",
    ),
    "missing message": ("message: null\n", "missing 'message'"),
    "bad pattern": (
        "extends: pattern\npatterns:\n  - [{LOWR: synergy}]\n",
        "bad token pattern",
    ),
    "bad regex": ("regex: ['(unclosed']\n", "bad regular expression"),
    "python code": ("extends: python\ncheck: os:system\n", "cannot name Python code"),
    "missing plugin": (
        "extends: python\nplugin: nope-not-installed\n",
        "no installed plugin provides 'nope-not-installed'",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_PACKS))
def test_invalid_packs_fail_with_file_line_and_problem(okrlint, tmp_path, case) -> None:
    extra, expected = BAD_PACKS[case]
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "_pack.yaml").write_text("name: mine\nprefix: MINE\n")
    base = (
        "code: MINE001\nname: no-synergy\nseverity: warning\nscope: objective\n"
        "extends: existence\ntokens: [synergy]\nmessage: \"Avoid '{match}'.\"\nsummary: No synergy.\n"
    )
    lines = dict(line.split(":", 1) for line in base.splitlines())
    for line in extra.splitlines():
        if ":" in line and not line.startswith(" "):
            lines.pop(line.split(":", 1)[0], None)
    text = "".join(f"{k}:{v}\n" for k, v in lines.items()) + extra
    (pack / "MINE001.yaml").write_text(text)
    (tmp_path / ".okrlint.yaml").write_text("rule-packs: [pack]\n")
    (tmp_path / "okrs.md").write_text(OKRS)
    run = okrlint(str(tmp_path / "okrs.md"))
    assert run.exit_code == 2, run.stdout
    assert expected in run.stderr
    assert str(pack / "MINE001.yaml") in run.stderr
    assert run.stderr.count("\n") == 1


def test_duplicate_codes_and_reserved_prefix(okrlint, tmp_path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "_pack.yaml").write_text("name: mine\nprefix: MINE\n")
    rule = (
        "code: MINE001\nname: {name}\nseverity: warning\nscope: objective\nextends: existence\n"
        "tokens: [synergy]\nmessage: x\nsummary: x\n"
    )
    (pack / "a.yaml").write_text(rule.format(name="one"))
    (pack / "b.yaml").write_text(rule.format(name="two"))
    (tmp_path / ".okrlint.yaml").write_text("rule-packs: [pack]\n")
    (tmp_path / "okrs.md").write_text(OKRS)
    run = okrlint(str(tmp_path / "okrs.md"))
    assert run.exit_code == 2
    assert "duplicate rule code MINE001" in run.stderr
    (pack / "b.yaml").unlink()
    (pack / "_pack.yaml").write_text("name: mine\nprefix: OKR\n")
    run = okrlint(str(tmp_path / "okrs.md"))
    assert run.exit_code == 2
    assert "reserved" in run.stderr


def test_a_pack_regex_cannot_hang_the_run(okrlint, tmp_path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text(
        "pack: {name: slow, prefix: SLOW}\nrules:\n  - code: SLOW001\n    name: evil\n"
        "    severity: info\n    scope: key_result\n    extends: existence\n"
        "    regex: ['(x+x+)+y', '(a|aa)+$']\n    message: m\n    summary: s\n"
    )
    (tmp_path / ".okrlint.yaml").write_text("rule-packs: [pack.yaml]\n")
    kr = "x" * 5000
    (tmp_path / "okrs.md").write_text(f"## Objective: Be fast\n- {kr}\n- {'a' * 5000}!\n")
    start = time.perf_counter()
    run = okrlint(str(tmp_path / "okrs.md"), "--select", "SLOW001", "--format", "json")
    assert time.perf_counter() - start < 5
    assert run.exit_code in (0, 1)


def test_python_plugin_through_its_entry_point(okrlint, tmp_path, monkeypatch) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "--target",
            str(target),
            str(PLUGIN),
        ],
        check=True,
    )
    monkeypatch.syspath_prepend(str(target))
    (tmp_path / ".okrlint.yaml").write_text(f"rule-packs: ['{PLUGIN / 'rules.yaml'}']\n")
    (tmp_path / "okrs.md").write_text(
        "## Objective: Make onboarding feel effortless\n"
        "- Increase activation rate from 42% to 60% (GROW-88)\n"
        "- Reduce time to first project from 18 to 8 minutes\n"
    )
    data = okrlint(str(tmp_path / "okrs.md"), "--select", "EXA", "--format", "json").json()
    assert [(f["code"], f["line"]) for f in data] == [("EXA001", 3)]
    assert data[0]["message"] == (
        "'Reduce time to first project from 18 to 8 minutes' links no tracking ticket: add its key "
        "(e.g. GROW-123)."
    )


def _install_plugin_rule(root: Path, monkeypatch: Any, name: str, body: str) -> None:
    """An installed plugin ``{name}_plugin`` whose ``check(ctx, node)`` runs ``body``, and a
    pack in ``root`` with one rule ``{NAME}001`` that uses it, loaded by ``root``'s config."""
    site = root / "site"
    dist = site / f"{name}_plugin-0.1.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}-plugin\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text(f"[okrlint.rules]\n{name} = {name}_plugin:check\n")
    (site / f"{name}_plugin.py").write_text("def check(ctx, node):\n" + body)
    monkeypatch.syspath_prepend(str(site))
    sys.modules.pop(f"{name}_plugin", None)
    prefix = name.upper()
    (root / "pack.yaml").write_text(
        f"pack: {{name: {name}, prefix: {prefix}}}\nrules:\n  - code: {prefix}001\n"
        f"    name: {name}\n    severity: warning\n    scope: key_result\n    extends: python\n"
        f"    plugin: {name}\n    message: \"seen '{{text}}'\"\n    summary: s\n"
    )
    (root / ".okrlint.yaml").write_text("rule-packs: [pack.yaml]\n")


def test_a_failing_plugin_check_loses_nothing_else(okrlint, tmp_path, monkeypatch) -> None:
    """A plugin that raises on one statement: exit 2 with the rule and line on stderr, and every
    other statement and rule still checked."""
    _install_plugin_rule(
        tmp_path,
        monkeypatch,
        "boom",
        "    if 'boom' in node.text:\n"
        "        raise ValueError('cannot parse')\n"
        "    yield ctx.message(text=node.text)\n",
    )
    (tmp_path / "okrs.md").write_text(
        "## Objective: Make onboarding feel effortless\n"
        "- Raise activation from 42% to 60% by end of Q3\n"
        "- Make boom happen\n"
        "- Cut time to first project from 18 to 8 minutes by end of Q3\n"
    )
    run = okrlint(str(tmp_path / "okrs.md"), "--select", "BOOM001,OKR", "--format", "json")
    assert run.exit_code == 2
    assert "rule BOOM001 (boom) failed on line 3" in run.stderr
    assert "cannot parse" in run.stderr
    got = [(f["code"], f["line"]) for f in run.json()]
    assert ("BOOM001", 2) in got and ("BOOM001", 4) in got
    assert any(code.startswith("OKR") and line == 3 for code, line in got)  # "Make boom happen"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "stderr"),
    [
        ('    print(\'[{"not": "json"}]\')\n    yield ctx.message(text=node.text)\n', None),
        ("    import sys\n    sys.exit(0)\n    yield 1\n", "called sys.exit(0)"),
        ("    while True:\n        pass\n    yield 1\n", "took more than"),
    ],
    ids=["prints", "exits", "hangs"],
)
def test_a_misbehaving_plugin_cannot_corrupt_end_or_hang_the_run(
    okrlint, tmp_path, monkeypatch, body: str, stderr: str | None
) -> None:
    import json as _json
    import time

    _install_plugin_rule(tmp_path, monkeypatch, "odd", body)
    (tmp_path / "okrs.md").write_text(
        "## Objective: Make onboarding feel effortless\n"
        "- Raise activation from 42% to 60% by end of Q3\n"
    )
    start = time.monotonic()
    run = okrlint(str(tmp_path / "okrs.md"), "--format", "json", "--no-cache")
    assert time.monotonic() - start < 20
    findings = _json.loads(run.stdout)  # stdout is still valid JSON
    assert isinstance(findings, list)
    if stderr is None:
        assert any(f["code"] == "ODD001" for f in findings)
    else:
        assert run.exit_code == 2
        assert stderr in run.stderr


def test_a_pack_rule_ranked_first_in_the_key_result_chain_is_the_one_reported(
    tmp_path: Path,
) -> None:
    from okrlint.engine import Settings, lint
    from okrlint.readers import read_text
    from okrlint.registry import registry_with_packs

    pack = tmp_path / "rules"
    pack.mkdir()
    (pack / "_pack.yaml").write_text("name: acme\nprefix: ACME\n", encoding="utf-8")
    rule = (
        "code: ACME001\nname: kr-says-launch\nseverity: warning\nscope: key_result\n"
        "extends: existence\ntokens: [launch]\nsummary: s\nmessage: m\nchain: key_result\n"
    )
    doc_text = "# OKRs 2026-Q3\n\n## Objective: Grow\n\n- KR: Launch the new onboarding flow\n"
    for rank, expected in (("chain_rank: 0\n", "ACME001"), ("", "OKR301")):
        (pack / "ACME001-x.yaml").write_text(rule + rank, encoding="utf-8")
        registry = registry_with_packs([pack])
        settings = Settings(registry=registry, selected=frozenset(r.code for r in registry.rules))
        codes = [f.code for f in lint(read_text("okrs.md", doc_text, "markdown"), settings)]
        assert expected in codes and ({"ACME001", "OKR301"} - {expected}).isdisjoint(codes), codes
