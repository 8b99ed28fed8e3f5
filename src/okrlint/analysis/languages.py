"""Statements in German, Spanish, French and Portuguese: the same :class:`Analysis` as English,
filled from each language's lexicon (``rules/lexicons/lang/CODE.yaml``), so the rules judge
them with the same predicates.

A language contributes data, not code: verb forms by class, the words before a baseline, a
target and a change, time-frame patterns, placeholders, bounded and vanity measures. Numbers
are written the language's way ("1.800", "1 800", "4,2 %"); they are read by the English number
reader after a length-preserving rewrite ("1,800", "4.2 %"), so every position stays the
user's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Any

import yaml

from okrlint.analysis.quantities import Quantity, find_quantities
from okrlint.data import data_dir
from okrlint.yamlsafe import SafeLoader

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


@dataclass(frozen=True)
class LanguagePack:
    code: str
    name: str
    classes: dict[str, frozenset[str]]  # form (lower-case, words joined by spaces) -> classes
    longest: int  # words in the longest form
    from_words: frozenset[str]
    to_words: frozenset[str]
    by_words: frozenset[str]
    current_words: frozenset[str]
    target_words: frozenset[str]  # "meta:", "Zielwert:": the value after them is the target
    out_of: frozenset[str]
    and_words: frozenset[str]
    relative: dict[str, str]
    placeholders: tuple[str, ...]
    timeframes: tuple[re.Pattern[str], ...]
    bounded: tuple[str, ...]
    vanity: tuple[str, ...]
    infinitive: re.Pattern[str] | None
    new_words: frozenset[str]
    verb_last: bool
    maintain_start: tuple[str, ...]
    articles: frozenset[str]
    qualities: tuple[str, ...]
    value_qualifiers: tuple[str, ...]
    numbers: dict[str, float]
    multipliers: dict[str, float]
    durations: dict[str, float]
    unbounded: tuple[str, ...]
    under: frozenset[str]
    company_metrics: tuple[str, ...]
    # Agreement endings of a participle and the form the lexicon lists ("validadas" ->
    # "validado", "lancée" -> "lancé"), longest first.
    participle_endings: tuple[tuple[str, str], ...] = ()
    events: frozenset[str] = frozenset()  # "Anmeldungen", "registros": counted from zero
    # Things one builds, as the first word of a key result with no verb ("Módulo de
    # contabilidad con ...", "Painel de vendas"): a deliverable.
    deliverables: frozenset[str] = frozenset()

    def lexicon_form(self, word: str) -> frozenset[str] | None:
        """The classes of a word, or of the participle it agrees from."""
        found = self.classes.get(word)
        if found is not None:
            return found
        for ending, base in self.participle_endings:
            if word.endswith(ending) and len(word) > len(ending) + 2:
                found = self.classes.get(word[: -len(ending)] + base)
                if found is not None:
                    return found
        return None


def _words(value: Any) -> list[str]:
    items = value.split() if isinstance(value, str) else list(value or [])
    return [" ".join(str(w).lower().replace("_", " ").split()) for w in items]


@cache
def supported() -> frozenset[str]:
    """The languages with a lexicon (English is built in)."""
    folder = data_dir() / "lexicons" / "lang"
    return frozenset(p.stem for p in folder.glob("*.yaml")) if folder.is_dir() else frozenset()


@cache
def pack(code: str) -> LanguagePack | None:
    if code not in supported():
        return None
    path = data_dir() / "lexicons" / "lang" / f"{code}.yaml"
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader) or {}
    classes: dict[str, set[str]] = {}
    for cls, forms in (data.get("verbs") or {}).items():
        for form in _words(forms):
            classes.setdefault(form, set()).add(str(cls))
    return LanguagePack(
        code=code,
        name=str(data.get("name") or code),
        classes={k: frozenset(v) for k, v in classes.items()},
        longest=max((len(k.split()) for k in classes), default=1),
        from_words=frozenset(_words(data.get("from"))),
        to_words=frozenset(_words(data.get("to"))),
        by_words=frozenset(_words(data.get("by"))),
        current_words=frozenset(_words(data.get("current"))),
        target_words=frozenset(_words(data.get("target"))),
        out_of=frozenset(_words(data.get("out_of"))),
        and_words=frozenset(_words(data.get("and"))),
        relative={str(k).lower(): str(v) for k, v in (data.get("relative") or {}).items()},
        placeholders=tuple(_words(data.get("placeholders"))),
        timeframes=tuple(re.compile(p, re.IGNORECASE) for p in data.get("timeframes") or []),
        bounded=tuple(_words(data.get("bounded"))),
        vanity=tuple(_words(data.get("vanity"))),
        infinitive=re.compile(str(data["infinitive"])) if data.get("infinitive") else None,
        new_words=frozenset(_words(data.get("new"))),
        verb_last=bool(data.get("verb_last")),
        maintain_start=tuple(_words(data.get("maintain_start"))),
        articles=frozenset(_words(data.get("articles"))),
        qualities=tuple(_words(data.get("qualities"))),
        value_qualifiers=tuple(_words(data.get("value_qualifiers"))),
        # "ein", "un", "um" are articles far more often than the number one.
        numbers={
            str(k).lower(): float(v) for k, v in (data.get("numbers") or {}).items() if v != 1
        },
        multipliers={str(k).lower(): float(v) for k, v in (data.get("multipliers") or {}).items()},
        durations={str(k).lower(): float(v) for k, v in (data.get("durations") or {}).items()},
        unbounded=tuple(_words(data.get("unbounded"))),
        under=frozenset(_words(data.get("under"))),
        company_metrics=tuple(_words(data.get("company_metrics"))),
        events=frozenset(_words(data.get("events"))),
        deliverables=frozenset(_words(data.get("deliverables"))),
        participle_endings=tuple(
            sorted(
                (
                    (str(k).lower(), str(v).lower())
                    for k, v in (data.get("participles") or {}).items()
                ),
                key=lambda kv: -len(kv[0]),
            )
        ),
    )


def has_timeframe(text: str) -> bool:
    """A time frame of one of the languages ("3. Quartal", "hasta septiembre", "d'ici fin
    septembre", "até o fim do ano")."""
    for code in sorted(supported()):
        p = pack(code)
        if p is not None and any(rx.search(text) for rx in p.timeframes if rx.pattern != _YEAR):
            return True
    return False


_YEAR = r"\b20\d\d\b"  # a year alone is not a cycle (English decides on it)


@cache
def names() -> dict[str, str]:
    """Code -> name of every language the rules judge, English first."""
    out = {"en": "English"}
    for code in sorted(supported()):
        p = pack(code)
        out[code] = p.name if p is not None else code
    return out


@cache
def form_languages() -> dict[str, tuple[str, ...]]:
    """Each verb form with the languages whose lexicon has it (evidence for the language)."""
    out: dict[str, list[str]] = {}
    for code in sorted(supported()):
        p = pack(code)
        if p is not None:
            for form in p.classes:
                if " " not in form:
                    out.setdefault(form, []).append(code)
    return {k: tuple(v) for k, v in out.items()}


# "1.800" and "1 800" are thousands, "4,2" a decimal: rewritten in place as "1,800", "4.2".
_THOUSANDS = re.compile(r"(?<=\d)[.\u00a0\u202f ](?=\d{3}(?!\d))")
_DECIMAL = re.compile(r"(?<=\d),(?=\d)")


# A dollar amount keeps the English grouping whatever the language: "$1,500 USD" is 1500 (not
# "R$ 1,500": reais are written the Portuguese way).
_DOLLARS = re.compile(
    r"(?<![^\WU\d_])(?:US)?\$\s?\d{1,3}(?:,\d{3})+(?![\d,])|\d{1,3}(?:,\d{3})+(?=\s?(?:USD|US\$))"
)


def english_numbers(text: str) -> str:
    """The text with numbers written as English writes them, every character in its place."""
    out = _DOLLARS.sub(lambda m: m.group(0).replace(",", "\1"), text)
    out = _DECIMAL.sub("\0", out)
    out = _THOUSANDS.sub(",", out)
    return out.replace("\0", ".").replace("\1", ",")


def quantities(text: str, p: LanguagePack, change: bool = False) -> list[Quantity]:
    """The numbers of the statement with their roles (baseline, target, delta, level,
    timeframe), as the language says them. ``change``: the statement's verb raises or lowers
    a measure, so "de 20 %" after it is a change and "von 14 Minuten" a starting point."""
    qs = find_quantities(english_numbers(text))
    for q in qs:
        q.text = text[q.start : q.end]
        if q.role == "identifier" and re.fullmatch(r"[+-]?\d[\d.]*,\d+", q.text.strip()):
            q.role = "level"  # "4,0" is a decimal, not a version like "8.0"
        _multiply(text, q, p)
        _duration(text, q, p)
        if _ordinal(text, q):
            q.role = "identifier"  # "3. Klasse", "5º ano": a rank, not a value
    qs += _word_numbers(text, p, qs)
    qs.sort(key=lambda q: q.start)
    frames = [(m.start(), m.end()) for rx in p.timeframes for m in rx.finditer(text)]
    for q in qs:
        if any(s <= q.start and q.end <= e for s, e in frames):
            q.role = "timeframe"
    values = [q for q in qs if q.role in ("level", "target", "baseline", "delta")]
    befores = [_before(text, q.start, p) for q in values]
    for i, q in enumerate(values):
        before = befores[i]
        later_target = any(_ends_with(b, p.to_words) for b in befores[i + 1 :])
        after = _first_words(text[q.end :], 1)
        # "61 % actual" says the value is today's; "30 % (atual: 180ms ...)" names another.
        labels_next = re.match(r"\s*\(?\s*[^\W\d_]+\s*[:：]", text[q.end :]) is not None
        current = _ends_with(before, p.current_words) or (
            after in p.current_words and not labels_next
        )
        if _ends_with(before, p.target_words):
            q.role = "target"  # "(atual: 180ms → meta: 126ms)"
        elif _ends_with(before, p.under):
            q.role = "target"  # "a menos del 5 %": a ceiling to get under
            q.bound = "max"
        elif current or any(w in p.current_words for w in before.split()[-3:]):
            q.role = "baseline"  # "von derzeit 14 Minuten", "desde el 61 % actual"
        elif _ends_with(before, p.from_words) and later_target:
            q.role = "baseline"
        elif _ends_with(before, p.to_words):
            q.role = "target"
        elif _ends_with(before, p.by_words) and (change or not _ends_with(before, p.from_words)):
            q.role = "delta"
            q.relative = True
        elif _ends_with(before, p.from_words) and change:
            q.role = "baseline"
    # "≥145 alumnos activos (desde ~110)": the start given in parentheses after the level.
    for i, q in enumerate(values):
        earlier = [v for v in values[:i] if v.role in ("level", "target")]
        if earlier and q.role == "level" and _from_in_parentheses(text[: q.start], p):
            q.role = "baseline"
            earlier[-1].role = "target"
            return qs
    # "a los 30 días del 61 % al 72 %": a target named before the baseline is a window.
    first_baseline = next((q.start for q in values if q.role == "baseline"), None)
    if first_baseline is not None:
        for q in values:
            if q.role == "target" and q.start < first_baseline:
                q.role = "level"
    # "von 4,2 auf 4,6 von 5 Punkten", "5,3 sur 5": the scale of the value before it.
    for a, b in pairwise(values):
        between = text[a.end : b.start].strip().lower()
        plain = b.unit is None and a.family != "percent" and a.value <= 2 * b.value
        if between in p.out_of and plain and a.role != "baseline" and a.scale is None:
            a.scale = b.value
            b.role = "identifier"
    return qs


def _from_in_parentheses(before: str, p: LanguagePack) -> bool:
    """ "(desde ~110", "(von 14", "(de 40": a from-word right after an opening parenthesis."""
    m = re.search(r"\(\s*([^\W\d_]+(?:\s[^\W\d_]+)?)\s*[~≈]?\s*$", before)
    return m is not None and m.group(1).lower() in p.from_words


_AFTER_NUMBER = re.compile(r"\s?(?P<m>[^\W\d_]+(?:\s[^\W\d_]+)?)?\.?\s?(?P<c>€|\$|£|EUR|USD)?")
_CURRENCY = re.compile(r"(?:R\$|US\$|\$|€|£)\s*$")


def _multiply(text: str, q: Quantity, p: LanguagePack) -> None:
    """ "1,2 Mio. €", "45 k€", "800 mil", "R$ 1,2 milhão": the value with its multiplier, and
    money when a currency sign stands by it."""
    m = _AFTER_NUMBER.match(text, q.end)
    if m is None:
        return
    word = (m.group("m") or "").lower()
    factor = p.multipliers.get(word) or p.multipliers.get(word.split(" ")[0])
    money = bool(m.group("c") or _CURRENCY.search(text[: q.start]) or q.text[:1] in "$€£")
    if factor is not None and len(word.split(" ")[0]) <= 2 and not money:
        factor = None  # "5 m" is five metres or minutes; "5 M€" is five million
    if factor is not None and q.family in (None, "money"):
        q.value *= factor
        used = word if word in p.multipliers else word.split(" ")[0]
        q.end = q.end + m.group(0).lower().index(used) + len(used)
        q.text = text[q.start : q.end]
    if money and q.family is None:
        q.family = q.unit = "money"


def _duration(text: str, q: Quantity, p: LanguagePack) -> None:
    """ "1,5 Stunden", "3 semanas", "45 secondes": a duration, compared in seconds."""
    if q.family is not None and q.family != "duration":
        return
    m = re.match(r"\s?([^\W\d_]+)", text[q.end :])
    seconds = p.durations.get(m.group(1).lower()) if m else None
    if m is not None and seconds is not None:
        q.family, q.unit, q.seconds = "duration", m.group(1).lower(), seconds


def _ordinal(text: str, q: Quantity) -> bool:
    """ "3º", "5.ª", "3.º", "3. Klasse": an ordinal (not "3. Mai": dates are time frames)."""
    after = text[q.end : q.end + 3]
    if re.match(r"\.?[ºª°]", after):
        return True
    return bool(re.match(r"\.\s[A-ZÄÖÜ][a-zäöüß]", text[q.end : q.end + 4])) and "." not in q.text


_CURRENCY_BEFORE = re.compile(r"(?:R\$|US\$|\$|€|£|CHF|USD|EUR|BRL|MXN|ARS)\s*$", re.IGNORECASE)


def _before(text: str, start: int, p: LanguagePack) -> str:
    """The words before a number, without a currency sign or an article ("del 3 %",
    "desde el 61 %", "em R$ 45 mil")."""
    head = _CURRENCY_BEFORE.sub("", text[:start].rstrip())
    if text[start : start + 1] in "$€£":
        head = re.sub(r"\b(?:R|US|AU|CA|NZ|MX)\s*$", "", head)  # "R$ 45": the sign is the number's
    words = re.findall(r"[\w'’]+", head.lower())
    markers = p.from_words | p.to_words | p.by_words | p.current_words
    while words and words[-1] in p.articles and words[-1] not in markers:
        words.pop()  # "desde el 61 %"; but "un 130 %" is "by 130 %"
    return " ".join(words[-4:])


def _first_words(text: str, n: int) -> str:
    return " ".join(re.findall(r"[\w'’]+", text.lower())[:n])


def _word_numbers(text: str, p: LanguagePack, found: list[Quantity]) -> list[Quantity]:
    """ "trois", "acht": numbers written as words, as counts."""
    out = []
    for m in _WORD.finditer(text):
        value = p.numbers.get(m.group(0).lower())
        if value is None or any(q.start < m.end() and m.start() < q.end for q in found):
            continue
        if any(0 <= m.start() - q.end <= 1 for q in found):
            continue  # "45 mil", "10 Tausend": the number's multiplier
        out.append(Quantity(value=value, text=m.group(0), start=m.start(), end=m.end(), word=True))
    return out


def _ends_with(words: str, options: frozenset[str]) -> bool:
    return any(words == o or words.endswith(" " + o) for o in options)


@dataclass
class Verb:
    start: int
    end: int
    form: str
    classes: frozenset[str]


def verbs_in(text: str, p: LanguagePack) -> list[Verb]:
    """Every verb form (or noun of an action) of the lexicon in the text, longest first."""
    tokens = [(m.start(), m.end(), m.group(0).lower()) for m in _WORD.finditer(text)]
    out: list[Verb] = []
    i = 0
    while i < len(tokens):
        for n in range(min(p.longest, len(tokens) - i), 0, -1):
            form = " ".join(t[2] for t in tokens[i : i + n])
            classes = p.classes.get(form) if n > 1 else p.lexicon_form(form)
            if classes is None and n == 1 and "-" in form:
                classes = p.classes.get(form.rsplit("-", 1)[-1])  # "Onboarding-Strecke launchen"
            if classes is not None:
                out.append(Verb(tokens[i][0], tokens[i + n - 1][1], form, classes))
                i += n
                break
        else:
            i += 1
    return out


def contains(text: str, words: tuple[str, ...], compounds: bool) -> list[tuple[int, int, str]]:
    """Where the words stand in the text; with ``compounds`` (German) also at the end of a
    compound ("Testabdeckung" holds "abdeckung")."""
    low = text.lower()
    hits = []
    for pattern in _word_patterns(words, compounds):
        for m in pattern.finditer(low):
            hits.append((m.start(), m.end(), text[m.start() : m.end()]))
    return sorted(hits)


@cache
def _word_patterns(words: tuple[str, ...], compounds: bool) -> tuple[re.Pattern[str], ...]:
    """One compiled pattern per word, built once per list (every statement asks)."""
    edge = r"\w*" if compounds else ""
    return tuple(re.compile(rf"(?<!\w){edge}{re.escape(w)}{edge}(?!\w)") for w in words)


@cache
def clause_split(code: str) -> re.Pattern[str] | None:
    """Where a statement in this language joins two clauses ("und", "y", "et", "e"); None for
    a language without a lexicon."""
    p = pack(code)
    if p is None or not p.and_words:
        return None
    joined = "|".join(re.escape(w) for w in sorted(p.and_words, key=len, reverse=True))
    return re.compile(rf"(?i)\s+(?:{joined})\s+|;\s*")
