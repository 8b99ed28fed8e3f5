"""Import spaCy without its command line.

``import spacy`` runs ``from .cli.info import info`` in spaCy's ``__init__``, and importing that
one function loads all of spaCy's command line: typer, weasel, httpx, jinja2 and the training
commands, about a quarter of the time spaCy takes to start. okrlint never uses them. So, when
spaCy is not imported yet, :func:`load_spacy` puts two placeholder modules where that import
looks (``spacy.cli`` and ``spacy.cli.info``), imports spaCy, and takes the placeholders away
again: a later ``import spacy.cli`` in the same process loads the real one, and ``spacy.info``
loads it when called. If anything goes wrong on the way (another spaCy version that imports
more from its command line), spaCy is imported the ordinary way.
"""

from __future__ import annotations

import sys
import types
from typing import Any

_PLACEHOLDERS = ("spacy.cli", "spacy.cli.info")


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``, loading spaCy's command line on first use."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def load_spacy() -> types.ModuleType:
    """The ``spacy`` module, imported without its command line when it is not imported yet."""
    if "spacy" in sys.modules:
        import spacy

        return spacy
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package with nothing in it
    info = types.ModuleType("spacy.cli.info")
    info.info = _info  # type: ignore[attr-defined]
    sys.modules["spacy.cli"] = cli
    sys.modules["spacy.cli.info"] = info
    try:
        import spacy
    except Exception:
        for name in [*_PLACEHOLDERS, *(m for m in sys.modules if m.startswith("spacy."))]:
            sys.modules.pop(name, None)
        sys.modules.pop("spacy", None)
        import spacy
    finally:
        for name in _PLACEHOLDERS:
            if sys.modules.get(name) in (cli, info):
                del sys.modules[name]
    return spacy
