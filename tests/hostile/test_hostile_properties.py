"""Property tests (hypothesis) over generated Markdown, YAML, free text and bytes: reading and
linting never raise, every finding points inside the file, and the output is deterministic.
The command line over the same inputs exits 0, 1 or 2 with no traceback.

The budgets are modest so that each test takes a few seconds; ``HYPOTHESIS_PROFILE=fuzz``
(see ``fuzz/README.md``) runs them with many more examples.
"""

from __future__ import annotations

import json
import os
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, find, given, settings
from hypothesis import strategies as st

from okrlint.config import KEYS as CONFIG_KEY_NAMES
from okrlint.engine import Finding, Settings, lint
from okrlint.readers import _normalise, read_bytes
from okrlint.registry import default_registry
from okrlint.textsafe import safe_path

settings.register_profile(
    "hostile",
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
    database=None,
)
settings.register_profile(
    "fuzz",
    max_examples=20_000,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
# Applied test by test (not loaded globally: other test modules keep hypothesis' defaults).
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "hostile"))

FIND = settings(max_examples=2_000, deadline=None, database=None)
REGISTRY = default_registry()
SETTINGS = Settings(registry=REGISTRY, selected=frozenset(r.code for r in REGISTRY.rules))

# ------------------------------------------------------------------------------ strategies

WORDS = st.sampled_from(
    [
        "Increase",
        "Reduce",
        "Launch",
        "Ship",
        "Improve",
        "Grow",
        "Make",
        "Hire",
        "Maintain",
        "activation",
        "revenue",
        "NPS",
        "churn",
        "p95",
        "latency",
        "from",
        "to",
        "by",
        "at least",
        "42%",
        "60%",
        "$1.2M",
        "1,800",
        "10x",
        "Q3",
        "2026",
        "H1",
        "ten",
        "a third",
        "->",
        "→",
        "(owner: @ann)",
        "@bob",
        "[P1]",
        "P0",
        "=> DONE",
        "- 0.7",
        "(score: 0.4)",
        "TBD",
        "XX",
        "café",
        "🚀",
        "✅",
        "**",
        "_",
        "`code`",
        "<br>",
        "[link](http://x)",
        "|",
        ":",
        "—",
        "KR1:",
        "KR:",
        "Objective:",
        "O1:",
        "Key results",
        "Owner:",
        "Cycle: Q3 2026",
        "(WIP)",
    ]
)
PHRASE = st.lists(WORDS, min_size=0, max_size=12).map(" ".join)
LINE = st.one_of(
    PHRASE,
    PHRASE.map(lambda p: "#" * 1 + " " + p),
    st.tuples(st.integers(1, 6), PHRASE).map(lambda t: "#" * t[0] + " " + t[1]),
    st.tuples(
        st.integers(0, 8), st.sampled_from(["- ", "* ", "1. ", "- [ ] ", "- [x] "]), PHRASE
    ).map(lambda t: "  " * t[0] + t[1] + t[2]),
    st.tuples(PHRASE, PHRASE).map(lambda t: f"| {t[0]} | {t[1]} |"),
    st.just("|---|---|"),
    st.sampled_from(
        [
            "```",
            "~~~",
            "<div>",
            "</div>",
            "<!--",
            "-->",
            "<!-- okrlint-disable -->",
            "---",
            "***",
            "> ",
            ">> ",
            "    indented code",
            "",
            "===",
            "Setext",
            "\t",
        ]
    ),
    PHRASE.map(lambda p: "> " + p),
    PHRASE.map(lambda p: f"**{p}**"),
    st.text(min_size=0, max_size=40),
)
MARKDOWN = st.lists(LINE, min_size=0, max_size=30).map("\n".join)

SCALAR = st.one_of(
    PHRASE,
    st.integers(-5, 10**6),
    st.floats(allow_nan=False),
    st.booleans(),
    st.none(),
    st.text(max_size=20),
)
KEYS = st.sampled_from(
    [
        "objectives",
        "objective",
        "key_results",
        "keyResults",
        "krs",
        "title",
        "name",
        "text",
        "owner",
        "cycle",
        "level",
        "score",
        "okrs",
        "goals",
        "initiatives",
        "teams",
        "Q3",
        "notes",
        "metric",
        "done",
        "projects",
        "okr",
    ]
)
TREE = st.recursive(
    SCALAR,
    lambda children: st.one_of(
        st.lists(children, max_size=5), st.dictionaries(KEYS, children, max_size=5)
    ),
    max_leaves=30,
)
YAML_FRAGMENT = st.sampled_from(
    [
        "&a",
        "*a",
        "!!python/object:os.system",
        "!!str",
        "!!binary",
        "<<: *a",
        "? ",
        "- ",
        ": ",
        "[",
        "]",
        "{",
        "}",
        "|",
        ">",
        "'",
        '"',
        "#",
        "# okrlint-disable-line",
        "---",
        "...",
        "\t",
        "%YAML 1.1",
        "!tag",
        "&b [*a, *a]",
    ]
)


@st.composite
def yaml_text(draw: st.DrawFn) -> str:
    tree = draw(TREE)
    text = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False)
    # Break it: splice YAML syntax in at random places.
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(YAML_FRAGMENT) + text[at:]
    return text


LINE_ENDINGS = st.sampled_from(["\n", "\r\n", "\r"])

# ------------------------------------------------------------------------------ properties


def _lint(data: bytes, name: str) -> list[Finding]:
    doc = read_bytes(name, data)
    return lint(doc, SETTINGS, explicit=True)


def _inside(findings: list[Finding], data: bytes) -> None:
    raw = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    lines = _normalise(raw).split(b"\n")
    for f in findings:
        assert 1 <= f.line <= len(lines), f
        assert f.line <= f.end_line <= len(lines), f
        width = len(lines[f.line - 1].decode("utf-8", errors="replace"))
        assert 1 <= f.column <= width + 1, (f, width)
        end_width = len(lines[f.end_line - 1].decode("utf-8", errors="replace"))
        assert 1 <= f.end_column <= end_width + 1, (f, end_width)
        if f.end_line == f.line:
            assert f.end_column >= f.column, f


def _check(data: bytes, name: str) -> None:
    first = _lint(data, name)
    _inside(first, data)
    again = _lint(data, name)
    assert [f.as_json() for f in first] == [f.as_json() for f in again]


@PROFILE
@given(MARKDOWN, LINE_ENDINGS, st.booleans())
def test_markdown(text: str, newline: str, bom: bool) -> None:
    data = (b"\xef\xbb\xbf" if bom else b"") + text.replace("\n", newline).encode()
    _check(data, "okrs.md")


@PROFILE
@given(yaml_text(), LINE_ENDINGS)
def test_yaml(text: str, newline: str) -> None:
    _check(text.replace("\n", newline).encode(), "okrs.yaml")


@PROFILE
@given(st.text(max_size=300), st.sampled_from(["okrs.md", "okrs.yaml", "notes.md"]))
def test_free_text(text: str, name: str) -> None:
    assume("\x00" not in text)
    _check(text.encode("utf-8", errors="surrogatepass"), name)


@PROFILE
@given(st.binary(max_size=300), st.sampled_from(["okrs.md", "okrs.yaml"]))
def test_bytes(data: bytes, name: str) -> None:
    _check(data, name)


@settings(PROFILE, max_examples=25 if PROFILE.max_examples < 1_000 else 500)
@given(st.one_of(MARKDOWN.map(lambda t: (t, "okrs.md")), yaml_text().map(lambda t: (t, "o.yaml"))))
def test_command_line_exit_codes(case: tuple[str, str]) -> None:
    from click.testing import CliRunner

    from okrlint.cli import main

    text, name = case
    outputs: list[Any] = []
    for _ in range(2):
        result = CliRunner().invoke(
            main,
            ["-", "--stdin-filename", name, "--format", "json"],
            input=text.encode("utf-8", errors="surrogatepass"),
        )
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            result.exception
        )
        assert result.exit_code in (0, 1, 2)
        assert "Traceback" not in result.stderr
        outputs.append(json.loads(result.stdout) if result.stdout.strip() else None)
    assert outputs[0] == outputs[1]


@pytest.mark.slow
def test_strategies_reach_okrs() -> None:
    """The generators are worth something only if they also make documents with OKRs."""
    found = find(MARKDOWN, lambda t: read_bytes("okrs.md", t.encode()).has_okrs, settings=FIND)
    assert read_bytes("okrs.md", found.encode()).has_okrs
    found = find(yaml_text(), lambda t: read_bytes("o.yaml", t.encode()).has_okrs, settings=FIND)
    assert read_bytes("o.yaml", found.encode()).has_okrs


# ------------------------------------------------------------------------------ output formats

UNTRUSTED = st.text(
    alphabet=st.sampled_from(list("ab @#:,|<>[]()!&%\\/*_`\n\r\t\x1b\x07\x00\x85\u2028\u202e€é")),
    max_size=40,
)


@PROFILE
@given(name=UNTRUSTED, text=UNTRUSTED)
def test_every_output_format_parses_and_carries_no_command_or_escape(name: str, text: str) -> None:
    """A finding whose file name and statement are hostile: the JSON formats parse, the XML
    parses, the human and CI-log formats hold no control character and start no line with a
    workflow command okrlint did not write."""
    import xml.etree.ElementTree as ET

    from okrlint.formats import FORMAT_NAMES, Report, render

    path = ("okrs/" + name.replace("\x00", "") + ".md") if name.strip() else "okrs.md"
    finding = Finding(
        "OKR301",
        "kr-is-task",
        "warning",
        f"'{text}' is a task",
        path,
        1,
        1,
        1,
        2,
        "key_result",
        text,
    )
    report = Report([finding], REGISTRY, {"files": 1}, files=[path])
    for fmt in FORMAT_NAMES:
        if fmt in ("markdown", "html", "json-report"):
            continue  # score reports need documents; tests/test_report.py covers them
        out = render(fmt, report)
        if fmt in ("json", "gitlab", "sarif", "rdjson"):
            json.loads(out)
        elif fmt == "json-lines":
            for line in out.splitlines():
                json.loads(line)
        elif fmt == "junit":
            ET.fromstring(out.encode("utf-8"))
        else:
            for line in out.splitlines():
                assert not any(ch in line for ch in "\x1b\x07\x00\r\x85\u2028\u202e"), (fmt, line)
                if fmt == "github":
                    assert line.startswith("::warning file="), line
                else:
                    assert not line.startswith("::"), (fmt, line)


# ------------------------------------------------------------------------------ loaders

# Values of every YAML shape, for the keys a rule file and a configuration know.
YAML_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 300)
    | st.floats(allow_nan=True)
    | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)
RULE_KEYS = st.sampled_from(
    [
        "code",
        "name",
        "severity",
        "scope",
        "extends",
        "summary",
        "message",
        "examples",
        "options",
        "needs",
        "chain",
        "tokens",
        "enabled",
        "why",
        "fix",
        "parts",
        "max",
        "pattern",
        "swap",
    ]
)
CONFIG_KEYS = st.sampled_from(CONFIG_KEY_NAMES)
GOOD_RULE = {
    "code": "ACME001",
    "name": "no-synergy",
    "severity": "warning",
    "scope": "key_result",
    "extends": "existence",
    "tokens": ["synergy"],
    "summary": "s",
    "message": "m",
}


@settings(PROFILE)
@given(st.dictionaries(RULE_KEYS, YAML_VALUES, max_size=6), st.booleans())
def test_a_rule_file_of_any_shape_loads_or_is_one_clear_error(change: dict, merge: bool) -> None:
    """Found by fuzz/fuzz_loaders.py: 'examples: oops' was a traceback, not an error."""
    import tempfile
    from pathlib import Path

    from okrlint.registry import RuleError, registry_with_packs

    data = {**GOOD_RULE, **change} if merge else change
    with tempfile.TemporaryDirectory() as folder:
        pack = Path(folder) / "rules"
        pack.mkdir()
        (pack / "_pack.yaml").write_text("name: acme\nprefix: ACME\n", encoding="utf-8")
        (pack / "ACME001-x.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
        error: RuleError | None = None
        try:
            registry = registry_with_packs([pack])
        except RuleError as exc:
            error = exc
        if error is not None:
            # One line as the command line prints it (names from the file are escaped there).
            assert "\n" not in safe_path(str(error)) and str(error).startswith(str(pack))
            return
        settings_ = Settings(registry=registry, selected=frozenset(r.code for r in registry.rules))
        doc = read_bytes("okrs.md", b"## Objective: Grow\n\n- KR1: synergy from 1 to 2 users\n")
        lint(doc, settings_, explicit=True, errors=[])


@settings(PROFILE)
@given(st.dictionaries(CONFIG_KEYS, YAML_VALUES, max_size=6))
def test_a_configuration_of_any_shape_loads_or_is_one_clear_error(data: dict) -> None:
    import tempfile
    from pathlib import Path

    from okrlint.config import ConfigError, load_config

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ".okrlint.yaml"
        path.write_text(yaml.safe_dump(data), encoding="utf-8")
        message = ""
        try:
            load_config(path, REGISTRY)
        except ConfigError as exc:
            message = str(exc)
        assert "\n" not in safe_path(message)
