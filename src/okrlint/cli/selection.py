"""Which rules run on which file: the command line's selection layered over each file's
configuration, and which findings may fail a run."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from okrlint.cli.options import UserError
from okrlint.config import Config, ConfigResolver
from okrlint.engine import Finding, Settings
from okrlint.engine.selection import SelectionError, resolve_selection
from okrlint.registry import Registry


def split_values(values: Sequence[str] | None) -> list[str] | None:
    if values is None:
        return None
    out: list[str] = []
    for v in values:
        out.extend(x.strip() for x in v.replace(" ", ",").split(",") if x.strip())
    return out


class Run:
    """One invocation: command-line options layered over each file's configuration."""

    def __init__(self, registry: Registry, opts: dict[str, Any], resolver: ConfigResolver):
        self.registry = registry
        self.opts = opts
        self.resolver = resolver
        self.settings_cache: dict[tuple[int, tuple[str, ...]], Settings] = {}
        self.registries: dict[int, Registry] = {}

    def report_registry(self) -> Registry:
        """Every rule that may appear in the findings (built-in and from rule packs)."""
        if len(self.registries) == 1:
            return next(iter(self.registries.values()))
        rules = {r.code: r for reg in [self.registry, *self.registries.values()] for r in reg.rules}
        return Registry(list(rules.values()))

    def settings_for(self, path: str) -> tuple[Settings, Config]:
        cfg = self.resolver.for_path(path)
        per_file = tuple(cfg.ignores_for(path)) if path != "-" else ()
        key = (id(cfg), per_file)
        cached = self.settings_cache.get(key)
        if cached is not None:
            return cached, cfg
        o = self.opts
        registry = cfg.registry or self.registry
        self.registries.setdefault(id(registry), registry)
        select = o["select"] if o["select"] is not None else cfg.select
        extend = [*cfg.extend_select, *(o["extend_select"] or [])]
        ignore = [*cfg.ignore, *(o["ignore"] or []), *per_file]
        off = [code for code, sev in cfg.severities.items() if sev == "off"]
        try:
            selected = resolve_selection(registry, select, extend, [*ignore, *off])
        except SelectionError as exc:
            where = f"{cfg.path}: " if cfg.path else ""
            raise UserError(f"{where}{exc}") from None
        severities = {c: s for c, s in cfg.severities.items() if s != "off"}
        settings = Settings(
            registry=registry,
            selected=selected,
            severities=severities,  # type: ignore[arg-type]
            options=cfg.options,
            today=o["today"],
            inline=not o["no_inline_config"],
        )
        self.settings_cache[key] = settings
        return settings, cfg


# Rules whose findings appear by themselves as days pass (stale-review): reported, but they fail
# the run only when selected by code or name, so an unrelated pull request never turns red
# because a date went by.
TIME_DEPENDENT = frozenset({"OKR403"})


def named_explicitly(finding: Finding, cfg: Config, chosen: Sequence[str]) -> bool:
    """Whether the rule of ``finding`` was selected by its own code or name (not a prefix or
    ALL), on the command line (``chosen``) or in the configuration."""
    names = {finding.code.lower(), finding.name.lower()}
    return any(
        item.strip().lower() in names for item in [*chosen, *(cfg.select or []), *cfg.extend_select]
    )
