"""Lexicons for the analysis, loaded once from ``rules/lexicons``."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from okrlint.data import load_lexicon

VERB_CLASSES = ("task", "outcome", "maintain", "vague", "count", "output", "up", "down", "state")


@dataclass
class Verbs:
    forms: dict[str, str] = field(default_factory=dict)  # surface form -> lemma
    classes: dict[str, set[str]] = field(default_factory=dict)  # lemma -> classes
    multi: dict[tuple[str, ...], str] = field(default_factory=dict)  # ("set", "up") -> "set up"
    base_forms: set[str] = field(default_factory=set)

    def lemma(self, word: str) -> str | None:
        return self.forms.get(word.lower())

    def has(self, lemma: str | None, cls: str) -> bool:
        return lemma is not None and cls in self.classes.get(lemma, set())


def _inflect(lemma: str) -> list[str]:
    """Regular inflections of an English verb (good enough for our lexicon)."""
    out = [lemma]
    if lemma.endswith("e"):
        out += [lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        out += [lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        out += [lemma + "es", lemma + "ed", lemma + "ing"]
    else:
        out += [lemma + "s", lemma + "ed", lemma + "ing"]
    return out


@cache
def verbs() -> Verbs:
    data = load_lexicon("verbs")
    v = Verbs()
    irregular: dict[str, Any] = data.get("irregular") or {}
    for cls in VERB_CLASSES:
        for raw in data.get(cls, []):
            parts = raw.split("-")
            lemma = " ".join(parts)
            v.classes.setdefault(lemma, set()).add(cls)
            head = parts[0]
            if len(parts) > 1:
                forms = set(_inflect(head)) | set(str(irregular.get(head, "")).split())
                for form in forms:
                    v.multi[(form, *parts[1:])] = lemma
                continue
            v.base_forms.add(lemma)
            for form in _inflect(lemma):
                v.forms.setdefault(form, lemma)
    for lemma, forms in irregular.items():
        for form in str(forms).split():
            v.forms[form] = lemma
        v.forms.setdefault(lemma, lemma)
    return v


@cache
def phrases() -> dict[str, list[str]]:
    data = load_lexicon("phrases")
    return {k: [str(x).lower() for x in v] for k, v in data.items()}


@cache
def units() -> dict[str, Any]:
    return load_lexicon("units")


@cache
def numbers() -> dict[str, Any]:
    return load_lexicon("numbers")
