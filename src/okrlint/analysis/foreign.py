"""Statements in German, Spanish, French and Portuguese: the same :class:`Analysis` English
gets, filled from the language's lexicon (:mod:`okrlint.analysis.languages`) instead of the
English verb tagger, so every rule judges them unchanged."""

from __future__ import annotations

import re

from okrlint.analysis import languages
from okrlint.analysis.lexicon import phrases
from okrlint.analysis.statement import (
    Analysis,
    Lead,
    _numbers,
    _placeholders,
    parenthetical_asides,
    progress_tail,
    settled,
    weights,
)


def analyze_in(text: str, code: str) -> Analysis:
    """A statement in a language with a lexicon (``rules/lexicons/lang/CODE.yaml``): the same
    fields as English, from that language's words."""
    p = languages.pack(code)
    if p is None:
        return Analysis(text=text, language=code)
    found = languages.verbs_in(text, p)
    lead = _lead_in(text, found, p)
    first = re.match(r"[^\W\d_][\w'’-]*", text.strip())
    if lead.verb_form == "unknown" and first and first.group(0).lower() in p.deliverables:
        # "Módulo Contabilidad con estado de resultados mensual": a thing to build.
        lead = Lead(None, None, frozenset({"task"}), "noun")
    low = text.lower()
    if any(low.startswith(w) for w in p.maintain_start):
        # "No superar las 2 horas ...", "Nicht mehr als 2 Stunden ...": a ceiling to keep.
        lead = lead._replace(verb_classes=lead.verb_classes | {"maintain"}, verb_form="imperative")
    change = bool(lead.verb_classes & {"up", "down"}) and lead.verb_form == "imperative"
    quantities = languages.quantities(text, p, change)
    progress_tail(text, quantities, lead.verb_classes)
    weights(text, quantities)
    parenthetical_asides(text, quantities)
    a = Analysis(
        text=text,
        language=code,
        verbs=[(v.start, v.form, v.classes) for v in found],
        quantities=quantities,
        timeframes=[m.group(0) for rx in p.timeframes for m in rx.finditer(text)],
        hits={
            "bounded": languages.contains(text, p.bounded, compounds=p.verb_last),
            "vanity": languages.contains(text, p.vanity, compounds=p.verb_last),
            "qualities": languages.contains(text, p.qualities, compounds=p.verb_last),
            "unbounded": languages.contains(text, p.unbounded, compounds=p.verb_last)
            + languages.contains(text, tuple(phrases()["unbounded"]), compounds=False),
            "company_metrics": languages.contains(text, p.company_metrics, compounds=False),
            "value_qualifiers": languages.contains(text, p.value_qualifiers, compounds=False),
        },
        clause_verbs=_clause_verbs_in(text, p, found),
        **lead._asdict(),
    )
    numbers = _numbers(a)
    for form, word in p.relative.items():
        if re.search(rf"(?<!\w){re.escape(form)}(?!\w)", low):
            numbers = numbers._replace(relative_word=word)
            break
    a = settled(a, numbers, _placeholders(a) + _open_values(a, p), _metric_in(a))
    new_count, output_count = _counts_in(a, p)
    return a.but(new_count=new_count, output_count=output_count)


def _open_values(a: Analysis, p: languages.LanguagePack) -> list[str]:
    """The language's words for a value left open ("offen", "por definir") where they stand
    for a value."""
    text = a.text
    valued = any(not q.placeholder for q in a.metric_quantities)
    out = []
    for start, end, word in languages.contains(text, p.placeholders, compounds=False):
        quoted = text[max(0, start - 1) : start] in "„\"«'‘“" and start > 0
        at_end = not text[end:].strip(' .!)"“”»')
        label = re.search(r"([^\W\d_]+)\s*[:：]\s*$", text[:start])
        after_colon = label is not None and label.group(1).lower() not in _STATUS_LABELS
        # "Zielwert: offen" is a slot left open; "Status: offen" a state, and "los pedidos con
        # fecha de entrega por definir" (a statement with its values) names what is measured.
        if not quoted and (after_colon or (at_end and not valued)):
            out.append(word)
    return out


def _metric_in(a: Analysis) -> str:
    """The statement without its verb: what it measures."""
    text, word = a.text, a.lead_word
    if not word or word not in text:
        return text[:80]
    at = text.find(word)
    return " ".join((text[:at] + text[at + len(word) :]).split())[:80]


_STATUS_LABELS = frozenset({"status", "stand", "estado", "statut", "état", "situação", "situación"})


def _lead_in(text: str, found: list[languages.Verb], p: languages.LanguagePack) -> Lead:
    """The statement's verb: the first word (an infinitive or the noun of the action), in German
    also the last word of the first clause; a known verb elsewhere is a statement about a
    thing ("Die neue Strecke ist live")."""
    words = list(re.finditer(r"[^\W\d_][\w'’-]*", text))
    if not words:
        return Lead(verb_form="unknown")
    first_clause_end = len(text)
    for m in words[1:]:
        if m.group(0).lower() in p.and_words:
            first_clause_end = m.start()
            break
    clause = [m for m in words if m.start() < first_clause_end]
    edges = [clause[0]] + ([clause[-1]] if p.verb_last and len(clause) > 1 else [])
    if p.verb_last and len(words) > 1 and words[-1] is not clause[-1]:
        # "Prozesse und Infrastruktur aufsetzen": the objects are joined, the verb ends it.
        edges.append(words[-1])
    for m in edges:
        verb = next((v for v in found if m.start() in (v.start, v.end - len(m.group(0)))), None)
        if verb is not None:
            return Lead(verb.form, text[verb.start : verb.end], verb.classes, "imperative")
    for m in edges:
        word = m.group(0)
        looks = p.infinitive is not None and len(word) > 4 and p.infinitive.search(word.lower())
        if looks and (word[:1].islower() or m is clause[0]):
            # A verb the lexicon does not know: no classes, not judged.
            return Lead(word.lower(), word, frozenset(), "imperative")
    inside = [v for v in found if v.start < first_clause_end]
    if inside:
        verb = inside[0]
        return Lead(verb.form, text[verb.start : verb.end], verb.classes, "state")
    return Lead(verb_form="unknown")  # no verb the lexicon knows: the verb rules say nothing


def _counts_in(a: Analysis, p: languages.LanguagePack) -> tuple[bool, bool]:
    """ "12 neue Kunden gewinnen": a count from zero; "12 Blogartikel veröffentlichen": a count
    of outputs. (new count, output count)."""
    counts = [
        q
        for q in a.metric_quantities
        if q.family is None and q.role in ("level", "target") and not q.placeholder
    ]
    if not counts or a.baseline is not None or a.delta is not None:
        return False, False
    low = a.text.lower()
    new = any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", low) for w in p.new_words)
    after = low[counts[0].end : counts[0].end + 30].split()[:2]
    event = any(w.strip(".,;:()") in p.events for w in after)  # "500 registros en la landing"
    if {"count", "output"} <= a.verb_classes and not (new or event):
        return True, True  # "Recruter 5 personnes", like "Hire 3 engineers": hires are outputs
    if "count" in a.verb_classes or event or (new and not {"output", "task"} & a.verb_classes):
        return True, False
    if "output" in a.verb_classes:
        return False, True
    # "Documentar 5 procesos comerciales", "Adicionar 3 novos modelos": a work verb, then the
    # number of things it makes.
    made = (
        "task" in a.verb_classes
        and a.verb_form == "imperative"
        and a.lead_word is not None
        and re.match(rf"(?i)\W*{re.escape(a.lead_word)}\s+(?:\w+\s+)?$", a.text[: counts[0].start])
        is not None
    )
    return False, made


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
