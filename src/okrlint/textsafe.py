"""Untrusted text (file names, statements) made safe for a terminal or a CI log.

A file name or a statement can hold control characters: a newline that starts a new log line
with ``::error`` (a GitHub workflow command), ESC sequences that clear the screen, set the
window title or plant a hyperlink, bidirectional overrides that reorder what is shown. Human
output shows them as visible escapes instead, and never starts a line with ``::``.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, line and paragraph separators, bidirectional embeddings,
# overrides and isolates.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(m: re.Match[str]) -> str:
    ch = m.group(0)
    if ch == "\n":
        return "\\n"
    if ch == "\r":
        return "\\r"
    if ch == "\t":
        return "\\t"
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"


def safe_path(path: str) -> str:
    """A file name as human output shows it: control characters as escapes (``\\n``,
    ``\\x1b``), and ``./`` before a name that would start a line with ``::``."""
    out = _UNSAFE.sub(_escape, path)
    return "./" + out if out.startswith("::") else out


def safe_text(text: str, keep_newlines: bool = False) -> str:
    """A message or source line for human output: a tab or line break becomes a space, every
    other control character U+FFFD, one character for one, so columns and carets line up."""

    def one(m: re.Match[str]) -> str:
        ch = m.group(0)
        if keep_newlines and ch == "\n":
            return ch  # the caller escapes it (a GitHub annotation's %0A)
        return " " if ch in "\t\n\r" else "\ufffd"

    return _UNSAFE.sub(one, text)
