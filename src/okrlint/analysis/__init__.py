"""Statement analysis (spaCy). Filled in by the language-rules work."""

from __future__ import annotations

from okrlint.model import OkrDocument


def analyze_document(doc: OkrDocument) -> None:
    """Analyse every objective and key result of ``doc`` once (results on ``node.analysis``)."""
