"""Statements in German, Spanish, French and Portuguese: the same :class:`Analysis` English
gets, filled from the language's lexicon (:mod:`okrlint.analysis.languages`) instead of the
English verb tagger, so every rule judges them unchanged."""

from __future__ import annotations

import re

from okrlint.analysis import languages
from okrlint.analysis.lexicon import phrases
from okrlint.analysis.statement import Analysis, _direction, _numbers, _placeholders


def analyze_in(text: str, code: str) -> Analysis:
    """A statement in a language with a lexicon (``rules/lexicons/lang/CODE.yaml``): the same
    fields as English, from that language's words."""
    p = languages.pack(code)
    a = Analysis(text=text, language=code)
    if p is None:
        return a
    found = languages.verbs_in(text, p)
    a.verbs = [(v.start, v.form, v.classes) for v in found]
    _lead_in(text, found, p, a)
    low = text.lower()
    if any(low.startswith(w) for w in p.maintain_start):
        # "No superar las 2 horas ...", "Nicht mehr als 2 Stunden ...": a ceiling to keep.
        a.verb_classes = a.verb_classes | {"maintain"}
        a.verb_form = "imperative"
    change = bool(a.verb_classes & {"up", "down"}) and a.verb_form == "imperative"
    a.quantities = languages.quantities(text, p, change)
    a.timeframes = [m.group(0) for rx in p.timeframes for m in rx.finditer(text)]
    _numbers(a)
    for form, word in p.relative.items():
        if re.search(rf"(?<!\w){re.escape(form)}(?!\w)", low):
            a.relative_word = word
            break
    a.hits = {
        "bounded": languages.contains(text, p.bounded, compounds=p.verb_last),
        "vanity": languages.contains(text, p.vanity, compounds=p.verb_last),
        "qualities": languages.contains(text, p.qualities, compounds=p.verb_last),
        "unbounded": languages.contains(text, p.unbounded, compounds=p.verb_last)
        + languages.contains(text, tuple(phrases()["unbounded"]), compounds=False),
        "company_metrics": languages.contains(text, p.company_metrics, compounds=False),
        "value_qualifiers": languages.contains(text, p.value_qualifiers, compounds=False),
    }
    _placeholders(a)
    valued = any(not q.placeholder for q in a.metric_quantities)
    for start, end, word in languages.contains(text, p.placeholders, compounds=False):
        quoted = text[max(0, start - 1) : start] in "„\"«'‘“" and start > 0
        at_end = not text[end:].strip(' .!)"“”»')
        label = re.search(r"([^\W\d_]+)\s*[:：]\s*$", text[:start])
        after_colon = label is not None and label.group(1).lower() not in _STATUS_LABELS
        # "Zielwert: offen" is a slot left open; "Status: offen" a state, and "los pedidos con
        # fecha de entrega por definir" (a statement with its values) names what is measured.
        if not quoted and (after_colon or (at_end and not valued)):
            a.placeholders.append(word)
    a.metric = (
        " ".join(
            (
                text[: text.find(a.lead_word)] + text[text.find(a.lead_word) + len(a.lead_word) :]
            ).split()
        )[:80]
        if a.lead_word and a.lead_word in text
        else text[:80]
    )
    _direction(a)
    _counts_in(a, p)
    a.clause_verbs = _clause_verbs_in(text, p, found)
    return a


_STATUS_LABELS = frozenset({"status", "stand", "estado", "statut", "état", "situação", "situación"})


def _lead_in(
    text: str, found: list[languages.Verb], p: languages.LanguagePack, a: Analysis
) -> None:
    """The statement's verb: the first word (an infinitive or the noun of the action), in German
    also the last word of the first clause; a known verb elsewhere is a statement about a
    thing ("Die neue Strecke ist live")."""
    words = list(re.finditer(r"[^\W\d_][\w'’-]*", text))
    if not words:
        a.verb_form = "unknown"
        return
    first_clause_end = len(text)
    for m in words[1:]:
        if m.group(0).lower() in p.and_words:
            first_clause_end = m.start()
            break
    clause = [m for m in words if m.start() < first_clause_end]
    edges = [clause[0]] + ([clause[-1]] if p.verb_last and len(clause) > 1 else [])
    for m in edges:
        verb = next((v for v in found if m.start() in (v.start, v.end - len(m.group(0)))), None)
        if verb is not None:
            a.lead_verb, a.lead_word = verb.form, text[verb.start : verb.end]
            a.verb_classes = verb.classes
            a.verb_form = "imperative"
            return
    for m in edges:
        word = m.group(0)
        looks = p.infinitive is not None and len(word) > 4 and p.infinitive.search(word.lower())
        if looks and (word[:1].islower() or m is clause[0]):
            a.lead_verb, a.lead_word = word.lower(), word
            a.verb_classes = frozenset()  # a verb the lexicon does not know: not judged
            a.verb_form = "imperative"
            return
    inside = [v for v in found if v.start < first_clause_end]
    if inside:
        verb = inside[0]
        a.lead_verb, a.lead_word = verb.form, text[verb.start : verb.end]
        a.verb_classes = verb.classes
        a.verb_form = "state"
        return
    a.verb_form = "unknown"  # no verb the lexicon knows: the verb rules say nothing


def _counts_in(a: Analysis, p: languages.LanguagePack) -> None:
    """ "12 neue Kunden gewinnen": a count from zero; "12 Blogartikel veröffentlichen": a count
    of outputs."""
    counts = [
        q
        for q in a.metric_quantities
        if q.family is None and q.role in ("level", "target") and not q.placeholder
    ]
    if not counts or a.baseline is not None or a.delta is not None:
        return
    low = a.text.lower()
    new = any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", low) for w in p.new_words)
    after = low[counts[0].end : counts[0].end + 30].split()[:2]
    event = any(w.strip(".,;:()") in p.events for w in after)  # "500 registros en la landing"
    if "count" in a.verb_classes or event or (new and not {"output", "task"} & a.verb_classes):
        a.new_count = True
    elif "output" in a.verb_classes:
        a.output_count = True


def _clause_verbs_in(text: str, p: languages.LanguagePack, found: list[languages.Verb]) -> int:
    """Clauses joined by "und"/"y"/"et"/"e" that each have their own verb."""
    split = languages.clause_split(p.code)
    if split is None:
        return 0
    clauses = split.split(text)
    count = 0
    for clause in clauses:
        words = re.findall(r"[^\W\d_][\w'’-]*", clause)
        if not words:
            continue
        edge = [words[0]] + ([words[-1]] if p.verb_last else [])
        known = any(clause.find(text[v.start : v.end]) >= 0 for v in found)
        inflected = p.infinitive is not None and any(
            len(w) > 4 and w[:1].islower() and p.infinitive.search(w.lower()) for w in edge
        )
        first_is_verb = p.infinitive is not None and p.infinitive.search(words[0].lower())
        if known or inflected or first_is_verb:
            count += 1
    return count
