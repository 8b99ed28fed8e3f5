"""Readers: bytes of a file to an :class:`~okrlint.model.OkrDocument`.

Every input gets an answer: a document, or a document with a :class:`~okrlint.model.Problem`
(OKR001) that says what is wrong and where. Nothing here raises on bad input (a reader bug is
reported as OKR001 too, never as a traceback), and :mod:`okrlint.readers.limits` keeps the work
bounded.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from okrlint.model import OkrDocument, Problem, Span

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdx"})
YAML_SUFFIXES = frozenset({".yaml", ".yml"})
# JSON is read by the YAML reader (JSON is YAML's flow style), when a file is named: folder
# walks and the pre-commit hook take Markdown and YAML only (package.json is not an OKR file).
JSON_SUFFIXES = frozenset({".json"})
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


def file_format(path: str) -> str:
    suffix = PurePath(path).suffix.lower()
    if suffix in YAML_SUFFIXES:
        return "yaml"
    if suffix in JSON_SUFFIXES:
        return "json"
    return "markdown"


def _normalise(data: bytes) -> bytes:
    """Old Mac (CR) and Windows (CRLF) line endings become LF (one line break each)."""
    if b"\r" in data:
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return data


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters, as everywhere) of a byte offset of possibly
    invalid UTF-8, with CR and CRLF line endings counted as one line break."""
    before = _normalise(data[:offset])
    line = before.count(b"\n") + 1
    last = before[before.rfind(b"\n") + 1 :].decode("utf-8", errors="replace")
    return line, len(last) + 1


def _looks_utf16(data: bytes) -> bool:
    """Text in UTF-16 without a BOM: every other byte of the start is NUL."""
    head = data[:64]
    if len(head) < 4:
        return False
    half = len(head) // 2
    return head[1::2].count(0) >= half * 3 // 4 or head[0::2].count(0) >= half * 3 // 4


def decode(path: str, data: bytes) -> tuple[str | None, Problem | None]:
    """Bytes to text: UTF-8 (with or without BOM) only; line endings become ``\\n``.

    Otherwise a problem that says what is wrong and where (line, column and byte offset)."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return None, Problem(
            "the file is UTF-32; okrlint reads UTF-8 (save it as UTF-8)", Span.point(1)
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, Problem(
            "the file is UTF-16; okrlint reads UTF-8 (save it as UTF-8)", Span.point(1)
        )
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    raw = data[bom:]
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, col = _line_col(raw, nul)
        if _looks_utf16(raw):
            what = "it looks like UTF-16 without a byte order mark; okrlint reads UTF-8"
        else:
            what = "it looks binary, not Markdown or YAML"
        return None, Problem(
            f"the file contains a NUL byte (offset {bom + nul}): {what}",
            Span(line, col, line, col),
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(raw, exc.start)
        return None, Problem(
            f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x} at line {line}, column "
            f"{col}, offset {bom + exc.start}): save it as UTF-8",
            Span(line, col, line, col),
        )
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, None


def read_text(path: str, text: str, fmt: str | None = None) -> OkrDocument:
    """Text to a document. Never raises: a bug in a reader becomes OKR001 with its reason."""
    fmt = fmt or file_format(path)
    from okrlint.readers.limits import ReadLimitError, enforce

    try:
        if fmt in ("yaml", "json"):
            from okrlint.readers.yamlreader import read_yaml

            # A tab may indent JSON but not YAML; in valid JSON a tab is never inside a
            # string, and a space keeps every column.
            doc = read_yaml(path, text.replace("\t", " ") if fmt == "json" else text)
            if fmt == "json":  # the user wrote JSON: say so
                doc.problems = [
                    Problem(
                        p.message.replace("YAML", "JSON").replace(
                            "(the first one wins)", "(JSON readers keep the last one)"
                        ),
                        p.span,
                    )
                    for p in doc.problems
                ]
        else:
            from okrlint.readers.markdown import read_markdown

            doc = read_markdown(path, text)
        doc = enforce(doc)
        doc.problems = _inside(doc.problems, text)
        return doc
    except ReadLimitError as exc:
        problem = Problem(exc.message, exc.span)
    except RecursionError:
        problem = Problem(
            "the file is nested too deeply to read (lists in lists, quotes in quotes): skipped",
            Span.point(1),
        )
    except MemoryError:
        problem = Problem("the file needs too much memory to read: skipped", Span.point(1))
    except Exception as exc:  # a reader bug: never a traceback, and the other files go on
        problem = Problem(
            f"okrlint could not read this file (internal error in the {fmt} reader: "
            f"{type(exc).__name__}: {exc}); please report it",
            Span.point(1),
        )
    doc = OkrDocument(
        path=path, format="yaml" if fmt in ("yaml", "json") else "markdown", source=text
    )
    doc.problems = _inside([problem], text)
    return doc


def _inside(problems: list[Problem], text: str) -> list[Problem]:
    """Problems with their positions moved inside the text where a parser points past it
    (PyYAML marks "end of input" one line below a last line that has no newline)."""
    if not problems:
        return problems
    starts = [0, *(m.end() for m in re.finditer("\n", text))]
    lines = len(starts)

    def width(line: int) -> int:
        end = starts[line] - 1 if line < lines else len(text)
        return end - starts[line - 1]

    def clamp(line: int, col: int) -> tuple[int, int]:
        if line > lines:
            return lines, width(lines) + 1
        line = max(line, 1)
        return line, min(max(col, 1), width(line) + 1)

    out: list[Problem] = []
    for problem in problems:
        s = problem.span
        line, col = clamp(s.line, s.column)
        end_line, end_col = clamp(s.end_line, s.end_column)
        if (end_line, end_col) < (line, col):
            end_line, end_col = line, col
        span = Span(line, col, end_line, end_col)
        out.append(problem if span == s else Problem(problem.message, span))
    return out


def read_bytes(
    path: str, data: bytes, fmt: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> OkrDocument:
    fmt = fmt or file_format(path)
    if len(data) > max_bytes:
        doc = OkrDocument(path=path, format="unknown")
        doc.problems.append(
            Problem(
                f"the file is larger than the {max_bytes:,}-byte limit: skipped (raise it "
                "with --max-file-size, or max-file-size in .okrlint.yaml)",
                Span.point(1),
            )
        )
        return doc
    text, problem = decode(path, data)
    if problem is not None or text is None:
        doc = OkrDocument(path=path, format="unknown")
        if problem is not None:
            doc.problems.append(problem)
        return doc
    return read_text(path, text, fmt)
