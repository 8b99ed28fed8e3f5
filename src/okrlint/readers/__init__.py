"""Readers: bytes of a file to an :class:`~okrlint.model.OkrDocument`."""

from __future__ import annotations

from pathlib import PurePath

from okrlint.model import OkrDocument, Problem, Span

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdx"})
YAML_SUFFIXES = frozenset({".yaml", ".yml"})
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


def file_format(path: str) -> str:
    suffix = PurePath(path).suffix.lower()
    if suffix in YAML_SUFFIXES:
        return "yaml"
    return "markdown"


def decode(path: str, data: bytes) -> tuple[str | None, Problem | None]:
    """Bytes to text: UTF-8 (with or without BOM) only; line endings become ``\\n``."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, Problem(
            "the file is UTF-16; okrlint reads UTF-8 (save it as UTF-8)", Span.point(1)
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        return None, Problem(
            "the file contains NUL bytes: it looks binary, not Markdown or YAML",
            Span.point(line),
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, Problem(
            f"the file is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})",
            Span(line, col, line, col),
        )
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, None


def read_text(path: str, text: str, fmt: str | None = None) -> OkrDocument:
    fmt = fmt or file_format(path)
    if fmt == "yaml":
        from okrlint.readers.yamlreader import read_yaml

        return read_yaml(path, text)
    from okrlint.readers.markdown import read_markdown

    return read_markdown(path, text)


def read_bytes(
    path: str, data: bytes, fmt: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> OkrDocument:
    fmt = fmt or file_format(path)
    if len(data) > max_bytes:
        doc = OkrDocument(path=path, format="unknown")
        doc.problems.append(
            Problem(
                f"the file is {len(data):,} bytes, over the {max_bytes:,}-byte limit: skipped "
                "(raise it with --max-file-size)",
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
