"""Line coverage of okrlint's readers and analysis by a fuzzing corpus (standard library only).

Replays every file of the corpus through ``fuzz_readers.run_one`` under ``sys.settrace`` and
prints, per module, the lines of its functions that ran. Slow (``settrace``: about 15 minutes
for 4,000 inputs). Usage::

    python fuzz/coverage_report.py fuzz/corpus
"""

from __future__ import annotations

import inspect
import sys
import types
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import okrlint  # noqa: E402

PACKAGE = Path(okrlint.__file__).resolve().parent
MODULES = ("readers", "analysis", "checks", "engine.py", "suppress.py")


def _watched(filename: str) -> bool:
    try:
        rel = Path(filename).resolve().relative_to(PACKAGE)
    except ValueError:
        return False
    return rel.parts[0] in MODULES


def _executable(path: Path) -> set[int]:
    """Lines of the module's functions (module and class bodies ran at import, before the
    replay: they are not counted either way)."""
    code = compile(path.read_text(encoding="utf-8"), str(path), "exec")
    lines: set[int] = set()
    stack = [code]
    while stack:
        co = stack.pop()
        if co.co_flags & inspect.CO_OPTIMIZED:  # a function, not a module or class body
            lines.update(line for _, _, line in co.co_lines() if line is not None)
        stack.extend(c for c in co.co_consts if isinstance(c, types.CodeType))
    return lines


def main(corpus: str) -> None:
    from fuzz_readers import run_one

    hit: dict[str, set[int]] = defaultdict(set)

    def tracer(frame: types.FrameType, event: str, arg: object):  # type: ignore[no-untyped-def]
        filename = frame.f_code.co_filename
        if not _watched(filename):
            return None

        def local(frame: types.FrameType, event: str, arg: object):  # type: ignore[no-untyped-def]
            if event == "line":
                hit[filename].add(frame.f_lineno)
            return local

        hit[filename].add(frame.f_lineno)
        return local

    files = sorted(p for p in Path(corpus).iterdir() if p.is_file())
    sys.settrace(tracer)
    try:
        for path in files:
            try:
                run_one(path.read_bytes())
            except Exception as exc:  # a crash file in the corpus: say so, go on
                print(f"{path.name}: {type(exc).__name__}: {exc}", file=sys.stderr)
    finally:
        sys.settrace(None)

    total_hit = total = 0
    rows = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if not _watched(str(path)):
            continue
        lines = _executable(path)
        reached = {n for n in hit.get(str(path), set()) if n in lines}
        total += len(lines)
        total_hit += len(reached)
        rows.append((str(path.relative_to(PACKAGE)), len(reached), len(lines)))
    print(f"{len(files)} inputs replayed")
    for name, reached, lines in rows:
        print(f"{name:36s} {reached:5d}/{lines:<5d} {100 * reached / max(lines, 1):5.1f}%")
    print(f"{'total':36s} {total_hit:5d}/{total:<5d} {100 * total_hit / max(total, 1):5.1f}%")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(HERE / "corpus"))
