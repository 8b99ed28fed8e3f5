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
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml

from okrlint.data import data_dir
from okrlint.smallfile import SmallFileError, compose_bounded, read_small_text
from okrlint.yamlsafe import SafeLoader

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
Scope = Literal["file", "set", "objective", "key_result", "initiative"]
SCOPES = ("file", "set", "objective", "key_result", "initiative")
KINDS = ("python", "occurrence", "existence", "substitution", "pattern", "requires", "engine")
LEVELS = ("company", "team", "individual")
REQUIRABLE = ("owner", "deadline", "baseline", "target", "unit", "score", "metric", "timeframe")

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
        "severity_why",
        "fix",
        "examples",
        "source",
        "chain",
        "chain_rank",
        "needs",
        # occurrence
        "count",
        "min",
        "max",
        "max-when-level",
        "skip",
        # existence / substitution / pattern
        "tokens",
        "regex",
        "ignorecase",
        "lemma",
        "swap",
        "patterns",
        # requires
        "parts",
        "metadata",
        # python plugins
        "plugin",
        # any kind
        "level",
        "invert",
    }
)
_PREFIX = re.compile(r"^[A-Z]{2,10}$")
_KIND_KEYS = {
    "existence": ("tokens", "regex"),
    "substitution": ("swap",),
    "pattern": ("patterns",),
    "requires": ("parts", "metadata"),
    "occurrence": ("count",),
}


class RuleError(ValueError):
    """A rule pack that cannot be loaded (bad key, bad option, duplicate code...)."""


@cache
def _guidance_titles() -> dict[str, str]:
    """rules/lexicons/guidance.yaml: the title of each piece of guidance the rules cite."""
    path = data_dir() / "lexicons" / "guidance.yaml"
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader) or {}
    return {str(k): str(v) for k, v in data.items()}


def readable_source(source: str) -> str:
    """A rule's ``source:`` with each piece of guidance named by its title: "002 (scoring)" ->
    '"An OKR writing guide: ..." (002: scoring)'."""
    titles = _guidance_titles()
    parts = []
    for part in re.split(r",\s*(?![^()]*\))", source.strip()):
        part = part.strip()
        m = re.fullmatch(r"(\d{3})\s*(?:\((.*)\)|(.*))", part)
        if m and m.group(1) in titles:
            detail = (m.group(2) or m.group(3) or "").strip()
            where = f"{m.group(1)}: {detail}" if detail else m.group(1)
            parts.append(f'"{titles[m.group(1)]}" ({where})')
        else:
            parts.append(titles.get(part, part))
    return "; ".join(parts)


PROJECT_URL = "https://github.com/okrlint/okrlint"
RULES_DOC_URL = f"{PROJECT_URL}/blob/main/docs/rules.md"


def rule_doc_url(code: str, name: str) -> str:
    """The rule's heading in docs/rules.md ("## OKR301 kr-is-task" -> #okr301-kr-is-task)."""
    return f"{RULES_DOC_URL}#{code.lower()}-{name.lower()}"


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
        if not isinstance(value, py) or (  # type: ignore[arg-type]
            self.type == "float" and isinstance(value, bool)
        ):
            raise RuleError(
                f"{where}: option '{self.name}' must be of type {self.type}, not {value!r}"
            )
        if isinstance(value, float) and not math.isfinite(value):
            raise RuleError(f"{where}: option '{self.name}' must be a finite number, not {value}")
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
    # Why the default severity is what it is: how often the rule is right on real files.
    severity_why: str = ""
    fix: str = ""
    message: str = ""
    enabled: bool = True
    options: dict[str, Option] = field(default_factory=dict)
    examples: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    source: str = ""
    chain: str | None = None
    # One finding per statement and chain: the rule with the lowest rank wins (no rank: after
    # every ranked rule of the chain).
    chain_rank: int | None = None
    needs: tuple[str, ...] = ()
    spec: dict[str, Any] = field(default_factory=dict)
    pack: str = "okrlint"
    path: str = ""
    check: Callable[..., Any] | None = None

    @property
    def help_uri(self) -> str | None:
        """The rule's page in okrlint's rule docs; None for a rule of another pack (its docs
        are its YAML, shown by ``okrlint --explain``)."""
        return rule_doc_url(self.code, self.name) if self.pack == "okrlint" else None

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
        if self.severity_why:
            lines += [f"Why {self.severity}: {' '.join(self.severity_why.split())}", ""]
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
        if "analysis" in self.needs and self.pack == "okrlint":
            from okrlint.analysis.languages import names

            judged = ", ".join(f"{name} ({code})" for code, name in names().items())
            lines += [
                "",
                "## Languages",
                "",
                f"Judged in {judged}; statements in other languages get no finding from it.",
            ]
        if self.source:
            lines += ["", f"Source: {readable_source(self.source)}"]
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
    return _compose(path)[1]


def _suggest(word: str, options: Iterable[str]) -> str:
    match = difflib.get_close_matches(word, list(options), n=1)
    return f" (did you mean '{match[0]}'?)" if match else ""


def parse_rule(
    data: Any,
    where: str,
    pack: str,
    lines: dict[str, int] | None = None,
    prefix: str | None = None,
) -> Rule:
    lines = lines or {}
    base = where

    def at(key: str) -> str:
        return f"{base}:{lines[key]}" if key in lines else base

    if not isinstance(data, dict):
        raise RuleError(f"{where}: a rule must be a mapping")
    for key in data:
        if key not in _RULE_KEYS:
            raise RuleError(f"{at(str(key))}: unknown key '{key}'{_suggest(str(key), _RULE_KEYS)}")
    for required in ("code", "name", "severity", "scope", "extends", "summary"):
        if required not in data:
            raise RuleError(f"{where}: missing '{required}'")
    where = at("code")
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
        raise RuleError(
            f"{at('extends')}: unknown kind 'extends: {kind}'{_suggest(str(kind), KINDS)}"
        )
    if kind not in ("engine", "python") and not data.get("message"):
        raise RuleError(f"{where}: missing 'message'")
    message = str(data.get("message") or "")
    if len(message) > MAX_MESSAGE_CHARS or message.count("{") > MAX_MESSAGE_FIELDS:
        # 100,000 '{text}' placeholders made a 715 MB report: a message is one sentence.
        raise RuleError(
            f"{at('message')}: the message is too long ({len(message):,} characters, "
            f"{message.count('{'):,} placeholders; at most {MAX_MESSAGE_CHARS} and "
            f"{MAX_MESSAGE_FIELDS})"
        )
    if prefix is not None and not code.startswith(prefix):
        raise RuleError(f"{at('code')}: code '{code}' must start with the pack prefix '{prefix}'")
    if prefix is not None and code.startswith("OKR"):
        raise RuleError(f"{at('code')}: the OKR prefix is reserved for okrlint's own rules")
    _validate_kind(kind, data, at, pack)
    for key, shape in (("options", dict), ("examples", dict), ("needs", list)):
        if data.get(key) is not None and not isinstance(data[key], shape):
            what = "a mapping" if shape is dict else "a list"
            raise RuleError(f"{at(key)}: '{key}' must be {what}")
    if data.get("chain") is not None and not (
        isinstance(data["chain"], str) and data["chain"] in ("objective", "key_result")
    ):
        raise RuleError(f"{at('chain')}: 'chain' is 'objective' or 'key_result'")
    rank = data.get("chain_rank")
    if rank is not None and (
        data.get("chain") is None or isinstance(rank, bool) or not isinstance(rank, int) or rank < 0
    ):
        raise RuleError(f"{at('chain_rank')}: 'chain_rank' is a whole number >= 0 beside 'chain'")
    if any(not isinstance(n, str) for n in data.get("needs") or ()):
        raise RuleError(f"{at('needs')}: 'needs' lists names such as 'analysis'")
    if not isinstance(data.get("enabled", True), bool):
        raise RuleError(f"{at('enabled')}: 'enabled' is true or false")
    for verdict, cases in (data.get("examples") or {}).items():
        if verdict not in ("fail", "pass") or not isinstance(cases or [], list):
            raise RuleError(f"{at('examples')}: 'examples' holds 'fail:' and 'pass:' lists")
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
        severity_why=str(data.get("severity_why", "")),
        fix=str(data.get("fix", "")),
        message=str(data.get("message", "")),
        enabled=bool(data.get("enabled", True)),
        options=options,
        examples={k: list(v or []) for k, v in (data.get("examples") or {}).items()},
        source=str(data.get("source", "")),
        chain=data.get("chain"),
        chain_rank=rank,
        needs=tuple(data.get("needs") or ())
        + (
            ("analysis",)
            if kind == "requires"
            and set(data.get("parts") or ()) & {"baseline", "target", "unit", "metric"}
            else ()
        ),
        spec={k: v for k, v in data.items() if k not in ("examples", "why", "fix", "severity_why")},
        pack=pack,
        path=where,
    )
    if kind == "python":
        if data.get("plugin"):
            rule.check = _plugin_check(str(data["plugin"]), at("plugin"))
        else:
            target = data.get("check")
            if not target or ":" not in str(target):
                raise RuleError(
                    f"{where}: a python rule needs 'plugin: <entry point name>' (an installed "
                    "package's okrlint.rules entry point)"
                )
            lazy = pack == "okrlint"  # okrlint's own checks: imported when first run
            rule.check = _import_check(str(target), at("check"), lazy=lazy)
    return rule


def _validate_kind(kind: str, data: dict[str, Any], at: Callable[[str], str], pack: str) -> None:
    needed = _KIND_KEYS.get(kind)
    if needed and not any(k in data for k in needed):
        raise RuleError(f"{at('extends')}: an '{kind}' rule needs {' or '.join(needed)}")
    level = data.get("level")
    if level is not None:
        levels = [level] if isinstance(level, str) else level
        if not isinstance(levels, list) or any(x not in LEVELS for x in levels):
            raise RuleError(f"{at('level')}: 'level' must be a list of {', '.join(LEVELS)}")
    if kind == "existence":
        for key in ("tokens", "regex"):
            value = data.get(key)
            if value is not None and (
                not isinstance(value, list) or not all(isinstance(x, str) for x in value)
            ):
                raise RuleError(f"{at(key)}: '{key}' must be a list of strings")
        if len(data.get("regex") or []) > MAX_REGEXES_PER_RULE:
            raise RuleError(
                f"{at('regex')}: more than {MAX_REGEXES_PER_RULE} regular expressions in one rule"
            )
        for pattern in data.get("regex") or []:
            try:
                compile_regex(pattern, bool(data.get("ignorecase", True)))
            except Exception as exc:  # the regex module raises its own error class
                raise RuleError(
                    f"{at('regex')}: bad regular expression {pattern!r}: {exc}"
                ) from None
    elif kind == "substitution":
        swap = data.get("swap")
        if not isinstance(swap, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in swap.items()
        ):
            raise RuleError(f"{at('swap')}: 'swap' must map words to their replacements")
    elif kind == "pattern":
        patterns = data.get("patterns")
        if not isinstance(patterns, list) or not patterns:
            raise RuleError(f"{at('patterns')}: 'patterns' must be a list of token patterns")
        if _has_key(patterns, "REGEX"):
            # spaCy matches REGEX with Python's re, which no timeout bounds: a 149-byte file
            # took 56 s. Regular expressions belong in 'existence' rules (bounded in time).
            raise RuleError(
                f"{at('patterns')}: REGEX is not allowed in token patterns (it cannot be bounded "
                "in time); use an 'existence' rule with 'regex:' instead"
            )
        try:
            from okrlint.analysis.nlp import Matcher, get_nlp

            Matcher(get_nlp().vocab).add("check", [list(p) for p in patterns])
        except Exception as exc:
            message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise RuleError(f"{at('patterns')}: bad token pattern: {message}") from None
    elif kind == "requires":
        parts = data.get("parts") or []
        if not isinstance(parts, list) or any(p not in REQUIRABLE for p in parts):
            bad = (
                next((p for p in parts if p not in REQUIRABLE), parts)
                if isinstance(parts, list)
                else parts
            )
            raise RuleError(
                f"{at('parts')}: unknown part {bad!r}{_suggest(str(bad), REQUIRABLE)} "
                f"(parts: {', '.join(REQUIRABLE)})"
            )
        meta = data.get("metadata") or []
        if not isinstance(meta, list) or not all(isinstance(x, str) for x in meta):
            raise RuleError(f"{at('metadata')}: 'metadata' must be a list of field names")
    elif kind == "occurrence":
        if data.get("count") not in ("objectives", "key_results", "words", "initiatives"):
            raise RuleError(
                f"{at('count')}: 'count' must be objectives, key_results, words or initiatives"
            )
        if data.get("min") is None and data.get("max") is None:
            raise RuleError(f"{at('count')}: an occurrence rule needs 'min' or 'max'")
        for bound in ("min", "max"):
            value = data.get(bound)
            if isinstance(value, str) and re.fullmatch(r"\{[\w-]+\}", value):
                continue  # "{max}": the rule's option (validated as an option)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                # ".inf" or "2.5" (or a string): counts are whole numbers
                raise RuleError(f"{at(bound)}: '{bound}' must be a whole number, not {value!r}")
    elif kind == "python" and pack != "okrlint" and data.get("check"):
        raise RuleError(
            f"{at('check')}: a rule pack cannot name Python code; use 'plugin:' with an installed "
            "package's okrlint.rules entry point"
        )


MAX_MESSAGE_CHARS = 1_000
MAX_MESSAGE_FIELDS = 12


def _has_key(value: Any, key: str) -> bool:
    """Whether ``key`` appears as a mapping key anywhere in ``value`` (nested lists and maps)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if key in item:
                return True
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


# Bounds on a pack's regular expressions: compiling "a{4294967294}" takes gigabytes, and many
# patterns each under the per-statement timeout still add up.
MAX_REGEX_CHARS = 500
MAX_REGEX_REPEAT = 1_000
MAX_REGEXES_PER_RULE = 100
_REPEAT = re.compile(r"(?<!\\)\{\s*(\d+)\s*(?:,\s*(\d*)\s*)?\}")


def compile_regex(pattern: str, ignorecase: bool) -> Any:
    """Regular expressions in packs use the ``regex`` module, matched with a timeout; their
    size and repeat counts are bounded before compiling."""
    import regex

    if len(pattern) > MAX_REGEX_CHARS:
        raise ValueError(f"longer than {MAX_REGEX_CHARS} characters")
    for m in _REPEAT.finditer(pattern):
        counts = [int(g) for g in m.groups() if g]
        if any(c > MAX_REGEX_REPEAT for c in counts):
            raise ValueError(f"a repeat count above {MAX_REGEX_REPEAT} ({m.group(0)})")
    return regex.compile(pattern, regex.IGNORECASE if ignorecase else 0)


def _plugin_check(name: str, where: str) -> Callable[..., Any]:
    from importlib.metadata import entry_points

    for ep in entry_points(group="okrlint.rules"):
        if ep.name == name:
            try:
                return ep.load()  # type: ignore[no-any-return]
            except Exception as exc:
                raise RuleError(f"{where}: cannot load plugin '{name}': {exc}") from None
    raise RuleError(
        f"{where}: no installed plugin provides '{name}' (entry point group okrlint.rules)"
    )


class _LazyCheck:
    """One of okrlint's own checks, imported on its first call: a run over files without OKRs
    never imports the statement checks (nor compiles their patterns)."""

    def __init__(self, module_name: str, func_name: str) -> None:
        self.module_name, self.func_name = module_name, func_name
        self.__module__, self.__qualname__ = module_name, func_name
        self._func: Callable[..., Any] | None = None

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self._func is None:
            module = importlib.import_module(self.module_name)
            self._func = getattr(module, self.func_name)
        return self._func(*args, **kwargs)


def _import_check(target: str, where: str, lazy: bool = False) -> Callable[..., Any]:
    module_name, _, func_name = target.partition(":")
    if not module_name.startswith("okrlint."):
        raise RuleError(
            f"{where}: 'check: {target}': only installed plugins may run code "
            "(see the okrlint.rules entry point)"
        )
    if lazy:
        return _LazyCheck(module_name, func_name)
    try:
        module = importlib.import_module(module_name)
        return getattr(module, func_name)  # type: ignore[no-any-return]
    except (ImportError, AttributeError) as exc:
        raise RuleError(f"{where}: cannot load check '{target}': {exc}") from None


def _compose(path: Path, builtin: bool = False) -> tuple[Any, Any]:
    """A pack file's node tree and data: a regular file of bounded size, its YAML bounded
    (okrlint's own pack, shipped with it, is not checked for alias bombs)."""
    try:
        return compose_bounded(read_small_text(path), path, limits=not builtin)
    except SmallFileError as exc:
        raise RuleError(str(exc)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise RuleError(f"{where}: invalid YAML: {getattr(exc, 'problem', exc)}") from None


def _key_lines(node: Any) -> dict[str, int]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(k.value): k.start_mark.line + 1 for k, _ in node.value}


def _not_builtin(name: str, builtin: bool, where: Path) -> None:
    """Only okrlint's own pack is called "okrlint" (its rules may name okrlint's checks)."""
    if name.strip().lower() == "okrlint" and not builtin:
        raise RuleError(f"{where}: the pack name 'okrlint' is reserved for okrlint's own rules")


def load_pack(path: Path, pack: str | None = None) -> list[Rule]:
    """Rules of a pack: a folder of rule files (with ``_pack.yaml``: name and prefix), or one
    file with ``pack: {name, prefix}`` and ``rules: [...]``. A pack is data from a repository:
    any value of the wrong shape is one :class:`RuleError` naming the file, never a traceback."""
    try:
        return _load_pack(path, pack)
    except RuleError:
        raise
    except (TypeError, AttributeError, ValueError, KeyError, IndexError) as exc:
        raise RuleError(
            f"{path}: a value of the wrong type or shape in this rule pack ({exc}): "
            "see the rule file format in docs/rules.md"
        ) from None


def _load_pack(path: Path, pack: str | None = None) -> list[Rule]:
    if not path.exists():
        raise RuleError(f"{path}: rule pack not found")
    builtin = pack == "okrlint"
    prefix: str | None = None
    name = pack
    rules: list[Rule] = []
    if path.is_dir():
        meta_file = path / "_pack.yaml"
        if meta_file.is_file():
            meta = load_yaml_file(meta_file) or {}
            name = name or str(meta.get("name") or path.name)
            _not_builtin(name, builtin, meta_file)
            prefix = meta.get("prefix")
        files = sorted(path.glob("*.yaml")) + sorted(path.glob("*.yml"))
        units: list[tuple[Path, Any, Any]] = []
        for file in files:
            if file.name.startswith("_"):
                continue
            node, data = _compose(file, builtin)
            units.append((file, node, data))
    else:
        node, data = _compose(path, builtin)
        if not isinstance(data, dict) or "rules" not in data:
            raise RuleError(f"{path}: a rule pack file needs 'pack:' and 'rules:'")
        meta = data.get("pack") or {}
        name = name or str(meta.get("name") or path.stem)
        _not_builtin(name, builtin, path)
        prefix = meta.get("prefix")
        rules_node = (
            next((v for k, v in node.value if str(k.value) == "rules"), None)
            if isinstance(node, yaml.MappingNode)
            else None
        )
        items = list(data.get("rules") or [])
        nodes = list(rules_node.value) if isinstance(rules_node, yaml.SequenceNode) else []
        units = [(path, nodes[i] if i < len(nodes) else None, item) for i, item in enumerate(items)]
    pack_name = name or path.name
    if pack_name != "okrlint":
        if not isinstance(prefix, str) or not _PREFIX.match(prefix):
            raise RuleError(
                f"{path}: a rule pack must declare its prefix (2-10 capital letters), e.g. "
                "'prefix: ACME' in _pack.yaml or under 'pack:'"
            )
        if prefix == "OKR":
            raise RuleError(f"{path}: the OKR prefix is reserved for okrlint's own rules")
    for file, node, data in units:
        rules.append(
            parse_rule(
                data,
                str(file),
                pack_name,
                _key_lines(node),
                prefix if pack_name != "okrlint" else None,
            )
        )
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


def registry_with_packs(packs: Iterable[Path]) -> Registry:
    """The built-in rules plus the rules of these packs (codes and names must not clash)."""
    rules = list(builtin_rules())
    for pack in packs:
        rules.extend(load_pack(pack))
    return Registry(rules)
