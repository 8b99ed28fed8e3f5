"""Statement analysis on spaCy: computed once per objective and key result, in batches.

Importing this package does not import spaCy; :func:`analyze_document` does, on first use, so a
file without OKRs never pays for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from okrlint.model import KeyResult, Objective, OkrDocument

if TYPE_CHECKING:
    from okrlint.analysis.statement import Analysis

# Each distinct statement is analysed once per process: the same text in the same kind of file
# (its language prior) gives the same analysis, which is frozen and shared by the nodes that
# have that text (key results copied from quarter to quarter, a KR repeated under two sets).
_SEEN: dict[tuple[str, str], Analysis] = {}
_SEEN_MAX = 4_096


def analyze_nodes(nodes: Iterable[Objective | KeyResult], document: str = "en") -> None:
    """Fill ``node.analysis`` for every node that has none yet (one ``nlp.pipe`` batch).
    ``document`` is the language of the file they come from (the prior for short statements
    with no word that tells)."""
    todo = []
    for node in nodes:
        if node.analysis is None:
            node.analysis = _SEEN.get((node.text, document))
            if node.analysis is None:
                todo.append(node)
    if not todo:
        return
    from okrlint.analysis.foreign import analyze_in
    from okrlint.analysis.languages import supported
    from okrlint.analysis.nlp import pipe
    from okrlint.analysis.statement import analyze, language_in

    if len(_SEEN) > _SEEN_MAX:
        _SEEN.clear()
    texts = list(dict.fromkeys(n.text for n in todo))
    for text, doc in zip(texts, pipe(texts), strict=True):
        language = language_in(text, document)
        if language != "en" and language in supported():
            _SEEN[text, document] = analyze_in(text, language)  # the language's own lexicon
        else:
            _SEEN[text, document] = analyze(doc, language, text)
    for node in todo:
        node.analysis = _SEEN[node.text, document]


def analyze_document(doc: OkrDocument) -> None:
    """Analyse every objective and key result of ``doc`` once."""
    from okrlint.analysis.statement import language_of

    nodes: list[Objective | KeyResult] = [*doc.objectives(), *doc.key_results()]
    analyze_nodes(nodes, language_of(" ".join(n.text for n in nodes)))
