"""Configuration: ``.okrlint.yaml`` / ``.okrlint.yml`` or ``[tool.okrlint]`` in ``pyproject.toml``.

The file that applies to a linted file is the first one found walking up from the file's folder
to the repository root (a folder with ``.git``); ``--config`` names one for every file and
``--isolated`` ignores them all. Paths and globs in a file are relative to that file's folder.
Validation is strict: an unknown key, rule, option or a wrong type is an error that names the
file, the key and a "did you mean" suggestion.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from okrlint.files import git_root
from okrlint.registry import SEVERITIES, Registry, Rule, RuleError, registry_with_packs
from okrlint.report.score import ScoreConfig
from okrlint.smallfile import SmallFileError, compose_bounded, read_small_text

if TYPE_CHECKING:
    import pathspec

CONFIG_NAMES = (".okrlint.yaml", ".okrlint.yml")
KEYS = (
    "select",
    "extend-select",
    "ignore",
    "per-file-ignores",
    "include",
    "exclude",
    "fail-level",
    "format",
    "rules",
    "rule-packs",
    "max-file-size",
    "score",
    "min-score",
)
FORMAT_CHOICES = (
    "text",
    "full",
    "json",
    "json-lines",
    "github",
    "gitlab",
    "rdjson",
    "sarif",
    "junit",
    "markdown",
    "html",
    "json-report",
)


class ConfigError(ValueError):
    """An invalid configuration file: one line naming the file, the key and the problem."""


# Bounds on the globs of a configuration: 32,000 patterns, or one with a hundred stars, took
# minutes to match (a configuration in a pull request is read by CI).
MAX_PATTERNS = 1_000
MAX_PATTERN_CHARS = 500
MAX_PATTERN_STARS = 16


@lru_cache(maxsize=64)
def _compiled(patterns: tuple[str, ...]) -> pathspec.PathSpec[Any]:
    """Globs compiled once per list, not once per file (pathspec is imported on the first
    list: most runs have none)."""
    import pathspec

    return pathspec.PathSpec.from_lines("gitignore", patterns)


@dataclass
class Config:
    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    include: list[str] | None = None
    exclude: list[str] = field(default_factory=list)
    fail_level: str | None = None
    format: str | None = None
    severities: dict[str, str] = field(default_factory=dict)  # code -> severity or "off"
    options: dict[str, dict[str, Any]] = field(default_factory=dict)  # code -> options
    rule_packs: list[str] = field(default_factory=list)
    max_file_size: int | None = None
    score: ScoreConfig = field(default_factory=ScoreConfig)  # weights and tiers
    min_score: float | None = None
    registry: Registry | None = None  # built-in rules plus this file's rule packs
    _root: Path | None = field(default=None, init=False, repr=False, compare=False)
    _relative: dict[str, str | None] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def _spec(self, patterns: list[str]) -> pathspec.PathSpec[Any]:
        return _compiled(tuple(patterns))

    def relative(self, path: str) -> str | None:
        """``path`` relative to the configuration's root (None outside it), computed once per
        path: include, exclude and per-file ignores each ask for every file."""
        known = self._relative.get(path, False)
        if known is not False:
            return known  # type: ignore[return-value]
        if self._root is None:
            self._root = self.root.resolve()
        try:
            rel: str | None = Path(path).resolve().relative_to(self._root).as_posix()
        except ValueError:
            rel = None
        self._relative[path] = rel
        return rel

    def excluded(self, path: str) -> bool:
        if not self.exclude:
            return False
        rel = self.relative(path)
        return rel is not None and self._spec(self.exclude).match_file(rel)

    def included(self, path: str) -> bool:
        if self.include is None:
            return True
        rel = self.relative(path)
        return rel is not None and self._spec(self.include).match_file(rel)

    def ignores_for(self, path: str) -> list[str]:
        if not self.per_file_ignores:
            return []  # no path to resolve: most runs have no per-file ignores
        rel = self.relative(path)
        if rel is None:
            return []
        out: list[str] = []
        for pattern, rules in self.per_file_ignores.items():
            if self._spec([pattern]).match_file(rel):
                out.extend(rules)
        return out

    def as_dict(self) -> dict[str, Any]:
        return {
            "config-file": str(self.path) if self.path else None,
            "select": self.select,
            "extend-select": self.extend_select,
            "ignore": self.ignore,
            "per-file-ignores": self.per_file_ignores,
            "include": self.include,
            "exclude": self.exclude,
            "fail-level": self.fail_level,
            "format": self.format,
            "rules": {
                code: {
                    **({"severity": self.severities[code]} if code in self.severities else {}),
                    **self.options.get(code, {}),
                }
                for code in sorted(set(self.severities) | set(self.options))
            },
            "rule-packs": self.rule_packs,
            "max-file-size": self.max_file_size,
            "score": self.score.as_dict(),
            "min-score": self.min_score,
        }


def _suggest(word: str, options: list[str]) -> str:
    match = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f" (did you mean '{match[0]}'?)" if match else ""


class _Loader:
    def __init__(self, path: Path, registry: Registry) -> None:
        self.path = path
        self.registry = registry
        self.lines: dict[str, int] = {}

    def where(self, key: str) -> str:
        line = self.lines.get(key)
        return f"{self.path}:{line}" if line else str(self.path)

    def fail(self, key: str, problem: str) -> ConfigError:
        return ConfigError(f"{self.where(key)}: {problem}")

    def _one_of(self, key: str, name: str, value: Any, allowed: list[str]) -> str:
        """``value`` if it is one of ``allowed``; else an error that names the closest one."""
        if value not in allowed:
            raise self.fail(
                key,
                f"'{name}' must be one of {', '.join(allowed)}, not {value!r}"
                f"{_suggest(str(value), allowed)}",
            )
        return str(value)

    def load(self) -> Config:
        data = self._read()
        cfg = Config(path=self.path, root=self.path.parent, registry=self.registry)
        if data is None:
            return cfg
        if not isinstance(data, dict):
            raise ConfigError(f"{self.path}: the configuration must be a mapping of keys")
        if "rule-packs" in data:
            # Packs first: the other keys may name their rules.
            cfg.rule_packs = self._str_list("rule-packs", data["rule-packs"])
            packs = [(cfg.root / p) for p in cfg.rule_packs]
            try:
                self.registry = registry_with_packs(packs)
            except RuleError as exc:
                raise ConfigError(str(exc)) from None
            cfg.registry = self.registry
        for key, value in data.items():
            k = str(key)
            if k not in KEYS:
                raise self.fail(k, f"unknown key '{k}'{_suggest(k, list(KEYS))}")
            self._apply(cfg, k, value)
        return cfg

    def _read(self) -> Any:
        try:
            text = read_small_text(self.path)
        except SmallFileError as exc:
            raise ConfigError(str(exc)) from None
        if self.path.name == "pyproject.toml":
            import tomllib

            try:
                doc = tomllib.loads(text)
            except tomllib.TOMLDecodeError as exc:
                raise ConfigError(f"{self.path}: invalid TOML: {exc}") from None
            tool = doc.get("tool")
            if not isinstance(tool, dict):
                raise ConfigError(f"{self.path}: 'tool' must be a table, not {tool!r}")
            section = tool.get("okrlint")
            for i, line in enumerate(text.splitlines(), start=1):
                stripped = line.strip()
                key = stripped.split("=", 1)[0].strip().strip('"')
                if key and key not in self.lines and "=" in stripped:
                    self.lines[key] = i
            return section
        try:
            node, data = compose_bounded(text, self.path)  # refuses alias bombs before loading
        except SmallFileError as exc:
            raise ConfigError(str(exc)) from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"{self.path}:{mark.line + 1}" if mark else str(self.path)
            raise ConfigError(f"{where}: invalid YAML: {getattr(exc, 'problem', exc)}") from None
        if isinstance(node, yaml.MappingNode):
            for k, _ in node.value:
                self.lines.setdefault(str(k.value), k.start_mark.line + 1)
        return data

    def _rule_list(self, key: str, value: Any) -> list[str]:
        items = value.replace(",", " ").split() if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
            raise self.fail(key, f"'{key}' must be a list of rule codes, names or prefixes")
        for item in items:
            if not self.registry.match(item):
                raise self.fail(key, f"'{key}': unknown rule '{item}'{self.registry.suggest(item)}")
        return list(items)

    def _str_list(self, key: str, value: Any) -> list[str]:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
            raise self.fail(key, f"'{key}' must be a list of glob patterns")
        if len(items) > MAX_PATTERNS:
            raise self.fail(key, f"'{key}' has {len(items):,} patterns; at most {MAX_PATTERNS:,}")
        for item in items:
            if len(item) > MAX_PATTERN_CHARS or item.count("*") > MAX_PATTERN_STARS:
                raise self.fail(
                    key,
                    f"'{key}' pattern {item[:40]!r}... is too long or has too many '*' "
                    f"(at most {MAX_PATTERN_CHARS} characters and {MAX_PATTERN_STARS} stars)",
                )
        return list(items)

    def _apply(self, cfg: Config, key: str, value: Any) -> None:
        if key == "select":
            cfg.select = self._rule_list(key, value)
        elif key == "extend-select":
            cfg.extend_select = self._rule_list(key, value)
        elif key == "ignore":
            cfg.ignore = self._rule_list(key, value)
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise self.fail(key, "'per-file-ignores' must map glob patterns to rules")
            cfg.per_file_ignores = {
                str(pattern): self._rule_list(key, rules) for pattern, rules in value.items()
            }
        elif key == "include":
            cfg.include = self._str_list(key, value)
        elif key == "exclude":
            cfg.exclude = self._str_list(key, value)
        elif key == "fail-level":
            cfg.fail_level = self._one_of(key, key, value, list(SEVERITIES))
        elif key == "format":
            cfg.format = self._one_of(key, key, value, list(FORMAT_CHOICES))
        elif key == "rules":
            self._rules(cfg, value)
        elif key == "rule-packs":
            pass  # loaded first, above
        elif key == "max-file-size":
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise self.fail(key, "'max-file-size' must be a positive number of bytes")
            cfg.max_file_size = value
        elif key == "score":
            try:
                cfg.score = ScoreConfig.from_mapping(value)
            except ValueError as exc:
                raise self.fail(key, str(exc)) from None
        elif key == "min-score":
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
            if not ok or not 0 <= value <= 100:
                raise self.fail(key, "'min-score' must be a number from 0 to 100")
            cfg.min_score = float(value)

    def _rules(self, cfg: Config, value: Any) -> None:
        if not isinstance(value, dict):
            raise self.fail("rules", "'rules' must map rule codes or names to settings")
        for name, settings in value.items():
            rule = self.registry.get(str(name))
            if rule is None:
                raise self.fail(
                    "rules", f"'rules': unknown rule '{name}'{self.registry.suggest(str(name))}"
                )
            if settings is None:
                continue
            if settings is False:  # YAML reads a bare `off` as false
                settings = "off"
            if isinstance(settings, str):
                settings = {"severity": settings}
            if not isinstance(settings, dict):
                raise self.fail("rules", f"'rules.{name}' must be a mapping (severity, options)")
            self._rule_settings(cfg, rule, str(name), settings)

    def _rule_settings(self, cfg: Config, rule: Rule, name: str, settings: dict[str, Any]) -> None:
        for key, val in settings.items():
            if key == "severity":
                val = "off" if val is False else val
                allowed = [*SEVERITIES, "off"]
                cfg.severities[rule.code] = self._one_of(
                    "rules", f"rules.{name}.severity", val, allowed
                )
                continue
            option = rule.options.get(str(key))
            if option is None:
                known = ["severity", *rule.options]
                raise self.fail(
                    "rules",
                    f"'rules.{name}': unknown option '{key}' for {rule.code} {rule.name}"
                    f"{_suggest(str(key), known)}",
                )
            try:
                option.coerce(val, f"{self.where('rules')}: 'rules.{name}'")
            except ValueError as exc:
                raise ConfigError(str(exc)) from None
            cfg.options.setdefault(rule.code, {})[option.name] = val


def load_config(path: Path, registry: Registry) -> Config:
    if not path.is_file():
        raise ConfigError(f"{path}: configuration file not found")
    return _Loader(path, registry).load()


def _has_okrlint_table(path: Path) -> bool:
    """Whether a pyproject.toml holds okrlint's table. One that cannot be parsed but mentions
    ``tool.okrlint`` is okrlint's and is reported (not silently ignored)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    import tomllib  # only where a pyproject.toml is found

    try:
        tool = tomllib.loads(text).get("tool", {})
    except tomllib.TOMLDecodeError:
        return "tool.okrlint" in text
    return isinstance(tool, dict) and "okrlint" in tool


def _search_top(start: Path) -> Path:
    """How far up configuration is looked for: the repository root (the nearest folder with
    ``.git``); without one, the working directory (or the file's own folder when it lies
    outside it), so a stray ``.okrlint.yaml`` in /tmp or $HOME never applies."""
    root = git_root(start)
    if root is not None:
        return root
    cwd = Path.cwd().resolve()
    return cwd if start.is_relative_to(cwd) else start


def find_config_file(directory: Path) -> Path | None:
    """The configuration for files in ``directory``: walk up to the repository root."""
    current = directory.resolve()
    top = _search_top(current)
    while True:
        for name in CONFIG_NAMES:
            candidate = current / name
            if candidate.is_file():
                return candidate
        pyproject = current / "pyproject.toml"
        if pyproject.is_file() and _has_okrlint_table(pyproject):
            return pyproject
        if current == top or current.parent == current:
            return None
        current = current.parent


class ConfigResolver:
    """Which configuration applies to each linted file (loaded once per file)."""

    def __init__(self, registry: Registry, explicit: Path | None, isolated: bool) -> None:
        self.registry = registry
        self.isolated = isolated
        self.cache: dict[Path, Config] = {}
        self.found: dict[Path, Path | None] = {}
        self.explicit = load_config(explicit, registry) if explicit else None
        self.default = Config(registry=registry)

    def for_path(self, path: str) -> Config:
        if self.explicit is not None:
            return self.explicit
        if self.isolated or path == "-":
            return self.default
        directory = Path(path).parent if Path(path).suffix else Path(path)
        if directory not in self.found:
            self.found[directory] = find_config_file(directory)
        found = self.found[directory]
        if found is None:
            return self.default
        if found not in self.cache:
            self.cache[found] = load_config(found, self.registry)
        return self.cache[found]
