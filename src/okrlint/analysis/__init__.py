"""Statement analysis on spaCy: computed once per objective and key result, in batches.

Importing this package does not import spaCy; :func:`analyze_document` does, on first use, so a
file without OKRs never pays for it.
"""

from __future__ import annotations

from collections.abc import Iterable

from okrlint.model import KeyResult, Objective, OkrDocument


def analyze_nodes(nodes: Iterable[Objective | KeyResult], document: str = "en") -> None:
    """Fill ``node.analysis`` for every node that has none yet (one ``nlp.pipe`` batch).
    ``document`` is the language of the file they come from (the prior for short statements
    with no word that tells)."""
    todo = [n for n in nodes if n.analysis is None]
    if not todo:
        return
    from okrlint.analysis.foreign import analyze_in
    from okrlint.analysis.languages import supported
    from okrlint.analysis.nlp import pipe
    from okrlint.analysis.statement import analyze, language_in

    for node, doc in zip(todo, pipe(n.text for n in todo), strict=True):
        language = language_in(doc.text, document)
        if language != "en" and language in supported():
            node.analysis = analyze_in(doc.text, language)  # the language's own lexicon
        else:
            node.analysis = analyze(doc, language)


def analyze_document(doc: OkrDocument) -> None:
    """Analyse every objective and key result of ``doc`` once."""
    from okrlint.analysis.statement import language_of

    nodes: list[Objective | KeyResult] = [*doc.objectives(), *doc.key_results()]
    analyze_nodes(nodes, language_of(" ".join(n.text for n in nodes)))
