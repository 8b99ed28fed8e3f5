"""Write the seed corpus of fuzz_readers.py: the repository's examples and test fixtures and
the small hostile inputs, each prefixed with the byte that chooses its reader (0 Markdown,
1 YAML). Usage: ``python fuzz/make_seeds.py fuzz/corpus``."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX = 4096


def seeds() -> list[tuple[str, bytes]]:
    out: list[tuple[str, bytes]] = []
    for folder in (ROOT / "examples", ROOT / "tests" / "fixtures"):
        for path in sorted(folder.rglob("*")):
            if path.suffix.lower() in (".md", ".markdown", ".yaml", ".yml") and path.is_file():
                out.append((path.name, path.read_bytes()))
    sys.path.insert(0, str(ROOT / "tests" / "hostile"))
    from hostile_inputs import CASES

    for case in CASES.values():
        if not case.big:
            out.append((case.filename, case.build()))
    return out


def loader_seeds() -> list[bytes]:
    """Seeds of fuzz_loaders.py, each prefixed with its kind (0: .okrlint.yaml, 1:
    pyproject.toml, 2: a pack file, 3: a rule file in a pack folder): the configuration
    examples of the README, the example pack's rules and okrlint's own rule files."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = readme.split("```")
    out: list[bytes] = []
    for i in range(1, len(blocks), 2):
        lang, _, body = blocks[i].partition("\n")
        if lang.strip() == "yaml" and body.startswith("# .okrlint.yaml"):
            out.append(b"\x00" + body.encode("utf-8"))
            # The same without its rule pack (the folder it names is not there).
            kept = [ln for ln in body.splitlines() if not ln.startswith("rule-packs:")]
            out.append(b"\x00" + "\n".join(kept).encode("utf-8") + b"\n")
        elif lang.strip() == "toml" and "[tool.okrlint]" in body:
            out.append(b"\x01" + body.encode("utf-8"))
    house = ROOT / "examples" / "house-rules"
    rules = [p for p in sorted(house.glob("*.yaml")) if p.name != "_pack.yaml"]
    pack = b"pack: {name: acme, prefix: ACME}\nrules:\n"
    for path in rules:
        body = path.read_bytes()
        out.append(b"\x03" + body)
        pack += b"  - " + body.replace(b"\n", b"\n    ").rstrip() + b"\n"
    out.append(b"\x02" + pack)
    for path in sorted((ROOT / "rules" / "okrlint").glob("OKR*.yaml"))[:12]:
        # okrlint's own rules, renamed into the seed pack's prefix.
        out.append(b"\x03" + path.read_bytes().replace(b"code: OKR", b"code: ACME"))
    return out


def main(target: str) -> None:
    folder = Path(target)
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    for name, data in seeds():
        prefix = b"\x01" if name.endswith((".yaml", ".yml")) else b"\x00"
        # Long files are cut into pieces the fuzzer's -max_len keeps whole.
        for i in range(0, max(len(data), 1), MAX - 1):
            piece = prefix + data[i : i + MAX - 1]
            digest = hashlib.sha1(piece).hexdigest()
            (folder / digest).write_bytes(piece)
            n += 1
    print(f"{n} seeds in {folder}")


def main_loaders(target: str) -> None:
    folder = Path(target)
    folder.mkdir(parents=True, exist_ok=True)
    seeds = loader_seeds()
    for piece in seeds:
        (folder / hashlib.sha1(piece[:MAX]).hexdigest()).write_bytes(piece[:MAX])
    print(f"{len(seeds)} seeds in {folder}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--loaders":
        main_loaders(sys.argv[2] if len(sys.argv) > 2 else "fuzz/corpus-loaders")
    else:
        main(sys.argv[1] if len(sys.argv) > 1 else "fuzz/corpus")
