"""Rule metadata and rule packs.

A rule pack is a folder of YAML files (or one YAML file holding a ``rules:`` list). Each rule
declares its code, name, default severity, scope, options, documentation and examples, and how it
checks: ``extends: python`` names a function, other kinds (``occurrence``, ``existence``) are
declarative. The built-in pack lives in the top-level ``rules/`` folder of the repository and is
shipped inside the wheel as ``okrlint/rules``. One source feeds ``--explain``, ``--list-rules``, the
docs and SARIF rule descriptions.
"""

from __future__ import annotations

import difflib
import importlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml

from okrlint.data import data_dir
from okrlint.readers.yamlsafe import SafeLoader

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
Scope = Literal["file", "set", "objective", "key_result", "initiative"]
SCOPES = ("file", "set", "objective", "key_result", "initiative")
KINDS = ("python", "occurrence", "existence", "engine")

_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,9}\d{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_RULE_KEYS = frozenset(
    {
        "code",
        "name",
        "severity",
        "enabled",
        "scope",
        "extends",
        "check",
        "options",
        "message",
        "summary",
        "why",
        "fix",
        "examples",
        "source",
        "chain",
        "needs",
        # occurrence
        "count",
        "min",
        "max",
        "max-when-level",
        "skip",
        # existence
        "tokens",
        "ignorecase",
        "where",
    }
)


class RuleError(ValueError):
    """A rule pack that cannot be loaded (bad key, bad option, duplicate code...)."""


@dataclass(frozen=True)
class Option:
    name: str
    type: str  # int | float | bool | str | list
    default: Any
    help: str = ""

    def coerce(self, value: Any, where: str) -> Any:
        py = {"int": int, "float": (int, float), "bool": bool, "str": str, "list": list}[self.type]
        if self.type == "int" and isinstance(value, bool):
            raise RuleError(f"{where}: option '{self.name}' must be an integer, not {value!r}")
        if not isinstance(value, py):  # type: ignore[arg-type]
            raise RuleError(
                f"{where}: option '{self.name}' must be of type {self.type}, not {value!r}"
            )
        return value


@dataclass
class Rule:
    code: str
    name: str
    severity: Severity
    scope: Scope
    kind: str
    summary: str
    why: str = ""
    fix: str = ""
    message: str = ""
    enabled: bool = True
    options: dict[str, Option] = field(default_factory=dict)
    examples: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    source: str = ""
    chain: str | None = None
    needs: tuple[str, ...] = ()
    spec: dict[str, Any] = field(default_factory=dict)
    pack: str = "okrlint"
    path: str = ""
    check: Callable[..., Any] | None = None

    @property
    def help_uri(self) -> str:
        return f"https://github.com/okrlint/okrlint/blob/main/docs/rules.md#{self.code.lower()}-{self.name}"

    def defaults(self) -> dict[str, Any]:
        return {name: opt.default for name, opt in self.options.items()}

    def explain(self) -> str:
        state = "on by default" if self.enabled else "off by default"
        lines = [
            f"# {self.code} {self.name}",
            "",
            f"Severity: {self.severity} ({state}). Scope: {self.scope.replace('_', ' ')}.",
            "",
        ]
        lines += [self.summary.strip(), ""]
        if self.why:
            lines += ["## Why", "", self.why.strip(), ""]
        fails = self.examples.get("fail", [])
        passes = self.examples.get("pass", [])
        if fails:
            lines += ["## Flagged", ""]
            lines += [_example_text(e) for e in fails]
            lines.append("")
        if self.fix or passes:
            lines += ["## Use instead", ""]
            if self.fix:
                lines += [self.fix.strip(), ""]
            lines += [_example_text(e) for e in passes]
            lines.append("")
        lines += ["## Options", ""]
        if self.options:
            for opt in self.options.values():
                lines.append(f"- `{opt.name}` ({opt.type}, default `{opt.default}`): {opt.help}")
        else:
            lines.append("None. Change its severity, select or ignore it in configuration.")
        if self.source:
            lines += ["", f"Source: {self.source}"]
        return "\n".join(lines).rstrip() + "\n"

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "enabled": self.enabled,
            "scope": self.scope,
            "summary": self.summary.strip(),
            "options": {n: o.default for n, o in self.options.items()},
            "pack": self.pack,
        }


def _example_text(example: dict[str, Any]) -> str:
    if "text" in example:
        return f'- {example.get("kind", "key_result").replace("_", " ")}: "{example["text"]}"'
    for fmt in ("markdown", "yaml"):
        if fmt in example:
            body = str(example[fmt]).rstrip("\n")
            fence = "```" + ("markdown" if fmt == "markdown" else "yaml")
            return f"{fence}\n{body}\n```"
    return f"- {example}"


def load_yaml_file(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    try:
        return yaml.load(text, Loader=SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise RuleError(f"{where}: invalid YAML: {getattr(exc, 'problem', exc)}") from None


def _suggest(word: str, options: Iterable[str]) -> str:
    match = difflib.get_close_matches(word, list(options), n=1)
    return f" (did you mean '{match[0]}'?)" if match else ""


def parse_rule(data: Any, where: str, pack: str) -> Rule:
    if not isinstance(data, dict):
        raise RuleError(f"{where}: a rule must be a mapping")
    for key in data:
        if key not in _RULE_KEYS:
            raise RuleError(f"{where}: unknown key '{key}'{_suggest(str(key), _RULE_KEYS)}")
    for required in ("code", "name", "severity", "scope", "extends", "summary"):
        if required not in data:
            raise RuleError(f"{where}: missing '{required}'")
    code, name = str(data["code"]), str(data["name"])
    if not _CODE.match(code):
        raise RuleError(f"{where}: code '{code}' must look like ABC123 (a prefix and 3 digits)")
    if not _NAME.match(name):
        raise RuleError(f"{where}: name '{name}' must be lower-case words joined by '-'")
    severity = data["severity"]
    if severity not in SEVERITIES:
        raise RuleError(f"{where}: severity must be one of {', '.join(SEVERITIES)}")
    scope = data["scope"]
    if scope not in SCOPES:
        raise RuleError(
            f"{where}: scope must be one of {', '.join(SCOPES)}{_suggest(str(scope), SCOPES)}"
        )
    kind = data["extends"]
    if kind not in KINDS:
        raise RuleError(f"{where}: unknown kind 'extends: {kind}'{_suggest(str(kind), KINDS)}")
    if kind not in ("engine",) and not data.get("message") and kind != "python":
        raise RuleError(f"{where}: missing 'message'")
    options: dict[str, Option] = {}
    for opt_name, spec in (data.get("options") or {}).items():
        if not isinstance(spec, dict) or "default" not in spec or "type" not in spec:
            raise RuleError(f"{where}: option '{opt_name}' needs 'type' and 'default'")
        opt = Option(str(opt_name), str(spec["type"]), spec["default"], str(spec.get("help", "")))
        if opt.type not in ("int", "float", "bool", "str", "list"):
            raise RuleError(f"{where}: option '{opt_name}' has unknown type '{opt.type}'")
        opt.coerce(opt.default, where)
        options[opt.name] = opt
    rule = Rule(
        code=code,
        name=name,
        severity=severity,
        scope=scope,
        kind=kind,
        summary=str(data["summary"]),
        why=str(data.get("why", "")),
        fix=str(data.get("fix", "")),
        message=str(data.get("message", "")),
        enabled=bool(data.get("enabled", True)),
        options=options,
        examples={k: list(v or []) for k, v in (data.get("examples") or {}).items()},
        source=str(data.get("source", "")),
        chain=data.get("chain"),
        needs=tuple(data.get("needs") or ()),
        spec={k: v for k, v in data.items() if k not in ("examples", "why", "fix")},
        pack=pack,
        path=where,
    )
    if kind == "python":
        target = data.get("check")
        if not target or ":" not in str(target):
            raise RuleError(f"{where}: a python rule needs 'check: module:function'")
        rule.check = _import_check(str(target), where)
    return rule


def _import_check(target: str, where: str) -> Callable[..., Any]:
    module_name, _, func_name = target.partition(":")
    if not module_name.startswith("okrlint."):
        raise RuleError(
            f"{where}: 'check: {target}': only installed plugins may run code "
            "(see the okrlint.rules entry point)"
        )
    try:
        module = importlib.import_module(module_name)
        return getattr(module, func_name)  # type: ignore[no-any-return]
    except (ImportError, AttributeError) as exc:
        raise RuleError(f"{where}: cannot load check '{target}': {exc}") from None


def load_pack(path: Path, pack: str) -> list[Rule]:
    files = sorted(path.glob("*.yaml")) + sorted(path.glob("*.yml")) if path.is_dir() else [path]
    rules: list[Rule] = []
    for file in files:
        if file.name.startswith("_"):
            continue
        data = load_yaml_file(file)
        if isinstance(data, dict) and "rules" in data:
            for i, item in enumerate(data["rules"] or []):
                rules.append(parse_rule(item, f"{file}#rules[{i}]", pack))
        else:
            rules.append(parse_rule(data, str(file), pack))
    return rules


class Registry:
    def __init__(self, rules: list[Rule]) -> None:
        self.rules: list[Rule] = []
        self.by_code: dict[str, Rule] = {}
        self.by_name: dict[str, Rule] = {}
        for rule in sorted(rules, key=lambda r: r.code):
            self.add(rule)

    def add(self, rule: Rule) -> None:
        if rule.code in self.by_code:
            raise RuleError(
                f"{rule.path}: duplicate rule code {rule.code} "
                f"(also {self.by_code[rule.code].path})"
            )
        if rule.name in self.by_name:
            raise RuleError(
                f"{rule.path}: duplicate rule name {rule.name} "
                f"(also {self.by_name[rule.name].path})"
            )
        self.rules.append(rule)
        self.by_code[rule.code] = rule
        self.by_name[rule.name] = rule

    def get(self, key: str) -> Rule | None:
        return self.by_code.get(key.upper()) or self.by_name.get(key.lower())

    def match(self, selector: str) -> list[Rule]:
        """Rules matched by a code, a name, a code prefix ("OKR3") or ``ALL``."""
        s = selector.strip()
        if not s:
            return []
        if s.upper() == "ALL":
            return list(self.rules)
        rule = self.get(s)
        if rule is not None:
            return [rule]
        prefix = s.upper()
        if re.fullmatch(r"[A-Z]+\d{0,2}", prefix):
            found = [r for r in self.rules if r.code.startswith(prefix)]
            if found:
                return found
        return []

    def suggest(self, selector: str) -> str:
        return _suggest(selector, [*self.by_code, *self.by_name])


@cache
def builtin_rules() -> tuple[Rule, ...]:
    return tuple(load_pack(data_dir() / "okrlint", "okrlint"))


def default_registry() -> Registry:
    return Registry(list(builtin_rules()))
