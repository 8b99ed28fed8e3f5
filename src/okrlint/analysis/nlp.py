"""The spaCy pipeline: ``spacy.blank("en")`` plus okrlint's own components.

No trained model is used (nothing to download): the tokenizer comes with spaCy, and two
components add what the rules need from our lexicons in ``rules/lexicons``:

* ``okr_verbs`` gives each token the lemma and classes of a known verb form (task, outcome,
  maintain, vague, count, output, up, down) and merges phrasal verbs ("set up", "roll out");
* ``okr_phrases`` finds every phrase of the phrase lexicons (placeholders, vanity and
  company-level metrics, bounded measures, output nouns, deliverables, habits, pay words...) and
  stores the matches on ``doc._.hits``.

The pipeline is built once per process and fed statements in batches with ``nlp.pipe``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from okrlint.analysis.spacyload import load_spacy

spacy = load_spacy()  # before any other import of spaCy's

from spacy.language import Language  # noqa: E402
from spacy.matcher import Matcher  # noqa: E402
from spacy.tokens import Doc, Token  # noqa: E402

from okrlint.analysis.lexicon import phrases, verbs  # noqa: E402
from okrlint.analysis.statement import plain_tokens  # noqa: E402

__all__ = ["Matcher", "get_nlp", "pipe"]

_NLP: Language | None = None

if not Doc.has_extension("hits"):
    Doc.set_extension("hits", default=None)
if not Token.has_extension("vclasses"):
    Token.set_extension("vclasses", default=None)
if not Token.has_extension("vlemma"):
    Token.set_extension("vlemma", default=None)
if not Token.has_extension("okr_verb"):
    # True for a token our verb lexicon knows: rule packs match it as {"_": {"okr_verb": true}}.
    Token.set_extension("okr_verb", default=False)


class VerbTagger:
    def __init__(self, nlp: Language) -> None:
        self.verbs = verbs()
        # Phrasal verbs by their first word ("set" -> [(("set", "up"), "set up")]): checked
        # on the tokens that start one, instead of a Matcher run over every token of every
        # statement.
        self.phrasal: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for forms, lemma in self.verbs.multi.items():
            self.phrasal.setdefault(forms[0], []).append((forms, lemma))
        for options in self.phrasal.values():
            options.sort(key=lambda o: len(o[0]))  # the longest last: it wins

    def __call__(self, doc: Doc) -> Doc:
        v = self.verbs
        plain = plain_tokens(doc)  # the one pass over the Doc's tokens
        # Also kept as a plain {token index: (lemma, classes)} map: the analysis reads it for
        # every token, and spaCy's extension attributes cost a lookup each time.
        found: dict[int, tuple[str, frozenset[str]]] = {}
        lowers = [p[1] for p in plain]
        for i, low in enumerate(lowers):
            lemma = v.forms.get(low)
            if lemma is not None:
                found[i] = (lemma, frozenset(v.classes.get(lemma, ())))
        for i, low in enumerate(lowers):
            for forms, phrase in self.phrasal.get(low, ()):
                if tuple(lowers[i : i + len(forms)]) == forms:
                    found[i] = (phrase, frozenset(v.classes.get(phrase, ())))
        for i, (lemma, classes) in found.items():
            token = doc[i]
            token._.vlemma = lemma
            token._.vclasses = classes
            token._.okr_verb = True
            token.lemma_ = lemma
        doc.user_data["okr_verbs"] = found
        return doc


def phrase_tokens(nlp: Language, items: list[str]) -> list[tuple[str, ...]]:
    """Each phrase's tokens in lower case, as the tokenizer splits it. A phrase of plain words
    (letters only, one space between them, none a special case of the tokenizer such as
    "cannot") splits at its spaces: the tokenizer would split it there and nowhere else, and
    skipping it for the 1,800 phrases of the lexicons takes a twentieth of a second off every
    start. The others ("n/a", "sign-off", "???") go through the tokenizer."""
    special = nlp.tokenizer.rules or {}  # type: ignore[union-attr]
    out: list[tuple[str, ...] | None] = []
    slow: list[int] = []
    for item in items:
        words = item.split(" ")
        if all(w.isalpha() and w not in special for w in words):
            out.append(tuple(w.lower() for w in words))
        else:
            slow.append(len(out))
            out.append(None)
    docs = nlp.tokenizer.pipe([items[i] for i in slow])  # type: ignore[union-attr]
    for i, doc in zip(slow, docs, strict=True):
        out[i] = tuple(t.lower_ for t in doc)
    return [key for key in out if key is not None]


class PhraseTagger:
    """Every phrase of the phrase lexicons found in a statement, by category, as
    ``(start char, end char, lower-case text)`` in the order of the text: the phrases are
    tokenized as statements are and compared by their tokens' lower-case forms (what a spaCy
    ``PhraseMatcher`` on ``LOWER`` finds, without its cost of building: a twelfth of the start)."""

    def __init__(self, nlp: Language) -> None:
        # By first token: [(the phrase's tokens, category)], each pair once.
        self.phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for category, items in phrases().items():
            for key in phrase_tokens(nlp, items):
                if key:
                    options = self.phrases.setdefault(key[0], [])
                    if (key, category) not in options:
                        options.append((key, category))

    def __call__(self, doc: Doc) -> Doc:
        plain = plain_tokens(doc)
        lowers = [p[1] for p in plain]
        found: set[tuple[int, int, str]] = set()
        for i, low in enumerate(lowers):
            for key, category in self.phrases.get(low, ()):
                if len(key) == 1 or tuple(lowers[i : i + len(key)]) == key:
                    found.add((i, i + len(key), category))
        hits: dict[str, list[tuple[int, int, str]]] = {}
        text = doc.text if found else ""
        for start, end, category in sorted(found):
            last = plain[end - 1]
            span = (plain[start][2], last[2] + len(last[0]))
            hits.setdefault(category, []).append((*span, text[span[0] : span[1]].lower()))
        doc._.hits = hits
        return doc


@Language.factory("okr_verbs")
def _make_verbs(nlp: Language, name: str) -> VerbTagger:
    return VerbTagger(nlp)


@Language.factory("okr_phrases")
def _make_phrases(nlp: Language, name: str) -> PhraseTagger:
    return PhraseTagger(nlp)


def get_nlp() -> Language:
    """The pipeline, built once per process."""
    global _NLP
    if _NLP is None:
        nlp = spacy.blank("en")
        nlp.add_pipe("okr_verbs")
        nlp.add_pipe("okr_phrases")
        _NLP = nlp
    return _NLP


def pipe(texts: Iterable[str], batch_size: int = 256) -> Iterator[Any]:
    yield from get_nlp().pipe(texts, batch_size=batch_size)
