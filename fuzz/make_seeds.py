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


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "fuzz/corpus")
