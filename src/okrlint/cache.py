"""The result cache: a file whose content, okrlint and configuration have not changed is not
read again.

One SQLite file in the cache folder maps a key to the file's findings (as JSON, never pickle:
the cache is data, not code). The key is a hash of everything the findings depend on: the file's
bytes and path, okrlint's version and code, the lexicons, every active rule's definition (so
rule packs are part of it), the resolved configuration (selection, severities, options, the
date stale rules compare with, inline suppressions) and whether the file was named explicitly.
A key therefore never goes stale: any change makes a new key, and entries unused for 30 days
are dropped.

A cache that cannot be opened or read (locked, read-only) is ignored for the run, and one that is
not a database is removed so the next run rebuilds it; the cache never changes findings.

The cache may sit on a shared machine, so it is not trusted blindly: its folder is created for
the user only (0700) and not used when other users can write to it or when it belongs to someone
else; a database file that is a symbolic link is never opened; and every entry carries
okrlint's version and the hash of the file's bytes, is checked field by field when read, and
counts as a miss when anything about it is odd.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from okrlint import __version__
from okrlint.engine import Finding, Settings
from okrlint.model import OkrDocument

SCHEMA = 2
FILE_NAME = f"results-v{SCHEMA}.sqlite"
KEEP_DAYS = 30


def default_cache_dir() -> Path:
    """``$OKRLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/okrlint``, else ``~/.cache/okrlint``."""
    env = os.environ.get("OKRLINT_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "okrlint"


@cache
def code_fingerprint() -> str:
    """okrlint's version, its Python files and its data files (rules, lexicons), by name, size
    and modification time: an editable install that changes a lexicon gets new keys."""
    from importlib import metadata

    from okrlint.data import data_dir

    h = hashlib.sha256(__version__.encode())
    # The libraries that shape what is read and found: an upgrade of one of them gets new keys.
    for dist in ("spacy", "PyYAML", "pyromark", "regex"):
        try:
            h.update(f"{dist}={metadata.version(dist)}\n".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{dist}=?\n".encode())
    package = Path(__file__).resolve().parent
    for root in (package, data_dir()):
        for path in sorted(root.rglob("*")):
            if path.suffix in (".py", ".yaml", ".yml") and path.is_file():
                st = path.stat()
                h.update(f"{path.relative_to(root)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def _plugin_stamp(check: Any) -> str:
    """A Python check from a plugin: its module file's size and time, so editing it counts."""
    import inspect

    try:
        source = inspect.getsourcefile(check)
        if source:
            st = os.stat(source)
            return f"{source}:{st.st_size}:{st.st_mtime_ns}"
    except (TypeError, OSError):
        pass
    return repr(check)


def settings_fingerprint(settings: Settings) -> str:
    """Everything in the resolved configuration that can change a file's findings."""
    rules = []
    for rule in settings.active_rules():
        plugin = rule.kind == "python" and rule.pack != "okrlint"
        rules.append(
            [
                rule.code,
                rule.name,
                settings.severity(rule),
                rule.scope,
                rule.kind,
                rule.message,
                rule.spec,
                settings.rule_options(rule),
                _plugin_stamp(rule.check) if plugin else "",
            ]
        )
    data = {
        "code": code_fingerprint(),
        "rules": rules,
        "today": settings.today.isoformat(),
        "inline": settings.inline,
    }
    blob = json.dumps(data, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(blob.encode()).hexdigest()


def file_key(settings_print: str, path: str, explicit: bool, limit: int, data: bytes) -> str:
    h = hashlib.sha256()
    for part in (settings_print, path, "1" if explicit else "0", str(limit)):
        h.update(part.encode("utf-8", "surrogateescape"))
        h.update(b"\0")
    h.update(data)
    return h.hexdigest()


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def encode(
    findings: Iterable[Finding],
    stats: dict[str, Any],
    data_hash: str,
    doc: OkrDocument | None = None,
) -> str:
    rows = [
        [
            f.code,
            f.name,
            f.severity,
            f.message,
            f.line,
            f.column,
            f.end_line,
            f.end_column,
            f.item,
            f.text,
            list(f.node),
        ]
        for f in findings
    ]
    entry: dict[str, Any] = {
        "okrlint": __version__,
        "sha256": data_hash,
        "findings": rows,
        "stats": stats,
    }
    if doc is not None:
        from okrlint.docdata import to_data

        entry["doc"] = to_data(doc)
    return json.dumps(entry, separators=(",", ":"))


class BadEntry(ValueError):
    """A cache entry that is not exactly what okrlint writes: treated as a miss."""


_SEVERITIES = frozenset({"error", "warning", "info"})
_ITEMS = frozenset({"file", "set", "objective", "key_result", "initiative"})
_STATS = {"objectives": int, "key_results": int}


def _position(value: Any) -> int:
    if type(value) is not int or value < 1:
        raise BadEntry("position")
    return value


def _string(value: Any) -> str:
    if type(value) is not str:
        raise BadEntry("string")
    return value


def _finding(row: Any, path: str) -> Finding:
    if type(row) is not list or len(row) != 11:
        raise BadEntry("row")
    code, name, severity, message, line, column, end_line, end_column, item, text, node = row
    if type(node) is not list or len(node) > 3 or any(type(n) is not int or n < 0 for n in node):
        raise BadEntry("node")
    if severity not in _SEVERITIES or item not in _ITEMS:
        raise BadEntry("severity or item")
    if text is not None:
        _string(text)
    return Finding(
        code=_string(code),
        name=_string(name),
        severity=severity,
        message=_string(message),
        path=path,
        line=_position(line),
        column=_position(column),
        end_line=_position(end_line),
        end_column=_position(end_column),
        item=item,
        text=text,
        node=tuple(node),
    )


def decode(
    value: str, path: str, data_hash: str, want_doc: bool = False
) -> tuple[list[Finding], dict[str, Any], OkrDocument | None]:
    """The findings, stats and (with ``want_doc``) document of an entry, or :class:`BadEntry`
    when it was not written by this okrlint for these bytes, is not the shape :func:`encode`
    writes, or holds no document when one is wanted (a report after a text run)."""
    try:
        entry = json.loads(value)
    except ValueError:
        raise BadEntry("json") from None
    keys = {"okrlint", "sha256", "findings", "stats"}
    if type(entry) is not dict or not keys <= set(entry) <= keys | {"doc"}:
        raise BadEntry("keys")
    if want_doc and "doc" not in entry:
        raise BadEntry("no document")
    if entry["okrlint"] != __version__ or entry["sha256"] != data_hash:
        raise BadEntry("version or content")
    rows, stats = entry["findings"], entry["stats"]
    if type(rows) is not list or type(stats) is not dict:
        raise BadEntry("types")
    for key, kind in _STATS.items():
        if type(stats.get(key)) is not kind or stats[key] < 0:
            raise BadEntry(f"stats {key}")
    score, tier = stats.get("score"), stats.get("tier")
    if score is not None and (type(score) not in (int, float) or not 0 <= score <= 100):
        raise BadEntry("score")
    if tier is not None:
        _string(tier)
    doc = None
    if want_doc:
        from okrlint.docdata import from_data

        try:
            doc = from_data(entry["doc"], path)
        except ValueError as exc:
            raise BadEntry(str(exc)) from None
    return [_finding(row, path) for row in rows], stats, doc


def _usable_folder(folder: Path) -> bool:
    """Create the cache folder for this user only; refuse one that others can write to or that
    belongs to another user (on a shared machine they could plant results)."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = folder.stat()
    except OSError:
        return False
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        return False
    return not st.st_mode & 0o002


class ResultCache:
    """Get and put results by key; every failure turns the cache off for the run."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / FILE_NAME
        self.db: sqlite3.Connection | None = None
        self.pending: list[tuple[str, str, int]] = []
        self.used: list[str] = []
        self.today = int(time.time() // 86400)
        if not _usable_folder(folder) or self.path.is_symlink():
            return
        if self.path.exists() and not self.path.is_file():
            return
        try:
            self.db = sqlite3.connect(self.path, timeout=5, isolation_level=None)
            self.db.execute(
                "CREATE TABLE IF NOT EXISTS results "
                "(key TEXT PRIMARY KEY, value TEXT NOT NULL, used INTEGER NOT NULL)"
            )
        except sqlite3.OperationalError:
            self._off()  # locked by another okrlint, or read-only: run without the cache
        except sqlite3.DatabaseError:
            self._corrupt()
        except OSError:
            self.db = None

    def _off(self) -> None:
        if self.db is not None:
            self.db.close()
        self.db = None

    def _corrupt(self) -> None:
        if self.db is not None:
            self.db.close()
        self.db = None
        with contextlib.suppress(OSError):
            self.path.unlink()  # rebuilt next run

    def get(self, key: str) -> str | None:
        if self.db is None:
            return None
        try:
            row = self.db.execute(
                "SELECT value, used FROM results WHERE key = ?", (key,)
            ).fetchone()
        except sqlite3.OperationalError:
            self._off()  # locked or unreadable: run without the cache
            return None
        except sqlite3.DatabaseError:
            self._corrupt()
            return None
        if row is None:
            return None
        if row[1] != self.today:
            self.used.append(key)
        return str(row[0])

    def put(self, key: str, value: str) -> None:
        if self.db is not None:
            self.pending.append((key, value, self.today))

    def close(self) -> None:
        if self.db is None:
            return
        try:
            with self.db:
                self.db.execute("BEGIN")
                self.db.executemany(
                    "INSERT OR REPLACE INTO results (key, value, used) VALUES (?, ?, ?)",
                    self.pending,
                )
                self.db.executemany(
                    "UPDATE results SET used = ? WHERE key = ?",
                    [(self.today, k) for k in self.used],
                )
                if self.pending:
                    self.db.execute("DELETE FROM results WHERE used < ?", (self.today - KEEP_DAYS,))
        except sqlite3.OperationalError:
            pass  # another okrlint holds the lock: these results are simply not cached
        except sqlite3.DatabaseError:
            self._corrupt()
        finally:
            if self.db is not None:
                self.db.close()
                self.db = None
