"""What is the statement? Labels, tags and tails around an objective or key result.

Both readers hand every candidate line to :func:`clean` which separates the statement a rule
should judge from its decorations (docs/judgement.md, "What is the statement"): list
numbering, labels ("KR1:", "Key result:", "CEO KR:", "Objective 2 -"), priority tags (``P0``,
``[P1]``), owner tags ("@handle", "(owner: ...)", "Sales:"), status tails ("=> DONE", "(WIP)",
check marks) and score tails ("- 0.7", "(score: 0.7)", ": 8/10 (80%)"). The decorations become
metadata.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Literal

from okrlint.data import load_lexicon
from okrlint.text import EXAMPLE_LEAD, words_outside_brackets

LabelKind = Literal["objective", "key_result", "initiative"]

_SCOPES = (
    r"company|team|personal|individual|department|departmental|ceo|quarterly|annual|yearly|"
    r"ultimate|shared|group|org|organisation|organization|squad|my|our|main|top"
)
_SEP = r"[:：\-–—.)|·•]"

# "Objective:", "Objective 2 -", "Company objective:", "OBJECTIVE:", "Obj. 3:"
_OBJECTIVE_LABEL = re.compile(
    rf"^(?:(?:{_SCOPES})\s+)?(?:objective|obj\.?)(?:\s*(?:#\s*)?(?P<num>\d+[a-z]?))?"
    rf"(?:\s*{_SEP}+\s*|\s*$)",
    re.IGNORECASE,
)
# "O1:", "O1 —", "O 2 -"
_O_LABEL = re.compile(rf"^O\s?(?P<num>\d+[a-z]?)\s*{_SEP}\s*")
# "KR:", "KR1:", "KR 2 -", "Key result:", "Key Result 1:", "Company key result:", "KR #1"
_KR_LABEL = re.compile(
    rf"^(?:(?:{_SCOPES})\s+)?(?:key[\s-]*results?|krs?)(?:\s*(?:#\s*)?(?P<num>\d+(?:\.\d+)*[a-z]?))?"
    # "KR2.1: ...", "KR:"; also "KR2.1 Increase ...", "KR1.1 安装量" (a number, a space, a letter)
    rf"(?:\s*{_SEP}+\s*|\s*$|(?<=\d)\s+(?=[^\W\d_]))",
    re.IGNORECASE,
)
# "Sales (Closing Deals) KR:", "VP Eng KR:", "Distribution KR 2:"
_OWNER_KR_LABEL = re.compile(
    r"^(?P<owner>[A-Z][\w&/.' -]{0,38}?(?:\([^)]{1,40}\))?)\s+KRs?\s*(?P<num>\d+)?\s*[:：\-–—]+\s*"
)
_INITIATIVE_LABEL = re.compile(
    r"^(?:initiatives?|tasks?|actions?)(?:\s*\d+)?\s*[:：\-–—]+\s*", re.IGNORECASE
)

_PRIORITY_HEAD = re.compile(
    r"^(?:\*\*)?[\[(]?(?P<p>[Pp](?:[0-9]|X|\?)(?:-P?[0-9])?)[\])]?(?:\*\*)?(?=[\s:\-–—|,]|$)"
    r"\s*(?:[:\-–—|]+\s*)?"
)
_BRACKET_HEAD = re.compile(r"^\[(?P<tag>[^\[\]]{1,40})\]\s*(?:[:\-–—]\s*)?")
_HANDLE_HEAD = re.compile(r"^@(?P<h>[\w.\-?]+)\s*(?:[:\-–—]+\s*)?")
_NUMBER_HEAD = re.compile(r"^(?:#\s?\d{1,3}|\d{1,3}[.)](?!\d))\s+")
_CHECKBOX_HEAD = re.compile(r"^\[(?P<c>[ xX✓✔])\]\s+")

# Role prefix of a cascade ("CEO:", "Head of Eng:", "Business (Marketing):").
_ROLE_HEAD = re.compile(
    # "Sales:", "VP Eng (interim):", "Eng - Platform:" (a department and its team)
    r"^(?P<role>[A-Z][\w&/'.]*,?(?:\s+(?:[A-Za-z&/'.](?:[A-Za-z&/'.-]*[A-Za-z])?,?|[-–—](?=\s+[A-Z])|\([^()]{1,40}\))){0,6})"
    r"\s*:\s+"
    r"(?=[A-Z\[(\"'@_*])"
)

_STATUS_TAIL = re.compile(r"\s*(?<!\()(?:={1,2}\s?>|-->)\s*(?P<status>.*)$", re.DOTALL)
# "Update - IPFS can quickly update ...": a short title before the statement.
_TITLE_HEAD = re.compile(r"^(?P<title>[A-Z][\w/&+']*(?:\s+[\w/&+']+){0,2})\s+[-–—]\s+(?=[A-Z\"'`])")
_THEME_HEAD = re.compile(r"^(?P<title>[A-Z][a-z]+):\s+(?=\S)")
_FINITE = re.compile(r"\b(?:is|are|runs|works|feels|has|have|becomes|stays|gets)\b")
_NOTE = re.compile(r"\s*\[[^\[\]]*\bnote\b[^\[\]]*\]", re.IGNORECASE)
_WIP_TAIL = re.compile(
    r"\s*\((?P<status>(?:WIP|DONE|done|wip|in progress|blocked|paused|dropped|cancelled)"
    r"(?:\s*:[^()]*)?)\)\s*$"
    # "[IN PROGRESS: 40% - Demo scheduled]", "[NOT STARTED: 0%]", "[STATUS: 30%]": a check-in.
    r"|\s*\[(?P<bracketed>(?i:status|not\s+started|in\s+progress|complete|completed|done|blocked|"
    r"at\s+risk|on\s+track|off\s+track|wip|paused|dropped|cancelled)\s*:[^\[\]]*)\]\s*$"
)
_BRACKET_TAIL = re.compile(r"(?:\s*\[(?P<tag>[A-Z0-9?][A-Za-z0-9?]{0,11}|p\d)\])+\s*$")
_BRACKET_ONE = re.compile(r"\[([A-Z0-9?][A-Za-z0-9?]{0,11}|p\d)\]")
_SLOT_TAG = re.compile(r"\[(?:TBD|TBC|TBA|X{1,3}|N|\?{1,3})\]")
_HANDLE_TAIL = re.compile(r"\s+(?P<h>(?:@[\w.\-]+[\s,]*)+)$")
# The two tails above repeat a group up to the end of the text: searched forwards, every start
# inside a long run of "[A][A]..." or "@a @a ..." rescans the rest of the run (quadratic in the
# length of a line). The same patterns written backwards are matched once on the reversed text.
_BRACKET_TAIL_REV = re.compile(r"^\s*(?:\](?:[A-Za-z0-9?]{0,11}[A-Z0-9?]|\dp)\[\s*)+")
_HANDLE_TAIL_REV = re.compile(r"^(?P<h>(?:[\s,]*[\w.\-]+@)+)\s+")
# A long run of spaces makes every "\s*..." tail pattern rescan it: runs become one space.
_LONG_SPACE = re.compile(r"\s{16,}")
# Longer texts keep their tail decorations (they are too long to be a statement anyway).
MAX_CLEAN_CHARS = 2_000
_OWNER_TAIL = re.compile(
    r"\s*\((?:owners?|dri|assignee|lead)\s*[:=]\s*(?P<o>[^()]+)\)\s*$", re.IGNORECASE
)
# Words that name the objective a statement serves ("supports Objective 2"); the reader's
# roles use them too ("Objective 1: Supports company O1").
PARENT_WORDS = r"supports|aligned\s+(?:to|with)|contributes\s+to"
# "(supports Objective 2)", "(→ Eng 1, Eng 2)", "↳ C2": the objective this one serves.
_PARENT_TAIL = re.compile(
    rf"\s*(?:\((?:{PARENT_WORDS}|→|->)\s*:?\s*(?P<p>(?-i:[A-Z#])[^()]{{0,59}})\)"
    r"|[↳⤷]\s*(?P<q>(?-i:[A-Z#0-9])[\w.,&/ -]{0,29}))\s*$",
    re.IGNORECASE,
)
_HANDLE_PAREN_TAIL = re.compile(r"\s*\((?P<o>@[\w.\-]+(?:[\s,]+@[\w.\-]+)*)\)\s*$")
_SCORE_PAREN_TAIL = re.compile(
    r"\s*\((?P<k>score|progress|grade|graded|scored)\s*[:=]?\s*(?P<v>[^()]*)\)\s*$", re.IGNORECASE
)
_SCORE_KV_TAIL = re.compile(
    r"\s*[,;–—-]?\s+(?:current\s+|final\s+)?(?P<k>score|progress|grade)\s*[:=]\s*"
    r"(?P<v>-?\d+(?:\.\d+)?\s*(?:%|/\s*\d+(?:\.\d+)?)?)\s*$",
    re.IGNORECASE,
)
_SCORE_DASH_TAIL = re.compile(r"\s+[-–—]\s+(?P<v>-?(?:\d+(?:\.\d+)?|\.\d+)\s*%?)\s*$")
_FRACTION_TAIL = re.compile(
    r"\s*:\s*(?P<v>(?:\d+|X)\s*/\s*\d+\s*\((?:\d+(?:\.\d+)?|X)\s*%\))\s*$", re.IGNORECASE
)
# "(0.0 → 1.0)" after a key result: the scale it will be scored on, not a baseline and target.
_SCALE_TAIL = re.compile(r"\s*\((?P<v>\s*0(?:\.0)?\s*(?:→|->|–|-|to)\s*1(?:\.0)?\s*)\)\s*$")
_TARGET_TAIL = re.compile(r"\s*\(target:\s*(?P<v>[^()]*)\)\s*$", re.IGNORECASE)
_CURRENT_TAIL = re.compile(r"\s*[-–—]\s*current:\s*(?P<v>\S+)\s*$", re.IGNORECASE)
_TAG_TAIL = re.compile(r"\s*\((?P<tag>[a-z]{1,4})\)\s*$")
# "(🟢 70%)", "[🟡 at risk]", "[At risk]", "(on track)": a check-in's status after the statement.
_STATUS_WORDS = (
    r"on[\s-]track|off[\s-]track|at[\s-]risk|behind|ahead|done|complete|completed|achieved|"
    r"not[\s-]started|in[\s-]progress|blocked|missed|delayed"
)
_CHECKIN_TAIL = re.compile(
    r"\s*[(\[]\s*(?P<v>[🟢🟡🔴🟠🔵⚪⚫✅❌⚠⏳][\ufe0f]?[^()\[\]]{0,24}|"
    rf"(?i:{_STATUS_WORDS})(?:\s*[,:–—-]\s*\d{{1,3}}\s*%)?)\s*[)\]]\s*$"
)
# "... from $42M to $55M 🟡 60%", "... 🟢": a status light after the statement, with its progress.
_LIGHT_TAIL = re.compile(r"\s+(?P<v>[🟢🟡🔴🟠🔵⚪⚫][\ufe0f]?(?:\s*\d{1,3}\s*%)?)\s*$")
# "from 35 to 10 → 0.8", "... to 30% (62%)": a score or a progress after a statement that
# already holds its baseline and target.
_AFTER_CHANGE_TAIL = re.compile(
    r"\s+(?:(?:→|->)\s*(?P<score>0?\.\d+|1\.0)|\((?P<progress>\d{1,3}\s*%)\))\s*$"
)
_CHANGE = re.compile(
    r"(?i)\bfrom\s+[^\d\s]{0,3}\d.*\bto\b|\d\S*\s*(?:→|->)\s*\S*\d|\d.*\(from\s+[^\d\s]{0,3}\d"
)
_ISSUE_TAIL = re.compile(r"\s*\((?:[\w./-]*#\d+(?:[,\s]+[\w./-]*#\d+)*)\)\s*$")

_METADATA_LINE = re.compile(
    r"^\s*(?P<key>[A-Za-z][A-Za-z -]{1,28}?)\s*[:：]\s*(?P<value>.*?)\s*$", re.DOTALL
)
# Headings that ask a question explain OKRs ("What is a Key Result?"): notes, not OKRs.
QUESTION_TITLES = re.compile(r"^(?:(?:what|how|why|when|who)\b.*|.*[?？])\s*$", re.IGNORECASE)

# ... unless it asks about the writer's own OKRs ("What are my OKRs this quarter?", "So what are
# your actual OKRs?" in a blog post of one's OKRs): the OKRs follow.
_OWN_OKRS = re.compile(
    r"\b(?:my|our|your)\s+(?:[\w'’-]+\s+){0,2}(?:okrs?|objectives|goals|key\s+results)\b",
    re.IGNORECASE,
)


def own_okrs_title(text: str) -> bool:
    """A heading about the writer's own OKRs ("my", "our", "your ... OKRs")."""
    return bool(_OWN_OKRS.search(text))


@cache
def _question_starts() -> re.Pattern[str]:
    """Question words of the other languages (``question_words`` in labels.yaml): "Cómo ...",
    "Warum ...", "如何 ...", "什么是 ..."; a word of a Latin script ends at a word boundary."""
    latin: list[str] = []  # words that end at a word boundary ("como" is not "comodín")
    other: list[str] = []  # scripts without spaces between words ("如何判断")
    for word in (str(w) for w in load_lexicon("labels").get("question_words") or []):
        (latin if ord(word[-1]) < 0x2E80 else other).append(re.escape(word))
    alts = []
    if latin:
        alts.append(rf"(?:{'|'.join(latin)})(?![^\W\d_])")
    if other:
        alts.append(rf"(?:{'|'.join(other)})")
    return re.compile(rf"^(?:{'|'.join(alts)})" if alts else r"(?!)", re.IGNORECASE)


# "Objective vs Key Results", "OKRs versus KPIs": a heading that compares two ideas.
_COMPARES = re.compile(
    r"(?i)^\W*[^\W\d][\w\s&/-]{0,40}?\s+(?:vs\.?|versus)\s+[^\W\d][\w\s&/-]{0,40}\W*$"
)


def explaining_title(text: str) -> bool:
    """A heading that asks a question about OKRs in general, or compares two ideas: what
    follows explains them."""
    asks = (
        QUESTION_TITLES.match(text)
        or _question_starts().match(text.strip())
        or _COMPARES.match(text.strip())
    )
    return bool(asks) and not own_okrs_title(text)


@cache
def _plain_titles() -> frozenset[str]:
    return frozenset(str(t).lower() for t in load_lexicon("labels")["plain_titles"])


def plain_title(text: str) -> bool:
    """A heading of a README, a manual or a page's navigation ("Installation", "Table of
    contents", "⚡️ 3-line summary (TL;DR)"): never a set or an objective, though its
    sub-headings may be. The title, its words before a parenthesis or the parenthesis."""
    t = re.sub(r"\s*[:：]*\s*$", "", text.strip()).lower()
    t = re.sub(r"^[^\w(]+", "", t)  # an emoji or a mark before the words
    m = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", t)
    titles = _plain_titles()
    return t in titles or (m is not None and (m.group(1) in titles or m.group(2) in titles))


# Verbs that start statements; used by the readers' heuristics (the analysis has its own lexicon).
@cache
def lead_verbs() -> frozenset[str]:
    return frozenset(load_lexicon("lead-verbs")["verbs"])


@cache
def lead_adverbs() -> frozenset[str]:
    return frozenset(load_lexicon("lead-verbs").get("adverbs") or [])


def starts_with_verb(text: str) -> bool:
    head = text.strip().split(" ", 2)
    first = head[0].lower().strip(".,:;!?*_`\"'")
    if first in lead_adverbs() and len(head) > 1:
        first = head[1].lower().strip(".,:;!?*_`\"'")  # "Further understand our users"
    verbs = lead_verbs()
    if first in verbs:
        return True
    for suffix in ("ing", "ed", "s"):
        if first.endswith(suffix):
            stem = first[: -len(suffix)]
            if stem in verbs or stem + "e" in verbs or stem[:-1] in verbs:
                return True
    return False


@dataclass
class Cleaned:
    """A statement separated from its decorations."""

    text: str
    label: LabelKind | None = None
    label_text: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    # Offset of ``text`` inside the input (after leading decorations were removed).
    offset: int = 0


def _strip_symbols(text: str) -> tuple[str, int]:
    """Remove leading emoji, check marks and other pictographs."""
    i = 0
    while i < len(text):
        ch = text[i]
        cat = unicodedata.category(ch)
        if cat in ("So", "Sk", "Mn", "Cf", "Co") or ch in "✓✔✗✘☐☑☒" or ch.isspace():
            i += 1
            continue
        break
    return text[i:], i


def _strip_symbols_tail(text: str) -> str:
    j = len(text)
    while j > 0:
        ch = text[j - 1]
        cat = unicodedata.category(ch)
        if cat in ("So", "Sk", "Mn", "Cf", "Co") or ch.isspace():
            j -= 1
            continue
        break
    return text[:j]


def match_label(text: str) -> tuple[LabelKind | None, str, str, dict[str, str]]:
    """Find an objective / key-result / initiative label at the start of ``text``.

    Returns ``(kind, label, rest, metadata)``; ``kind`` is None when there is no label.
    """
    meta: dict[str, str] = {}
    m = _OWNER_KR_LABEL.match(text)
    if m and not _KR_LABEL.match(text):
        owner = m.group("owner").strip()
        if owner.lower() not in ("key", "the", "a", "our", "my"):
            meta["owner"] = owner
            return "key_result", m.group(0).strip(), text[m.end() :], meta
    for kind, pattern in (
        ("objective", _OBJECTIVE_LABEL),
        ("objective", _O_LABEL),
        ("key_result", _KR_LABEL),
        ("initiative", _INITIATIVE_LABEL),
    ):
        m = pattern.match(text)
        if m:
            rest = text[m.end() :]
            # "Objectives and Key Results" or "Key results are measurable" is prose, not a label.
            label = m.group(0)
            if not re.search(r"[:：\-–—.)|]\s*$", label) and rest and not m.groupdict().get("num"):
                continue
            if kind == "key_result" and rest[:1].islower() and ":" not in label:
                continue
            return kind, label.strip(), rest, meta  # type: ignore[return-value]
    return None, "", text, meta


@cache
def _metadata_keys() -> dict[str, str]:
    """Each metadata key's field (``metadata_keys`` in labels.yaml)."""
    fields: dict[str, list[str]] = load_lexicon("labels")["metadata_keys"]
    return {str(word): field for field, keys in fields.items() for word in keys}


def parse_metadata_line(text: str) -> tuple[str, str] | None:
    """``"Owner: @growth-lead"`` -> ``("owner", "@growth-lead")``; None when not metadata."""
    m = _METADATA_LINE.match(text.strip().replace("**", "").replace("__", ""))
    if not m:
        return None
    key = re.sub(r"\s+", " ", m.group("key").strip().lower())
    norm = _metadata_keys().get(key)
    if norm is None:
        return None
    value = m.group("value").strip()
    if norm in ("target", "current", "baseline", "why", "start", "end") and not value:
        return None
    return norm, value


def looks_like_role(prefix: str) -> bool:
    words = [w for w in re.sub(r"\([^)]*\)", " ", prefix).split() if w]
    if not words or len(words) > 6:
        return False
    first = words[0]
    if not (first[:1].isupper() or first.isupper()) or starts_with_verb(first):
        return False
    if first.upper() in ("TODO", "TBD", "TBC", "FIXME", "XXX", "N/A", "NOTE"):
        return False
    return not any(ch.isdigit() for ch in "".join(words))


_EXAMPLE_TAG = re.compile(rf"(?i){EXAMPLE_LEAD}")
_LONE_STRONG = re.compile(r"^(?:\*\*|__)(?=\S)")


def clean(text: str, *, allow_role: bool = True) -> Cleaned:
    """Separate the statement from its decorations. ``text`` is one line of rendered text.

    The reader's stages ask about the same line several times (roles, then assembly): the
    result is computed once per distinct text and copied, so a caller may change its metadata.
    """
    c = _clean(text, allow_role)
    return Cleaned(c.text, c.label, c.label_text, dict(c.metadata), c.offset)


@lru_cache(maxsize=4096)
def _clean(text: str, allow_role: bool) -> Cleaned:
    meta: dict[str, str] = {}
    label: LabelKind | None = None
    label_text: str | None = None
    original = text
    s = text.replace("\u00a0", " ")
    if len(s) > 64:
        s = _LONG_SPACE.sub(" ", s)
    s = s.strip()
    lead = len(text) - len(text.lstrip())

    # Leading decorations, repeatedly ("**P0** - @ann - KR1: ...").
    for _ in range(8):
        before = s
        s2, n = _strip_symbols(s)
        lead += n
        s = s2
        m = _CHECKBOX_HEAD.match(s)
        if m:
            meta.setdefault("done", "true" if m.group("c") != " " else "false")
        for pattern in (_CHECKBOX_HEAD, _NUMBER_HEAD):
            m = pattern.match(s)
            if m:
                lead += m.end()
                s = s[m.end() :]
        m = _LONE_STRONG.match(s)
        if m and s.count(m.group(0)) == 1:
            # "**Make organic search ..." after "**1\. Objective: **": a Google Docs export's
            # "****" leaves one marker with no partner.
            lead += m.end()
            s = s[m.end() :]
        m = _PRIORITY_HEAD.match(s)
        if m:
            meta.setdefault("priority", m.group("p").upper())
            lead += m.end()
            s = s[m.end() :]
        m = _HANDLE_HEAD.match(s)
        if m:
            meta.setdefault("owner", "@" + m.group("h"))
            lead += m.end()
            s = s[m.end() :]
        m = _BRACKET_HEAD.match(s)
        # "[momack2] Form 3+ ..." is an owner tag; "[Key result]" alone is a placeholder.
        if (
            m
            and not s.startswith("[x]")
            and not s.startswith("[ ]")
            # "[e.g., 50 paying customers] — Status: ...": a template's example, not a tag.
            and not _EXAMPLE_TAG.match(m.group("tag").strip())
            # "[Measurable result 1] (Week N)": no word after the bracket but a note, so the
            # bracket is the statement (a template slot), not an owner tag before one.
            and words_outside_brackets(s[m.end() :])
        ):
            tag = m.group("tag").strip()
            if re.fullmatch(r"[Pp]\d", tag):
                meta.setdefault("priority", tag.upper())
            elif tag.lower().startswith("internal"):
                meta["visibility"] = tag
            else:
                meta.setdefault("owner", tag)
            lead += m.end()
            s = s[m.end() :]
        if label is None:
            kind, lab, rest, lmeta = match_label(s)
            if kind is not None:
                label, label_text = kind, lab
                for k, v in lmeta.items():
                    meta.setdefault(k, v)
                lead += len(s) - len(rest)
                s = rest
        if allow_role:
            m = _ROLE_HEAD.match(s)
            if m and looks_like_role(m.group("role")) and parse_metadata_line(s) is None:
                role = m.group("role").strip()
                kind, _, _, _ = match_label(role + ":")
                if kind is None and len(s) - m.end() >= 3:
                    meta.setdefault("owner", role)
                    lead += m.end()
                    s = s[m.end() :]
        if s == before:
            break

    m = _TITLE_HEAD.match(s) or _THEME_HEAD.match(s)
    if m and len(words(s[m.end() :])) >= 4 and match_label(m.group("title") + ":")[0] is None:
        rest = s[m.end() :]
        # "Launch: Mahaveer is publicly trading online", "Stability: Enable teams to ...": a
        # one-word theme before a statement of its own (one with a verb), not "Launch: the app".
        if m.re is _TITLE_HEAD or starts_with_verb(rest) or _FINITE.search(rest):
            meta.setdefault("title", m.group("title"))
            lead += m.end()
            s = rest
    # Trailing decorations. A text this long is reported as too long to be a statement
    # whatever its tail (readers/limits.py): the dozen tail patterns, tried up to eight times
    # on every candidate line, would scan megabytes for nothing.
    tails = 0 if len(s) > MAX_CLEAN_CHARS else 8
    if tails:
        s = _NOTE.sub("", s)
    for _ in range(tails):
        before = s
        m = _STATUS_TAIL.search(s)
        if m and m.start() > 0:
            status = m.group("status").strip()
            pm = re.match(r"^(\d+(?:\.\d+)?\s*%)", status)
            if pm:
                meta.setdefault("progress", pm.group(1).replace(" ", ""))
            meta.setdefault("status", status)
            s = s[: m.start()]
        for pattern, key in (
            (_WIP_TAIL, "status"),
            (_OWNER_TAIL, "owner"),
            (_HANDLE_PAREN_TAIL, "owner"),
            (_PARENT_TAIL, "parent"),
            (_TARGET_TAIL, "target"),
            (_SCALE_TAIL, "scale"),
            (_CURRENT_TAIL, "current"),
        ):
            m = pattern.search(s)
            if m and m.start() > 0:
                meta.setdefault(key, m.group(m.lastgroup or 1).strip())
                s = s[: m.start()]
        m = _SCORE_PAREN_TAIL.search(s) or _SCORE_KV_TAIL.search(s)
        if m and m.start() > 0:
            key = "progress" if m.group("k").lower() == "progress" else "score"
            meta.setdefault(key, m.group("v").strip())
            s = s[: m.start()]
        m = _FRACTION_TAIL.search(s)
        if m and m.start() > 0:
            meta.setdefault("progress", m.group("v").strip())
            s = s[: m.start()]
        m = _CHECKIN_TAIL.search(s)
        if m and m.start() > 0:
            _check_in(meta, m.group("v").strip())
            s = s[: m.start()]
        m = _LIGHT_TAIL.search(s)
        if m and m.start() > 0:
            _check_in(meta, m.group("v").strip())
            s = s[: m.start()]
        m = _AFTER_CHANGE_TAIL.search(s)
        if m and m.start() > 0 and _CHANGE.search(s, 0, m.start()):
            if m.group("score"):
                meta.setdefault("score", m.group("score"))
            else:
                meta.setdefault("progress", m.group("progress").replace(" ", ""))
            s = s[: m.start()]
        m = _SCORE_DASH_TAIL.search(s)
        if m and m.start() > 0 and _is_score_value(m.group("v")):
            value = m.group("v").replace(" ", "")
            # "- 0.7", "- 70%" are scores; a number above 1 after a dash ("Apply mathematics at
            # work – 2", "Survey score ≥ 4.5 — 4.2") is a weight, a count or the value reached:
            # kept apart from the statement, never judged as a score.
            above_one = not value.endswith("%") and abs(float(value)) > 1
            meta.setdefault("number" if above_one else "score", value)
            s = s[: m.start()]
        start = bracket_tail(s)
        if start is not None and start > 0 and _SLOT_TAG.search(s[start:]):
            start = None  # "to [TBD]", "[X]": the value left to fill in, not a tag
        if start is not None and start > 0:
            for tag in _BRACKET_ONE.findall(s[start:]):
                if re.fullmatch(r"[Pp][0-9X?]", tag):
                    meta.setdefault("priority", tag.upper())
                else:
                    meta["tags"] = (meta.get("tags", "") + " " + tag).strip()
            s = s[:start]
        handles = handle_tail(s)
        if handles is not None and handles[0] > 0:
            meta.setdefault("owner", " ".join(handles[1].replace(",", " ").split()))
            s = s[: handles[0]]
        m = _ISSUE_TAIL.search(s)
        if m and m.start() > 0:
            s = s[: m.start()]
        m = _TAG_TAIL.search(s)
        if m and m.start() > 0:
            meta["tags"] = (meta.get("tags", "") + " " + m.group("tag")).strip()
            s = s[: m.start()]
        s = _strip_symbols_tail(s)
        s = s.rstrip(" \t-–—|:;,")
        if s == before:
            break
    s = s.strip()
    if s.startswith("**") and s.endswith("**") and len(s) > 4:
        s = s[2:-2].strip()
    offset = original.find(s[:20]) if s else lead
    return Cleaned(text=s, label=label, label_text=label_text, metadata=meta, offset=max(offset, 0))


def bracket_tail(text: str) -> int | None:
    """Where ``_BRACKET_TAIL.search(text)`` would start (tags like " [P1] [Q3]"), or None."""
    m = _BRACKET_TAIL_REV.match(text[::-1])
    return len(text) - m.end() if m else None


def handle_tail(text: str) -> tuple[int, str] | None:
    """``(start, handles)`` of ``_HANDLE_TAIL.search(text)`` (" @ann, @bo"), or None."""
    m = _HANDLE_TAIL_REV.match(text[::-1])
    if not m:
        return None
    return len(text) - m.end(), m.group("h")[::-1]


def _check_in(meta: dict[str, str], status: str) -> None:
    """A check-in's status ("🟢 70%", "At risk"), and its progress when it gives one."""
    pm = re.search(r"(\d{1,3}\s*%)", status)
    if pm:
        meta.setdefault("progress", pm.group(1).replace(" ", ""))
    meta.setdefault("status", status)


def _is_score_value(value: str) -> bool:
    v = value.replace(" ", "")
    try:
        if v.endswith("%"):
            return 0 <= float(v[:-1]) <= 1000
        return -10 <= float(v) <= 10
    except ValueError:
        return False


# A whitespace-separated token with a letter or digit in it ([^\W_] is str.isalnum()).
_WORD_TOKEN = re.compile(r"\S*[^\W_]\S*")


def words(text: str) -> list[str]:
    """Whitespace-separated tokens that contain a letter or digit (docs/judgement.md, "Words")."""
    return _WORD_TOKEN.findall(text)


_GLOSS = re.compile(r"[(（][^()（）]*[)）]")


def without_glosses(text: str) -> str:
    """The text with its glosses in parentheses (ASCII or full-width) set aside: "Leading (dự
    báo, sửa kịp)" is a title of one word."""
    return _GLOSS.sub(" ", text)


def a_title(text: str) -> bool:
    """Whether a label's words are a short title, not a statement: five words or fewer once
    glosses are set aside, and no number ("KR1 — Leading (dự báo)", "KR2 — Lagging")."""
    return len(words(without_glosses(text))) <= 5 and not re.search(r"\d", text)


# Han ideographs and kana: written without spaces, about two characters a word (ranges, not a
# regex: a character class this wide takes milliseconds to compile at start-up).
_CJK_RANGES = ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))


def _cjk(ch: str) -> bool:
    o = ord(ch)
    return any(lo <= o <= hi for lo, hi in _CJK_RANGES)


def word_count(text: str) -> int:
    """How many words ``text`` holds: its tokens (:func:`words`), with a run of Chinese or
    Japanese characters counted as one word per two characters ("完成伤害公式体系": 4)."""
    n = 0
    for token in words(text):
        cjk = sum(1 for ch in token if ord(ch) >= 0x3040 and _cjk(ch))
        n += (cjk + 1) // 2 if cjk else 1
    return n
