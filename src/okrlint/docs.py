"""Generate docs/rules.md from the rule metadata: ``python -m okrlint.docs > docs/rules.md``."""

from __future__ import annotations

from okrlint.registry import Registry, default_registry


def rules_markdown(registry: Registry | None = None) -> str:
    registry = registry or default_registry()
    out = [
        "# okrlint rules",
        "",
        "Generated from the rule metadata in `rules/okrlint/` by `python -m okrlint.docs`;",
        "`okrlint --explain RULE` prints the same text. Do not edit by hand.",
        "",
        "| code | name | severity | default | summary |",
        "|---|---|---|---|---|",
    ]
    for r in registry.rules:
        anchor = f"{r.code.lower()}-{r.name}"
        state = "on" if r.enabled else "off"
        out.append(
            f"| [{r.code}](#{anchor}) | {r.name} | {r.severity} | {state} | {r.summary.strip()} |"
        )
    out.append("")
    for r in registry.rules:
        out.append(
            r.explain()
            .replace(f"# {r.code} {r.name}", f"## {r.code} {r.name}", 1)
            .replace("\n## ", "\n### ")
        )
    return "\n".join(out).rstrip() + "\n"


def main() -> None:
    print(rules_markdown(), end="")


if __name__ == "__main__":
    main()
