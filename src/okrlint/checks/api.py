"""The check API: what a rule's check receives (a :class:`RuleContext` and a node) and what it
yields (a :class:`Problem`, or just a message). The engine and the checks both import it; it
imports neither."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from okrlint.model import Initiative, KeyResult, Objective, OkrDocument, OkrSet, Span
from okrlint.registry import Registry, Rule, Severity

Node = OkrDocument | OkrSet | Objective | KeyResult | Initiative


@dataclass(frozen=True)
class Problem:
    """What a check yields: a message, and optionally a narrower span than the node's."""

    message: str
    span: Span | None = None
    node: Any = None  # the finding is about another node than the one checked


@dataclass
class Settings:
    """Resolved configuration for one run (or one file)."""

    registry: Registry
    selected: frozenset[str]
    severities: dict[str, Severity] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    today: dt.date = field(default_factory=dt.date.today)
    inline: bool = True  # honour okrlint-disable comments

    def severity(self, rule: Rule) -> Severity:
        return self.severities.get(rule.code, rule.severity)

    def rule_options(self, rule: Rule) -> dict[str, Any]:
        values = rule.defaults()
        values.update(self.options.get(rule.code, {}))
        return values

    def active_rules(self) -> list[Rule]:
        return [r for r in self.registry.rules if r.code in self.selected]


class RuleContext:
    def __init__(self, rule: Rule, settings: Settings, doc: OkrDocument, explicit: bool) -> None:
        self.rule = rule
        self.settings = settings
        self.doc = doc
        self.explicit = explicit
        self.options = settings.rule_options(rule)
        self.today = settings.today

    def option(self, name: str) -> Any:
        return self.options[name]

    def message(self, **values: Any) -> str:
        """The rule's message template with ``{name}`` fields filled (unknown fields stay)."""
        return fill(self.rule.message, values)


def fill(template: str, values: dict[str, Any]) -> str:
    def repl(m: re.Match[str]) -> str:
        key = m.group(1)
        return str(values[key]) if key in values else m.group(0)

    return re.sub(r"\{([\w-]+)\}", repl, template)


def quote(text: str, limit: int = 70) -> str:
    """A statement on one line, shortened for a message."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
