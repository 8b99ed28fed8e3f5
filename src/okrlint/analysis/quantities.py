"""Numbers in a statement, with their units, bounds and roles.

Finds numbers written with digits ("1,800", "1.2M", "$2.5k", "42%", "600ms", "3x", "50+") or
words ("ten", "a third", "two thousand"), then gives each a role from its context: baseline
("from 42%", "up from 4%", "(today: 83%)"), target ("to 60%", "42% -> 60%", "reach 1,800"),
delta ("by 30%", "double", "3x", "40% increase"), time frame or identifier ("Q3", "SOC 2",
"v2", "Tier 1", "2026"), or a plain level.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from okrlint.analysis.lexicon import numbers, units, verbs

_CURRENCY = "$€£¥₹"


# What a number is in its statement.
Role = Literal[
    "baseline",
    "target",
    "delta",
    "level",
    "timeframe",
    "identifier",
    "hidden",
    "progress",
    "aside",  # in parentheses after a noun: "15 repeat (3+ times) customers"
]
Bound = Literal["min", "max"]
Direction = Literal["up", "down", "hold"]


@dataclass
class Quantity:
    value: float
    text: str
    start: int
    end: int
    unit: str | None = None  # percent, points, money, multiplier, ms, s, min, h, d, w, mo, y, data
    family: str | None = None  # percent, points, money, multiplier, duration, data; None = count
    # durations in seconds, sizes in bytes: to compare 600 ms with 0.25 s, 1.9 MB with 900 KB
    seconds: float | None = None
    scale: float | None = None  # "out of 5", "/5"
    bound: Bound | None = None  # "min" (at least) | "max" (under, at most)
    # baseline | target | delta | level | timeframe | identifier | hidden (a value kept out
    # of a public page on purpose, "N6": no number to compare, but not a template slot)
    role: Role = "level"
    placeholder: bool = False
    word: bool = False
    negative: bool = False
    relative: bool = False  # a multiplier or ratio ("double", "3x", "by 30%")
    direction: Direction | None = None  # for deltas written with their own direction ("-20%")

    @property
    def comparable_value(self) -> float:
        value = -self.value if self.negative and self.value > 0 else self.value
        if self.seconds is not None:
            return value * self.seconds
        return value

    @property
    def is_metric(self) -> bool:
        return self.role not in ("timeframe", "identifier", "hidden", "progress", "aside")

    def same_measure(self, other: Quantity) -> bool:
        if self.family is None or other.family is None:
            return True
        return self.family == other.family


@cache
@cache
def _id_before() -> re.Pattern[str]:
    """A number is part of a name after these words (``identifier_words`` in numbers.yaml)."""
    words = sorted({str(w) for w in numbers()["identifier_words"]}, key=lambda w: (-len(w), w))
    return re.compile(rf"(?:\b(?:{'|'.join(re.escape(w) for w in words)})\s?|#)$")


@cache
def _id_reach() -> int:
    """How far before a number :func:`_id_before` can match: the longest word, a space, and
    one character more for its ``\\b`` (searching further only costs time)."""
    return max((len(str(w)) for w in numbers()["identifier_words"]), default=0) + 2


def _named_before(before: str) -> bool:
    return _id_before().search(before[-_id_reach() :]) is not None


@cache
def _unit_table() -> tuple[tuple[tuple[str, str, str, float | None], ...], dict[str, float]]:
    """(form, unit, family, seconds) sorted longest first; and scale suffixes. Built once."""
    table: list[tuple[str, str, str, float | None]] = []
    data = units()
    for unit, spec in data.items():
        if unit == "scale" or not isinstance(spec, dict):
            continue
        family = str(spec.get("family", unit))
        seconds = spec.get("seconds", spec.get("size"))  # a scale within the family
        for form in spec.get("forms", []) or []:
            table.append((str(form).lower(), unit, family, float(seconds) if seconds else None))
    table.sort(key=lambda t: -len(t[0]))
    scale = {str(k): float(v) for k, v in (data.get("scale") or {}).items()}
    return tuple(table), scale


UnitForm = tuple[str, str, str, float | None]


@cache
def _units_by_first() -> dict[str, tuple[UnitForm, ...]]:
    """The unit table by each form's first character, longest form first: the forms a text
    can start with are looked at, not the whole table for every number."""
    index: dict[str, list[UnitForm]] = {}
    for entry in _unit_table()[0]:
        if entry[0]:
            index.setdefault(entry[0][0], []).append(entry)
    return {first: tuple(entries) for first, entries in index.items()}


@cache
def _word_unit_pattern(form: str) -> re.Pattern[str]:
    """A unit form right after a number written as a word ("ten minutes")."""
    return re.compile(rf"(?i)^\s?{re.escape(form)}\b")


_NUM = re.compile(
    r"(?:(?P<cur>[$€£¥₹])\s?)?"
    r"(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)"
    r"(?P<scale>(?:\s?(?:thousand|million|billion)\b)|(?:k|K|M|mm|MM|bn|B|m|mn)(?![a-zA-Z]))?"
    r"(?P<plus>\+)?"
)
# A statement about a ratio ("the ratio of ...", "completed:committed"): its "18:26" is one.
_RATIO_WORDS = re.compile(r"(?i)\bratios?\b|\bproportion\b|[a-z]{3,}:[a-z]{3,}")
_RATIO_NUM = re.compile(r"(?<![\d:])\d{1,3}:\d{1,3}(?![\d:])")
_CLOCK = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])")
_PLACEHOLDER_NUM = re.compile(
    r"(?<![\w$])(?P<cur>[$€£¥₹])?(?P<ph>X{1,3}|x{1,3}|N\d{0,2}|\?{2,3}|TBD|TBC|(?<=[$€£¥₹])Y)"
    r"(?P<pct>\s?%)?(?![\w?])"
)
_FIRST_WORD = re.compile(r"^\s*[^\W\d_][\w'’-]*\s+$")
_PLURAL_AFTER = re.compile(r"^\s+[^\W\d_]{2,}s\b")
_WORD_NUM = None


@cache
def _word_num_pattern() -> re.Pattern[str]:
    words = numbers()["words"]
    names = sorted((w for w in words if w not in ("a", "an", "none", "single", "couple")), key=len)
    alt = "|".join(re.escape(w) for w in reversed(names))
    fracs = "|".join(re.escape(f) for f in numbers()["fractions"])
    return re.compile(
        rf"(?i)\b(?:(?P<fracnum>a|one|two|three|four|five|six|seven|eight|nine)\s+(?P<frac>{fracs})"
        rf"|(?P<words>(?:(?:{alt})(?:[\s-]+(?:and\s+)?)?)+)|(?P<dozen>a\s+dozen|a\s+couple\s+of))\b"
    )


@cache
def _word_num_vocab() -> frozenset[str]:
    """Every word one of :func:`_word_num_pattern`'s matches holds at least one of (the number
    words, the fractions, "dozen", "couple"): a statement with none of them has no number
    written as words, and the long pattern is not run over it."""
    words = [w for w in numbers()["words"] if w not in ("a", "an", "none", "single", "couple")]
    out: set[str] = {"dozen", "couple"}
    for w in [*words, *numbers()["fractions"]]:
        out.update(_ALPHA.findall(str(w).lower()))
    return frozenset(out)


_ALPHA = re.compile(r"[a-z]+")


def _word_value(text: str) -> float | None:
    words = numbers()["words"]
    mult = numbers()["multipliers"]
    total = 0.0
    current = 0.0
    seen = False
    for w in re.split(r"[\s-]+", text.lower()):
        if not w or w == "and":
            continue
        if w in mult:
            current = (current or 1) * float(mult[w])
            if float(mult[w]) >= 1000:
                total += current
                current = 0
            seen = True
        elif w in words:
            current += float(words[w])
            seen = True
        else:
            return None
    return total + current if seen else None


_BOUND_BEFORE = re.compile(
    r"(?ix)(?P<w>at\s+least|no\s+less\s+than|no\s+fewer\s+than|not\s+less\s+than|minimum(?:\s+of)?|"
    r"min\.?|more\s+than|over|above|greater\s+than|higher\s+than|exceed(?:ing|s)?|beyond|>=|≥|(?<![-=–—])>|"
    r"at\s+most|no\s+more\s+than|not\s+more\s+than|maximum(?:\s+of)?|max\.?|less\s+than|fewer\s+than|"
    r"under|below|within|up\s+to|lower\s+than|<=|≤|<|~|about|around|approx(?:imately)?\.?|nearly|"
    r"almost|only)\s*$"
)
_MIN_WORDS = {
    "at least",
    "no less than",
    "no fewer than",
    "not less than",
    "minimum",
    "minimum of",
    "min",
    "min.",
    "more than",
    "over",
    "above",
    "greater than",
    "higher than",
    "exceed",
    "exceeds",
    "exceeding",
    "beyond",
    ">=",
    "≥",
    ">",
}
_APPROX = {"~", "about", "around", "approx", "approx.", "approximately", "nearly", "almost", "only"}
_BOUND_AFTER = re.compile(
    r"(?ix)^\s*(?:\+|or\s+(?P<w>more|greater|higher|above|better|fewer|less|lower|below|under|"
    r"faster|sooner))\b"
)
_RANGE_END = re.compile(r"\d+\s*[-–]\s*$")
_LETTER_AFTER = re.compile(r"^[pPgGdD](?![\w-])")
# A duration that sets when or how often, not how long something takes: a parameter.
_PARAMETER_BEFORE = re.compile(r"(?i)\b(?:after|every|once\s+per|once\s+every)\s+$")
_OF_AFTER = re.compile(r"(?i)^\s*(?:of|after|from)\b")
_YEAR_CONTEXT = re.compile(
    r"(?i)(?:\b(?:in|by|of|for|since|until|till|through|during|before|after|end|early|late|mid|"
    r"fy|cy|q[1-4]|h[12]|spring|summer|autumn|fall|winter|jan\w*|feb\w*|mar\w*|apr\w*|may|"
    r"jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|year|the|from|to|and)[\s,.-]*|^)$"
)
_TIMEFRAME_AROUND = re.compile(
    r"(?ix)(?:\b(?:in|within|over|during|for)\s+(?:the\s+)?(?:next|coming|first|last|following)\s+$"
    r"|\bby\s+(?:week|day|sprint|month)\s+$|\b(?:week|day|sprint|month)\s+$)"
)
_CALENDAR_AFTER = re.compile(r"(?i)^\s*(?:weeks?|months?|quarters?|years?|sprints?|semesters?)\b")
_PERIOD_AFTER = re.compile(
    r"(?i)^\s*(?:consecutive\s+)?(?:days?|weeks?|months?|quarters?|years?|sprints?|semesters?|terms?)"
    r"\b"
)
_SCALE_AFTER = re.compile(r"(?i)^\s*(?:out\s+of|/)\s*(?P<s>\d+(?:\.\d+)?)")
_ORDINAL_AFTER = re.compile(r"(?i)^(?:st|nd|rd|th)\b")
_HYPHEN_WORD_AFTER = re.compile(r"^-(?=[A-Za-z])")
_DELTA_AFTER = re.compile(
    r"(?ix)^\s*(?:%\s*)?(?:year[\s-]over[\s-]year|yoy|mom|qoq|)"
    r"\s*(?P<w>increase|decrease|reduction|growth|lift|improvement|uplift|drop|decline|gain|rise|"
    r"cut|jump|boost|more|less|fewer|higher|lower|faster|slower|better|bigger|larger|smaller|"
    r"shorter|longer|cheaper|up|down)\b"
)


# Capitals glued to a number without a unit: "3DS", "2FA" name a thing.
_GLUED_CODE = re.compile(r"[A-Z]{2,}(?![a-z])")


@cache
def _frequency_pattern() -> re.Pattern[str]:
    freq = numbers().get("frequencies") or {}
    alt = "|".join(re.escape(str(f)) for f in freq)
    return re.compile(rf"(?i)\b(?:from|to|->|→)\s+(?P<f>{alt})\b")


def find_quantities(text: str) -> list[Quantity]:
    table, scales = _unit_table()
    longest = len(table[0][0]) if table else 0  # the table is sorted longest form first
    by_first = _units_by_first()
    out: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    def overlaps(s: int, e: int) -> bool:
        return any(s < te and e > ts for ts, te in taken)

    ratio = bool(_RATIO_WORDS.search(text))
    for m in (_RATIO_NUM if ratio else _CLOCK).finditer(text):
        parts = [int(x) for x in m.group(0).split(":")]
        if ratio and len(parts) == 2 and parts[1]:
            # "the ratio of completed:committed from 18:26 to 18:21": a ratio, not a time.
            q = Quantity(parts[0] / parts[1], m.group(0), m.start(), m.end())
            out.append(q)
            taken.append((q.start, q.end))
            continue
        if len(parts) == 2:
            seconds = parts[0] * 60 + parts[1]
        else:
            seconds = parts[0] * 3600 + parts[1] * 60 + parts[2]
        q = Quantity(
            float(seconds), m.group(0), m.start(), m.end(), unit="s", family="duration", seconds=1.0
        )
        out.append(q)
        taken.append((q.start, q.end))

    for m in _NUM.finditer(text):
        if overlaps(m.start("num"), m.end("num")):
            continue
        start, end = m.start(), m.end()
        raw = m.group("num")
        if start > 0 and text[start - 1] in "&!#" and (start < 2 or text[start - 2].isalnum()):
            # "gitlab-com&265", "repo#12", "!431": an issue or merge-request reference.
            q = Quantity(float(raw.replace(",", "")), m.group(0), start, end, role="identifier")
            out.append(q)
            taken.append((start, end))
            continue
        # Skip digits glued to letters before them ("S1", "v2", "K8s", "H1", "Web3").
        if (
            start > 0
            and (text[start - 1].isalpha() or text[start - 1] == "_")
            and not m.group("cur")
        ):
            prev_word = re.search(r"([A-Za-z]+)$", text[:start])
            if prev_word and prev_word.group(1) == "N":
                continue  # "N6": a redacted number, found as a placeholder below
            q = Quantity(float(raw.replace(",", "")), m.group(0), start, end, role="identifier")
            if prev_word and prev_word.group(1).lower() not in ("x",):
                out.append(q)
                taken.append((start, end))
                continue
        value = float(raw.replace(",", ""))
        scale = m.group("scale")
        if scale:
            key = scale.strip()
            if key == "m" and not m.group("cur"):
                # "10m" is ten minutes (or metres), not ten million, without a currency sign.
                end = m.start("scale")
                scale = None
            else:
                value *= scales.get(key, scales.get(key.lower(), 1.0))
        q = Quantity(value, m.group(0), start, end)
        if m.group("cur"):
            q.unit, q.family = "money", "money"
        if m.group("plus"):
            q.bound = "min"
        # A sign written right before the number ("-20%", "+15%").
        if start > 0 and text[start - 1] in "-−+" and (start < 2 or not text[start - 2].isalnum()):
            if text[start - 1] == "+":
                q.direction = "up"
            else:
                q.negative = True
                q.direction = "down"
            q.start -= 1
        rest = text[end:]
        # Unit after the number: at most one space, the longest unit form, and the character
        # after it decide, so only that much of the rest is looked at.
        low = rest[: longest + 3].lower()
        stripped = low.lstrip(" ")
        lead = len(low) - len(stripped)
        for form, unit, family, unit_seconds in by_first.get(stripped[:1], ()):
            if stripped.startswith(form) and (
                len(stripped) == len(form) or not (stripped[len(form)].isalnum()) or form in ("%",)
            ):
                if form in ("x", "×") and low[:1] == " ":
                    continue  # "3 x 4" is not "3x"
                if form in ("times", "fold") and re.match(
                    r"(?i)^\s*times\s+(?:a|an|per|each|every)\b", rest
                ):
                    break  # "3 times a week" is a frequency, not a multiplier
                if lead > 1:
                    continue
                if q.family == "money" and family != "money":
                    break
                q.unit, q.family, q.seconds = unit, family, unit_seconds
                end = end + lead + len(form)
                break
        q.end = end
        q.text = text[q.start : end]
        if q.unit is None and _GLUED_CODE.match(text, end):
            q.role = "identifier"  # "3DS", "2FA": a name with a digit, not a number
        if q.family == "multiplier":
            q.relative = True
        sm = _SCALE_AFTER.match(text[end:])
        # "24/7", "9/5", "60/40" (whole numbers, the first above the second) are hours, a split or
        # a ratio, not a score on a scale; "5.4/5" and "6 out of 5" are scores, too high.
        split = (
            sm is not None
            and "/" in sm.group(0)
            and q.value == int(q.value)
            and "." not in sm.group("s")
            and q.value > float(sm.group("s"))
        )
        if sm and q.family in (None, "points") and not split:
            q.scale = float(sm.group("s"))
            q.end = end + sm.end()
            q.text = text[q.start : q.end]
        out.append(q)
        taken.append((q.start, q.end))

    for m in _PLACEHOLDER_NUM.finditer(text):
        if overlaps(m.start(), m.end()):
            continue
        ph = m.group("ph")
        # A lone "N" or "X" is a placeholder only where a number belongs.
        after = text[m.end() :]
        before = text[: m.start()]
        hidden = bool(re.fullmatch(r"N\d{1,2}", ph))
        if hidden:
            # "N6", "≥N9 WAU": a value the authors know and keep out of a public page (the
            # handbook's "[_N<sub>6</sub>_]"), not a template slot: a value of unknown size.
            pass
        elif ph in ("N", "X", "x") and not (
            m.group("cur")
            or m.group("pct")
            or (
                re.match(r"^\s*(?:new\b|[A-Za-z]{2,}|\+|%|\)|\]|$)", after)  # "to [X]%"
                and re.search(
                    r"(?:(?i:\b(?:to|from|by|of|reach|hit|get|have|has|than|least|most|at))\s*|"
                    r"^\s*|[(\[]\s*|[.;]\s+)$",
                    before,
                )
            )
            # "Publish X articles", "Cerrar X oportunidades": the count after the first verb.
            # ("Grow X followers from 2,000 to 5,000" names the network X: it has its values.)
            or (
                _FIRST_WORD.match(before)
                and _PLURAL_AFTER.match(after)
                and not any(ch.isdigit() for ch in text)
            )
        ):
            continue
        if ph == "x" and re.match(r"^\s*\d", after):
            continue
        start, end = m.start(), m.end()
        if before.endswith("[") and after.startswith("]"):
            start, end = start - 1, end + 1  # "[X]": the slot with its brackets
            end += text[end : end + 1] == "%"  # "[X]%"
        if hidden:
            q = Quantity(0.0, text[start:end], start, end, role="hidden")
        else:
            q = Quantity(0.0, text[start:end], start, end, placeholder=True)
        if m.group("pct") or text[start:end].endswith("%"):
            q.unit, q.family = "percent", "percent"
        if m.group("cur"):
            q.unit, q.family = "money", "money"
        out.append(q)
        taken.append((q.start, q.end))

    # Frequencies used as values: "from weekly to daily".
    freq = numbers().get("frequencies") or {}
    if freq:
        for m in _frequency_pattern().finditer(text):
            if overlaps(m.start("f"), m.end("f")):
                continue
            value = float(freq[m.group("f").lower()])
            q = Quantity(
                value, m.group("f"), m.start("f"), m.end("f"), unit="per-year", family="frequency"
            )
            out.append(q)
            taken.append((q.start, q.end))

    for m in re.finditer(r"(?i)\b(?:a|the)\s+(?:clear\s+|vast\s+|simple\s+)?majority\b", text):
        if not overlaps(m.start(), m.end()):
            q = Quantity(50.0, m.group(0), m.start(), m.end(), unit="percent", family="percent")
            q.bound = "min"
            q.word = True
            out.append(q)
            taken.append((q.start, q.end))

    pattern = _word_num_pattern()
    spelled = not _word_num_vocab().isdisjoint(_ALPHA.findall(text.lower()))
    for m in pattern.finditer(text) if spelled else ():
        if overlaps(m.start(), m.end()):
            continue
        if m.group("frac"):
            frac = numbers()["fractions"][m.group("frac").lower()]
            count = (
                _word_value(m.group("fracnum")) if m.group("fracnum").lower() not in ("a",) else 1
            )
            if m.group("frac").lower() in ("quarter", "quarters") and not (
                re.match(r"^\s*of\b", text[m.end() :])
                or re.search(r"(?i)\bby\s*$", text[: m.start()])
            ):
                continue  # "a quarter" is usually the time frame
            q = Quantity(
                round((count or 1) * frac * 100, 2),
                m.group(0),
                m.start(),
                m.end(),
                unit="percent",
                family="percent",
                word=True,
            )
            out.append(q)
            taken.append((q.start, q.end))
            continue
        if m.group("dozen"):
            value = 12.0 if "dozen" in m.group("dozen").lower() else 2.0
            out.append(Quantity(value, m.group(0), m.start(), m.end(), word=True))
            continue
        words_text = m.group("words").strip(" -")
        words_text = re.sub(r"[\s-]+and$", "", words_text)
        word_value = _word_value(words_text)
        if word_value is None:
            continue
        value = word_value
        if value == 1 and re.match(
            r"(?i)^\s*(?:\(|of\s+(?:the|our|its|their|my)\b)", text[m.end() :]
        ):
            continue  # "one of the best", "one (or more!) of the nodes"
        q = Quantity(value, words_text, m.start(), m.start() + len(words_text), word=True)
        rest = text[q.end :]
        # The forms that can start the rest, in the table's order (a space may come first).
        firsts = {rest[:1].lower(), rest[1:2].lower() if rest[:1].isspace() else ""}
        for form, unit, family, unit_seconds in table:
            if form[:1] not in firsts or family == "multiplier":
                continue
            found = _word_unit_pattern(form).match(rest)
            if found:
                q.unit, q.family, q.seconds = unit, family, unit_seconds
                q.end += len(found.group(0))
                break
        q.text = text[q.start : q.end]
        out.append(q)
        taken.append((q.start, q.end))

    out.sort(key=lambda q: q.start)
    out = _ratios(text, out)
    _timeframe_overlap(text, out)
    for q in out:
        _classify(text, q)
    _relations(text, out)
    _propagate_units(out)
    return out


_RATIO_BETWEEN = re.compile(r"(?i)^\s*(?:in|out\s+of)\s*$")


def _ratios(text: str, qs: list[Quantity]) -> list[Quantity]:
    """ "1 in 8", "nine in ten", "9 out of 10 customers": a share, as a percentage."""
    out: list[Quantity] = []
    i = 0
    while i < len(qs):
        q = qs[i]
        nxt = qs[i + 1] if i + 1 < len(qs) else None
        if (
            nxt is not None
            and q.family is None
            and nxt.family is None
            and nxt.value > 0
            and q.value <= nxt.value
            and _RATIO_BETWEEN.match(text[q.end : nxt.start])
            and not re.match(r"^\s*(?:stars?|points?)\b", text[nxt.end :])
        ):
            merged = Quantity(
                round(q.value / nxt.value * 100, 2),
                text[q.start : nxt.end],
                q.start,
                nxt.end,
                unit="percent",
                family="percent",
                word=q.word,
            )
            if nxt.value in (5, 10) and not q.word and q.value != int(q.value):
                merged = q  # "4.6 out of 5" is a score on a scale
                merged.scale = nxt.value
                merged.end = nxt.end
                merged.text = text[q.start : nxt.end]
            out.append(merged)
            i += 2
            continue
        out.append(q)
        i += 1
    return out


def _timeframe_overlap(text: str, qs: list[Quantity]) -> None:
    """Numbers inside a date or period ("by August 31", "Q3 2026") are time frames."""
    from okrlint.analysis.timeframes import timeframe_matches

    spans = [
        (start, end)
        for start, end, found in timeframe_matches(text)
        if not re.fullmatch(r"(?:19|20)\d{2}", found)
        and not re.match(r"(?i)^(?:in|within)\s", found)
    ]
    for q in qs:
        if q.family in ("percent", "money"):
            continue
        if any(s <= q.start and q.end <= e for s, e in spans):
            q.role = "timeframe"


def _propagate_units(qs: list[Quantity]) -> None:
    """ "from 18 to 8 minutes": the baseline takes the target's unit (and the other way round)."""
    pairs = [q for q in qs if q.role in ("baseline", "target")]
    for a, b in itertools.pairwise(pairs):
        if a.role != "baseline" or b.role != "target":
            continue
        for x, y in ((a, b), (b, a)):
            if x.family is None and y.family is not None:
                x.unit, x.family, x.seconds = y.unit, y.family, y.seconds


_PLURAL_NEXT = re.compile(r"^\s+(?:new\s+|more\s+)?[a-z]{2,}s\b")


def _verb_count(before: str, after: str) -> bool:
    """ "Release 4 new workshops": the number counts what the first word, a verb, makes; not a
    name like "Release 4" or "Tier 1"."""
    first = before.strip().lower()
    return bool(first) and first in verbs().forms and bool(_PLURAL_NEXT.match(after))


_NEAR = 100  # characters before a number that _classify looks at


def _classify(text: str, q: Quantity) -> None:
    if q.role == "identifier":
        return
    before = text[: q.start]
    after = text[q.end :]
    # The patterns below end at the number and are shorter than this: searching a long
    # statement's whole beginning for them tried each of its characters in turn.
    near = before[-_NEAR:]
    # Identifiers: "SOC 2", "Tier 1", "v2", "RFC 42", "3rd", "2-week", "Python 3".
    if (
        _named_before(near)
        and q.family not in ("money", "percent")
        and not q.word
        and not _verb_count(before, after)
    ):
        q.role = "identifier"
        return
    if (
        q.family is None
        and q.scale is None
        and (re.match(r"^/\d", after) or re.search(r"\d/$", near))
    ):
        q.role = "identifier"  # "24/7", "50/50", "60/40": hours or a split, not a count
        return
    span = _RANGE_END.search(near)
    if span and _named_before(near[: span.start()]) and q.family is None:
        q.role = "identifier"  # the "4" of "Phase 1-4"
        return
    if q.family is None and q.scale is None and not q.word and _LETTER_AFTER.match(after):
        q.role = "identifier"  # "360p", "5G", "3D": a name, not a count
        return
    if q.family == "duration" and (
        _PARAMETER_BEFORE.search(near)
        or (re.search(r"(?i)\bwithin\s+$", near) and _OF_AFTER.match(after))
    ):
        q.role = "identifier"  # "after 7 days", "every 2 hours", "within 3 days of sign-up"
        return
    if q.family is None and not q.word:
        acronym = re.search(r"\b([A-Z][A-Z0-9]{1,5})\s$", near)
        if acronym and acronym.group(1) not in _METRIC_ACRONYMS:
            q.role = "identifier"  # "ASC 606", "PCI DSS 4", "ISO 27001"
            return
        version = re.fullmatch(r"\d+\.0", q.text.strip()) and re.search(r"[A-Za-z][\w-]*\s$", near)
        valued = re.search(r"(?i)\b(?:from|to|of|at|by|reach|hit|score|rating|nps)\s*$", near)
        if version and not valued:
            q.role = "identifier"  # "multistream 2.0 is implemented"
            return
        if re.search(r"\(\s*$", near) and re.match(r"^\s*\)", after):
            q.role = "identifier"  # "(4)": a note, not a target
            return
    if re.search(
        r"(?i)\b(?:the\s+)?(?:last|past|previous|prior)\s+$", near
    ) and _PERIOD_AFTER.match(after):
        q.role = "timeframe"  # "the last 12 months"
        return
    if re.search(r"[A-Za-z]-$", near) and not re.search(r"(?i)\b(?:sub|under|over|top)-$", near):
        q.role = "identifier"  # "K-12", "COVID-19"
        return
    if _ORDINAL_AFTER.match(after) or (
        _HYPHEN_WORD_AFTER.match(after)
        and q.family is None
        and not re.search(r"(?i)\b(?:sub|under|over)-$", near)
    ):
        q.role = "identifier"
        return
    if re.match(r"^\.\d", after):  # version numbers "3.8.1"
        q.role = "identifier"
        return
    if q.family is None and re.search(
        r"(?i)\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
        r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+$",
        near,
    ):
        q.role = "timeframe"  # "by August 31"
        return
    year = q.family is None and not q.word and re.fullmatch(r"(?:19|20)\d{2}", q.text.strip())
    if year and (
        _YEAR_CONTEXT.search(before[-24:]) or re.match(r"^\s*(?:[-/]\s*Q[1-4]|$|[.,;)])", after)
    ):
        q.role = "timeframe"
        return
    if _TIMEFRAME_AROUND.search(before[-40:]) and (
        _PERIOD_AFTER.match(after) or q.family == "duration"
    ):
        q.role = "timeframe"
        return
    if re.search(r"(?i)\b(?:in|over|within)\s+$", before[-10:]) and (
        _CALENDAR_AFTER.match(after)
        or q.unit in ("w", "mo", "y")
        or (q.unit == "d" and q.value >= 60)
    ):
        # "in 3 months", "within 90 days" are deadlines; "completed in 5 days", "resolved
        # within 2 days" are measures
        q.role = "timeframe"
        return
    if (
        q.family is None
        and _PERIOD_AFTER.match(after)
        and re.search(
            r"(?i)\b(?:in|within|over|during|for|next|first|last|by)\s+(?:the\s+)?(?:next\s+)?$",
            near,
        )
    ):
        q.role = "timeframe"
        return
    # Bounds written around the number.
    # The bound words are short ("no fewer than"): the spaces after the last word and a little
    # more are all the pattern can match.
    bm = _BOUND_BEFORE.search(near[-(len(near) - len(near.rstrip()) + 24) :])
    if bm:
        word = " ".join(bm.group("w").lower().split())
        if word in _APPROX:
            pass
        elif word in _MIN_WORDS:
            q.bound = q.bound or "min"
        else:
            q.bound = q.bound or "max"
    am = _BOUND_AFTER.match(after)
    if am:
        w = (am.group("w") or "").lower()
        q.bound = (
            "min" if (not w or w in ("more", "greater", "higher", "above", "better")) else "max"
        )
    if (
        q.family in ("percent", "multiplier")
        and _RATE_AFTER.match(after)
        # "Logo churn below 2% per month": a cap on a monthly rate, a level, not growth
        and not (q.bound == "max" and _PER_PERIOD_AFTER.match(after))
    ):
        q.role = "delta"  # "5% month over month": a growth rate states its own baseline
        q.relative = True
        return
    dm = _DELTA_AFTER.match(after)
    if dm and (q.family in ("percent", "multiplier", "points") or q.word is False):
        word = dm.group("w").lower()
        if q.family in ("percent", "multiplier", "points") or word in (
            "increase",
            "decrease",
            "reduction",
            "growth",
            "lift",
            "uplift",
            "drop",
            "decline",
            "gain",
            "rise",
            "cut",
        ):
            q.role = "delta"
            q.relative = q.family in ("percent", "multiplier") or q.relative
            if word in (
                "decrease",
                "reduction",
                "drop",
                "decline",
                "cut",
                "less",
                "fewer",
                "lower",
                "down",
                "smaller",
                "shorter",
                "cheaper",
                "slower",
            ):
                q.direction = "down"
            elif word in (
                "increase",
                "growth",
                "lift",
                "uplift",
                "gain",
                "rise",
                "more",
                "higher",
                "up",
                "bigger",
                "larger",
                "better",
                "jump",
                "boost",
            ):
                q.direction = q.direction or "up"


_PER_PERIOD_AFTER = re.compile(r"(?i)^\s*(?:per|a|each|every)\s")
_RATE_AFTER = re.compile(
    r"(?i)^\s*(?:month[\s-]over[\s-]month|week[\s-]over[\s-]week|quarter[\s-]over[\s-]quarter|"
    r"year[\s-]over[\s-]year|mom|wow|qoq|yoy|(?:growth\s+)?(?:per|a|each|every)\s+"
    r"(?:month|week|quarter|year))\b"
)
# Acronyms that name a measure: "NPS 45" is a value, "ASC 606" is a name.
_METRIC_ACRONYMS = frozenset(
    {
        *("NPS", "CSAT", "ARR", "MRR", "IACV", "ACV", "TCV", "MAU", "DAU", "WAU", "SWAU", "SMAU"),
        *("AMAU", "KPI", "ROI", "AOV", "CAC", "LTV", "GMV", "EBITDA", "SLA", "SLO", "MTTR"),
        *("MTTD", "MTBF", "RPS", "QPS", "TPS", "CPU", "RAM", "P95", "P99", "P50", "CTR", "CVR"),
        *("CPA", "CPC", "CPM", "MQL", "MQLS", "SQL", "SQLS", "SAO", "SAOS", "NRR", "GRR", "NDR"),
        *("ADR", "DSO", "DPO", "EPS", "ESG", "OKR", "KR"),
    }
)
_FROM = re.compile(
    r"(?i)\b(?:from|up\s+from|down\s+from|vs\.?|versus|compared\s+to|instead\s+of|rather\s+than)\s*(?:a\s+baseline\s+of\s+|an?\s+|the\s+)?(?:about\s+|around\s+|~\s*|±\s*|\+/-\s*)?$"
)
_BASELINE_MARK = re.compile(
    r"(?ix)(?:\b(?:current(?:ly)?|today|baseline|now|was|last\s+(?:quarter|year|month|cycle)|"
    r"previously|prior)\s*(?:is|at|of|:|=|was)?\s*(?:about\s+|around\s+|~\s*)?|\(\s*(?:current|today|baseline|was|from)\s*[:=]?\s*)$"
)
_BASELINE_AFTER = re.compile(
    r"(?ix)^\s*(?:today|now|currently|at\s+present|last\s+(?:quarter|year|month|cycle)|"
    r"in\s+(?:q[1-4]|h[12]|(?:19|20)\d{2})\b(?=[^.]*\bto\b)|baseline)\b"
)
_TO = re.compile(
    r"(?i)\b(?:to|into|towards?)\s*(?:an?\s+|the\s+)?(?:at\s+least\s+|at\s+most\s+|about\s+|no\s+more\s+than\s+|under\s+|below\s+|above\s+|over\s+|less\s+than\s+|fewer\s+than\s+|more\s+than\s+|~\s*|(?:within\s+)?(?:±|\+/-)\s*)?$"
)
# "X → Y", "X to Y"; also an arrow after a rate ("300/month → 900/month"), never "to" after
# one ("400-500/day to 4,600+ contacts": whom, not a target).
_ARROW = re.compile(
    r"(?i)^\s*(?:(?:(?:/\s*|per\s+|an?\s+)[a-z]{1,10}\.?\s*)?(?:->|→|=>|–>|—>|-+>|⟶)|to)\s*$"
)
_BY = re.compile(
    r"(?i)\bby\s*(?:an?\s+|at\s+least\s+|about\s+|around\s+|~\s*|over\s+|more\s+than\s+|"
    r"(?:a\s+)?minimum\s+(?:of\s+)?|(?:a\s+)?maximum\s+(?:of\s+)?|up\s+to\s+)?$"
)
_UP_FROM = re.compile(r"(?i)\b(?:up|down)\s+from\s*$")


def _relations(text: str, qs: list[Quantity]) -> None:
    metric = [q for q in qs if q.is_metric]
    for i, q in enumerate(metric):
        before = text[: q.start]
        # "from X to Y" / "X -> Y"
        if _FROM.search(before[-40:]):
            q.role = "baseline"
            nxt = metric[i + 1] if i + 1 < len(metric) else None
            if nxt is not None and re.search(r"(?i)\bto\b|->|→|–|—", text[q.end : nxt.start]):
                between = text[q.end : nxt.start]
                if len(between) <= 60 and not re.search(r"[.;]\s", between):
                    nxt.role = "target"
            if _UP_FROM.search(before[-20:]):
                # "12%, up from 4%": the earlier number is the target.
                prev = metric[i - 1] if i > 0 else None
                if prev is not None and prev.role in ("level", "target"):
                    prev.role = "target"
            continue
        if _BASELINE_MARK.search(before[-40:]) or _BASELINE_AFTER.match(text[q.end :]):
            if q.role not in ("delta", "target"):
                q.role = "baseline"
            continue
        if i > 0 and metric[i - 1].is_metric:
            prev = metric[i - 1]
            between = text[prev.end : q.start]
            if (
                _ARROW.match(between)
                and prev.role in ("level", "baseline")
                and not _version_pair(text, prev, q)
            ):
                prev.role = "baseline"
                q.role = "target"
                continue
        idx = qs.index(q)
        prev_any = qs[idx - 1] if idx > 0 else None
        if (
            prev_any is not None
            and _ARROW.match(text[prev_any.end : q.start])
            and _version_pair(text, prev_any, q)
        ):
            q.role = "identifier"
            continue
        if q.role == "level" and _TO.search(before[-30:]):
            q.role = "target"
            continue
        if q.role == "level" and _BY.search(before[-20:]) and _by_is_delta(before):
            q.role = "delta"
            if q.family in ("percent", "multiplier"):
                q.relative = True
            continue
        if q.role == "level" and q.family in ("money", "percent") and _ADD_OR_MOVE.search(before):
            # "Add £15K MRR": grow it by £15K; "Support tickets per user down 15%": a change.
            q.role = "delta"
            q.relative = q.family == "percent"
            continue
        if q.role == "level" and q.family == "multiplier":
            q.role = "delta"
            q.relative = True
        if q.role == "level" and q.direction == "up" and text[q.start : q.start + 1] == "+":
            q.role = "delta"  # "Hire engineering managers: +2"


_ADD_OR_MOVE = re.compile(
    r"(?i)(?:^\W*add(?:s|ed|ing)?\s+(?:(?:a\s+)?(?:minimum(?:\s+of)?|at\s+least|another|"
    r"an?\s+extra|extra)\s+)?|[^\W\d_]\s+(?:down|up)\s+)$"
)


def _by_is_delta(before: str) -> bool:
    """ "by 30%" after a change verb is a delta; "adopted by 75% of squads" names an agent."""
    from okrlint.analysis.lexicon import verbs

    m = re.search(r"(?i)(\w+)\s+by\s*(?:[a-z~]+\s+){0,3}$", before)
    if not m:
        return True
    word = m.group(1).lower()
    v = verbs()
    lemma = v.lemma(word)
    if lemma is not None and v.classes.get(lemma, set()) & {"up", "down", "outcome"}:
        return True
    return not (word.endswith(("ed", "en")) and lemma is not None)


def _version_pair(text: str, a: Quantity, b: Quantity) -> bool:
    """ "MySQL 8.0 → 8.4": two versions, not a baseline and a target."""
    if a.family is not None or b.family is not None:
        return False
    pre = text[: a.start].rstrip()
    if a.role == "identifier":
        return True
    return bool(re.search(r"\b[A-Z][\w.+-]*$", pre)) and "." in a.text and "." in b.text
