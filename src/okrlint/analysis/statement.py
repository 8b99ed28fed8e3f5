"""One analysis per objective and key result, shared by every rule.

From a spaCy ``Doc`` (see :mod:`okrlint.analysis.nlp`) and the quantities of the text, work out:
the lead verb, its form (imperative, passive, past, state, noun phrase) and classes; the metric
phrase; baseline, target and delta with units; bounds; direction; counts of new things; time
frames; placeholders; and the lexicon hits the rules look at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal, NamedTuple

from okrlint.analysis import languages
from okrlint.analysis.languages import supported
from okrlint.analysis.lexicon import numbers, phrases, verbs
from okrlint.analysis.quantities import Direction, Quantity, find_quantities
from okrlint.analysis.timeframes import find_timeframes
from okrlint.data import load_lexicon
from okrlint.text import EXAMPLE_LEAD, words_outside_brackets

_SKIP_LEAD = {
    "successfully",
    "significantly",
    "fully",
    "consistently",
    "further",
    "continuously",
    "dramatically",
    "drastically",
    "substantially",
    "meaningfully",
    "measurably",
    "materially",
    "sustainably",
    "quickly",
    "systematically",
    "proactively",
    "effectively",
    "safely",
    "reliably",
    "we",
    "i",
    "will",
    "to",
    "should",
    "must",
    "shall",
    "and",
    "then",
    "finally",
    "also",
    "actively",
    "formally",
    "publicly",
    "officially",
    "massively",
    "aggressively",
    "radically",
    "steadily",
    "gradually",
    "rapidly",
    "(",
    "-",
    "*",
    "…",
    "•",
}
_AUX = {
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "gets",
    "get",
    "got",
    "has",
    "have",
    "had",
    "becomes",
    "become",
}
_PLAN = re.compile(
    r"(?i)\b(?:ahead\s+of|on|to|above|at|over|per)\s+(?:the\s+)?(?:company\s+)?plan\b|"
    # "hiring is 85%+ of the plan", "110% of quota": a share of a plan stated elsewhere
    r"\d\s*%\+?\s+of\s+(?:the\s+|our\s+)?(?:[\w-]+\s+)?(?:plan|quota|forecast|budget)\b|"
    # "above the last 12 months' peak", "over last year's level": a reference stated by its
    # period, the starting point the target is read against
    r"\b(?:above|over|beyond|than)\s+(?:the\s+)?(?:last|previous|prior)\s+(?:\d+\s+)?"
    r"(?:years?|quarters?|months?|weeks?|cycles?|periods?)(?:['’]s?)?\s+"
    r"(?:peaks?|highs?|levels?|averages?|results?|values?|best|record)\b"
)
_ADJ_BEFORE = {
    "more",
    "most",
    "less",
    "least",
    "very",
    "well",
    "highly",
    "newly",
    "better",
    "fully",
    "a",
    "an",
    "the",
    "our",
    "their",
    "its",
    "your",
    "my",
    "of",
    "at",
    "for",
    "in",
    "with",
    "on",
    "by",
    "from",
    "into",
    "per",
    "all",
    "every",
    "each",
    "any",
    "no",
    "some",
    "many",
    "few",
}
_MODAL = {"can", "could", "will", "would", "should", "may", "might", "must"}
_METRIC_STOP = re.compile(
    r"(?i)\b(?:from|to|by|at|above|below|under|over|of\s+at\s+least|per|within|in|for|on|"
    r"with|across|among|during|until|before|after|than|up|down|while|without|through|via)\b|"
    r"[,;:(\[]|\d|[$€£%]"
)
_SLOT = re.compile(r"[\[<{]\s*[a-z][a-z _/-]{1,30}\s*[\]>}]")
# A statement that is nothing but a template slot, in any case, with perhaps a note in
# parentheses: "[Title]", "<Key result 2>", "[Measurable result 1] (Week N)" (not "[Increase
# NPS from 30 to 40]": a slot holds no baseline and target).
WHOLE_SLOT = re.compile(
    r"\s*[\[<{]\s*[^\W\d_](?![^\]>}]*\bfrom\b[^\]>}]*\bto\b)[^\[\]<>{}]{1,80}[\]>}]"
    r"(?:\s*\([^()]{1,40}\))?\s*[.:]?\s*"
)
_SQUARE = re.compile(r"\[[^\[\]]*\]")
_FROM_TO = re.compile(r"(?i)\bfrom\b.*\bto\b")


# A template's example in brackets: "[e.g., 50 paying customers]", "<ex: Ship feature X>".
_EXAMPLE_SLOT = re.compile(rf"(?i)[\[<{{]\s*{EXAMPLE_LEAD}[^\[\]<>{{}}]{{0,120}}[\]>}}]")


def only_slots(text: str) -> bool:
    """A statement that is nothing but template slots: "[Title]", "[objective] · [status]"."""
    if WHOLE_SLOT.fullmatch(text):
        return True
    slots = _SQUARE.findall(text)
    return (
        len(slots) >= 2
        and not words_outside_brackets(text)
        and not any(_FROM_TO.search(slot) for slot in slots)
    )


# Where a slot stands for a value: after "from", "to", "by", "of", "at", "reach", a currency
# sign, or before "%" or a unit word.
_VALUE_BEFORE = re.compile(r"(?i)(?:\b(?:from|to|by|of|at|reach|hit|than|under|over)|[$€£~])\s*$")
_VALUE_AFTER = re.compile(r"(?i)^\s*(?:%|percent\b|x\b|k\b|ms\b|hours?\b|days?\b)")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_DETERMINERS = re.compile(r"(?i)^(?:the|a|an|our|their|its|my|your|his|her|all|every|each)\s+")


# A whole word: not the letters of "E2E", not "com" of "example.com" or a path.
_WORD = re.compile(r"(?<![\w.@/])[^\W\d_]+(?![\w@/]|\.\w)")
# Letters of scripts other than Latin (CJK, kana, Hangul, Cyrillic, Greek, Arabic, Hebrew, ...).
# Chinese, Japanese and Korean: one such character is a word ("trino与Doris": "trino and
# Doris"), never found in an English statement.
_CJK = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_NON_LATIN = re.compile(
    "[\u0370-\u03ff\u0400-\u04ff\u0590-\u06ff\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]"
)


@cache
def _language_data() -> tuple[dict[str, frozenset[str]], dict[str, str]]:
    lex = load_lexicon("languages")
    words = {lang: frozenset(w.lower() for w in ws) for lang, ws in lex["function_words"].items()}
    letters = {lang: "".join(v) for lang, v in lex["letters"].items()}
    return words, letters


@cache
def _language_index() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Each function word and each letter with the languages it belongs to."""
    words, letters = _language_data()
    by_word: dict[str, list[str]] = {}
    for lang, ws in words.items():
        for w in ws:
            by_word.setdefault(w, []).append(lang)
    by_letter: dict[str, list[str]] = {}
    for lang, chars in letters.items():
        for ch in chars:
            by_letter.setdefault(ch, []).append(lang)
    return (
        {w: tuple(v) for w, v in by_word.items()},
        {c: tuple(v) for c, v in by_letter.items()},
    )


def judged(language: str) -> bool:
    """Whether the language rules judge statements in this language."""
    return language == "en" or language in supported()


@cache
def _foreign_forms() -> dict[str, tuple[str, ...]]:
    """The verb forms of the other languages' lexicons that are not English words okrlint
    knows (a verb form, a function word): "verbessern" says German, "start" says nothing."""
    english = set(verbs().forms) | set(_language_data()[0].get("en", ()))
    out: dict[str, tuple[str, ...]] = {}
    for form, langs in languages.form_languages().items():
        if form in english:
            continue
        # "rollout", "live": loanwords say nothing; "verbessern", "réduire", "lançar" do.
        said = tuple(
            lang
            for lang in langs
            if not form.isascii()
            or (
                (p := languages.pack(lang)) is not None
                and p.infinitive is not None
                and p.infinitive.search(form)
            )
        )
        if said:
            out[form] = said
    return out


def language_of(text: str) -> str:
    """``en``, another language's code, or ``other`` (a script that is not Latin). A
    statement is English unless another language's function words and letters outnumber
    English ones: "Conversion von 3 % auf 5 % erhöhen" is German."""
    plain = text.isascii()  # no accented letter, no other script: only words can tell
    if not plain and (
        _latin_share(text) < 0.5 or len(_NON_LATIN.findall(text)) >= 2 or _CJK.search(text)
    ):
        return "other"  # Chinese, Japanese, Korean, Cyrillic, Arabic... even beside English words
    words, letters = _language_data()
    by_word, by_letter = _language_index()
    scores: dict[str, float] = dict.fromkeys(words, 0)
    low = text.lower()
    forms = _foreign_forms()
    for token in _WORD.findall(low):
        for lang in by_word.get(token, ()):
            scores[lang] += 1
        for lang in forms.get(token, ()):
            scores[lang] += 1.5  # a verb form of that language's lexicon ("verbessern")
    if not plain:
        for lang in letters:
            scores.setdefault(lang, 0)
        for ch in low:
            for lang in by_letter.get(ch, ()):
                scores[lang] += 1.5
    english = scores.pop("en", 0)
    best = max(scores, key=lambda k: scores[k]) if scores else "en"
    if scores.get(best, 0) >= 1.5 and scores[best] > english:
        return best
    return "en"


def language_in(text: str, document: str) -> str:
    """The statement's language, with its document's as the prior: a short statement with no
    English function word in a Dutch or German file ("Hantering regels", "Kundenzufriedenheit")
    is in the file's language, not English by default."""
    found = language_of(text)
    if found == document or found == "other" or document in ("en", "other"):
        return found
    words, _ = _language_data()
    tokens = _WORD.findall(text.lower())
    ours = sum(1 for t in tokens if t in words.get(document, frozenset()))
    theirs = sum(1 for t in tokens if t in words.get(found, frozenset()))
    if ours >= theirs and ours:
        # "LTIFR reduzido em 30 por cento face a baseline" in a Portuguese file: as many of the
        # file's words as of the other language's (an English loanword, Spanish look-alikes).
        return document
    if found != "en":
        return found
    if theirs:
        return "en"
    if tokens and tokens[0] in verbs().base_forms:
        return "en"  # "Hire Designer", "Fix Login Bugs": an English instruction
    return document


def _latin_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 1.0
    return sum(1 for ch in letters if ch.isascii()) / len(letters)


# How the statement says its verb: "Launch" (imperative), "is launched" (passive), "launched"
# (past), "has", "is" (state), "can launch" (capability), "Launching" (gerund), a noun phrase,
# or no verb okrlint knows in the statement's language (unknown: the verb rules say nothing).
VerbForm = Literal[
    "imperative", "passive", "past", "state", "capability", "gerund", "noun", "unknown"
]


@dataclass(frozen=True)
class Analysis:
    """What okrlint understood of one statement: built once by :func:`analyze` (or
    :func:`okrlint.analysis.foreign.analyze_in`), then only read by the rules."""

    text: str
    language: str = "en"  # "other": not English (the language rules do not judge it)
    tokens: list[str] = field(default_factory=list)
    lead_verb: str | None = None  # lemma
    lead_word: str | None = None  # as written
    verb_form: VerbForm = "noun"
    verb_classes: frozenset[str] = frozenset()
    verbs: list[tuple[int, str, frozenset[str]]] = field(default_factory=list)  # (char, lemma, cls)
    metric: str = ""
    quantities: list[Quantity] = field(default_factory=list)
    baseline: Quantity | None = None
    target: Quantity | None = None
    delta: Quantity | None = None
    relative_word: str | None = None  # "double", "halve", "cut in half"
    direction: Direction | None = None
    new_count: bool = False
    output_count: bool = False
    timeframes: list[str] = field(default_factory=list)
    placeholders: list[str] = field(default_factory=list)
    hits: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)
    clause_verbs: int = 0  # verbs that start a clause (compound objectives)
    plan_relative: bool = False  # measured against a plan stated elsewhere ("ahead of plan")

    # -------------------------------------------------------------- convenience
    @property
    def metric_quantities(self) -> list[Quantity]:
        return [q for q in self.quantities if q.is_metric and not q.placeholder]

    @property
    def hidden_values(self) -> list[Quantity]:
        """Values kept out of the page on purpose ("N6", "≥N9 WAU")."""
        return [q for q in self.quantities if q.role == "hidden"]

    @property
    def measured(self) -> bool:
        """A number states where the measure should end up (or how much it should change)."""
        return (
            self.target is not None
            or self.delta is not None
            or self.relative_word is not None
            or (self.baseline is not None and self.target is not None)
            or bool(self.hidden_values)
        )

    @property
    def has_number(self) -> bool:
        return (
            bool(self.metric_quantities)
            or self.relative_word is not None
            or bool(self.hidden_values)
        )

    def but(self, **changes: Any) -> Analysis:
        """A copy with ``changes``: what :func:`dataclasses.replace` gives, without running
        ``__init__`` again over twenty fields (it was a tenth of the analysis's time)."""
        unknown = changes.keys() - self.__dataclass_fields__.keys()
        if unknown:
            raise TypeError(f"not fields of Analysis: {sorted(unknown)}")
        new = object.__new__(Analysis)
        new.__dict__.update(self.__dict__, **changes)
        return new

    def hit(self, category: str) -> list[str]:
        return [t for _, _, t in self.hits.get(category, [])]

    def has(self, category: str) -> bool:
        return bool(self.hits.get(category))

    def as_dict(self) -> dict[str, Any]:
        def q(x: Quantity | None) -> Any:
            return None if x is None else {"value": x.value, "text": x.text, "unit": x.unit}

        return {
            "lead_verb": self.lead_verb,
            "verb_form": self.verb_form,
            "verb_classes": sorted(self.verb_classes),
            "metric": self.metric,
            "baseline": q(self.baseline),
            "target": q(self.target),
            "delta": q(self.delta) or self.relative_word,
            "direction": self.direction,
            "new_count": self.new_count,
            "output_count": self.output_count,
            "timeframes": self.timeframes,
            "placeholders": self.placeholders,
        }


def analyze(doc: Any, language: str | None = None, text: str | None = None) -> Analysis:
    """Analyse one statement (a spaCy ``Doc`` from :func:`okrlint.analysis.nlp.pipe`; ``text``
    is its text when the caller has it: ``doc.text`` is rebuilt from the tokens on each use)."""
    text = doc.text if text is None else text
    # One pass over the Doc (spaCy makes a new Token object on every iteration) into plain
    # tokens with the verb lexicon's lemma and classes.
    tokens = _tokens(doc)
    lead = _lead_verb(tokens)
    quantities = find_quantities(text)
    progress_tail(text, quantities, lead.verb_classes)
    weights(text, quantities)
    parenthetical_asides(text, quantities)
    a = Analysis(
        text=text,
        language=language or language_of(text),
        tokens=[t.text for t in tokens],
        hits=dict(doc._.hits or {}),
        quantities=quantities,
        timeframes=find_timeframes(text),
        verbs=[
            (t.idx, t.vlemma, t.vclasses) for t in tokens if t.vlemma is not None and t.vclasses
        ],
        clause_verbs=_clause_verbs(tokens, text),
        plan_relative=bool(_PLAN.search(text)),
        **lead._asdict(),
    )
    a = settled(a, _numbers(a), _placeholders(a), _metric(a))
    return _counts(_plus_count(a))


def settled(a: Analysis, numbers: Numbers, placeholders: list[str], metric: str) -> Analysis:
    """The analysis with its numbers, placeholders and measure, then the direction they give
    (the last stages of :func:`analyze` and of the other languages' ``analyze_in``)."""
    a = a.but(**numbers._asdict(), placeholders=placeholders, metric=metric)
    return a.but(direction=_direction(a))


# "(30% weight)", "(weight: 20%)", "(Gewichtung 50 %)": the share of the set it counts for
# (the word for weight, before or after the percentage, is required).
_WEIGHT = re.compile(
    r"(?i)\((?=[^()]*(?:weight|gewicht|peso|poids))"
    r"\s*(?:(?:weight(?:ing)?|gewicht(?:ung)?|peso|poids)\s*[:=]?\s*)?"
    r"\d{1,3}(?:[.,]\d+)?\s*%\s*(?:weight(?:ing|ed)?|gewicht(?:ung)?|peso|poids)?\s*\)"
)


def weights(text: str, quantities: list[Quantity]) -> None:
    """ "API.Services (30% weight)": a weight in parentheses says how much the statement counts,
    it is not a value to reach."""
    for m in _WEIGHT.finditer(text):
        for q in quantities:
            if m.start() <= q.start and q.end <= m.end():
                q.role = "aside"


_PROGRESS_TAIL = re.compile(r"\(\s*\d{1,3}(?:[.,]\d+)?\s*%\s*\)\s*[.!]?\s*$")


def progress_tail(text: str, quantities: list[Quantity], classes: frozenset[str]) -> None:
    """ "Implement the incidents module (100%).", "Build 5 Go projects (10%)": a percentage in
    parentheses that ends a statement of work is its progress, not a value to reach (after
    "Increase test coverage (80%)" it is the target)."""
    tail = _PROGRESS_TAIL.search(text)
    if tail is None or classes & {"outcome", "up", "down", "maintain", "vague"}:
        return
    for q in quantities:
        if q.start >= tail.start() and q.family == "percent":
            q.role = "progress"


_ASIDE = re.compile(r"(?<=[^\W\d_])\s*\(([^()]{1,30})\)\s*(?=[^\W\d_])")


def parenthetical_asides(text: str, quantities: list[Quantity]) -> None:
    """ "Have 15 repeat (3+ times) customers": a number in parentheses between two words, after
    a number outside them, says what the thing counted is; it is not a second value."""
    for m in _ASIDE.finditer(text):
        inside = [q for q in quantities if m.start(1) <= q.start and q.end <= m.end(1)]
        before = [q for q in quantities if q.end <= m.start() and q.is_metric]
        if inside and before:
            for q in inside:
                q.role = "aside"


class Lead(NamedTuple):
    """The statement's verb: its lemma, the word as written, its classes and form."""

    lead_verb: str | None = None
    lead_word: str | None = None
    verb_classes: frozenset[str] = frozenset()
    verb_form: VerbForm = "noun"


class Numbers(NamedTuple):
    """Which of the statement's numbers is the baseline, the target and the change."""

    baseline: Quantity | None
    target: Quantity | None
    delta: Quantity | None
    relative_word: str | None


class Tok(NamedTuple):
    """A token as the analysis reads it: spaCy's attributes it uses, and the verb lexicon's."""

    text: str
    lower_: str
    i: int
    idx: int
    is_alpha: bool
    is_punct: bool
    vlemma: str | None
    vclasses: frozenset[str] | None


PlainToken = tuple[str, str, int, bool, bool]


def plain_tokens(doc: Any) -> list[PlainToken]:
    """A Doc's tokens as (text, lower, idx, is_alpha, is_punct), read once and kept on the Doc:
    spaCy makes a new Token object on every iteration, and the pipeline's components and the
    analysis all read them."""
    plain: list[PlainToken] | None = doc.user_data.get("okr_tokens")
    if plain is None:
        plain = [(t.text, t.lower_, t.idx, t.is_alpha, t.is_punct) for t in doc]
        doc.user_data["okr_tokens"] = plain
    return plain


def _tokens(doc: Any) -> list[Tok]:
    verbs: dict[int, tuple[str, frozenset[str]]] = doc.user_data.get("okr_verbs", {})
    out = []
    for i, (text, lower, idx, alpha, punct) in enumerate(plain_tokens(doc)):
        lemma, classes = verbs.get(i, (None, None))
        out.append(Tok(text, lower, i, idx, alpha, punct, lemma, classes))
    return out


def _lead_verb(tokens: list[Tok]) -> Lead:
    i = 0
    while i < len(tokens) and tokens[i].lower_ in _SKIP_LEAD:
        i += 1
    gerund_subject = (
        i < len(tokens)
        and tokens[i].vlemma
        and tokens[i].lower_.endswith("ing")
        and any(
            t.vlemma
            and (
                t.lower_.endswith("ed")
                or t.lower_ in _AUX
                # "Onboarding feels effortless": the gerund is the subject of a state verb
                or (t.vclasses is not None and "state" in t.vclasses and t.lower_.endswith("s"))
            )
            for t in tokens[i + 1 :]
        )
    )
    # "Research is projecting ...": a noun that is also a verb, followed by its verb.
    noun_subject = (
        i + 1 < len(tokens)
        and tokens[i].vlemma
        and (
            tokens[i + 1].lower_ in _AUX | _MODAL
            or tokens[i + 1].text in ("-", ",", "/")
            # "Partners bring us customers": a plural noun that is also a verb, then a verb
            or (
                tokens[i].lower_.endswith("s")
                and tokens[i].lower_ != tokens[i].vlemma
                and tokens[i + 1].vlemma is not None
                and tokens[i + 1].lower_ == tokens[i + 1].vlemma
            )
            # "Secure & Compliant Infrastructure": an adjective joined to another, not "Build
            # and launch ..." (two verbs)
            or (
                tokens[i + 1].lower_ in ("&", "and")
                and i + 2 < len(tokens)
                and not tokens[i + 2].vlemma
                and tokens[i + 2].is_alpha
                and tokens[i + 2].text[:1].isupper()  # a title's words, not "and use ..."
            )
        )
    )
    if i < len(tokens) and tokens[i].vlemma and not gerund_subject and not noun_subject:
        t = tokens[i]
        lemma = t.vlemma or t.lower_  # set: the loop above stopped on a known verb
        low = t.lower_
        form: VerbForm
        if lemma == "have":
            form = "state"
        elif low.endswith("ing") and lemma != low:
            form = "gerund"
        elif low != lemma and (low.endswith("ed") or low in _irregular_past(lemma)):
            form = "past"
        else:
            form = "imperative"
        return Lead(lemma, t.text, t.vclasses or frozenset(), form)
    # A subject first: "Onboarding redesign shipped", "X is documented", "Users can create ...",
    # "Peerpad runs on Chrome". The first verb after the subject decides.
    for j in range(i + 1, len(tokens)):
        t = tokens[j]
        low = t.lower_
        if low in _MODAL:
            nxt = _next_verb(tokens, j + 1)
            if nxt is not None:
                return Lead(nxt.vlemma, nxt.text, nxt.vclasses or frozenset(), "capability")
            after = tokens[j + 1] if j + 1 < len(tokens) else None
            if after is not None and after.is_alpha and after.lower_ not in ("not", "be", "also"):
                # "Developers can author ...": a verb our lexicon does not know.
                return Lead(after.lower_, after.text, frozenset(), "capability")
            continue
        if low in _AUX:
            nxt = tokens[j + 1] if j + 1 < len(tokens) else None
            while nxt is not None and nxt.lower_ in ("fully", "now", "being", "been", "not", "all"):
                idx = nxt.i + 1
                nxt = tokens[idx] if idx < len(tokens) else None
            if nxt is not None and nxt.vlemma and nxt.lower_.endswith(("ed", "en", "t", "wn")):
                return Lead(nxt.vlemma, nxt.text, nxt.vclasses or frozenset(), "passive")
            if nxt is not None and nxt.is_alpha and len(nxt.text) > 4 and nxt.lower_.endswith("ed"):
                # "is detailed in a document": a participle our lexicon does not know.
                return Lead(nxt.lower_, nxt.text, frozenset({"task"}), "passive")
            lemma = verbs().lemma(low) or low
            return Lead(lemma, t.text, frozenset(verbs().classes.get(lemma, ())), "state")
        if t.vlemma and j > i:
            prev = tokens[j - 1].lower_
            nxt = tokens[j + 1] if j + 1 < len(tokens) else None
            if prev in _ADJ_BEFORE or (
                nxt is not None and nxt.is_alpha and not nxt.vlemma and prev in ("a", "an", "the")
            ):
                continue  # "a more engaged community": an adjective, not the verb
            lemma = t.vlemma
            if low.endswith("ed") or low in _irregular_past(lemma):
                form = "past"
            elif low.endswith("s") and low != lemma:
                form = "state"
            elif low.endswith("ing"):
                continue
            elif (
                j == i + 1
                and tokens[i].lower_.endswith("s")
                and tokens[i].lower_ != tokens[i].vlemma
                and tokens[i].is_alpha
            ):
                form = "state"  # "Customers find answers": a plural subject, then its verb
            else:
                # A base form after a noun is usually a noun ("the release plan").
                continue
            return Lead(lemma, t.text, t.vclasses or frozenset(), form)
    # "Audio transcription polished": a participle at the end, unknown to the lexicon.
    last = next((t for t in reversed(tokens) if t.is_alpha), None)
    if (
        last is not None
        and last.i > i
        and len(last.text) > 4
        and last.lower_.endswith("ed")
        and tokens[last.i - 1].lower_ not in _ADJ_BEFORE
    ):
        return Lead(last.lower_, last.text, frozenset({"task"}), "past")
    return Lead()


def _next_verb(tokens: list[Any], start: int) -> Any:
    for k in range(start, min(start + 4, len(tokens))):
        if tokens[k].vlemma and tokens[k].lower_ not in ("be", "been", "being"):
            return tokens[k]
        if tokens[k].lower_ not in ("be", "able", "to", "not", "now", "also", "easily"):
            return None
    return None


@cache
def _irregular_past(lemma: str) -> frozenset[str]:
    forms = {f for f, lem in verbs().forms.items() if lem == lemma}
    return frozenset(f for f in forms if not f.endswith(("s", "ing")) and f != lemma)


@cache
def _relative_patterns() -> tuple[re.Pattern[str], list[tuple[str, re.Pattern[str]]]]:
    """Relative-change words ("double", "halve"), longest first, compiled once; and one
    pattern that tells quickly whether a statement has any of them."""
    phrases = sorted((str(p) for p in numbers()["relative"]), key=lambda p: -len(p))
    each = [(p, re.compile(rf"\b{re.escape(p)}\b")) for p in phrases]
    alternation = "|".join(re.escape(p) for p in phrases) or "(?!)"
    return re.compile(rf"\b(?:{alternation})\b"), each


def _share_unit(baseline: Quantity | None, target: Quantity | None) -> None:
    """A baseline or target written without its unit takes the other's: "to 22 minutes
    (today: 55)" is 55 minutes, not 55 of something else."""
    if baseline is None or target is None or baseline.word or target.word:
        return
    for bare, full in ((baseline, target), (target, baseline)):
        if bare.unit is None and bare.family is None and full.unit is not None:
            bare.unit, bare.family = full.unit, full.family
            bare.seconds, bare.scale = full.seconds, full.scale
            return


def _numbers(a: Analysis) -> Numbers:
    qs = a.metric_quantities

    def first(role: str) -> Quantity | None:
        return next((q for q in qs if q.role == role), None)

    baseline, target, delta = first("baseline"), first("target"), first("delta")
    _share_unit(baseline, target)
    relative = None
    any_relative, relatives = _relative_patterns()
    low = a.text.lower()
    if any_relative.search(low):
        relative = next((phrase for phrase, pattern in relatives if pattern.search(low)), None)
    if target is None:
        levels = [q for q in qs if q.role == "level"]
        if levels:
            # A level statement ("Reach 1,800 weekly active teams", "NPS of 45"); a digit beats
            # a word ("at least one customer has > 90% of ...").
            digits = [q for q in levels if not q.word]
            target = (digits or levels)[0]
    return Numbers(baseline, target, delta, relative)


@cache
def _slot_vocabulary() -> tuple[frozenset[str], frozenset[str]]:
    """Words that make a bracketed slot template text, and words that say a value is hidden."""
    words = phrases()
    return frozenset(words["slot_words"]), frozenset(words["redaction_words"])


_NUMBER_TAIL = re.compile(r"[\s#:.\-–—]*(?:\d+(?:\.\d+)*[a-z]?)?[\s:.]*$")


@cache
def _default_texts() -> frozenset[str]:
    return frozenset(phrases().get("default_texts") or [])


def is_default_text(text: str) -> bool:
    """Whether ``text`` is only the name of what goes there ("Key result 2", "New objective")."""
    bare = _NUMBER_TAIL.sub("", text.strip().lower())
    return bool(bare) and bare in _default_texts()


def _placeholders(a: Analysis) -> list[str]:
    if (
        only_slots(a.text)
        or (a.text.strip() and not _LETTER_OR_DIGIT.search(a.text))
        or is_default_text(a.text)
    ):
        # "[Inspiring, qualitative goal]", or a row left as its template ("| KR1: | | % |")
        return [a.text.strip()]
    found = [q.text for q in a.quantities if q.placeholder]
    spans = [(q.start, q.end) for q in a.quantities if q.placeholder]
    for m in _EXAMPLE_SLOT.finditer(a.text):
        # "[e.g., 50 paying customers]": the template's example, left in.
        found.append(m.group(0))
        spans.append((m.start(), m.end()))
    # Bracketed template slots: "[target]", "<metric>", "{product name}". In a statement with
    # values of its own a bracketed word is a tag or a note ("Grow [beta] users from 50 to
    # 400", "latency [ms]"), unless it stands where a value would ("from [baseline] to 60%").
    valued = any(q.is_metric and not q.placeholder for q in a.quantities)
    slot_words, redactions = _slot_vocabulary()
    for m in _SLOT.finditer(a.text):
        if any(s < m.end() and m.start() < e for s, e in spans):
            continue
        inside = set(re.findall(r"[a-z]+", m.group(0).lower()))
        if redactions & inside:
            continue  # "[redacted]": a value kept off the page, not template text
        if m.group(0).startswith(("<", "{")) and a.text[max(0, m.start() - 1) : m.start()] in (
            ":",
            "/",
        ):
            continue  # "http://localhost:<port>", "/users/{id}": a route's parameter
        if valued and not (
            _VALUE_BEFORE.search(a.text[: m.start()])
            or _VALUE_AFTER.match(a.text[m.end() :])
            or slot_words & inside
        ):
            continue
        found.append(m.group(0))
        spans.append((m.start(), m.end()))
    for start, end, word in a.hits.get("placeholders", []):
        if any(s < end and start < e for s, e in spans):
            continue
        before = a.text[:start].rstrip().lower()
        after = a.text[end:]
        # "(tbd whether it's Slack or a mailing list)": an open choice of means, not a value.
        if word in ("tbd", "tbc", "to be determined", "to be defined") and re.match(
            r"(?i)^\s*(?:whether|if|which|how|what|who|where)\b", after
        ):
            continue
        # "Reduce TODO comments" names a thing; "TODO: write the KR" is template text.
        if word in ("todo", "to do") and not (
            re.match(r"^\s*(?::|$|-)", after) or re.search(r"\b(?:to|from)$", before)
        ):
            continue
        if word in ("xx", "xxx") and re.match(r"^[A-Za-z-]", after):
            continue
        if word == "to do" and not re.match(r"^\s*(?::|$)", after):
            continue
        if word == "placeholder" and not re.match(r"^\s*(?::|$)", after):
            continue
        found.append(a.text[start:end])
    return found


def _metric(a: Analysis) -> str:
    text = a.text
    start = 0
    if a.lead_word and a.verb_form in ("imperative", "gerund"):
        idx = text.find(a.lead_word)
        if idx >= 0:
            start = idx + len(a.lead_word)
    rest = text[start:]
    m = _METRIC_STOP.search(rest)
    phrase = rest[: m.start()] if m else rest
    phrase = _DETERMINERS.sub("", phrase.strip(" -–—:")).strip()
    if not phrase and a.metric_quantities:
        # "Reach 1,800 weekly active teams": the measure follows the number.
        q = a.metric_quantities[0]
        tail = text[q.end :]
        tail = re.sub(r"(?i)^\s*(?:\+|new|more|additional|of|of\s+(?:the|our))\s+", " ", tail)
        m = _METRIC_STOP.search(tail)
        phrase = (tail[: m.start()] if m else tail).strip(" -–—:")
        phrase = _DETERMINERS.sub("", phrase).strip()
    return phrase[:80]


def _direction(a: Analysis) -> Direction | None:
    if a.lead_verb and a.verb_form in ("imperative", "gerund", "state", "past", "passive"):
        if "maintain" in a.verb_classes:
            return "hold"
        if "up" in a.verb_classes:
            return "up"
        if "down" in a.verb_classes:
            return "down"
    if a.delta is not None and a.delta.direction:
        return a.delta.direction
    if a.relative_word:
        return "down" if "half" in a.relative_word or a.relative_word.startswith("halv") else "up"
    if a.baseline is not None and a.target is not None:
        b, t = a.baseline.comparable_value, a.target.comparable_value
        return "up" if t > b else "down" if t < b else "hold"
    return None


# What may stand between a verb and the count it acts on: "Sign at least 5", "Complete and
# document 3 rounds", "Read or listen to 24 books", "Deploy all 7 agents", "Introduce X to
# more than 20 people".
_AFTER_VERB = re.compile(
    # "Hire a head of sales and 3 account executives": one thing, then the count, both hired.
    r"\s*(?:an?\s+[a-z][\w\s-]{0,30}?\s+(?:and|&)\s+)?"
    r"(?:(?:and|or|&)\s+[\w'’-]+(?:/[\w'’-]+)*(?:\s+(?:to|on))?\s+)?(?:all\s+(?:the\s+)?|the\s+)?"
    r"(?:(?:at\s+least|a\s+minimum\s+of|over|more\s+than|another|an\s+additional|additional|"
    r"a\s+further|up\s+to|about|around|~|[\w'’-]+\s+(?:on|to|in|at|with|for)|(?:on|in|at|with|for)|/\s*[a-z]+|"
    r"[\w\s]{0,40}:\s*)\s*){0,2}"
)


_RELATIVE = re.compile(r"\b(?:that|which|who|whom|whose|so\s+that)\b")


def _counted(a: Analysis) -> list[Quantity]:
    return [q for q in a.metric_quantities if q.family in (None, "money") and not q.placeholder]


def _plus_count(a: Analysis) -> Analysis:
    """ "Hire engineering managers: +2": two hires, counted from zero, not a change of +2."""
    qs = _counted(a)
    first = qs[0] if qs else None
    if (
        first is None
        or first.role != "delta"
        or first.direction != "up"
        or a.text[first.start : first.start + 1] != "+"
    ):
        return a
    first.role = "level"
    return a.but(delta=None, target=first)


# The things a number counts, named right after it ("3+ articles", "20 people"); not a score
# ("Lighthouse >= 90.") or a unit.
_COUNTED_NOUN = re.compile(
    # "3 articles", "20+ new people", "3 B2B contracts", "2 KG media outlets", "3 KG / KZ banks"
    r"\+?\s*(?:new\s+|more\s+)?(?:[A-Z0-9][A-Z0-9/&.-]{0,4}\s+(?:/\s+)?){0,3}[^\W\d_][\w-]{2,}"
)


def _repetitions(a: Analysis) -> bool:
    """ "Complete the morning routine 90 times": a task done a number of times, its only
    number; the count of its repetitions is an output ("Grow signups 3 times" is a change)."""
    metric = a.metric_quantities
    return (
        len(metric) == 1
        and metric[0].family == "multiplier"
        and metric[0].text.lower().endswith("times")
        and a.verb_form == "imperative"
        and bool(a.verb_classes & {"output", "task"})
        and not a.verb_classes & {"outcome", "up", "down"}
    )


def _counts(a: Analysis) -> Analysis:
    """Counts of new things from zero ("Sign 5 new customers") and of outputs ("Publish 12
    articles"). A count of people, customers or deals acquired in the cycle is an outcome; a
    count of anything else produced by the team's work is an output."""
    if _repetitions(a):
        return a.but(output_count=True)
    qs = _counted(a)
    if not qs:
        return a
    first = qs[0]
    text = a.text
    lower = text.lower()
    lead_end = 0
    if a.lead_word and a.verb_form in ("imperative", "gerund", "past", "capability"):
        idx = text.find(a.lead_word)
        lead_end = idx + len(a.lead_word) if idx >= 0 else 0
    # The verb must come before the count: in "50,000 registered farmers" it describes them.
    gap = text[lead_end : first.start] if lead_end and lead_end <= first.start else None
    after_verb = gap is not None and bool(_AFTER_VERB.fullmatch(gap))
    tail = lower[first.end : first.end + 60]
    new_after = re.match(r"^\+?\s*(?:new|more|additional|extra|first-time|net[-\s]new)\b", tail)
    # The counted thing is named before a relative clause: in "5 navigation updates that help
    # people", the people are not what is counted.
    clause = _RELATIVE.search(lower, first.end, first.end + 45)
    noun_window = (first.end, clause.start() if clause else first.end + 45)
    outputs_at = [
        s_ for s_, _, _ in a.hits.get("output_nouns", []) if noun_window[0] <= s_ <= noun_window[1]
    ]
    # "12 customer case studies": "customer" right before "case studies" names them, they are
    # what is counted ("10 regulars on streams" counts the regulars).
    outcome_noun = any(
        noun_window[0] <= s_ <= noun_window[1] and (e_ + 1) not in outputs_at
        for s_, e_, _ in a.hits.get("outcome_nouns", [])
    )
    output_noun = bool(outputs_at)
    if (leading := _leading_count(a, first, output_noun, outcome_noun)) is not None:
        new_count, output_count = leading
        return a.but(new_count=new_count, output_count=output_count)
    vc = a.verb_classes
    if not after_verb and (near := _verb_before(a, first.start)) is not None:
        # "Read the docs, contribute 3 pull requests", "Learn and build 2 operators": the
        # count belongs to the verb right before it, not to the statement's first verb.
        vc, after_verb = near, True
    countable = (
        first.family is None
        and first.scale is None
        and first.value == int(first.value)
        and first.value > 0  # "0 mixed-content warnings": a level to reach, not things made
        and first.bound != "max"
        and first.role in ("level", "target")
        and a.baseline is None
    )
    join = re.search(r"\b\d[\d,]*\+?\s+(?:new\s+)?\w+(?:\s+\w+)?\s+join(?:s|ed)?\b", lower)
    new_count = first.role in ("level", "target") and bool(
        new_after or join or (after_verb and ("count" in vc or a.lead_verb == "get"))
    )
    if (
        not new_count
        and countable
        and first.bound == "min"
        and not vc & {"up", "down"}
        and _COUNTED_NOUN.match(text, first.end)
    ):
        # "Introduce X to more than 20 people", "at least 3 articles published", "30+ developers
        # influenced": a floor on a count of things that happen in the cycle starts at zero,
        # unless a word makes it a standing level ("more than 20 active users", "NPS >= 40").
        new_count = not a.hits.get("level_cues")

    def outputs() -> bool:
        if not countable:
            return False
        if outcome_noun and not (after_verb and "output" in vc and not new_after):
            return False  # people or customers counted: an outcome from zero, not an output
        if new_after and "output" not in vc:
            return False  # "Sign 6 new hospital systems": new things acquired, an outcome
        work_verb = bool(vc & {"output", "task"}) and not vc & {"outcome", "up", "down"}
        return bool(
            (after_verb and work_verb)
            or (output_noun and (a.verb_form == "noun" or after_verb or "output" in vc))
        )

    return a.but(new_count=new_count, output_count=outputs())


_NOUN_PHRASE_END = re.compile(
    r"(?i)\b(?:with|over|on|at|for|from|in|to|across|among|by|per|under|above)\b"
)
_LEADING_BOUND = re.compile(r"\s*(?:(?:at\s+least|over|more\s+than|>=?|≥|~)\s*)?")


# A verb joined to the one before it: "Learn and build", "Read the docs, contribute".
_COORDINATED = re.compile(r"(?:,|;|&|\band|\bthen)\s*$", re.IGNORECASE)
_WORD_AT = re.compile(r"[\w'’-]*")


def _verb_before(a: Analysis, at: int) -> frozenset[str] | None:
    """The classes of the known verb that the number at ``at`` follows, if only the words a
    count may have between them do ("contribute 3", "build at least 2")."""
    before = [(i, cls) for i, _, cls in a.verbs if i < at]
    if not before:
        return None
    i, cls = before[-1]
    if not cls & {"task", "output"} or not _COORDINATED.search(a.text[:i]):
        return None  # "Have the press publish 3 articles": someone else's verb, not ours
    word = _WORD_AT.match(a.text, i)
    end = word.end() if word else i
    return cls if _AFTER_VERB.fullmatch(a.text[end:at]) else None


def _leading_count(
    a: Analysis, first: Quantity, output_noun: bool, outcome_noun: bool
) -> tuple[bool, bool] | None:
    """A statement that starts with a count of things that happen or are made in the cycle
    ("100 signups", "12 assessments live", ">100 user tweets") counts from zero; a word such
    as "active", "monthly" or "total" makes it a standing level instead ("10 daily active
    users"). (new count, output count) when it decided, else None."""
    if not (
        _LEADING_BOUND.fullmatch(a.text[: first.start])
        and first.family is None
        and first.scale is None
        and first.value == int(first.value)
        and first.value > 0  # "0 mixed-content warnings": a level to reach
        and first.role in ("level", "target")
        and a.baseline is None
    ):
        return None
    lo, hi = first.end, first.end + 40
    # "5 deals over $50k ARR closed": the words after "over" are not the count's.
    cut = _NOUN_PHRASE_END.search(a.text, lo, hi)
    if cut:
        hi = cut.start()

    def near(category: str) -> bool:
        return any(lo <= start <= hi for start, _, _ in a.hits.get(category, []))

    if near("level_cues"):
        return None
    if near("event_nouns"):
        # "100 signups": things that happen in the cycle
        return True, near("made_states") and not outcome_noun
    done = near("made_states")
    if outcome_noun and not (done and output_noun):
        return None  # "10 regulars", "50,000 farmers": people, a standing number
    if not (done or output_noun):
        return None
    return True, True  # "12 assessments live", "3+ articles"


_ADJECTIVE_HOMOGRAPHS = {
    "welcome",
    "complete",
    "open",
    "clean",
    "secure",
    "ready",
    "free",
    "live",
    "fit",
    "close",
    "clear",
    "level",
    "calm",
    "slow",
    "fast",
    "right",
    "safe",
    "present",
    "perfect",
    "correct",
    "light",
    "empty",
    "full",
    "smooth",
    "steady",
    "quiet",
    "better",
    "lean",
    "whole",
    "current",
    "direct",
}
_PREPOSITIONS = {
    "from",
    "to",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "of",
    "into",
    "across",
    "within",
    "during",
    "after",
    "before",
    "since",
    "until",
    "through",
}


def _clause_verbs(tokens: list[Tok], text: str) -> int:
    """Goals joined in one statement: verbs that start a clause with their own object (at the
    start, or after a comma, "and", ";", "as well as", "while (also)"), plus "and our <X>"
    objects with their own quality, plus lists of three or more goals ("a healthier eater, a
    stronger runner and a calmer parent")."""
    count = 0
    n = len(tokens)
    for i, t in enumerate(tokens):
        vlemma = t.vlemma
        if not vlemma:
            continue
        low = t.lower_
        prev = tokens[i - 1].lower_ if i > 0 else ""
        prev2 = tokens[i - 2].lower_ if i > 1 else ""
        gerund = (
            low.endswith("ing")
            and prev in ("while", "also")
            and (prev2 in ("while",) or prev == "while")
        )
        base = low == vlemma or (low.endswith("s") and low[:-1] == vlemma)
        if not base and not gerund:
            continue  # inflected: a participle, not a new clause
        starts = (
            i == 0
            or prev in (",", ";", "and", "&", "+", "while", "then", "plus")
            or (prev == "as" and prev2 == "well")
            or gerund
        )
        if not starts or (prev == "and" and prev2 == "to"):
            continue
        nxt = tokens[i + 1] if i + 1 < n else None
        if i > 0 and (
            nxt is None
            or nxt.is_punct
            or (nxt.lower_ in _PREPOSITIONS and low in _ADJECTIVE_HOMOGRAPHS)
        ):
            continue  # "productive and welcome from day one", "clean and complete"
        if nxt is not None and (nxt.lower_ in ("and", "or", "&") or nxt.text == ","):
            continue  # "Find, interview and hire great engineers": steps toward one object
        count += 1
    if count < 2 and re.search(
        r"(?i)\band\s+(?:our|the|their|my|your)\s+[\w-]+(?:\s+[\w-]+)?\s+"
        r"(?:more\s+\w+|\w+er|less\s+\w+)\b",
        text,
    ):
        count += 1
    if (
        count < 2
        and len(re.findall(r"(?i)(?:^\w+|,|\band)\s+(?:a|an|the)\s+\w+er\s+\w+", text)) >= 3
    ):
        count = 2
    return count
