"""The statement rules: short predicates over each statement's :class:`Analysis`.

Each predicate answers one question of docs/judgement.md; the rule functions turn a "yes"
into a message that says what is wrong and how to fix it, in the statement's own words. The
engine keeps only the first finding of a statement (docs/judgement.md, "One finding per
statement").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from okrlint.analysis import languages
from okrlint.analysis.lexicon import numbers, phrases
from okrlint.analysis.quantities import Quantity
from okrlint.analysis.statement import Analysis, judged, only_slots
from okrlint.checks.api import Node, Problem, RuleContext, quote
from okrlint.data import load_lexicon
from okrlint.model import KeyResult, Objective

_STOP = {
    "the",
    "a",
    "an",
    "our",
    "my",
    "their",
    "its",
    "all",
    "overall",
    "general",
    "more",
    "of",
    "on",
    "at",
    "in",
    "and",
    "some",
    "things",
    "stuff",
    "up",
    "to",
    "with",
    "for",
    "this",
    "quarter",
    "year",
    "across",
    "board",
    "team",
    "company",
    "we",
    "us",
    "again",
}
# "3 times a week", "twice per month", "3 or more times weekly": a frequency.
_TIMES = (
    r"(?:once|twice|\w{1,12}(?:\s+or\s+more)?\s+times)\s+"
    r"(?:(?:a|per|every)\s+(?:day|week|month)|daily|weekly|monthly)"
)
_TIMES_A = re.compile(rf"(?i)\b{_TIMES}\b")
_HABIT_STRONG = re.compile(
    r"(?i)\b(?:every\s+(?:day|evening|morning|night|week|weekday|weekend|month|other\s+week)|"
    rf"each\s+(?:day|week|month|morning|evening)|{_TIMES}|"
    r"daily|nightly|weekly|bi-?weekly|fortnightly|monthly|on\s+weekends)\b|"
    r"(?<=[a-z])\s*/\s*(?:day|week|wk)\b"  # "4 workouts/week"
)
_COMPARATIVES = (
    r"sooner|faster|quicker|earlier|more\s+(?:quickly|often|easily|reliably|consistently)"
)
# "Answer messages sooner", "Respond faster to enterprise tickets": a direction without a number
# (at the end, or right after the verb: "a faster checkout" is a thing to build).
_ADVERB_COMPARATIVE = re.compile(
    rf"(?i)\b(?:{_COMPARATIVES}|better|on\s+time)\s*$|^\W*[^\W\d_]+\s+(?:{_COMPARATIVES})\b"
)
_NON_NEGATIVE_OK = re.compile(
    r"(?i)\b(?:e?nps|net promoter|score|net|margin|profit|income|balance|change|growth|temperature|"
    r"sentiment|index|eps|cash\s*flow|delta|variance|difference|return|returns|gap|ebit|ebitda|"
    r"marge|margen|margem|ergebnis|resultado|résultat)\b|°\s?[CF]\b"
)


def _say(ctx: RuleContext, node: Any, **values: Any) -> Problem:
    values.setdefault("text", quote(getattr(node, "text", "")))
    return Problem(ctx.message(**values))


def _analysis(node: Node) -> Analysis | None:
    """The node's analysis; None for a statement in a language okrlint cannot judge (English
    and the languages of ``rules/lexicons/lang/``)."""
    a = getattr(node, "analysis", None)
    if not isinstance(a, Analysis) or not judged(a.language):
        return None
    return a


def _hits_excluding_lead(a: Analysis, category: str) -> list[tuple[int, int, str]]:
    lead = a.text.find(a.lead_word) if a.lead_word else -1
    lead_end = lead + len(a.lead_word or "") if lead >= 0 else -1
    return [h for h in a.hits.get(category, []) if not (h[0] == lead and h[1] == lead_end)]


# ---------------------------------------------------------------------- predicates


def placeholder(a: Analysis) -> str | None:
    return a.placeholders[0] if a.placeholders else None


def bounded_measure(a: Analysis) -> bool:
    bounded = a.hits.get("bounded", [])
    unbounded = _hits_excluding_lead(a, "unbounded")
    return bool(bounded) and not unbounded


def impossible(a: Analysis) -> str | None:
    """Why a value cannot be reached, or None."""
    for q in a.metric_quantities:
        if q.scale is not None and q.value > q.scale:
            return f"{q.text.strip()} is above its own scale"
        if q.family == "percent" and q.value > 100 and q.role != "delta" and bounded_measure(a):
            return f"{q.text.strip()} is more than 100% of a measure that cannot exceed 100%"
        if q.family == "percent" and q.value > 100 and q.role == "delta" and a.direction == "down":
            return f"a reduction of {q.text.strip()} would go below zero"
        countable = q.family == "duration" or (
            q.family is None and not _NON_NEGATIVE_OK.search(a.text)
        )
        if q.negative and q.role != "delta" and countable:
            return f"{q.text.strip()} is negative, and a count or duration cannot be"
    return None


def direction_mismatch(a: Analysis) -> tuple[str, Quantity, Quantity] | None:
    if a.baseline is None or a.target is None or not a.lead_verb:
        return None
    if not a.baseline.same_measure(a.target):
        return None
    up = "up" in a.verb_classes
    down = "down" in a.verb_classes
    b, t = a.baseline.comparable_value, a.target.comparable_value
    if up and t < b:
        return "up", a.baseline, a.target
    if down and t > b:
        return "down", a.baseline, a.target
    return None


def _metric_numbers(a: Analysis) -> list[Quantity]:
    return [q for q in a.metric_quantities if not q.placeholder]


def has_habit(a: Analysis) -> bool:
    return bool(_HABIT_STRONG.search(a.text))


_PER_PERIOD = re.compile(
    r"(?i)(?:\b(?:per|a|an|each|every)\s+|\s*/\s*)(?:day|night|evening|morning|week|weekday|month|"
    r"wk|mo)\b|\b(?:once|twice|\w+\s+times)\s+(?:a|per|every)\s+(?:day|week|month)\b"
)


_WITHIN = re.compile(r"(?i)(?:\bwithin|\bunder|\bless\s+than|\bat\s+most|<=?|≤)\s*$")


_EFFORT_AFTER = re.compile(r"(?i)^\s+(?:of|in|on|spent\s+on|for)\s+[^\W\d_]")


def time_budget(a: Analysis, numbers: list[Quantity]) -> bool:
    """Time put in each period ("Spend 1hr every week on personal projects", "60 mins guitar
    practice per week") or effort put in ("Ten hours in analysis and development"): a habit,
    done or not done. Not a ceiling ("Downtime under 1 hour per month"), a change ("Cut
    meetings to 5 hours a week") or a measure's duration ("10 minutes of downtime per month")."""
    if a.verb_classes & {"outcome", "up", "down", "maintain", "vague"}:
        return False
    if _hits_excluding_lead(a, "measure_nouns"):
        return False
    durations = [q for q in numbers if q.family == "duration"]
    if _PER_PERIOD.search(a.text):
        return any(
            q.bound != "max" and not _WITHIN.search(a.text[max(0, q.start - 16) : q.start])
            for q in durations
        )
    return any(
        q.bound is None and not a.text[: q.start].strip() and _EFFORT_AFTER.match(a.text[q.end :])
        for q in durations
    )


_MANNER = re.compile(
    r"(?i)\b(?:quickly|efficiently|easily|reliably|seamlessly|smoothly|faster|sooner|better|"
    r"more\s+\w+ly)\b"
)


def _lead_at(a: Analysis) -> int:
    """Where the statement's verb is written, ignoring case (-1 when it has none)."""
    return a.text.lower().find(a.lead_word.lower()) if a.lead_word else -1


def _perception(a: Analysis) -> bool:
    """ "Users understand how it works": a change in people, not a deliverable ("GraphSync
    learns to distribute paths" is a capability of a system: a deliverable)."""
    verbs = set(phrases()["perception_verbs"])
    if (a.lead_word or "").lower() not in verbs and (a.lead_verb or "") not in verbs:
        return False
    lead = _lead_at(a)
    return any(s < lead for s, _, _ in a.hits.get("outcome_nouns", []))


# "Create a labelled dataset with at least 5,000 places", "Publish a taxonomy covering all 4
# tiers", "Produce a sample of 750 places": one thing to make, and a number that sizes it.
_ONE_THING = re.compile(r"(?i)^\s+(?:a|an|the|one|our|its)\s")
_SIZED_BY = re.compile(
    r"(?i)\b(?:with|of|covering|containing|including|spanning|across)\s+"
    r"(?:(?:at\s+least|over|more\s+than|all|the|some|about|~|≥|>=?)\s*)*$"
)


def _spec_number(a: Analysis, numbers: list[Quantity]) -> bool:
    """A single deliverable whose number only says how big it is: a task, not a level."""
    vc = a.verb_classes
    if a.verb_form != "imperative" or not vc & {"task", "output"}:
        return False
    if vc & {"outcome", "up", "down", "maintain"} or not a.lead_word:
        return False
    at = _lead_at(a)
    rest = a.text[at + len(a.lead_word) :] if at >= 0 else ""
    first = numbers[0]
    if not _ONE_THING.match(rest) or first.family is not None:
        return False
    # The number comes inside the object's phrase, after "with", "of", "covering"...
    if not _SIZED_BY.search(a.text[: first.start]):
        return False
    # ... and counts parts of the thing, not people, outputs or a measure ("with 500 active
    # users", "an average score of 4+").
    after = (first.end, first.end + 30)
    if any(
        after[0] <= s_ <= after[1]
        for cat in ("outcome_nouns", "measure_nouns", "event_nouns", "bounded", "output_nouns")
        for s_, _, _ in a.hits.get(cat, [])
    ):
        return False
    return not any(
        first.start - 30 <= e <= first.start
        for cat in ("measure_nouns", "bounded")
        for _, e, _ in a.hits.get(cat, [])
    )


_RATE_AFTER = re.compile(
    r"(?i)^[^,;.]{0,40}?\b(?:per|each|every|a\s+(?:day|week|month|quarter|year))\b"
)
_ANOTHER_COUNT = re.compile(r"(?i)(?:\band|&|,|\+)\s*$")


def _one_thing(a: Analysis, numbers: list[Quantity]) -> bool:
    """A count of exactly one made thing ("1 HuggingFace model", "Produce 1 report ... on 3
    metrics"), not one of a list ("Hire 1 SDR and 3 AEs", "+1 intel, +2 frontend"), a rate
    ("1 integration test per language", "one feature a quarter") or a threshold ("at least
    one paper")."""
    first = numbers[0]
    if first.value != 1 or first.family is not None or first.bound == "min":
        return False
    if _RATE_AFTER.match(a.text[first.end :]):
        return False
    return not any(
        q.text.lstrip().startswith("+") or _ANOTHER_COUNT.search(a.text[: q.start]) for q in numbers
    )


def _measure_name(a: Analysis) -> bool:
    """A key result written as its measure's name ("Monthly recurring revenue (MRR)", "Cost-to-
    support as % of revenue") with its values in fields: a measure to move, not a deliverable."""
    if not a.has("measure_nouns"):
        return False
    if not a.has("deliverable_nouns"):
        return True
    # "Decision velocity (proposal resolution time)": the phrase's head is the measure; a
    # deliverable only qualifies it.
    head = _head_noun(a.text)
    return bool(head) and any(head in m.split() for m in a.hit("measure_nouns"))


_MILESTONE_VERBS = frozenset(
    {"achieve", "obtain", "get", "earn", "gain", "pass", "receive", "secure", "attain", "complete"}
)


def is_task(a: Analysis) -> bool:
    """An activity or deliverable: done or not done, nothing measured."""
    if a.verb_form == "unknown":
        return False  # no verb okrlint knows in the statement's language
    numbers = _metric_numbers(a)
    changed = a.baseline is not None or a.delta is not None or a.relative_word is not None
    if changed or a.plan_relative or a.hidden_values:
        return False  # "N9% Gross Revenue Retention": a level, its value kept off the page
    vc = a.verb_classes
    if numbers:
        # A habit with a number is still a habit; one deliverable ("Hire one designer") is a task.
        if has_habit(a) and ("task" in vc or "output" in vc):
            return True
        if (
            _TIMES_A.search(a.text)
            and not vc & {"outcome", "up", "down", "maintain", "vague"}
            and not any(s == 0 for s, _, _ in a.hits.get("outcome_nouns", []))
        ):
            # "Bike to work at least 3 times per week": my habit, whatever the verb ("Users log
            # in 3 times per week" is what people do: a behaviour).
            return True
        if time_budget(a, numbers):
            return True
        if _spec_number(a, numbers):
            return True
        if _rollout(a, numbers):
            return True
        if a.output_count and _one_thing(a, numbers):
            return True  # "1 HuggingFace model with card + demo", "Produce 1 report": one thing
        single = len(numbers) == 1 and numbers[0].value == 1 and numbers[0].family is None
        return (
            single
            and ("output" in vc or "task" in vc)
            and (numbers[0].word or a.output_count or a.new_count or numbers[0].bound == "min")
        )
    form = a.verb_form
    deliverable = a.has("deliverable_nouns")
    vague = a.has("vague_kr") or bool(_ADVERB_COMPARATIVE.search(a.text))
    if form in ("imperative", "gerund"):
        if a.lead_verb in _MILESTONE_VERBS and a.has("milestone_objects"):
            return True  # "Achieve ISO 27001 certification": reached once, done or not done
        if a.lead_verb in ("have", "get") and (deliverable or not a.has("vague_kr")):
            return a.lead_verb == "have" or deliverable
        if vc & {"outcome", "maintain", "state", "up", "down"}:
            return False
        if _ADVERB_COMPARATIVE.search(a.text):
            return False  # "Answer messages sooner": a direction without a number
        if "vague" in vc:
            # "Develop the documentation" is a task; "Develop a learning culture" is not.
            return "task" in vc and deliverable and not a.has("qualities")
        return "task" in vc or "output" in vc
    # Statements about a thing rather than orders: "Peerpad runs on Firefox", "X is in place",
    # "There is a prototype", "Docs exist", "Onboarding redesign shipped". Done or not done,
    # unless they describe a change in people ("Users understand ...") or a manner with no
    # number ("IPFS can quickly update ...").
    if _perception(a) or _MANNER.search(a.text) or vc & {"outcome", "up", "down", "maintain"}:
        return False
    # "Paid user count", "Booked revenue from ...": a participle before a measure's name.
    if form == "past" and _lead_at(a) == 0 and _measure_name(a):
        return False
    if form in ("passive", "past", "capability", "state"):
        return not a.has("vague_kr")
    # A noun phrase: a deliverable ("Swagger API documentation", "Clear value prop for buyers"),
    # unless people do something in it ("Customers find answers without contacting us") or it
    # only names an area ("Monitoring and Observability": nothing measured, not a deliverable).
    perceive = set(phrases()["perception_verbs"])
    words = re.findall(r"[a-z]+", a.text.lower())
    if any(w in perceive for w in words):
        return False
    if len(words) <= 6 and a.has("area_nouns") and not a.has("deliverable_nouns"):
        return False
    if _measure_name(a):
        return False
    return not vague


_TAKES = re.compile(
    r"(?i)\b(?:takes?|lasts?)\s+(?:(?:less|more|no\s+more)\s+than\s+|under\s+|only\s+)?"
    r"(?:an?|one|a\s+few|\d[\d.,]*|minutes|hours|days|seconds|weeks)\b"
)
_NO_ONE_WAITS = re.compile(r"(?i)^\s*no\s+[a-z-]+\s+[a-z]+s\b")
_UP_AT_END = re.compile(r"(?i)\s(?:up|down|higher|lower)\s*[.!]?\s*$")


_RATE_QUALIFIER = re.compile(
    r"(?i)\b(?:on\s+time|without|within|in\s+under|in\s+less\s+than|with\s+no|error-free|"
    r"correctly|successfully|first\s+time|on\s+the\s+first)\b"
)
_ALL_OF = re.compile(r"(?i)\s*(?:\*\*)?100\s*%(?:\*\*)?\s+of\b")
_OF_THE = re.compile(r"(?i)(?:\*\*)?\s*of\s+(?:the\s+|all\s+|our\s+)?")
_ALL_N = re.compile(r"(?i)^\s*all\s+(?:of\s+)?(?:the\s+|our\s+)?\d+\b")


_LAUNCHED_TO = re.compile(
    r"(?i)\b(?:launched|released|rolled\s+out|shipped|deployed|opened)\s+to\s+(?:the\s+first\s+)?"
    r"\d[\d,]*\s*\+?\s+(?:users|customers|people|accounts|teams|testers|merchants|members)\b"
)


def _rollout(a: Analysis, numbers: list[Quantity]) -> bool:
    """ "100% of the CE team certified", "100% of tier-1 customers have reviews scheduled":
    work done for everyone, done or not done (as "Migrate all customers" is)."""
    if (
        len(numbers) == 2
        and numbers[0].family == "percent"
        and numbers[0].value == 100
        and _OF_THE.fullmatch(a.text, numbers[0].end, numbers[1].start)
    ):
        numbers = numbers[:1]  # "Consolidate 100% of the 7 applications": the 7 is the set
    if len(numbers) == 1 and _LAUNCHED_TO.search(a.text):
        return True  # "Voice listing beta launched to 500 users": a release and its reach
    if len(numbers) == 1 and (m := _ALL_N.match(a.text)) and numbers[0].start < m.end():
        # "All 12 hard gates exercised in a dry run", "All 3 processors live": every one of a
        # known set done, as "100% of ..." is.
        return any(s > numbers[0].end for s, _, _ in a.hits.get("made_states", []))
    if len(numbers) != 1 or numbers[0].family != "percent" or numbers[0].value != 100:
        return False
    if a.verb_classes & {"outcome", "up", "down", "maintain"} and a.verb_form == "imperative":
        return False
    if _RATE_QUALIFIER.search(a.text):
        return False  # "100% of orders delivered on time": a rate of quality, not a rollout
    if a.verb_form == "imperative" and "task" in a.verb_classes:
        # "Migrate 100% of services to CLI v2", "Ship the model to 100% of users": the work
        # done for everyone, as "Migrate all customers" is.
        return bool(_ALL_OF.search(a.text, _lead_at(a)))
    if not _ALL_OF.match(a.text):
        return False
    return any(s > numbers[0].end for s, _, _ in a.hits.get("made_states", []))


_KEEP_DOING = re.compile(
    r"(?i)^\s*(?:keep|continue)\s+(?:on\s+)?(?:improving|growing|increasing|reducing|getting|"
    r"raising|lowering|optimi[sz]ing|iterating|learning|building|pushing|working|innovating|"
    r"evolving|expanding|scaling|investing)\b"
)
_NONE_LONGER = re.compile(
    r"(?i)^\s*no\s+(?:[\w-]+\s+){1,3}?(?:waits?|takes?|stays?|goes|exceeds?|lasts?|sits?)\s+"
    r"(?:more|longer)\s+than\b"
)
_CONSISTENTLY = re.compile(
    r"\b(?:consistently|at all times|continuously|sustainably|sustained|"
    # "every single day": always; "every single member joins 3 discussions": everyone, once
    r"every single (?:day|night|week|month|quarter|sprint|release|build|deploy(?:ment)?|time))\b"
)


_WITHIN_BUDGET = re.compile(r"\b(?:within|under|inside)\b[^.;]{0,40}?\bbudget\b")
# An upper bound on an amount per period: "less than 50 hours a week", "at most 2 meetings a day".
_PER_PERIOD_CAP = re.compile(
    r"\b(?:(?:less|fewer|no\s+more)\s+than|at\s+most|under)\s+\d[\d.,]*\s*[a-z-]*\s+"
    r"(?:a|per|each|every)\s+(?:day|night|week|month|sprint)\b"
)


def maintain(a: Analysis) -> bool:
    if a.baseline is not None and a.target is not None:
        return False
    if a.delta is not None or a.relative_word is not None:
        return False
    if _KEEP_DOING.match(a.text):
        return False  # "Keep improving onboarding": a direction without end, not a level
    if "maintain" in a.verb_classes and a.verb_form in ("imperative", "gerund", "state"):
        return True
    if _NONE_LONGER.match(a.text):
        return True  # "No ticket waits more than one business day for a first reply"
    low = a.text.lower()
    if re.match(
        r"(?i)^\s*(?:no\s+more\s+than|never\s+(?:exceed|drop|fall)|at\s+all\s+times|"
        r"stay|remain|hold\s+(?:steady|at|the)|"
        r"(?:do\s+)?not\s+(?:spend|exceed|use|take)\s+more\s+than|"
        r"spend\s+(?:no|not)\s+more\s+than|cap\s+.{1,60}?\bat)\b",
        low,
    ):
        return True  # a standing limit: "Spend no more than 4 hours a week on reporting"
    if re.search(r"\b(?:hold|holds|keep|keeps)\b.*\b(?:steady|flat|stable|constant)\b", low):
        return True
    if _WITHIN_BUDGET.search(low) and not a.verb_classes & {"up", "down"}:
        return True  # "Tooling spend within the EUR 60k annual budget": a cap to stay under
    if _PER_PERIOD_CAP.search(low) and not a.verb_classes & {"up", "down"}:
        return True  # "Work less than 50 hours a week": a cap on a recurring amount, to hold
    if _CONSISTENTLY.search(low) and any(q.bound for q in a.metric_quantities):
        return True  # "Availability consistently >99.95%": a standing level to hold
    return bool(
        re.search(
            r"\b(?:stay|stays|remain|remains|held|hold)\s+(?:above|below|under|at|within|quiet|"
            r"stable|steady|flat|green|healthy|low|high|at\s+zero|zero|on\s+track|in\s+range)\b",
            low,
        )
        and not a.verb_classes & {"up", "down", "outcome"}
    )


def not_measurable(a: Analysis) -> bool:
    return not a.has_number and not a.placeholders


def missing_target(a: Analysis) -> bool:
    return (
        a.baseline is not None
        and (a.target is None or a.target is a.baseline)
        and a.delta is None
        and a.relative_word is None
    )


def missing_baseline(a: Analysis) -> bool:
    if a.baseline is not None and a.target is not None:
        # "from 4,000 to 6,000 and reach an NPS of 40": a later clause with its own level.
        for s, e in _clauses(a.text, a.language)[1:]:
            qs = [q for q in a.metric_quantities if s <= q.start < e and not q.placeholder]
            roles = {q.role for q in qs}
            if (
                qs
                and roles <= {"level", "target"}
                and not re.search(r"(?i)\b(?:by|double|triple|halve|new)\b", a.text[s:e])
            ):
                return True
        return False
    if a.target is None or a.baseline is not None or a.delta is not None:
        return False
    if a.relative_word is not None or a.new_count or a.output_count or a.hidden_values:
        return False  # a value kept off the page may well be measured from a known start
    if a.plan_relative:
        return False  # "ahead of plan", "above the last 12 months' peak": read against those
    return a.target.is_metric and not a.target.placeholder


def change_ratio(b: Quantity, t: Quantity) -> float | None:
    bv, tv = b.comparable_value, t.comparable_value
    if bv == tv:
        return 0.0
    if bv == 0:
        return None
    ratio = abs(tv - bv) / abs(bv)
    if (
        b.family == "percent"
        and t.family in ("percent", None)
        and 0 <= b.value <= 100
        and 0 <= t.value <= 100
    ):
        cb, ct = 100 - b.value, 100 - t.value
        ratio = max(ratio, abs(ct - cb) / cb) if cb > 0 else max(ratio, 1.0)
    return ratio


def low_ambition(a: Analysis, min_change: float) -> str | None:
    if a.baseline is not None and a.target is not None and a.baseline.same_measure(a.target):
        ratio = change_ratio(a.baseline, a.target)
        if ratio is not None and ratio < min_change / 100:
            if ratio == 0:
                return f"the target {a.target.text.strip()} equals the baseline"
            return (
                f"{a.baseline.text.strip()} to {a.target.text.strip()} is a "
                f"{ratio * 100:.1f}% change"
            )
    d = a.delta
    if d is not None and d.family == "percent" and 0 < d.value < min_change and a.target is None:
        return f"a change of {d.text.strip()}"
    return None


_CLAUSE_SPLIT = re.compile(
    r"(?i)\s+and\s+(?!then\b)|;\s*|,\s+and\s+|\bas well as\b|\bwhile\b|\bplus\b"
)


def _clauses(text: str, language: str = "en") -> list[tuple[int, int]]:
    parts: list[tuple[int, int]] = []
    start = 0
    for m in (languages.clause_split(language) or _CLAUSE_SPLIT).finditer(text):
        parts.append((start, m.start()))
        start = m.end()
    parts.append((start, len(text)))
    return parts


def multiple_metrics(a: Analysis) -> int:
    """How many separate measured changes the statement holds."""
    text = a.text
    count = 0
    counted = 0
    for s, e in _clauses(text, a.language):
        qs = [q for q in a.metric_quantities if s <= q.start < e]
        roles = {q.role for q in qs}
        words = text[s:e]
        if any(q.role in ("level", "target") and not _in_parens(text, q) for q in qs):
            counted += 1  # "Certify 1,000 team members and 10,000 community members"
        has_change = (
            bool(roles & {"baseline", "delta"})
            or ("target" in roles and re.search(r"(?i)\b(?:to|from|by|->|→)\b|->|→", words))
            or re.search(r"(?i)\b(?:double|triple|halve|cut in half)\b", words)
        )
        if has_change:
            count += 1
    return max(count, counted if counted >= 2 and count < 2 else 0)


def _in_parens(text: str, q: Quantity) -> bool:
    return text.rfind("(", 0, q.start) > text.rfind(")", 0, q.start)


def vanity(a: Analysis) -> str | None:
    hits = _hits_excluding_lead(a, "vanity")
    if not hits or a.has("value_qualifiers"):
        return None
    return a.text[hits[0][0] : hits[0][1]]


def company_metric(a: Analysis) -> str | None:
    hits = a.hits.get("company_metrics", [])
    if not hits or a.has("own_scope_nouns"):
        return None
    return a.text[hits[0][0] : hits[0][1]]


# Objectives ------------------------------------------------------------------------


_POSITIONING = re.compile(
    r"(?i)^\s*(?:establish|position)\b.{1,60}?\bas\s+(?:the|a|an|our|"
    r"(?:[\w.&-]+\s+){0,2}[\w.&-]+['’]s)(?!\w)"
)


# What may follow the head noun of an object: "a community that ...", "the team to support".
_AFTER_HEAD = re.compile(
    r"(?i)\s*(?:$|[.,;:!?()\-–—]|(?:that|which|who|where|to|for|of|and|or|with|in|on|at|"
    r"amid|across|around|as|by|from|through|we|people|is|are|can)\b)"
)


def _object_in(a: Analysis, category: str, within: int) -> bool:
    """A word of ``category`` heading the object of the lead verb, within ``within``
    characters after it ("a devoted community that ...", not "a brand style guide")."""
    lead = _lead_at(a)
    if lead < 0:
        return False
    start = lead + len(a.lead_word or "")
    return any(
        start <= s < start + within and _AFTER_HEAD.match(a.text, e)
        for s, e, _ in a.hits.get(category, [])
    )


_WITHOUT = re.compile(r"(?i)\bwithout\b")


def is_objective_task(a: Analysis) -> bool:
    if a.lead_verb in phrases()["objective_not_task_verbs"] and not (
        a.lead_verb == "give" and re.match(r"(?i)^\s*give\s+(?:a|an)\b", a.text)
    ):
        return False
    if a.verb_form == "noun" and _head_noun(a.text) in phrases()["project_nouns"]:
        return True  # "Controlled CM → Pithos migration with no consumer impact"
    if a.lead_verb in ("validate", "prove", "find", "test") and _object_in(
        a, "market_evidence", 60
    ):
        return False  # "Validate product-market fit with paying pilots": evidence to win
    transform = a.lead_verb in phrases()["transform_verbs"] or "transform" in a.verb_classes
    if transform and a.verb_form == "imperative":
        if _object_in(a, "lasting_objects", 40):
            return False  # "Build a small, devoted community": grown, not shipped
        if _POSITIONING.search(a.text):
            return False  # "Establish Y as the reference implementation": a position to win
    shipped = (
        a.verb_form == "imperative"
        and "task" in a.verb_classes
        and "state" not in a.verb_classes
        and _object_in(a, "artifact_nouns", 90)
    )
    if a.has("qualities") and (transform or a.verb_form == "noun") and not shipped:
        return False  # "Build a healthier, more predictable engineering process"
    if " ".join(a.text.lower().split()).strip(" .!") in phrases().get("vague_idioms", []):
        return False
    vc = a.verb_classes
    if _ADVERB_COMPARATIVE.search(a.text) or _MANNER.search(a.text):
        return False  # "Perform better in Q4": a direction, not a deliverable
    if a.verb_form in ("noun", "gerund") and _TAKES.search(a.text):
        return False  # "Integrating with us takes an afternoon": how long it takes, a quality
    if a.verb_form in ("imperative", "gerund"):
        if vc & {"state", "outcome", "vague", "maintain", "up", "down"}:
            return False
        return "task" in vc or "output" in vc
    if a.verb_form == "state" and _WITHOUT.search(a.text):
        return False  # "The pipeline ships without being babysat": how it runs, a quality
    if a.verb_form in ("passive", "past", "state"):
        # "IPFS ships a release", "Onboarding redesign shipped": a deliverable verb.
        return "output" in vc and not vc & {"outcome", "vague", "up", "down"}
    if a.verb_form == "noun":
        if a.has("perception_verbs") or _NO_ONE_WAITS.match(a.text) or _UP_AT_END.search(a.text):
            # "Customers love our docs", "No customer waits on us for a fix", "Developer
            # satisfaction up": what people live through or a measure's way, not a thing to make.
            return False
        end = len(a.text.rstrip(" .!"))
        if any(e == end for _, e, _ in a.hits.get("done_states", [])) and not a.has("qualities"):
            return True  # "Sales infrastructure online": a thing to set up, then done
        return a.has("deliverable_nouns") and not a.has("vague_objects")
    return False


_QUALIFIER = re.compile(
    r"(?i)\s(?:with|without|for|from|to|of|in|on|across|via|through|that|which|by)\s|[(:;,—–]|\s-\s"
)


def _head_noun(text: str) -> str:
    """The last word of a noun phrase before its first qualifier, lower case."""
    m = _QUALIFIER.search(text)
    words = re.findall(r"[A-Za-z][\w-]*", text[: m.start()] if m else text)
    return words[-1].lower() if words else ""


def _verb_like(a: Analysis) -> bool:
    """Whether a statement in another language has a word written like a verb the lexicon does
    not know ("Releases ruhiger und verlässlicher machen"): a lower-case infinitive."""
    pack = languages.pack(a.language)
    if pack is None or pack.infinitive is None:
        return False
    return any(
        len(w) > 4 and w[:1].islower() and pack.infinitive.search(w)
        for w in re.findall(r"[^\W\d_][\w'’-]*", a.text)
    )


# Praise that says no direction after "be"/"become": what "best" or "successful" means is left
# to the reader.
_GENERIC_PRAISE = frozenset(
    {"best", "successful", "great", "excellent", "better", "awesome", "amazing", "world-class"}
)


def is_objective_vague(a: Analysis) -> bool:
    text = a.text.lower()
    for tf in a.timeframes:
        text = text.replace(tf.lower(), " ")
    text = re.sub(r"\b(?:in|by|for|this|next)\s*$", "", text.strip(" .!")).strip()
    idioms = phrases().get("vague_idioms", [])
    core = re.sub(r"\b(?:for\s+everyone|for\s+all|across\s+the\s+board|again|together)\b", "", text)
    core = " ".join(re.sub(r"\b(?:our|the|my|we|us)\b", " ", core).split())
    if core in idioms or text in idioms:
        return True
    words = re.findall(r"[\w'-]+", text)
    if not words or len(words) > 6:
        return False
    if a.verb_form == "noun" and len(words) <= 4 and not a.metric_quantities:
        return True  # "Connectivity Magic", "Aspirational team.": a label, not a direction
    if (
        a.verb_form == "unknown"
        and a.language != "en"
        and len([w for w in words if len(w) > 3]) <= 4
        and not a.metric_quantities
        and not _verb_like(a)
    ):
        return True  # "Gestión de Proyecto", "Internacionalização e acessibilidade": a topic
    if words[0] == "make" and words[-1] in ("good", "better", "great", "awesome", "amazing"):
        return True
    if (
        words[0] in ("keep", "continue")
        and len(words) > 1
        and words[-1] in ("improving", "improve", "growing", "grow", "getting", "better")
    ):
        return True
    if (
        words[0] in ("be", "become")
        and len(words) > 1
        and (words[2] if words[1] in ("the", "a", "an") and len(words) > 2 else words[1])
        in _GENERIC_PRAISE
    ):
        return True  # "Be the best platform team", "Be successful and confident in my role"
    if (
        words[0] in ("be", "become", "perform", "get", "do")
        and len(words) <= 3
        and any(
            w in ("better", "successful", "more", "best", "great", "good", "excellent")
            for w in words
        )
    ):
        return True
    vague_verb = words[0] in phrases()["vague_verbs"] or "vague" in a.verb_classes
    if vague_verb and words[0] not in ("be", "become", "make", "get", "reach", "hit", "achieve"):
        content = [w for w in words[1:] if w not in _STOP]
        if len(content) <= 2 and not re.search(r"(?i)\b(?:for|so|to|by)\b", text):
            # "Strengthen security", "Improve admin analytics", "Optimize repository functionality".
            return True
    if len(words) == 3 and words[1] == "on" and words[0] in ("focus", "work"):
        return True
    generic = set(phrases()["vague_objects"]) | set(phrases()["vague_kr"]) | _STOP
    verbs = set(phrases()["vague_verbs"])
    i = 0
    if words[0] in verbs or (a.lead_verb and a.lead_verb in verbs):
        i = 1
        if i < len(words) and words[i] in ("on", "up", "better"):
            i += 1
    elif a.verb_form != "noun":
        return False
    rest = [w for w in words[i:] if w not in _STOP]
    if not rest:
        return i > 0
    return all(w in generic for w in rest)


_SEGMENT_NOTE = re.compile(
    r"(?i)^[\s\d.,kK+–-]*(?:employees|people|staff|seats|users|members|customers|engineers|"
    r"students|beds|stores|locations)\b[^()]*\)"
)


def objective_metric(a: Analysis) -> str | None:
    for q in a.metric_quantities:
        if q.word and q.value == 1 and q.family is None:
            continue  # "one of the best", "one place"
        if a.text.rfind("(", 0, q.start) > a.text.rfind(")", 0, q.start) and _SEGMENT_NOTE.match(
            a.text[q.end :]
        ):
            continue  # "Win mid-market customers (50-500 employees)": who, not how much
        return q.text.strip()
    if a.relative_word and _relative_factor(a.relative_word) != 0:
        return a.relative_word  # "Double ...": a target; "eliminate" is a direction (to zero)
    return None


def _relative_factor(word: str) -> float | None:
    factor = (numbers().get("relative") or {}).get(word.lower())
    return float(factor) if factor is not None else None


def is_objective_compound(a: Analysis) -> bool:
    return a.clause_verbs >= 2


# ---------------------------------------------------------------------- rules


def _kr(node: Node) -> Analysis | None:
    return _analysis(node) if isinstance(node, KeyResult) else None


def _obj(node: Node) -> Analysis | None:
    """An objective's analysis; None for one that is only a template slot ("[Title]"): no
    objective rule can say anything true about it (its key results get kr-placeholder)."""
    a = _analysis(node) if isinstance(node, Objective) else None
    return None if a is None or only_slots(a.text) else a


def _check(
    statement: Callable[[Node], Analysis | None],
    test: Callable[[Analysis], object],
    name: str = "",
) -> Callable[[RuleContext, Node], Iterator[Problem]]:
    """A rule that is one test of the analysis: it speaks when ``test`` returns something true,
    given to the message as ``{name}`` when a name is given."""

    def check(ctx: RuleContext, node: Node) -> Iterator[Problem]:
        a = statement(node)
        if a and (found := test(a)):
            yield _say(ctx, node, **({name: found} if name else {}))

    return check


# A slot in brackets or braces: template text in any field ("[TBD]", "{{current}}", "<value>").
_SLOT = r"\[[^\]]*\]|\{\{[^}]*\}\}|<[^>]*>"
_FIELD_SLOT = re.compile(rf"^\s*(?:{_SLOT})\s*$")
# A field left as template text: "[TBD]", "{{TARGET}}", "<baseline>", "TBD", "X%", "?".
_FIELD_PLACEHOLDER = re.compile(
    rf"^\s*(?:{_SLOT}|tbd|tbc|todo|n/?a|none|unknown|x{{1,3}}\s?%?|\?+|[-–—]+|"
    r"…|\.\.\.)\s*$",
    re.IGNORECASE,
)
# Template text in a field, an error: "[TBD]", "{{target}}", "<value>", "XX%", "???". Not an
# empty cell, "-" or "N/A" (no baseline yet, not applicable): a table's normal way to say so.
_FIELD_TEMPLATE = re.compile(
    rf"^\s*(?:{_SLOT}|tbd|tbc|todo|x{{1,3}}\s?%?|\?{{2,}}|"
    r"(?:a|por|à)\s+definir|a\s+confirmar|to\s+be\s+(?:set|defined|determined))\s*$",
    re.IGNORECASE,
)
# A field that starts with template text for its value: "X% from intent-signal tagged deals".
_FIELD_TEMPLATE_START = re.compile(
    r"^[\s*_]*(?:x{1,3}\s?%|\[(?:tbd|tbc|x+|n)\]|e\.\s?g\.|(?:to\s+be\s+)?set\s+after\b)(?!\w)",
    re.IGNORECASE,
)
# A field with both ends of the change: "$83k/mo to $93k/mo", "8% → 15%".
_FROM_TO_FIELD = re.compile(r"\d[^\s]{0,12}\s{0,3}(?:to|→|->|–>)\s{0,3}[$€£]?\d", re.IGNORECASE)
# A target written as a change from where things stand: "-50%", "+20 pts", "2x vs baseline".
_RELATIVE_FIELD = re.compile(
    r"(?i)^\s*[+\-−–]\s*\d|\b(?:vs\.?|versus|from|over|relative\s+to|compared\s+to)\s+(?:the\s+)?"
    r"(?:baseline|current|today|now|last\s+(?:year|quarter|month))\b"
)
# The fields that carry a key result's numbers, as the readers name them (labels.yaml).
_NUMBER_FIELDS = ("baseline", "current", "target", "measure")


def field_value(node: Node, *names: str) -> str | None:
    """The first of these fields (attribute lines, table columns, YAML keys) the statement has
    with a real value, not template text."""
    meta = getattr(node, "metadata", {}) or {}
    for name in names:
        value = meta.get(name)
        if value is not None and str(value).strip() and not _FIELD_PLACEHOLDER.match(str(value)):
            return str(value).strip()
    return None


# A target that says "all of it": the key result is done or not done ("100% coverage", "Full
# handoff", "Done"; a bare 1 in a data file whose unit is the thing: one framework, built).
_COMPLETION = re.compile(
    r"(?i)^\s*(?:(?:100\s*%|full|all|done|complete|completed|yes)(?![\w.])|1(?:\.0+)?\s*$)"
)


# A target field that is a level of a measure ("< 1s p95", ">= 95%", "90%+ success rate"), not
# a count of things made ("4 docs", "3+ runbooks") nor a specification ("throttled ~300ms").
_LEVEL_TARGET = re.compile(r"(?i)%|[<>≤≥]|\b(?:under|below|above|at\s+least|at\s+most|p\d\d)\b")
_COUNT_TARGET = re.compile(r"(?i)^\s*(?:[≥>]=?\s*)?(?P<n>\d+)\s*\+?\s*(?:/\s*\d+\s*)?[^\W\d]")
_UNIT_AFTER = re.compile(
    r"(?i)(?:ms|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|d|days?|weeks?|wks?|months?|"
    r"years?|k|m|b|bn|x|kb|mb|gb|tb|pts?|points?|percent|pct|p\d\d)\b"
)


def field_target(node: Node) -> str | None:
    """A target given as a field (a "Target" column, a ``Target:`` line) that is a level of a
    measure, other than "100%" of the work: the key result is measured there. A plain number
    ("45", "1 day") is a level when a baseline or current value stands beside it."""
    value = field_value(node, "target")
    if not value or not any(ch.isdigit() for ch in value) or _COMPLETION.match(value):
        return None
    if _LEVEL_TARGET.search(value) or _field_has_number(node, "baseline", "current"):
        return value
    a = _kr(node)
    if a is not None and (_measure_name(a) or field_value(node, "measure") == a.text):
        # "| Paid user count | 150 |", "metric: NetDollarRetention" + "target: 1.10": the level
        # of the measure the statement names.
        return value
    return None


def kr_task(node: Node) -> bool:
    """A key result that is a task, its fields considered: a target column with a level or a
    count measures it (what kr-is-task and output-only-objective both ask)."""
    a = _kr(node)
    if a is None or not a.text.strip():
        return False  # an empty slot is template text, not a task
    return (is_task(a) and not field_target(node) and not field_count(node)) or field_done(node)


def field_count(node: Node) -> bool:
    """A target field that counts things made or reached from zero ("4 docs", "3+ runbooks",
    "8/8"): measured, and no baseline needed. One thing ("1 template") is a deliverable."""
    value = field_value(node, "target") or ""
    m = _COUNT_TARGET.match(value)
    if not m or int(m["n"]) <= 1 or _UNIT_AFTER.match(value, m.end() - 1):
        return False  # "10 min", "2 days", "5k": a level of a measure, not things counted
    start = field_value(node, "baseline", "current")
    # "| Median deploy time | 40 min | 10 min |": a level reached from another, not a count
    # made from zero.
    return not (start and re.search(r"[1-9]", start))


def field_done(node: Node) -> bool:
    """A key result whose target field only says "done" ("| Rate limiting per plan | Não | Sim
    |", "Pentest | N/A | Pass"), with no measure of its own: done or not done."""
    a = _kr(node)
    value = field_value(node, "target")
    if a is None or value is None or a.metric_quantities:
        return False
    if a.verb_classes & {"outcome", "up", "down", "maintain"}:
        return False
    return value.lower().strip(" .!*_") in _done_values()


@cache
def _done_values() -> frozenset[str]:
    return frozenset(str(v).lower() for v in phrases().get("done_values") or [])


def _field_has_number(node: Node, *names: str) -> bool:
    """Whether any of these fields has a number ("Current: Demo data" beside "Target: 50+
    items" has one)."""
    for name in names:
        value = field_value(node, name)
        if value is not None and any(ch.isdigit() for ch in value):
            return True
    return False


def field_placeholder(node: Node) -> str | None:
    meta = getattr(node, "metadata", {}) or {}
    for name in _NUMBER_FIELDS:
        value = meta.get(name)
        if value is None or not str(value).strip():
            continue
        if name == "current" and not _FIELD_SLOT.match(str(value)):
            # "| Current | TBD |" beside a key result not started: not measured yet, a status;
            # a baseline or target left "TBD" is a value the key result cannot do without.
            continue
        if _FIELD_TEMPLATE.match(str(value)):
            return f"{name}: {str(value).strip()}"
        if start := _FIELD_TEMPLATE_START.match(str(value)):
            return f"{name}: {start.group(0).strip()}"
    return None


_ROW_LABEL = re.compile(r"(?i)\W*(?:kr|key\s+results?|o|okr)?\s*[\d.]*\s*[:.)-]?")
_WORDS = re.compile(r"[^\W\d_]{2,}")


def kr_placeholder(ctx: RuleContext, node: Node) -> Iterator[Problem]:
    a = _kr(node)
    if a and not a.text.strip() and isinstance(node, KeyResult):
        # "| KR1: | | | % |": a row of the template with nothing written in it. A row with words
        # elsewhere ("| KR 1 | 40 new logos | On track |") was read in the wrong column: say
        # nothing rather than call it empty.
        row = node.raw.strip(" |")
        label = _ROW_LABEL.match(row)
        if not _WORDS.search(row[label.end() if label else 0 :]):
            shown = quote(row) if row else "the key result"
            yield Problem(
                f"'{shown}' is a key result left empty: write it, or drop it until it is known."
            )
        return
    if a and (match := placeholder(a) or field_placeholder(node)):
        if match.strip() == a.text.strip():
            # "[Measurable result 1] (Week N)": the whole key result is the template's slot.
            yield Problem(
                f"'{quote(a.text)}' is the template's text, not a key result: write the key "
                "result, or drop it until it is known."
            )
        else:
            yield _say(ctx, node, match=match.strip())


kr_impossible_value = _check(_kr, impossible, "why")


def kr_direction_mismatch(ctx: RuleContext, node: Node) -> Iterator[Problem]:
    a = _kr(node)
    if a and (found := direction_mismatch(a)):
        way, b, t = found
        verb = a.lead_word or a.lead_verb or ""
        moves = "down" if way == "up" else "up"
        yield _say(
            ctx, node, verb=verb, baseline=b.text.strip(), target=t.text.strip(), moves=moves
        )


@cache
def _task_hints() -> tuple[dict[str, str], dict[str, str], str, frozenset[str]]:
    data = load_lexicon("suggestions")
    by_verb: dict[str, str] = {}
    by_noun: dict[str, str] = {}
    generic: set[str] = set()
    for group in data.get("task_outcomes") or []:
        for verb in group["verbs"]:
            by_verb.setdefault(str(verb), str(group["hint"]))
            if group.get("generic"):
                generic.add(str(verb))
        for noun in group.get("nouns") or []:
            by_noun.setdefault(str(noun), str(group["hint"]))
    return by_verb, by_noun, str(data["task_outcome_default"]["hint"]), frozenset(generic)


def task_hint(a: Analysis) -> str:
    """What the task should change (``rules/lexicons/suggestions.yaml``): by the verb that
    leads an instruction ("Migrate ..."), else by the first word that names the work
    ("Onboarding redesign shipped", "Database migration"), else by the lead verb."""
    by_verb, by_noun, default, generic = _task_hints()
    if a.language != "en":
        return default
    lead = a.lead_verb or ""
    if a.verb_form in ("past", "passive") and lead in by_verb and lead not in generic:
        return by_verb[lead]  # "Legacy billing system decommissioned"
    if a.verb_form != "imperative":
        for word in re.findall(r"[a-z]+", a.text.lower()):
            if word in by_noun:
                return by_noun[word]
    return by_verb.get(a.lead_verb or "", default)


def kr_is_task(ctx: RuleContext, node: Node) -> Iterator[Problem]:
    a = _kr(node)
    if a and kr_task(node):
        yield _say(ctx, node, hint=task_hint(a))


def kr_maintain_kpi(ctx: RuleContext, node: Node) -> Iterator[Problem]:
    a = _kr(node)
    if a and maintain(a):
        yield _say(ctx, node, metric=a.metric or "the measure")


_PLAIN_WORDS = re.compile(r"[A-Za-z][A-Za-z0-9' -]*[A-Za-z0-9]")
_NOT_A_MEASURE = re.compile(
    r"(?i)\b(?:as|by|with|which|that|so|to|for|through|via|and|or)\b|[/(),;:]|"
    r"^(?:back|up|down|out|off|on|in|over|away)\b"  # the particle of a phrasal verb
)


def measure_words(a: Analysis) -> str | None:
    """The measure a direction verb names ("Improve *customer onboarding*"), when the statement
    is that plain; None when the words after the verb are a clause, not a measure."""
    if a.language != "en" or a.verb_form != "imperative" or not a.metric:
        return None
    if not a.verb_classes & {"outcome", "up", "down", "vague"}:
        return None
    words = a.metric.split()
    if not 1 <= len(words) <= 4 or _NOT_A_MEASURE.search(a.metric):
        return None
    if not _PLAIN_WORDS.fullmatch(a.metric) or any(len(w) < 2 for w in words):
        return None  # "+ Verified Breeder V"
    not_measures = set(phrases()["not_measure_words"])
    if any(w.lower() in not_measures or w.lower().endswith("ly") for w in words):
        return None  # "revenue significantly", "churn ASAP", "it further", "way we work"
    if a.text.lower().split()[1:2] in (["the"], ["a"], ["an"]) and len(words) == 1:
        return None  # "Grow the team": "measure team" would not read
    return a.metric


def kr_not_measurable(ctx: RuleContext, node: Node) -> Iterator[Problem]:
    a = _kr(node)
    if a and not_measurable(a) and not _measured_in_fields(node):
        measure = measure_words(a)
        how = (
            f"measure {measure} from a baseline to a target"
            if measure
            else "name the measure and write where it is now and where it should be"
        )
        yield _say(ctx, node, how=how)


def _measured_in_fields(node: Node) -> bool:
    """A baseline, target, current value or measure given as a field, with a number in it."""
    return _field_has_number(node, *_NUMBER_FIELDS)


def kr_missing_target(ctx: RuleContext, node: Node) -> Iterator[Problem]:
    a = _kr(node)
    if a and missing_target(a) and not field_value(node, "target"):
        assert a.baseline is not None
        yield _say(ctx, node, baseline=a.baseline.text.strip())
    elif a and not a.has_number and not a.placeholders and not field_value(node, "target"):
        # "| Raise dbt test coverage of core models | 40% | |": a direction, its baseline in a
        # field, and the target left empty.
        base = field_value(node, "baseline", "current")
        if base and any(ch.isdigit() for ch in base) and a.verb_classes & {"up", "down"}:
            yield _say(ctx, node, baseline=base)


def kr_missing_baseline(ctx: RuleContext, node: Node) -> Iterator[Problem]:
    a = _kr(node)
    if not a or field_value(node, "baseline", "current"):
        return
    if _FROM_TO_FIELD.search(field_value(node, "target") or ""):
        return  # "| Cross-sell share | 8% to 15% |": the Target column states both ends
    if _RELATIVE_FIELD.search(field_value(node, "target") or ""):
        return  # "| Dispensing errors | -50% vs baseline |": a change, measured from the start
    if missing_baseline(a):
        assert a.target is not None
        yield _say(ctx, node, target=a.target.text.strip(), metric=a.metric or "the measure")
        return
    target = field_target(node)
    if target and not a.has_number and not a.placeholders:
        # "| Sub-second search latency | < 1s p95 |": the level is in the Target column.
        yield _say(ctx, node, target=quote(target), metric=a.metric or "the measure")


def kr_low_ambition(ctx: RuleContext, node: Node) -> Iterator[Problem]:
    a = _kr(node)
    if a and (why := low_ambition(a, float(ctx.option("min-change")))):
        yield _say(ctx, node, why=why, min=ctx.option("min-change"))


def kr_multiple_metrics(ctx: RuleContext, node: Node) -> Iterator[Problem]:
    a = _kr(node)
    if a and (n := multiple_metrics(a)) >= 2:
        yield _say(ctx, node, count=n)


def kr_output_count(ctx: RuleContext, node: Node) -> Iterator[Problem]:
    a = _kr(node)
    if a and a.output_count and not is_task(a):
        q = _metric_numbers(a)
        yield _say(ctx, node, count=q[0].text.strip() if q else "")
    elif a and is_task(a) and field_count(node):
        # "| Pipeline documentation | 3+ runbooks |": the work, counted in its Target column.
        yield _say(ctx, node, count=field_value(node, "target") or "")


kr_vanity_metric = _check(_kr, vanity, "match")


def outside_sphere_of_influence(ctx: RuleContext, node: Node) -> Iterator[Problem]:
    a = _kr(node)
    if a is None or not isinstance(node, KeyResult) or node.okr_set is None:
        return
    level = (node.okr_set.level or "").lower()
    if level not in ("team", "individual"):
        return
    if word := company_metric(a):
        yield _say(ctx, node, match=word, level=level)


objective_is_task = _check(_obj, is_objective_task)
objective_vague = _check(_obj, is_objective_vague)
objective_has_metric = _check(_obj, objective_metric, "match")
objective_compound = _check(_obj, is_objective_compound)
