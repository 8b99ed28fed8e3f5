"""Checks over a set or an objective as a whole: time frames, outputs, pay, scores, review
dates, alignment and owners.

The analysis modules are imported by the checks that use them: a file without OKRs (the
hook's usual case) runs these checks without loading the statement analysis."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from okrlint.checks.api import Node, Problem, RuleContext, quote
from okrlint.model import KeyResult, Objective, OkrDocument, OkrSet, Span

_OKR_WORDS = re.compile(
    r"(?i)\b(?:okrs?|okr's|objectives?|key\s+results?|krs?|scores?|scoring|graded?|grades|"
    r"goals?|attainment|achievement|results|targets)\b|\bthese\b|\bthem\b"
)


# ---------------------------------------------------------------------- OKR105


def _set_has_timeframe(s: OkrSet) -> bool:
    from okrlint.analysis import languages
    from okrlint.analysis.timeframes import has_timeframe

    meta = s.metadata
    if meta.get("cycle") or meta.get("deadline"):
        return True
    texts = [s.title or "", *s.context]
    for o in s.objectives:
        texts += [o.text, o.raw, *o.context]
        if o.metadata.get("deadline") or o.metadata.get("cycle"):
            return True
        for kr in o.key_results:
            texts += [kr.text, kr.raw]
            if kr.metadata.get("deadline"):
                return True
    texts += [kr.text for kr in s.shared_key_results]
    return any(has_timeframe(t) or languages.has_timeframe(t) for t in texts if t)


def missing_timeframe(ctx: RuleContext, node: Node) -> Iterator[Problem]:
    if isinstance(node, OkrSet) and node.objectives and not _set_has_timeframe(node):
        yield Problem(ctx.message(title=node.title or "this set"))


# ---------------------------------------------------------------------- OKR107


def output_only_objective(ctx: RuleContext, node: Node) -> Iterator[Problem]:
    from okrlint.analysis.statement import judged
    from okrlint.checks.statements import kr_task

    if not isinstance(node, Objective) or not node.key_results or node.children:
        return
    outputs = 0
    for kr in node.key_results:
        a = kr.analysis
        if a is None or not judged(a.language):
            return
        if not (kr_task(kr) or a.output_count):
            return
        outputs += 1
    if outputs:
        yield Problem(ctx.message(text=quote(node.text), count=outputs))


# ---------------------------------------------------------------------- OKR108


@cache
def _pay_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    from okrlint.analysis.lexicon import phrases

    lex = phrases()

    def alt(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    pay = re.compile(rf"(?i)(?<!\w)(?:{alt(lex['pay_words'])})(?!\w)")
    # Link words may take an adverb inside ("feed directly into").
    links = [re.escape(w).replace(r"\ ", r"\s+(?:\w+ly\s+)?") for w in lex["pay_links"]]
    link = re.compile(rf"(?i)(?<!\w)(?:{'|'.join(sorted(links, key=len, reverse=True))})(?!\w)")
    neg = re.compile(rf"(?i)(?<!\w)(?:{alt(lex['pay_negations'])})(?!\w)")
    return pay, link, neg


def pay_link(text: str) -> str | None:
    """The sentence of ``text`` that ties OKRs to pay, or None."""
    pay, link, neg = _pay_patterns()
    for sentence in re.split(r"(?<=[.!?;])\s+|\n", text):
        m = pay.search(sentence)
        if not m or not link.search(sentence) or not _OKR_WORDS.search(sentence):
            continue
        if neg.search(sentence) or sentence.rstrip(" *_").endswith(("?", "？")):
            continue  # "Are OKRs tied to bonuses?" asks (its answer follows), it does not tie
        return sentence.strip()
    return None


def tied_to_compensation(ctx: RuleContext, node: Node) -> Iterator[Problem]:
    if not isinstance(node, OkrSet):
        return
    doc = ctx.doc
    first, last = _set_lines(doc, node)
    candidates: list[tuple[str, Span]] = []
    for key in ("why", "description", "note", "policy", "compensation", "scoring"):
        value = node.metadata.get(key)
        if value:
            candidates.append((str(value), node.metadata_spans.get(key, node.span)))
    candidates += [(p.text, p.span) for p in doc.prose if first <= p.span.line <= last]
    for o in node.objectives:
        candidates.append((o.raw or o.text, o.span))
        candidates += [(kr.raw or kr.text, kr.span) for kr in o.key_results]
    for text, span in candidates:
        sentence = pay_link(text)
        if sentence:
            yield Problem(ctx.message(sentence=quote(sentence, 80)), span)
            return


def _set_lines(doc: OkrDocument, s: OkrSet) -> tuple[int, int]:
    """The lines a set covers: from its heading to the next set (the whole file for one set)."""
    sets = sorted(doc.sets, key=lambda x: x.span.line)
    if len(sets) == 1:
        return 1, 10**9
    idx = sets.index(s)
    first = 1 if idx == 0 else s.span.line
    last = sets[idx + 1].span.line - 1 if idx + 1 < len(sets) else 10**9
    return first, last


# ---------------------------------------------------------------------- OKR401, OKR402

_FRACTION = re.compile(r"^\s*(?P<a>-?\d+(?:\.\d+)?)\s*/\s*(?P<b>\d+(?:\.\d+)?)")
_PERCENT_IN = re.compile(r"\((?P<p>-?\d+(?:\.\d+)?)\s*%\)")


def score_value(raw: object) -> tuple[float, bool] | None:
    """``0.7`` -> (0.7, False); ``"40%"`` -> (40, True); ``"8/10 (80%)"`` -> (80, True)."""
    if isinstance(raw, bool) or raw is None:
        return None
    if isinstance(raw, (int, float)):
        return float(raw), False
    text = str(raw).strip()
    if not text or re.search(r"(?i)\b(?:x|n/?a|tbd)\b", text):
        return None
    if m := _PERCENT_IN.search(text):
        return float(m["p"]), True
    if m := _FRACTION.match(text):
        b = float(m["b"])
        if b == 0:
            return None
        return float(m["a"]) / b, False
    m = re.match(r"^\s*(-?\d+(?:[.,]\d+)?)\s*(%?)", text)
    if not m:
        return None
    number = m.group(1)
    if "," in number:
        if not m.group(2):
            return None  # "6,450": a thousands separator or a decimal comma, not a score
        number = number.replace(",", ".")  # "14,8%"
    return float(number), bool(m.group(2))


def score_in_range(value: float, percent: bool) -> bool:
    return 0 <= value <= (100 if percent else 1)


def _scored_nodes(doc: OkrDocument) -> Iterator[tuple[Any, str, object]]:
    for s in doc.sets:
        for key in ("score", "progress"):
            if key in s.metadata:
                yield s, key, s.metadata[key]
        for o in s.objectives:
            for key in ("score", "progress"):
                if key in o.metadata:
                    yield o, key, o.metadata[key]
        for kr in s.key_results():
            for key in ("score", "progress"):
                if key in kr.metadata:
                    yield kr, key, kr.metadata[key]


def score_out_of_range(ctx: RuleContext, node: Node) -> Iterator[Problem]:
    if not isinstance(node, OkrDocument):
        return
    for owner, key, raw in _scored_nodes(node):
        parsed = score_value(raw)
        if parsed is None:
            continue
        value, percent = parsed
        if key == "progress" and not percent:
            continue  # "Progress: 3.6", "Progress: 6,450 (July)": the value reached, not a share
        if score_in_range(value, percent):
            continue
        span = owner.metadata_spans.get(key) if hasattr(owner, "metadata_spans") else None
        yield Problem(
            ctx.message(key=key, value=str(raw).strip(), what=owner.kind.replace("_", " ")),
            span or owner.span,
            node=owner,
        )


def _kr_score(kr: KeyResult) -> float | None:
    for key in ("score", "progress"):
        if key in kr.metadata:
            parsed = score_value(kr.metadata[key])
            if parsed is not None:
                value, percent = parsed
                return value / 100 if percent else value
    return None


def all_key_results_perfect(ctx: RuleContext, node: Node) -> Iterator[Problem]:
    if not isinstance(node, OkrSet):
        return
    krs = list(node.key_results())
    if len(krs) < 2:
        return
    scores = [_kr_score(kr) for kr in krs]
    if all(s is not None and abs(s - 1.0) < 1e-9 for s in scores):
        yield Problem(ctx.message(count=len(krs), title=node.title or "this set"))


# ---------------------------------------------------------------------- OKR403


def stale_review(ctx: RuleContext, node: Node) -> Iterator[Problem]:
    if not isinstance(node, OkrSet):
        return
    raw = node.metadata.get("updated")
    if raw in (None, ""):
        return
    from okrlint.analysis.timeframes import parse_date

    when = parse_date(raw)
    if when is None:
        return
    today: dt.date = ctx.today
    days = (today - when).days
    limit = int(ctx.option("max-days"))
    if days > limit:
        span = node.metadata_spans.get("updated", node.span)
        yield Problem(ctx.message(date=when.isoformat(), days=days, max=limit), span)


# ---------------------------------------------------------------------- OKR405, OKR406


def missing_alignment(ctx: RuleContext, node: Node) -> Iterator[Problem]:
    if not isinstance(node, OkrSet) or not node.objectives:
        return
    level = (node.level or "").lower()
    if level not in ("team", "individual"):
        return
    if node.metadata.get("parent"):
        return
    tops = node.top_objectives
    if tops and all(o.metadata.get("parent") for o in tops):
        return
    yield Problem(ctx.message(title=node.title or "this set", level=level))


def missing_owner(ctx: RuleContext, node: Node) -> Iterator[Problem]:
    if not isinstance(node, OkrDocument):
        return
    for s in node.sets:
        if not s.objectives:
            continue
        set_owner = s.metadata.get("owner") or s.metadata.get("team")
        if not set_owner:
            yield Problem(
                ctx.message(what="set", text=quote(s.title or "this set")), s.span, node=s
            )
            for o in s.objectives:
                if not o.metadata.get("owner"):
                    yield Problem(ctx.message(what="objective", text=quote(o.text)), o.span, node=o)
