"""Labels before a statement ("Objective 2:", "KR1 -", "Schlüsselergebnis:", "Owner:"), from the
data lexicon ``rules/lexicons/labels.yaml``: both readers ask :func:`find_label` what a line
says it is. Adding a language or a label is a change to the lexicon only.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Literal

from okrlint.data import load_lexicon

Role = Literal["objective", "key_result", "initiative"]
Zone = Literal["objectives", "key_results", "initiatives"]
ROLES: tuple[Role, ...] = ("objective", "key_result", "initiative")

# Separators after a label; attributes need a colon ("Lead the market" is not "Lead:").
# A hyphen joined to a word is a compound ("Objective-level status"), not a separator.
_SEP = r"(?:(?!-[^\W\d_])[*_]*\s*[:：\-–—.)|·•]+[*_]*\s*|[*_]*\s*$)"
# A number or an id after a label: "Objective 2", "KR #3", "KR1.2", "Objective O1", "Goal IV",
# "Objective A:" (a capital letter before its separator).
_NUM = (
    r"(?:\s*(?:#|n[°º]|no\.?)?\s*"
    r"(?P<num>(?:[A-Z]{1,3}(?=\d))?\d+(?:[.\-]\d+)*[a-z]?|[ivx]{1,4}\b|(?-i:[A-Z])(?=\s*[:：–—)]))"
    r")?"
)
# "Objective (Ziel)", "目标（O1）": a translation or an id in parentheses (ASCII or full-width).
# After an abbreviation only a number: "O1", "KR 2.1", "O-3" ("OE1" is another scheme's id).
# "KR A1", "KR B.2": a letter for the objective, then the number.
_ABBR_NUM = (
    r"(?:\s*(?:#|n[°º]|no\.?|-)?\s*"
    r"(?P<num>(?:(?<=\s)(?-i:[A-Z])\.?(?=\d))?\d+(?:[.\-]\d+)*[a-z]?))?"
)
_TRANSLATION = r"(?:\s*[(（][^()（）]{1,40}[)）])?"
# A short title in parentheses after a numbered id: "KR1（第一笔钱）：", "KR2 (Retention):".
_TITLE = r"(?:(?<=\d)\s*[（(][^（）()]{1,30}[）)](?=\s*[:：]))?"
_LEAD = re.compile(
    r"(?:[\s>*_~`#]|[•◦▪▫‣⁃∙·●○■□➢➤►▶→⇒✓✔✗✘☐☑☒]|\d{1,3}[.)](?!\d)|[-+](?=\s)|\[[ xX]\]\s"
    # "一、目标", "3、关键结果": CJK enumeration
    r"|(?:\d{1,3}|[一二三四五六七八九十]{1,3})、)*"
)


@dataclass(frozen=True, slots=True)
class Label:
    """What a line's label says. ``kind`` is a role, ``zone`` (the line only names a group of
    statements) or ``attribute`` (``field`` says which); ``rest`` is the text after the label
    (empty when the label stands alone and the statement follows on the next line)."""

    kind: Literal["objective", "key_result", "initiative", "zone", "attribute"]
    label: str
    rest: str
    offset: int  # where ``rest`` starts in the text given
    strong: bool = True
    field: str | None = None
    zone: Zone | None = None
    number: str | None = None
    owner: str | None = None
    suffix: bool = False  # a group named at the end of a heading ("Q1 2026 Objectives")


_OWNER_WORD = re.compile(r"\([^()]{1,40}\)|[\w&/.'-]+")


_ACRONYM_OWNER = re.compile(r"[A-Z][A-Z0-9&]{1,7}")
# A team's name does not end with a preposition or a determiner: "Evidence per KR:" is not.
_NOT_AN_OWNER = re.compile(
    r"(?i)\b(?:per|for|of|each|every|by|to|in|on|with|from|about|the|a|an|all|any|no|this|"
    r"that|these|those|our|your|its|total|which|what)\s*$"
)


def _owner_splits(text: str) -> list[int]:
    """Where a team or role name of up to five words before a label could end ("Sales
    (Closing Deals) KR:"): the offsets after each of its first words."""
    if not text[:1].isupper():
        return []
    out: list[int] = []
    pos = 0
    for _ in range(5):
        m = _OWNER_WORD.match(text, pos)
        if m is None:
            break
        pos = m.end()
        if pos >= len(text) or not text[pos].isspace():
            break
        while pos < len(text) and text[pos].isspace():
            pos += 1
        out.append(pos)
    return out


def _alternatives(words: list[str]) -> str:
    unique = {w.strip().lower() for w in words if w and w.strip()}
    ordered = sorted(unique, key=lambda w: (-len(w), w))  # longest first; same order every run
    return "|".join(re.escape(w).replace(r"\ ", r"[\s\-]*") for w in ordered)


@dataclass(frozen=True)
class _Patterns:
    roles: tuple[tuple[Role, bool, re.Pattern[str]], ...]
    zones: tuple[tuple[Zone, re.Pattern[str]], ...]
    suffix_zones: tuple[tuple[Zone, bool, re.Pattern[str]], ...]
    attributes: re.Pattern[str]
    attribute_fields: dict[str, str]
    about: re.Pattern[str]
    objective_columns: frozenset[str]
    key_result_columns: frozenset[str]
    key_result_weak_columns: frozenset[str]
    objective_weak_columns: frozenset[str]


def _word_end(alts: str) -> str:
    # Latin words end at a word boundary; CJK labels have none.
    return rf"(?:{alts})s?(?![a-zà-ÿ])"


@cache
def _patterns() -> _Patterns:
    lex = load_lexicon("labels")
    scope = rf"(?:(?:{_alternatives(lex.get('scopes') or [])})\s+)?"
    roles: list[tuple[Role, bool, re.Pattern[str]]] = []

    def add(role: Role, is_strong: bool, pattern: str, flags: int = re.IGNORECASE) -> None:
        roles.append((role, is_strong, re.compile(pattern, flags)))

    for role in ROLES:
        spec = lex[role]
        strong = _alternatives(spec.get("strong") or [])
        weak = _alternatives(spec.get("weak") or [])
        abbrev = _alternatives(spec.get("abbreviations") or [])
        numbered = _alternatives(spec.get("numbered") or [])
        if strong:
            add(role, True, rf"^(?P<label>{scope}{_word_end(strong)}\.?{_NUM}{_TRANSLATION}){_SEP}")
        if abbrev:
            # "O1:", "KR 2 -", "KR:", "KR2.1 Increase ...": a number or a separator is needed.
            flags = 0 if role == "objective" else re.IGNORECASE
            abbr = abbrev.upper() if role == "objective" else abbrev
            # "O1KR2", "O2.KR1": a key result's id may start with its objective's.
            prefix = r"(?:O\d{1,2}[.\-]?)?" if role == "key_result" else ""
            # "O1-KR3:" is a key result's id, not objective O1 (the key result reads it).
            not_kr = r"(?![Kk][Rr])" if role == "objective" else ""
            add(
                role,
                True,
                rf"^(?P<label>{prefix}(?:{abbr})s?{_ABBR_NUM}{_TITLE})"
                # "KR1 90% of PRs ...", "KR2 `make dev` ...": after a number, a space and the
                # statement, whatever it starts with.
                rf"(?:[*_]*\s*[:：\-–—.)|·•]+[*_]*\s*{not_kr}|[*_]*\s*$|"
                r"(?<=\d)\s+(?=[^\W\d_]|[\d$€£¥`\"'“‘<>≥≤~+]))",
                flags,
            )
        if role == "objective" and abbrev:
            # "o: get promoted to senior" beside "kr: ..." lines: the lower-case letter, only
            # with a colon ("o" alone is a word in Portuguese and Spanish).
            add(role, True, r"^(?P<label>o(?P<num>\d{1,2})?)\s*[:：]\s*(?=\S)")
        if numbered:
            # "OKR 2: ...", "okr1 湖仓一体" (the number, a space, then the text).
            add(
                role,
                False,
                rf"^(?P<label>(?:{numbered})\s*#?\s*(?P<num>\d+[a-z]?))"
                rf"(?:{_SEP}|(?<=\d)\s+(?=[^\W\d_]))",
            )
        if weak:
            add(role, False, rf"^(?P<label>{_word_end(weak)}{_NUM}{_TRANSLATION}){_SEP}")
    zone_lex = lex.get("zones") or {}
    # "Key Results & Milestones", "Key results and owners", "Key Results (Kết quả then chốt) &
    # Phân tích chuyên sâu": the key results and what comes with them, up to four words (not
    # "Objectives and Key Results", the method's name).
    companion = (
        r"(?:\s*(?:&|\+|/|\band\b|\bund\b|\by\b|\bet\b|\be\b)\s*[^\W\d_][\w-]*(?:\s+[\w-]+){0,3})?"
    )
    # "3 Key Results — Leading + Lagging + Quality": how many, and what kinds after a dash.
    count = r"(?:\d{1,2}\s+)?"
    tail = r"(?:\s+[—–]\s+[^:：]{1,60})?"
    zones = tuple(
        (
            zone,
            re.compile(
                rf"^{scope}{count if zone == 'key_results' else ''}(?:{_alternatives(words)})"
                rf"{_TRANSLATION}{companion if zone == 'key_results' else ''}{_TRANSLATION}"
                rf"{tail if zone == 'key_results' else ''}\s*[:：]?\s*$",
                re.IGNORECASE,
            ),
        )
        for zone, words in zone_lex.items()
        if not zone.endswith(("_suffix", "_weak"))
    )
    # "Q1 2026 Objectives", "Growth team OKRs": up to four words, then the group's name.
    suffixes = []
    for zone, key, is_strong in (
        ("objectives", "objectives_suffix", True),
        ("objectives", "objectives_suffix_weak", False),
        ("key_results", "key_results_suffix", True),
    ):
        words = zone_lex.get(key) or []
        if words:
            suffixes.append(
                (
                    zone,
                    is_strong,
                    re.compile(
                        # not "Objectives and Key Results", the name of the method
                        # nor a sentence ("请参考以上 OKR：", "please see the OKRs above:")
                        rf"^(?!.*\bobjectives?\s+(?:and|&)\s)(?!.*[，。；,;])(?:[^\s:：]+\s+){{1,4}}"
                        rf"(?:{_alternatives(words)})\s*[:：]?\s*$",
                        re.IGNORECASE,
                    ),
                )
            )
    fields: dict[str, str] = {}
    for field_name, words in (lex.get("attributes") or {}).items():
        for w in words:
            fields[" ".join(str(w).lower().split())] = field_name
    attributes = re.compile(rf"^(?P<label>{_alternatives(list(fields))})\s*[:：]\s*", re.IGNORECASE)
    columns = lex.get("columns") or {}
    return _Patterns(
        roles=tuple(roles),
        zones=zones,
        suffix_zones=tuple(suffixes),  # type: ignore[arg-type]
        attributes=attributes,
        attribute_fields=fields,
        about=re.compile(
            rf"^[*_]*(?:{_alternatives(lex.get('about_a_statement') or [])})"
            r"[*_]*\s*(?:[:：\-–—]|$)",
            re.IGNORECASE,
        ),
        objective_columns=frozenset(_norm(c) for c in columns.get("objective") or []),
        key_result_columns=frozenset(_norm(c) for c in columns.get("key_result") or []),
        key_result_weak_columns=frozenset(_norm(c) for c in columns.get("key_result_weak") or []),
        objective_weak_columns=frozenset(_norm(c) for c in columns.get("objective_weak") or []),
    )


@cache
def _zone_words() -> frozenset[str]:
    zones = load_lexicon("labels").get("zones") or {}
    return frozenset(
        str(w).lower()
        for zone, ws in zones.items()
        if not zone.endswith(("_suffix", "_weak"))
        for w in ws or ()
    )


def names_a_group(label: str) -> bool:
    """Whether a label is a group's name in some language ("Key Results", "Resultados clave",
    "Schlüsselergebnisse"): a list's name, not one statement's."""
    return label.strip().rstrip(":： ").lower() in _zone_words()


def _norm(text: str) -> str:
    return " ".join(str(text).lower().replace("*", "").replace("_", " ").split())


def lead_length(text: str) -> int:
    """Length of the decorations before a label: spaces, bullets, numbering, emoji, bold."""
    i = _LEAD.match(text)
    n = i.end() if i else 0
    while n < len(text) and unicodedata.category(text[n]) in ("So", "Sk", "Cf", "Mn"):
        n += 1
        m = _LEAD.match(text, n)
        if m:
            n = m.end()
    return n


_BRACKETED = re.compile(r"\[([^\[\]\n]{2,30})\]\s*")


@cache
def other_objectives() -> re.Pattern[str]:
    """Titles that say "objectives" about something else than OKRs ("Service Level
    Objectives", "Learning objectives": ``not_okr_titles`` in labels.yaml)."""
    words = load_lexicon("labels").get("not_okr_titles") or []
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len)[::-1])
    return re.compile(rf"(?:{alts})" if alts else r"(?!)", re.IGNORECASE)


# A sentence about a key result named by its number ("KR1 is at risk", "KR2 and KR3 ...").
_ABOUT_A_KR = re.compile(
    r"(?:is|was|are|were|has|had|have|will|would|should|could|can|needs?|got|moved|and|or|to|"
    r"from|in|on|at|of|for|with|by|as|into|slipped|dropped|done|missed|hit|scored|measures?|"
    r"tracks?|covers?|depends?|seems?|looks?|stays?|went|goes|remains?|still|also|only|"
    r"didn't|did|does|doesn't|isn't|wasn't|won't|may|might|must)\b"
)


@lru_cache(maxsize=8192)
def find_label(text: str) -> Label | None:
    """The label at the start of ``text`` (one line of rendered text), or None. Labels are
    frozen, so the answer is kept per distinct text: every stage of the reader asks."""
    start = lead_length(text)
    s = text[start:]
    if not s:
        return None
    pats = _patterns()
    bare = s.strip().strip("*_").strip()
    for zone, pattern in pats.zones:
        if pattern.match(bare):
            return Label("zone", bare, "", len(text), zone=zone)
    for zone, strong, pattern in pats.suffix_zones:
        if pattern.match(bare) and not other_objectives().search(bare):
            # not "Learning Objectives" or "Service Level Objectives" (labels.yaml)
            return Label("zone", bare, "", len(text), strong=strong, zone=zone, suffix=True)
    m = pats.attributes.match(s)
    if m:
        name = " ".join(m.group("label").lower().replace("-", " ").split())
        field_name = pats.attribute_fields.get(name)
        if field_name is None:
            field_name = next(
                (f for k, f in pats.attribute_fields.items() if " ".join(k.split("-")) == name),
                "notes",
            )
        return Label("attribute", m.group("label"), s[m.end() :], start + m.end(), field=field_name)
    bracket = _BRACKETED.match(s)
    if bracket and s[bracket.end() :].strip():
        # "[Objective] Refine the processes", "[Key Result] Increase ...": a label in brackets.
        inner = find_label(bracket.group(1) + ":")
        if inner is not None and inner.kind in ROLES and not inner.rest:
            return Label(
                inner.kind,
                bracket.group(0).strip(),
                s[bracket.end() :],
                start + bracket.end(),
                strong=inner.strong,
                number=inner.number,
            )
    if bracket and len(bracket.group(1).split()) <= 2 and s[bracket.end() :].strip():
        # "[P1] KR: Write a post every two weeks", "[Done] Objective 2: ...": a tag (priority,
        # status) before the label.
        inner = find_label(s[bracket.end() :])
        if inner is not None and inner.kind in ROLES and inner.rest.strip():
            return replace(inner, offset=start + bracket.end() + inner.offset)
    owners = _owner_splits(s)
    for role, strong, pattern in pats.roles:
        m = pattern.match(s)
        if not m and role in ("key_result", "objective"):
            # "Sales (Closing Deals) KR: ...", "VP Eng KR 2: ...": a team before the label;
            # before an objective label only an organisation's acronym ("OCTO Objective 1:").
            for split in owners:
                m2 = pattern.match(s[split:])
                if m2 is None or not (m2.group("num") or ":" in m2.group(0)):
                    continue
                sep2 = m2.group(0)[len(m2.group("label")) :]
                if not sep2.strip(" *_") and not _ACRONYM_OWNER.fullmatch(s[:split].strip()):
                    continue  # "Split KR1.4 into two": a sentence about a key result
                if re.search(r"[（(]", m2.group("label")):
                    continue  # "Về KR1 (Đo lường ...):": a note about KR1, not an owner's KR
                if role == "objective" and not _ACRONYM_OWNER.fullmatch(s[:split].strip()):
                    continue
                if _NOT_AN_OWNER.search(s[:split]):
                    continue  # "Evidence per KR:", "Notes for KR 2:": about a key result
                rest = s[split + m2.end() :]
                if any(ch.isalpha() for ch in rest):  # not "Total Key Results: 27"
                    return Label(
                        role,
                        s[: split + m2.end()].strip(),
                        rest,
                        start + split + m2.end(),
                        strong=strong,
                        number=m2.group("num"),
                        owner=s[:split].strip(),
                    )
        if not m:
            continue
        rest = s[m.end() :]
        label = m.group("label")
        # "Objectives and Key Results are ...", "Key results measure ...": prose, not a label.
        sep = s[len(label) : m.end()]
        if rest and not sep.strip() and not m.group("num"):
            continue
        if (
            role == "key_result"
            and rest[:1].islower()
            and ":" not in sep
            and "：" not in sep
            # "KR1. p95 page load under 1.2 s": a numbered label with its separator; "KR1 success
            # rate >= 98%" in a plain-text file, not "KR1 is at risk" (a note about it)
            and not (
                re.match(r"\d", m.group("num") or "")
                and (sep.strip(" *_") or not _ABOUT_A_KR.match(rest))
            )
        ):
            continue
        if re.fullmatch(r"(?:19|20)\d\d", m.group("num") or "") and not sep.strip(" *_"):
            continue  # "Goals 2019", "Objectives 2024": a year in a title, not a number
        if label[:1].islower() and not m.group("num") and sep.strip(" *_") == ".":
            continue  # "objective. They are public ...": a wrapped sentence going on
        if m.group("num") and pats.about.match(rest):
            continue  # "KR1.1 Detail: ...": a section about a statement
        rest = rest.strip().strip("*_").strip() if not rest.strip("*_ ") else rest
        return Label(
            role,
            label.strip(),
            rest,
            start + m.end(),
            strong=strong,
            number=m.group("num"),
        )
    return None


@cache
def _method_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lex = load_lexicon("labels")

    def anywhere(words: list[str]) -> re.Pattern[str]:
        alts = _alternatives(words)
        return re.compile(rf"(?<![^\W_])(?:{alts})s?(?![^\W_])", re.IGNORECASE)

    objective = [*(lex["objective"].get("strong") or []), "okr"]
    return anywhere(objective), anywhere(lex["key_result"].get("strong") or [])


def names_the_method(text: str) -> bool:
    """Whether a line names both parts of an OKR ("a vision (Objective, not measured) and
    milestones (Key-Result, measured)"): it explains the method, it is not one of its
    statements."""
    objective, key_result = _method_words()
    return bool(objective.search(text) and key_result.search(text))


# The method's own terms as words ("OKR", "KRs", a lone "O"), in any script around them.
_METHOD_TERMS = re.compile(
    r"(?<![A-Za-z])(?:[Oo][Kk][Rr]s?|KRs?|O|[Kk]ey[\s-]+[Rr]esults?)(?![A-Za-z'’]|[-_#.]?\d)"
)


def mentions_the_method(text: str) -> bool:
    """Whether a line speaks of OKRs themselves ("如何判断制定的 KR 对不对", "For each key
    result, ask:"): a section about the method, not an objective found by its shape alone.
    "OKR-12", "KR-3.1" are keys of a tracker, not the method."""
    return bool(_METHOD_TERMS.search(text))


def column_role(header: str) -> Role | None:
    """The role of a table column from its header ("Key Result", "KR", "Metric", "Objective")."""
    h = _norm(header)
    if re.fullmatch(r"(?:kr|key result)\s*#?\s*\d+", h):
        return None  # "KR #1": the scores of key result 1, not statements
    pats = _patterns()
    inner = re.fullmatch(r"[^()]+\(\s*([^()]+?)\s*\)", h)
    if inner and inner.group(1) in pats.key_result_columns:
        return "key_result"  # "Target (KR)", "Outcome (key result)": the parenthesis names it
    bare = re.sub(r"\s*\([^()]*\)\s*", " ", h).strip()
    if bare and bare != h and column_role(bare) is not None:
        return column_role(bare)
    if "/" in h:
        # "KR / Métrica", "Objective / Goal": a column that names itself twice.
        roles = {column_role(part) for part in h.split("/") if part.strip()} - {None}
        if len(roles) == 1:
            return roles.pop()
    if h in pats.key_result_columns:
        return "key_result"
    if h in pats.objective_columns:
        return "objective"
    return None


@lru_cache(maxsize=4096)
def column_names_only(text: str) -> bool:
    """A table's header written as a line: two or more column names and nothing else
    ("Objective / Key Result Owner(s) Score", "KR | Owner | Status")."""
    if re.search(r"\w\s*[:：]\s*\w", text):
        return False  # "Status: Ideas": a field and its value
    pats = _patterns()
    names = pats.objective_columns | pats.key_result_columns | frozenset(pats.attribute_fields)
    rest = re.sub(r"\(s\)|[/|,;:·•\-–—]", " ", _norm(text)).split()
    found = 0
    while rest:
        for n in range(min(len(rest), 4), 0, -1):
            if " ".join(rest[:n]) in names:
                rest = rest[n:]
                found += 1
                break
        else:
            return False
    return found >= 2


def weak_objective_column(header: str) -> bool:
    """An objective column name that needs key results or their levels beside it ("Goal")."""
    return _norm(header) in _patterns().objective_weak_columns


def weak_key_result_column(header: str) -> bool:
    """A key-result column name that needs a key result's data beside it ("Metric")."""
    return _norm(header) in _patterns().key_result_weak_columns


def column_field(header: str) -> str | None:
    """The field a table column holds ("Baseline", "Owner", "Status", "Target (Q3)")."""
    h = _norm(header)
    h = re.sub(r"\s*\([^()]*\)\s*$", "", h)
    fields = _patterns().attribute_fields
    if h in fields:
        return fields[h]
    first = h.split(" ")[0] if h else ""
    return fields.get(first)
