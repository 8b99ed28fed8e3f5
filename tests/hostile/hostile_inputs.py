"""Hostile inputs for okrlint, one per input class of issue 6, built in memory.

``CASES`` maps a case name to a :class:`Case`: the file name to write, its bytes, and what
okrlint must answer. The tests write them to a temporary folder (never into the repository);
``python tests/hostile/hostile_inputs.py DIR`` writes them to DIR for a manual run.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# Findings at several columns, after non-ASCII text and in a table: line endings and a BOM
# must not move them.
OKR = (
    "# Growth OKRs 🚀\n"
    "\n"
    "## Objective: Make onboarding feel effortless for new teams\n"
    "\n"
    "- KR1: Increase activation rate from 42% to 60% by the end of Q3\n"
    "- KR2: Launch the new onboarding flow for café owners\n"
    "- KR3: Improve onboarding satisfaction\n"
    "\n"
    "| Objective | Key result |\n"
    "|---|---|\n"
    "| Grow the café business in Q3 | Launch the loyalty programme |\n"
)
OKR_YAML = (
    "cycle: 2026-Q3\n"
    "objectives:\n"
    "  - objective: Make onboarding feel effortless for new teams\n"
    "    key_results:\n"
    "      - Increase activation rate from 42% to 60%\n"
    "      - Launch the new onboarding flow for café owners\n"
)
# A file that is created only if a YAML payload is executed; the tests point it at tmp_path.
MARKER = "OKRLINT_PWNED_MARKER"


def billion_laughs(levels: int = 9, prefix: str = "") -> str:
    lines = [f'{prefix}a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels):
        refs = ",".join(f"*a{i - 1}" for _ in range(9))
        lines.append(f"{prefix}a{i}: &a{i} [{refs}]")
    lines.append(f"{prefix}objectives: *a{levels - 1}")
    return "\n".join(lines) + "\n"


def many_numbers_statements(count: int = 60) -> str:
    numbers = " ".join(["1"] * 450)  # 899 characters: under the length limit, full of numbers
    items = "".join(f"- KR{i}: Increase {numbers}\n" for i in range(count))
    return "# OKRs\n\n## Objective: Count everything\n\n" + items


@dataclass(frozen=True)
class Case:
    name: str
    filename: str
    build: Callable[[], bytes]
    # What must be reported: (substring of an OKR001 message, line, column) or None when the
    # input is accepted (then no OKR001 at all).
    okr001: tuple[str, int | None, int | None] | None = None
    args: tuple[str, ...] = ()
    same_as: str | None = None  # findings must equal this case's (line endings, BOM)
    big: bool = False  # run in the bounded-time subprocess only
    extra: dict[str, object] = field(default_factory=dict)


def _b(text: str) -> Callable[[], bytes]:
    return lambda: text.encode("utf-8")


def _cases() -> list[Case]:
    big_items = "# OKRs\n\n## Objective: Grow revenue\n\n" + "".join(
        f"- KR{i}: Increase revenue from {i} to {i + 1}\n" for i in range(100_000)
    )
    return [
        # ---------------------------------------------------------------- encodings and bytes
        Case(
            "invalid-utf8",
            "invalid_utf8.md",
            lambda: b"# OKRs\n\nObjective: caf\xc3\xa9 \xff au lait\n",
            ("not valid UTF-8 (byte 0xff at line 3, column 17", 3, 17),
        ),
        Case(
            "utf16-bom",
            "utf16.md",
            lambda: OKR.encode("utf-16"),
            ("the file is UTF-16; okrlint reads UTF-8", 1, 1),
        ),
        Case(
            "utf16-no-bom",
            "utf16le.md",
            lambda: OKR.encode("utf-16-le"),
            ("UTF-16 without a byte order mark", 1, 2),
        ),
        Case("utf8-bom", "utf8_bom.md", lambda: b"\xef\xbb\xbf" + OKR.encode(), None, same_as="lf"),
        Case("lf", "lf.md", _b(OKR)),
        Case("crlf", "crlf.md", _b(OKR.replace("\n", "\r\n")), None, same_as="lf"),
        Case("cr", "cr.md", _b(OKR.replace("\n", "\r")), None, same_as="lf"),
        Case("crlf-yaml", "crlf.yaml", _b(OKR_YAML.replace("\n", "\r\n")), None, same_as="lf-yaml"),
        Case("lf-yaml", "lf.yaml", _b(OKR_YAML)),
        Case(
            "nul-bytes",
            "nul.md",
            lambda: b"# OKRs\n\nObjective: a\x00b\n",
            ("NUL byte (offset 20): it looks binary", 3, 13),
        ),
        Case(
            "binary",
            "image.md",
            lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
            ("NUL byte (offset 8): it looks binary", 3, 1),
        ),
        Case("empty", "empty.md", lambda: b""),
        Case("whitespace-only", "blank.md", lambda: b"  \n\t\n \r\n   \n"),
        Case("empty-yaml", "empty.yaml", lambda: b""),
        # ---------------------------------------------------------------- size
        Case(
            "one-mb-line-paragraph",
            "long_paragraph.md",
            _b(OKR + "\n" + "word " * 200_000 + "\n"),
            None,
            big=True,
        ),
        Case(
            "one-mb-line-statement",
            "long_statement.md",
            _b(OKR + "- KR3: Increase " + "revenue " * 130_000 + "from 1 to 2\n"),
            ("this key result is 1,040,020 characters long", 12, 3),
            big=True,
        ),
        Case(
            "one-mb-line-yaml",
            "long_line.yaml",
            _b(OKR_YAML + "      - " + "grow " * 200_000 + "\n"),
            ("this key result is 999,999 characters long", 7, 9),
            big=True,
        ),
        Case(
            "over-size-limit",
            "huge.md",
            lambda: (OKR + ("filler " * 20 + "\n") * 40_000).encode(),
            ("larger than the 5,242,880-byte limit: skipped", 1, 1),
            big=True,
        ),
        Case(
            "over-max-file-size",
            "small_limit.md",
            _b(OKR),
            ("larger than the 100-byte limit", 1, 1),
            args=("--max-file-size", "100"),
        ),
        # ---------------------------------------------------------------- Markdown structure
        Case(
            "nested-lists-10000",
            "nested_lists.md",
            _b("# OKRs\n\n" + "- " * 10_000 + "KR: Increase x from 1 to 2\n"),
            ("nested more than 100 levels deep here", 3, 201),
            big=True,
        ),
        Case(
            "nested-lists-indented",
            "nested_indented.md",
            _b("# OKRs\n\n" + "".join("  " * i + "- item\n" for i in range(1_000))),
            ("nested more than 100 levels deep here", 103, 201),
            big=True,
        ),
        Case(
            "nested-quotes-10000",
            "nested_quotes.md",
            _b("# OKRs\n\n" + "> " * 10_000 + "x\n"),
            ("nested more than 100 levels deep here", 3, 201),
            big=True,
        ),
        Case(
            "list-items-100000",
            "many_items.md",
            _b(big_items),
            ("more than 20,000 Markdown blocks", 20_002, 1),
            big=True,
        ),
        Case(
            "plain-items-100000",
            "plain_items.md",
            _b("".join("- item\n" for _ in range(100_000))),
            ("more than 20,000 Markdown blocks", 20_000, 1),
            big=True,
        ),
        Case(
            "unclosed-code-fence",
            "unclosed_fence.md",
            _b(OKR + "\n```\n## Objective: Not an objective\n- KR: Not a key result\n"),
        ),
        Case(
            "html-blocks",
            "html.md",
            _b(
                OKR
                + "\n<div>\n\n## Objective: inside html\n\n</div>\n<table><tr><td>- KR: x"
                + "\n<!-- unclosed comment\n"
                + "<!--" * 200_000
                + "\n"
            ),
            big=True,
        ),
        Case(
            "numbers-everywhere",
            "numbers.md",
            _b(many_numbers_statements()),
            ("more than okrlint analyses in one file", None, None),
            big=True,
        ),
        Case(
            "punctuation-5mb",
            "punctuation.md",
            _b(OKR + ("- KR: " + "[A]" * 1_330 + " x\n") * 1_250),
            ("more than 1,000,000 Markdown markup characters", 387, 3_744),
            big=True,
        ),
        Case(
            "paragraphs-5mb",
            "paragraphs.md",
            _b(OKR + ("\n" + "Some words, " * 330 + "x\n") * 1_250),
            None,
            big=True,
        ),
        Case(
            "statements-5000",
            "many_objectives.md",
            _b(
                "# Team goals\n\n## Objective: Grow revenue\n\n"
                + "".join(f"- KR{i}: Make thing {i} better for users\n" for i in range(5_000))
            ),
            ("more than okrlint analyses in one file", None, None),
            big=True,
        ),
        Case(
            "bracket-and-handle-tails",
            "tails.md",
            _b(OKR + "- KR3: Ship " + "[A]" * 30_000 + " x\n- KR4: Hire " + "@a " * 30_000 + "x\n"),
            ("this key result is 90,007 characters long", 12, 3),
            big=True,
        ),
        Case(
            "whitespace-runs-yaml",
            "spaces.yaml",
            _b(OKR_YAML + '      - "Grow' + "\\t" * 200_000 + 'x"\n'),
            ("this key result is 200,005 characters long as written", 7, 9),
            big=True,
        ),
        # ---------------------------------------------------------------- YAML
        Case(
            "billion-laughs",
            "bomb.yaml",
            _b(billion_laughs()),
            ("expand to more than 200,000 values", 6, 5),
        ),
        Case(
            "many-aliases",
            "aliases.yaml",
            _b("a: &a x\nlist: [" + ", ".join(["*a"] * 1_500) + "]\n"),
            ("more than 1,000 aliases", 2, 4008),
        ),
        Case(
            "recursive-alias",
            "recursive.yaml",
            _b("a: &a [*a]\nobjectives: *a\n"),
            ("refers to a node that contains it", 1, 4),
        ),
        Case(
            "python-object",
            "payload.yaml",
            _b(f"objectives: !!python/object/apply:os.system ['touch {MARKER}']\n"),
            ("unsafe or unknown YAML tag", 1, 13),
        ),
        Case(
            "python-object-new",
            "payload_new.yaml",
            _b(
                "objectives:\n  - objective: !!python/object/new:subprocess.Popen "
                f"[[touch, {MARKER}]]\n"
            ),
            ("unsafe or unknown YAML tag", 2, 16),
        ),
        Case(
            "python-object-front-matter",
            "payload_front_matter.md",
            _b(f"---\ncycle: !!python/object/apply:os.system ['touch {MARKER}']\n---\n" + OKR),
            ("invalid YAML front matter: unsafe or unknown tag refused", 2, 8),
        ),
        Case(
            "billion-laughs-front-matter",
            "bomb_front_matter.md",
            _b("---\n" + billion_laughs() + "---\n" + OKR),
            ("invalid YAML front matter: refused: anchors and aliases", 7, 5),
        ),
        Case(
            "bad-timestamp-front-matter",
            "bad_value_front_matter.md",
            _b("---\nupdated: !!timestamp soon\n---\n" + OKR),
            ("invalid YAML front matter: a value cannot be read", 2, 10),
        ),
        Case(
            "duplicate-keys",
            "duplicates.yaml",
            _b(OKR_YAML.replace("cycle: 2026-Q3\n", "cycle: 2026-Q3\ncycle: 2026-Q4\n")),
            ("duplicate YAML key 'cycle' (the first one wins)", 2, 1),
        ),
        Case(
            "duplicate-keys-front-matter",
            "duplicates_front_matter.md",
            _b("---\ncycle: 2026-Q3\ncycle: 2026-Q4\n---\n" + OKR),
            ("duplicate YAML key 'cycle' in the front matter", 3, 1),
        ),
        Case(
            "multi-document",
            "multi.yaml",
            _b(OKR_YAML + "---\n" + OKR_YAML.replace("onboarding", "support")),
            None,
            extra={"objectives": 2},
        ),
        Case(
            "deep-yaml-flow",
            "deep_flow.yaml",
            _b("objectives: " + "[" * 10_000 + "]" * 10_000 + "\n"),
            ("the YAML is nested more than 200 levels deep", 1, 212),
        ),
        Case(
            "deep-yaml-crash",
            "deep_crash.yaml",
            _b("a: " + "[" * 100_000 + "]" * 100_000 + "\n"),
            ("the YAML is nested more than 200 levels deep", 1, 203),
            big=True,
        ),
        Case(
            "deep-yaml-block",
            "deep_block.yaml",
            _b("".join("  " * i + "k:\n" for i in range(300))),
            ("the YAML is nested more than 200 levels deep", 201, 401),
        ),
        Case(
            "invalid-yaml",
            "invalid.yaml",
            _b("objectives:\n  - objective: [unclosed\n"),
            ("invalid YAML", 3, 1),
        ),
    ]


CASES: dict[str, Case] = {c.name: c for c in _cases()}


def write_cases(folder: Path, marker: Path | None = None) -> dict[str, Path]:
    """Write every case into ``folder``; the payload marker points at ``marker``."""
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}
    for case in CASES.values():
        data = case.build()
        if marker is not None:
            data = data.replace(MARKER.encode(), str(marker).encode())
        path = folder / case.filename
        path.write_bytes(data)
        out[case.name] = path
    return out


if __name__ == "__main__":  # pragma: no cover - manual use
    write_cases(Path(sys.argv[1]))
