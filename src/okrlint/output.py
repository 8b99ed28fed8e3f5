"""Output formats: text (for people) and JSON (for machines), plus the outline."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

import click

from okrlint.engine import Finding
from okrlint.model import OkrDocument, Span
from okrlint.textsafe import safe_path, safe_text

_SEVERITY_STYLE = {"error": "red", "warning": "yellow", "info": "blue"}


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n} {word if n == 1 else (words or word + 's')}"


def format_text(findings: Sequence[Finding], color: bool, stats: dict[str, int]) -> str:
    lines: list[str] = []
    for f in findings:
        where = f"{safe_path(f.path)}:{f.line}:{f.column}:"
        # The severity in words, not only in colour: CI logs, NO_COLOR, pipes and readers who
        # do not see colours all need it.
        level: str = f.severity
        code = f.code
        name = f"[{f.name}]"
        if color:
            where = click.style(where, bold=True)
            level = click.style(level, fg=_SEVERITY_STYLE[f.severity])
            code = click.style(code, fg=_SEVERITY_STYLE[f.severity], bold=True)
            name = click.style(name, dim=True)
        lines.append(f"{where} {level} {code} {safe_text(f.message)} {name}")
    counts = Counter(f.severity for f in findings)
    if findings:
        summary = (
            f"Found {plural(len(findings), 'problem')} "
            f"({plural(counts['error'], 'error')}, {plural(counts['warning'], 'warning')}, "
            f"{counts['info']} info)."
        )
        lines.append(click.style(summary, bold=True) if color else summary)
    else:
        ok = (
            f"All checks passed: {plural(stats.get('files', 0), 'file')}, "
            f"{plural(stats.get('objectives', 0), 'objective')}, "
            f"{plural(stats.get('key_results', 0), 'key result')}."
        )
        lines.append(click.style(ok, fg="green") if color else ok)
    return "\n".join(lines) + "\n"


def format_json(findings: Sequence[Finding]) -> str:
    return json.dumps([f.as_json() for f in findings], indent=2, ensure_ascii=False) + "\n"


def _meta(metadata: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in metadata.items() if not k.startswith("_")}


def outline_json(docs: Sequence[OkrDocument]) -> str:
    out = []
    for doc in docs:
        sets = []
        for s in doc.sets:
            objectives = []
            for o in s.objectives:
                objectives.append(
                    {
                        "text": o.text,
                        "line": o.span.line,
                        "metadata": _meta(o.metadata),
                        "parent": o.parent.text if o.parent else None,
                        "key_results": [
                            {
                                "text": k.text,
                                "line": k.span.line,
                                "metadata": _meta(k.metadata),
                                "initiatives": [
                                    {"text": i.text, "line": i.span.line} for i in k.initiatives
                                ],
                            }
                            for k in o.key_results
                        ],
                    }
                )
            entry: dict[str, Any] = {
                "title": s.title,
                "line": s.span.line,
                "metadata": _meta(s.metadata),
                "objectives": objectives,
            }
            if s.shared_key_results:
                entry["shared_key_results"] = [
                    {"text": k.text, "line": k.span.line, "metadata": _meta(k.metadata)}
                    for k in s.shared_key_results
                ]
            sets.append(entry)
        item: dict[str, Any] = {"path": doc.path, "sets": sets}
        if doc.problems:
            item["problems"] = [
                {"message": p.message, "line": p.span.line, "column": p.span.column}
                for p in doc.problems
            ]
        out.append(item)
    return json.dumps(out, indent=2, ensure_ascii=False, default=str) + "\n"


def _fmt_meta(metadata: dict[str, Any], keys: Sequence[str]) -> str:
    parts = [f"{k}={metadata[k]}" for k in keys if metadata.get(k) not in (None, "")]
    return ("  [" + ", ".join(parts) + "]") if parts else ""


def _line(span: Span) -> str:
    return f"{span.line}"


def outline_text(docs: Sequence[OkrDocument], color: bool, why: bool = False) -> str:
    lines: list[str] = []

    def style(text: str, **kw: Any) -> str:
        return click.style(text, **kw) if color else text

    for doc in docs:
        lines.append(style(safe_path(doc.path), bold=True))
        for p in doc.problems:
            lines.append(f"  ! line {p.span.line}: {safe_text(p.message)}")
        if not doc.sets and not doc.problems:
            lines.append("  (no objectives found)")
        for s in doc.sets:
            title = safe_text(s.title or "(document)")
            meta = _fmt_meta(s.metadata, ("cycle", "level", "owner", "team", "updated", "parent"))
            lines.append(f"  {style('set', fg='cyan')} {title!r} (line {s.span.line}){meta}")
            depth_of: dict[int, int] = {}
            for o in s.objectives:
                depth = depth_of.get(id(o.parent), 0) + 1 if o.parent else 1
                depth_of[id(o)] = depth
                pad = "  " * (depth + 1)
                meta = _fmt_meta(o.metadata, ("owner", "score", "progress", "status", "deadline"))
                head = f"{pad}{style('objective', fg='green')} (line {o.span.line})"
                lines.append(f"{head}: {safe_text(o.text)}{meta}")
                for k in o.key_results:
                    meta = _fmt_meta(
                        k.metadata,
                        (
                            "owner",
                            "baseline",
                            "current",
                            "target",
                            "score",
                            "progress",
                            "status",
                            "done",
                        ),
                    )
                    lines.append(
                        f"{pad}  {style('key result', fg='yellow')} (line {k.span.line}): "
                        f"{safe_text(k.text)}{meta}"
                    )
                    for i in k.initiatives:
                        lines.append(
                            f"{pad}    initiative (line {i.span.line}): {safe_text(i.text)}"
                        )
            for k in s.shared_key_results:
                head = f"    {style('key result', fg='yellow')} (shared, line {k.span.line})"
                lines.append(f"{head}: {safe_text(k.text)}")
        if why:
            lines.extend(_why_lines(doc))
    return "\n".join(lines) + "\n"


def _why_lines(doc: OkrDocument) -> list[str]:
    if doc.format != "markdown" or not doc.source:
        return ["  (--why explains Markdown files; YAML roles come from their keys)"]
    from okrlint.readers.markdown import explain_roles

    return ["  why:", *explain_roles(doc.path, doc.source)]
