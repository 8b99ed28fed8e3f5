"""A read document as plain JSON data, and back: how the cache and the worker processes hand a
document to the reports (markdown, html, json-report), the outline and the ``full`` format
without reading and linting the file again.

Only what those outputs use is kept: the sets, objectives, key results and initiatives with their
spans and metadata, the problems and the source text. The statement analysis, comments and prose
are lint-time data and are left out. :func:`from_data` checks every field's type and shape: a
cache entry that is not exactly what :func:`to_data` writes raises :class:`ValueError` (the cache
treats it as a miss), so a planted entry cannot crash a report.
"""

from __future__ import annotations

from typing import Any

from okrlint.model import (
    Initiative,
    KeyResult,
    Objective,
    OkrDocument,
    OkrSet,
    Problem,
    Span,
)

_FORMATS = ("markdown", "yaml", "unknown")
_MAX_DEPTH = 8  # nesting of metadata values (YAML lists and mappings)


def _span(s: Span) -> list[int]:
    return [s.line, s.column, s.end_line, s.end_column]


def _spans(spans: dict[str, Span]) -> dict[str, list[int]]:
    return {k: _span(v) for k, v in spans.items()}


def _value(value: Any) -> Any:
    """A metadata value as JSON data (a span, as the Markdown reader keeps for the front
    matter, becomes ``{"$span": [...]}``)."""
    if isinstance(value, Span):
        return {"$span": _span(value)}
    if isinstance(value, dict):
        return {str(k): _value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_value(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)  # a date or a time from YAML: as the reader would print it


def _meta(metadata: dict[str, Any]) -> dict[str, Any]:
    return {str(k): _value(v) for k, v in metadata.items()}


def _kr(kr: KeyResult) -> dict[str, Any]:
    return {
        "text": kr.text,
        "span": _span(kr.span),
        "raw": kr.raw,
        "metadata": _meta(kr.metadata),
        "spans": _spans(kr.metadata_spans),
        "initiatives": [[i.text, _span(i.span), i.raw, i.depth] for i in kr.initiatives],
    }


def _objective(o: Objective, index: dict[int, int]) -> dict[str, Any]:
    return {
        "text": o.text,
        "span": _span(o.span),
        "raw": o.raw,
        "metadata": _meta(o.metadata),
        "spans": _spans(o.metadata_spans),
        "key_results": [_kr(k) for k in o.key_results],
        "parent": index.get(id(o.parent)) if o.parent is not None else None,
        "context": o.context,
    }


def _set(s: OkrSet) -> dict[str, Any]:
    index = {id(o): i for i, o in enumerate(s.objectives)}
    return {
        "title": s.title,
        "span": _span(s.span),
        "metadata": _meta(s.metadata),
        "spans": _spans(s.metadata_spans),
        "objectives": [_objective(o, index) for o in s.objectives],
        "shared": [_kr(k) for k in s.shared_key_results],
        "context": s.context,
    }


def to_data(doc: OkrDocument) -> dict[str, Any]:
    """The document as JSON-compatible data (its path is not kept: the caller knows it)."""
    return {
        "format": doc.format,
        "source": doc.source,
        "sets": [_set(s) for s in doc.sets],
        "metadata": _meta(doc.metadata),
        "problems": [[p.message, _span(p.span)] for p in doc.problems],
        "speculative": doc.speculative,
        "no_okrs_reason": doc.no_okrs_reason,
    }


# Reading it back, checking every value ------------------------------------------------------


def _fail(what: str) -> ValueError:
    return ValueError(f"document data: bad {what}")


def _str(value: Any, what: str) -> str:
    if type(value) is not str:
        raise _fail(what)
    return value


def _opt_str(value: Any, what: str) -> str | None:
    return None if value is None else _str(value, what)


def _list(value: Any, what: str) -> list[Any]:
    if type(value) is not list:
        raise _fail(what)
    return value


def _dict(value: Any, what: str, keys: set[str] | None = None) -> dict[str, Any]:
    if type(value) is not dict or (keys is not None and set(value) != keys):
        raise _fail(what)
    return value


def _read_span(value: Any) -> Span:
    parts = _list(value, "span")
    if len(parts) != 4 or any(type(p) is not int or p < 0 for p in parts):
        raise _fail("span")
    return Span(*parts)


def _plain(value: Any, depth: int = 0) -> Any:
    """A metadata value: JSON scalars, lists and string-keyed mappings, not too deep."""
    if depth > _MAX_DEPTH:
        raise _fail("metadata depth")
    if value is None or type(value) in (str, int, float, bool):
        return value
    if type(value) is list:
        return [_plain(v, depth + 1) for v in value]
    if type(value) is dict:
        if set(value) == {"$span"}:
            return _read_span(value["$span"])
        return {_str(k, "metadata key"): _plain(v, depth + 1) for k, v in value.items()}
    raise _fail("metadata value")


def _metadata(value: Any) -> dict[str, Any]:
    return {_str(k, "metadata key"): _plain(v) for k, v in _dict(value, "metadata").items()}


def _read_spans(value: Any) -> dict[str, Span]:
    return {_str(k, "span key"): _read_span(v) for k, v in _dict(value, "spans").items()}


def _strings(value: Any, what: str) -> list[str]:
    return [_str(v, what) for v in _list(value, what)]


_KR_KEYS = {"text", "span", "raw", "metadata", "spans", "initiatives"}
_OBJECTIVE_KEYS = {"text", "span", "raw", "metadata", "spans", "key_results", "parent", "context"}
_SET_KEYS = {"title", "span", "metadata", "spans", "objectives", "shared", "context"}
_DOC_KEYS = {"format", "source", "sets", "metadata", "problems", "speculative", "no_okrs_reason"}


def _read_kr(value: Any) -> KeyResult:
    d = _dict(value, "key result", _KR_KEYS)
    initiatives = []
    for row in _list(d["initiatives"], "initiatives"):
        parts = _list(row, "initiative")
        if len(parts) != 4 or type(parts[3]) is not int:
            raise _fail("initiative")
        initiatives.append(
            Initiative(
                _str(parts[0], "initiative"), _read_span(parts[1]), _str(parts[2], "raw"), parts[3]
            )
        )
    return KeyResult(
        text=_str(d["text"], "text"),
        span=_read_span(d["span"]),
        raw=_str(d["raw"], "raw"),
        metadata=_metadata(d["metadata"]),
        metadata_spans=_read_spans(d["spans"]),
        initiatives=initiatives,
    )


def _read_set(value: Any) -> OkrSet:
    d = _dict(value, "set", _SET_KEYS)
    objectives: list[Objective] = []
    parents: list[int | None] = []
    for raw in _list(d["objectives"], "objectives"):
        o = _dict(raw, "objective", _OBJECTIVE_KEYS)
        parent = o["parent"]
        if parent is not None and (type(parent) is not int or not 0 <= parent < len(objectives)):
            raise _fail("parent")  # a parent is always written before its children
        objective = Objective(
            text=_str(o["text"], "text"),
            span=_read_span(o["span"]),
            raw=_str(o["raw"], "raw"),
            metadata=_metadata(o["metadata"]),
            metadata_spans=_read_spans(o["spans"]),
            context=_strings(o["context"], "context"),
        )
        for kr in _list(o["key_results"], "key results"):
            objective.add_key_result(_read_kr(kr))
        objectives.append(objective)
        parents.append(parent)
    for objective, parent in zip(objectives, parents, strict=True):
        if parent is not None:
            objective.parent = objectives[parent]
            objectives[parent].children.append(objective)
    return OkrSet(
        title=_opt_str(d["title"], "title"),
        span=_read_span(d["span"]),
        metadata=_metadata(d["metadata"]),
        metadata_spans=_read_spans(d["spans"]),
        objectives=objectives,
        shared_key_results=[_read_kr(k) for k in _list(d["shared"], "shared key results")],
        context=_strings(d["context"], "context"),
    )


def from_data(value: Any, path: str) -> OkrDocument:
    """The document :func:`to_data` wrote, for ``path``; ValueError when ``value`` is not
    exactly that shape."""
    d = _dict(value, "document", _DOC_KEYS)
    if d["format"] not in _FORMATS or type(d["speculative"]) is not bool:
        raise _fail("document")
    problems = []
    for row in _list(d["problems"], "problems"):
        parts = _list(row, "problem")
        if len(parts) != 2:
            raise _fail("problem")
        problems.append(Problem(_str(parts[0], "problem"), _read_span(parts[1])))
    doc = OkrDocument(
        path=path,
        format=d["format"],
        source=_str(d["source"], "source"),
        sets=[_read_set(s) for s in _list(d["sets"], "sets")],
        metadata=_metadata(d["metadata"]),
        problems=problems,
        speculative=d["speculative"],
        no_okrs_reason=_opt_str(d["no_okrs_reason"], "reason"),
    )
    doc.link()
    return doc
