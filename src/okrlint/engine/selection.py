"""Which rules run: selectors (codes, names, prefixes, ALL) resolved against a registry, as
``--select``, ``--extend-select`` and ``--ignore`` and the configuration give them."""

from __future__ import annotations

from okrlint.registry import Registry


class SelectionError(ValueError):
    """A selector that names no rule."""


def resolve_selection(
    registry: Registry,
    select: list[str] | None,
    extend_select: list[str] | None,
    ignore: list[str] | None,
) -> frozenset[str]:
    def codes(selectors: list[str], what: str) -> set[str]:
        out: set[str] = set()
        for s in selectors:
            matched = registry.match(s)
            if not matched:
                raise SelectionError(f"unknown rule selector '{s}' in {what}{registry.suggest(s)}")
            out.update(r.code for r in matched)
        return out

    if select is None:
        chosen = {r.code for r in registry.rules if r.enabled}
    else:
        chosen = codes(select, "--select")
    if extend_select:
        chosen |= codes(extend_select, "--extend-select")
    if ignore:
        chosen -= codes(ignore, "--ignore")
    return frozenset(chosen)
