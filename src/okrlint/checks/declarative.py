"""Declarative rule kinds, for the built-in pack and for user rule packs alike.

``occurrence`` (counts), ``existence`` (words, phrases or bounded regular expressions),
``substitution`` (a word and the word to use instead), ``pattern`` (spaCy Matcher token
patterns) and ``requires`` (parts of the analysis or metadata a statement must have).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from okrlint.checks.api import Node, Problem, RuleContext, quote
from okrlint.model import Initiative, KeyResult, Objective, OkrDocument, OkrSet
from okrlint.readers.decorations import words

REGEX_TIMEOUT = 0.05  # seconds per statement: a pack's regular expression cannot hang a run


def _value(ctx: RuleContext, raw: Any) -> Any:
    """``"{max}"`` refers to the rule's option ``max``."""
    if isinstance(raw, str):
        m = re.fullmatch(r"\{([\w-]+)\}", raw.strip())
        if m:
            return ctx.option(m.group(1))
    return raw


def _level(node: Node) -> str | None:
    if isinstance(node, OkrSet):
        return node.level
    okr_set = getattr(node, "okr_set", None)
    if okr_set is None and isinstance(node, Initiative):
        return None
    return okr_set.level if okr_set is not None else None


def _judged(language: str) -> bool:
    """Whether okrlint judges statements in ``language`` (the analysis is imported only by the
    rules that read it: a file without OKRs never needs it)."""
    from okrlint.analysis.statement import judged

    return judged(language)


def level_allows(ctx: RuleContext, node: Node) -> bool:
    """The rule's ``level:`` filter (company / team / individual)."""
    wanted = ctx.rule.spec.get("level")
    if not wanted:
        return True
    levels = [wanted] if isinstance(wanted, str) else list(wanted)
    return (_level(node) or "") in levels


def _texts(node: Node) -> Iterator[tuple[Any, str]]:
    """The statements a rule of this scope reads: the node's own text, or for a set or a file
    every objective and key result in it."""
    if isinstance(node, (Objective, KeyResult, Initiative)):
        yield node, node.text
    elif isinstance(node, OkrSet):
        if node.title:
            yield node, node.title
        for o in node.objectives:
            yield o, o.text
            for kr in o.key_results:
                yield kr, kr.text
    elif isinstance(node, OkrDocument):
        for s in node.sets:
            yield from _texts(s)


def _report(ctx: RuleContext, about: Any, **values: Any) -> Problem:
    values.setdefault(
        "text", quote(getattr(about, "text", "") or getattr(about, "title", "") or "")
    )
    analysis = getattr(about, "analysis", None)
    if analysis is not None:
        for key in ("baseline", "target", "delta"):
            q = getattr(analysis, key, None)
            values.setdefault(key, q.text.strip() if q is not None else "")
        values.setdefault("metric", analysis.metric)
        values.setdefault("verb", analysis.lead_word or "")
    return Problem(ctx.message(**values), node=about if about is not None else None)


# ---------------------------------------------------------------------- occurrence


def occurrence(ctx: RuleContext, node: Node) -> Iterator[Problem]:
    spec = ctx.rule.spec
    what = spec.get("count")
    skip = set(spec.get("skip") or ())
    level = _level(node)
    values: dict[str, Any] = {"level": level or "team"}
    if what == "objectives" and isinstance(node, OkrSet):
        count = len(node.top_objectives)
        values["title"] = node.title or "this set"
    elif what == "key_results" and isinstance(node, Objective):
        if "has-children" in skip and node.children:
            return
        if "shared" in skip and node.okr_set is not None and node.okr_set.shared_key_results:
            return
        count = len(node.key_results)
        values["text"] = quote(node.text, 60)
    elif what == "initiatives" and isinstance(node, KeyResult):
        count = len(node.initiatives)
        values["text"] = quote(node.text, 60)
    elif what == "words" and isinstance(node, (Objective, KeyResult, Initiative)):
        a = getattr(node, "analysis", None)
        if a is not None and not _judged(a.language):
            return  # words are not counted alike in every language (Vietnamese: syllables)
        count = len(words(node.text))
        values["text"] = quote(node.text, 60)
    else:
        return
    if count == 0 and "zero" in skip:
        return
    low = _value(ctx, spec.get("min"))
    high = _value(ctx, spec.get("max"))
    by_level = spec.get("max-when-level") or {}
    if level in by_level:
        high = _value(ctx, by_level[level])
    values["count"] = count
    if high is not None and count > int(high):
        values["limit"] = int(high)
        yield Problem(ctx.message(**values))
    elif low is not None and count < int(low):
        values["limit"] = int(low)
        yield Problem(ctx.message(**values))


# ---------------------------------------------------------------------- existence


@lru_cache(maxsize=4096)
def _doc(text: str) -> Any:
    from okrlint.analysis.nlp import get_nlp

    return get_nlp()(text)


def _token_key(token: Any, lemma: bool, ignorecase: bool) -> str:
    if lemma:
        return str(token.lemma_ or token.lower_).lower()
    return str(token.lower_ if ignorecase else token.text)


def _phrase_match(text: str, phrases: Iterable[str], lemma: bool, ignorecase: bool) -> str | None:
    doc = _doc(text)
    keys = [_token_key(t, lemma, ignorecase) for t in doc]
    for phrase in phrases:
        pdoc = _doc(phrase)
        pkeys = [_token_key(t, lemma, ignorecase) for t in pdoc]
        n = len(pkeys)
        if not n:
            continue
        for i in range(len(keys) - n + 1):
            if keys[i : i + n] == pkeys:
                return str(doc[i : i + n].text)
    return None


def _regex_match(text: str, patterns: Iterable[str], ignorecase: bool) -> str | None:
    from okrlint.registry import compile_regex

    for pattern in patterns:
        try:
            m = compile_regex(pattern, ignorecase).search(text, timeout=REGEX_TIMEOUT)
        except TimeoutError:
            continue  # a pathological pattern gives up on this statement rather than hang
        if m:
            return str(m.group(0))
    return None


def existence(ctx: RuleContext, node: Node) -> Iterator[Problem]:
    spec = ctx.rule.spec
    ignorecase = bool(spec.get("ignorecase", True))
    lemma = bool(spec.get("lemma", False))
    tokens = [str(t) for t in (_value(ctx, spec.get("tokens")) or [])]
    patterns = [str(p) for p in (spec.get("regex") or [])]
    invert = bool(spec.get("invert", False))
    for about, text in _texts(node):
        if not text:
            continue
        match = _phrase_match(text, tokens, lemma, ignorecase) if tokens else None
        if match is None and patterns:
            match = _regex_match(text, patterns, ignorecase)
        if (match is not None) != invert:
            yield _report(ctx, about, match=match or "")


# ---------------------------------------------------------------------- substitution


def substitution(ctx: RuleContext, node: Node) -> Iterator[Problem]:
    spec = ctx.rule.spec
    ignorecase = bool(spec.get("ignorecase", True))
    lemma = bool(spec.get("lemma", False))
    swap: dict[str, str] = dict(spec.get("swap") or {})
    for about, text in _texts(node):
        for word, replacement in swap.items():
            match = _phrase_match(text, [word], lemma, ignorecase)
            if match is not None:
                yield _report(ctx, about, match=match, replacement=replacement)
                break


# ---------------------------------------------------------------------- pattern


@lru_cache(maxsize=256)
def _matcher(code: str, patterns_repr: str) -> Any:
    import ast

    from okrlint.analysis.nlp import Matcher, get_nlp

    matcher = Matcher(get_nlp().vocab)
    matcher.add(code, [list(p) for p in ast.literal_eval(patterns_repr)])
    return matcher


def pattern(ctx: RuleContext, node: Node) -> Iterator[Problem]:
    patterns = ctx.rule.spec.get("patterns") or []
    matcher = _matcher(ctx.rule.code, repr(patterns))
    invert = bool(ctx.rule.spec.get("invert", False))
    for about, text in _texts(node):
        doc = _doc(text)
        hits = matcher(doc)
        if hits and not invert:
            _, start, end = hits[0]
            yield _report(ctx, about, match=doc[start:end].text)
        elif not hits and invert:
            yield _report(ctx, about, match="")


# ---------------------------------------------------------------------- requires


def _has_part(node: Any, part: str) -> bool:
    meta = getattr(node, "metadata", {}) or {}
    a = getattr(node, "analysis", None)
    if part == "owner":
        return bool(meta.get("owner"))
    if part == "score":
        return meta.get("score") not in (None, "") or meta.get("progress") not in (None, "")
    if part in ("deadline", "timeframe"):
        from okrlint.analysis.timeframes import has_timeframe

        return bool(meta.get("deadline")) or has_timeframe(getattr(node, "text", ""))
    if a is None or not _judged(getattr(a, "language", "en")):
        return True  # not analysed, or in a language okrlint does not judge
    if part == "baseline":
        return a.baseline is not None or a.delta is not None or a.new_count
    if part == "target":
        return a.target is not None or a.delta is not None or a.relative_word is not None
    if part == "unit":
        q = a.target or a.baseline or a.delta
        return q is not None and q.unit is not None
    if part == "metric":
        return bool(a.metric)
    return True


def requires(ctx: RuleContext, node: Node) -> Iterator[Problem]:
    spec = ctx.rule.spec
    if not isinstance(node, (Objective, KeyResult, Initiative, OkrSet)):
        return
    missing = [p for p in spec.get("parts") or [] if not _has_part(node, p)]
    meta = getattr(node, "metadata", {}) or {}
    missing += [f for f in spec.get("metadata") or [] if meta.get(f) in (None, "")]
    if missing:
        yield _report(ctx, node, missing=", ".join(missing))
