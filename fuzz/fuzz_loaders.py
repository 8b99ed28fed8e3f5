"""Coverage-guided fuzzing (atheris / libFuzzer) of the loaders a pull request controls: the
configuration (``.okrlint.yaml``, ``pyproject.toml``) and rule packs.

One input is one file: the first byte chooses what it is (0: ``.okrlint.yaml``, 1:
``pyproject.toml``, 2: a rule pack file, 3: a rule in a pack folder beside a fixed
``_pack.yaml``), the rest are the file's bytes. A loader must answer with a configuration or a
registry, or with its own one-line error (``ConfigError``, ``RuleError``); a loaded rule pack's
rules must then run on an OKR file without raising. A crash is any other exception, or (with
libFuzzer's ``-timeout``) an input that takes too long.

Run it (see fuzz/README.md)::

    python fuzz/make_seeds.py --loaders fuzz/corpus-loaders
    python fuzz/fuzz_loaders.py fuzz/corpus-loaders -dict=fuzz/okr.dict -max_len=4096 \\
        -timeout=5 -max_total_time=600
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["okrlint"]):
    import okrlint.checks
    import okrlint.checks.declarative  # noqa: F401
    from okrlint.config import ConfigError, load_config
    from okrlint.engine import Settings, lint
    from okrlint.readers import read_bytes
    from okrlint.registry import Registry, RuleError, default_registry, registry_with_packs

REGISTRY = default_registry()
KINDS = (".okrlint.yaml", "pyproject.toml", "pack.yaml", "rules/ACME001-x.yaml")
PACK_HEADER = b"name: acme\nprefix: ACME\n"
OKR_FILE = (
    b"# OKRs\n\n## Objective: Grow revenue responsibly\n\n"
    b"- KR1: Increase ARR from $1M to $2M\n- KR2: Launch the new pricing page\n"
)
DOC = read_bytes("okrs.md", OKR_FILE)
WORK = Path(tempfile.mkdtemp(prefix="okrlint-fuzz-loaders-"))


def split(data: bytes) -> tuple[str, bytes]:
    if not data:
        return KINDS[0], b""
    return KINDS[data[0] % len(KINDS)], data[1:]


def run_rules(registry: Registry) -> None:
    """The pack's rules run on an OKR file: findings or a CheckError, nothing else."""
    codes = frozenset(r.code for r in registry.rules)
    settings = Settings(registry=registry, selected=codes)
    errors: list[str] = []
    lint(DOC, settings, explicit=True, errors=errors)


def TestOneInput(data: bytes) -> None:
    name, body = split(data)
    folder = Path(tempfile.mkdtemp(dir=WORK))
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body)
    try:
        if name in (".okrlint.yaml", "pyproject.toml"):
            try:
                config = load_config(path, REGISTRY)
            except ConfigError:
                return
            if config.registry is not None:
                run_rules(config.registry)
            return
        if name.startswith("rules/"):
            (folder / "rules" / "_pack.yaml").write_bytes(PACK_HEADER)
            target = folder / "rules"
        else:
            target = path
        try:
            registry = registry_with_packs([target])  # as a configuration's rule-packs
        except RuleError:
            return
        run_rules(registry)
    finally:
        for p in sorted(folder.rglob("*"), reverse=True):
            p.rmdir() if p.is_dir() else p.unlink()
        folder.rmdir()


def main() -> None:
    TestOneInput(b"\x02" + PACK_HEADER + b"rules: []\n")
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
