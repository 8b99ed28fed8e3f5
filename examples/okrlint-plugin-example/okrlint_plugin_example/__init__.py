"""An okrlint plugin: every key result must link its tracking ticket (PROJ-123)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

_TICKET = re.compile(r"\b[A-Z][A-Z0-9]+-\d+\b")


def key_result_links_a_ticket(ctx: Any, node: Any) -> Iterator[str]:
    """A check receives the rule context and one node of the rule's scope and yields messages
    (or ``okrlint.checks.api.Problem`` objects). ``ctx.message(**values)`` fills the rule's message
    template; ``node.raw`` is the line as written, ``node.text`` the statement."""
    raw = getattr(node, "raw", "") or ""
    if not _TICKET.search(raw) and not _TICKET.search(str(node.metadata.get("ticket", ""))):
        yield ctx.message(text=node.text)
