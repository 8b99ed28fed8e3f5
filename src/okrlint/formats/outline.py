"""``--outline``: how okrlint read each file (sets, objectives, key results, with the evidence
under ``--why``), as text or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import click

from okrlint.model import OkrDocument, Span
from okrlint.textsafe import safe_path, safe_text


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
    from okrlint.readers.markdown import explain_roles  # only under --why

    return ["  why:", *explain_roles(doc.path, doc.source)]
