"""The result cache: a file whose content, okrlint and configuration have not changed is not
read again.

One SQLite file in the cache folder maps a key to the file's findings (as JSON, never pickle:
the cache is data, not code). The key is a hash of everything the findings depend on: the file's
bytes and path, okrlint's version and code, the lexicons, every active rule's definition (so
rule packs are part of it), the resolved configuration (selection, severities, options, the
date stale rules compare with, inline suppressions) and whether the file was named explicitly.
A key therefore never goes stale: any change makes a new key, and entries unused for 30 days
are dropped.

A cache that cannot be opened or read (corrupt, locked, read-only) is ignored for the run, and a
corrupt one is removed so the next run rebuilds it; the cache never changes findings.
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

SCHEMA = 1
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
    from okrlint.data import data_dir

    h = hashlib.sha256(__version__.encode())
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


def encode(findings: Iterable[Finding], stats: dict[str, Any]) -> str:
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
        ]
        for f in findings
    ]
    return json.dumps({"findings": rows, "stats": stats}, separators=(",", ":"))


def decode(value: str, path: str) -> tuple[list[Finding], dict[str, Any]]:
    data = json.loads(value)
    findings = [
        Finding(
            code=r[0],
            name=r[1],
            severity=r[2],
            message=r[3],
            path=path,
            line=r[4],
            column=r[5],
            end_line=r[6],
            end_column=r[7],
            item=r[8],
            text=r[9],
        )
        for r in data["findings"]
    ]
    return findings, dict(data["stats"])


class ResultCache:
    """Get and put results by key; every failure turns the cache off for the run."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / FILE_NAME
        self.db: sqlite3.Connection | None = None
        self.pending: list[tuple[str, str, int]] = []
        self.used: list[str] = []
        self.today = int(time.time() // 86400)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, timeout=5, isolation_level=None)
            self.db.execute(
                "CREATE TABLE IF NOT EXISTS results "
                "(key TEXT PRIMARY KEY, value TEXT NOT NULL, used INTEGER NOT NULL)"
            )
        except sqlite3.DatabaseError:
            self._corrupt()
        except OSError:
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
            self.db = None  # locked or unreadable: run without the cache
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
