"""okrlint's benchmark suite: ``python -m benchmarks.run`` from the repository root.

Generates a deterministic corpus (:mod:`benchmarks.generate`), then measures, each as the median
of ``--runs`` runs of a separate process (wall time with ``time.perf_counter``, peak resident
memory of that process alone through ``/usr/bin/time -f %M`` or a small launcher):

    a       floor: ``python -c "import spacy; spacy.blank('en')"``
    b       ``okrlint --no-cache ONE_FILE`` (one generated OKR file)
    c       ``okrlint --no-cache README.md`` (a Markdown file without OKRs)
    d       ``okrlint -j 1 --no-cache CORPUS`` (cold, one process)
    d-warm  ``okrlint -j 1 --cache-dir CACHE CORPUS`` (after one run that filled the cache)
    e       ``okrlint -j 2 --no-cache CORPUS``
    f       spaCy's blank English tokenizer alone over every statement (``nlp.pipe``)
    g       proselint over the same corpus (when installed)

then checks the targets of the issue "Fast enough to forget it is there" and that d, e and
d-warm give identical findings. No network; the corpus and caches live in a temporary folder
that is removed afterwards (unless ``--workdir`` is given).

Exit code: 0 when every measurement ran and the outputs are identical (targets that FAIL are
reported, not fatal, unless ``--strict``), 1 when the outputs differ or (with ``--strict``) a
target failed, 2 when a command failed.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from benchmarks.generate import Corpus, generate

DEFAULT_FILES = 2000
DEFAULT_RUNS = 3
QUICK_FILES = 20
QUICK_RUNS = 1
TODAY = "2026-10-01"  # fixed date for stale-review, so findings do not depend on the day
BUSY_LOAD = 0.5  # a 1-minute load average above this before starting: warn
OKRLINT_OK = (0, 1)  # 0: clean, 1: findings; 2 is a failure

# Run a command as the only child of this launcher, then write that child's peak RSS (KiB on
# Linux) and CPU seconds, like "/usr/bin/time -f '%M %U %S'". RUSAGE_CHILDREN's ru_maxrss is a
# maximum over all waited-for children, hence one child per launcher.
_LAUNCHER = """\
import resource, subprocess, sys
result = subprocess.run(sys.argv[2:])
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "w") as handle:
    handle.write(f"{usage.ru_maxrss} {usage.ru_utime} {usage.ru_stime}")
sys.exit(result.returncode)
"""
_TIME_FORMAT = "%M %U %S"

# Case f: time spaCy's blank English pipeline alone over the statements (a JSON list in argv[1]).
_TOKENIZE = """\
import json, sys, time
import spacy
statements = json.loads(open(sys.argv[1], encoding="utf-8").read())
nlp = spacy.blank("en")
start = time.perf_counter()
docs = list(nlp.pipe(statements))
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "docs": len(docs)}))
"""

_README = """\
# tidyfeed

tidyfeed turns noisy RSS and Atom feeds into a calm daily digest. It removes duplicates,
groups related stories and sends one e-mail a day at the time you choose.

[![CI](https://example.invalid/badge.svg)](https://example.invalid/ci)

## Table of contents

- [Install](#install)
- [Usage](#usage)
- [Configuration](#configuration)
- [Contributing](#contributing)

## Install

```sh
python -m pip install tidyfeed
tidyfeed --version
```

tidyfeed needs Python 3.11 or newer and an SMTP server (or a Mailgun account).

## Usage

```sh
tidyfeed add https://example.invalid/feed.xml
tidyfeed digest --since yesterday
```

| command | what it does |
| --- | --- |
| `add URL` | Subscribe to a feed. |
| `remove URL` | Unsubscribe. |
| `digest` | Build and send today's digest. |
| `list` | Show the feeds and when each was last read. |

## Configuration

The configuration lives in `~/.config/tidyfeed/config.toml`:

```toml
send_at = "07:30"
max_items = 40
group_threshold = 0.8
```

- `send_at`: local time of the daily e-mail.
- `max_items`: at most this many stories per digest.
- `group_threshold`: how similar two titles must be to share a group.

## How it works

Each feed is fetched with conditional requests, so unchanged feeds cost one round trip. Items
are normalised (tracking parameters removed, titles trimmed), hashed and compared with the last
30 days. Related stories are grouped by title similarity.

> Tip: run `tidyfeed digest --dry-run` to see the digest without sending it.

## Roadmap

- Web view of past digests
- Per-feed mute rules
- Importing OPML files

## Contributing

1. Fork the repository and create a branch.
2. Run `python -m pytest` and `ruff check .`.
3. Open a pull request that explains the change.

## License

MIT. See `LICENSE`.
"""


@dataclass
class Sample:
    seconds: float
    peak_mb: float
    cpu_seconds: float
    stdout: str = ""


class BenchmarkError(RuntimeError):
    """A measured command failed (exit code outside the accepted ones)."""


@dataclass
class Case:
    key: str
    title: str
    command: list[str] = field(default_factory=list)
    status: str = "ok"  # ok | skipped | failed
    note: str = ""
    times: list[float] = field(default_factory=list)
    peaks_mb: list[float] = field(default_factory=list)
    cpu_times: list[float] = field(default_factory=list)
    statements: int | None = None

    def add(self, sample: Sample, seconds: float | None = None) -> None:
        self.times.append(sample.seconds if seconds is None else seconds)
        self.peaks_mb.append(sample.peak_mb)
        self.cpu_times.append(sample.cpu_seconds)

    @property
    def seconds(self) -> float | None:
        return statistics.median(self.times) if self.times else None

    @property
    def peak_mb(self) -> float | None:
        return statistics.median(self.peaks_mb) if self.peaks_mb else None

    @property
    def cpu_seconds(self) -> float | None:
        return statistics.median(self.cpu_times) if self.cpu_times else None

    @property
    def statements_per_second(self) -> float | None:
        if self.statements is None or not self.seconds:
            return None
        return self.statements / self.seconds

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["seconds"] = self.seconds
        data["peak_mb"] = self.peak_mb
        data["cpu_seconds"] = self.cpu_seconds
        data["statements_per_second"] = self.statements_per_second
        return data


@dataclass
class Target:
    name: str
    value: float | None
    limit: float
    relation: str  # "<=" or ">="
    unit: str = ""

    @property
    def passed(self) -> bool | None:
        if self.value is None:
            return None
        return self.value <= self.limit if self.relation == "<=" else self.value >= self.limit

    @property
    def verdict(self) -> str:
        return {True: "PASS", False: "FAIL", None: "n/a"}[self.passed]

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["passed"] = self.passed
        return data


class Measurer:
    """Runs one command per run, timing it and reading the peak RSS of that process alone."""

    def __init__(self, workdir: Path, env: dict[str, str]) -> None:
        self.workdir = workdir
        self.env = env
        self.gnu_time = self._find_gnu_time()
        self._memfile = workdir / "peak-rss.txt"

    @staticmethod
    def _find_gnu_time() -> str | None:
        path = Path("/usr/bin/time")
        if not path.exists():
            return None
        probe = subprocess.run(
            [str(path), "-f", _TIME_FORMAT, "-o", os.devnull, "true"],
            capture_output=True,
            check=False,
        )
        return str(path) if probe.returncode == 0 else None

    @property
    def method(self) -> str:
        return "/usr/bin/time" if self.gnu_time else "a launcher (RUSAGE_CHILDREN)"

    def _wrap(self, cmd: Sequence[str]) -> list[str]:
        if self.gnu_time:
            return [self.gnu_time, "-f", _TIME_FORMAT, "-o", str(self._memfile), *cmd]
        return [sys.executable, "-c", _LAUNCHER, str(self._memfile), *cmd]

    def once(
        self,
        cmd: Sequence[str],
        ok_codes: Sequence[int] = (0,),
        capture_stdout: bool = False,
    ) -> Sample:
        """Run ``cmd`` once and return its wall time, peak RSS, CPU time (and stdout)."""
        self._memfile.unlink(missing_ok=True)
        start = time.perf_counter()
        result = subprocess.run(
            self._wrap(cmd),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE if capture_stdout else subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=self.env,
            cwd=self.workdir,
            check=False,
        )
        seconds = time.perf_counter() - start
        if result.returncode not in ok_codes:
            stderr = result.stderr.decode("utf-8", "replace").strip().splitlines()
            tail = " | ".join(stderr[-5:])
            raise BenchmarkError(f"exit {result.returncode}: {' '.join(cmd)}: {tail}")
        peak_kib, cpu = self._read_usage()
        stdout = result.stdout.decode("utf-8", "replace") if capture_stdout else ""
        return Sample(seconds, peak_kib / 1024, cpu, stdout)

    def _read_usage(self) -> tuple[float, float]:
        """(peak RSS in KiB, user + system CPU seconds) from the last run's usage file."""
        try:
            lines = self._memfile.read_text(encoding="utf-8").strip().splitlines()
        except OSError:
            return 0.0, 0.0
        # With -o, GNU time writes "Command exited with non-zero status 1" before the values.
        try:
            peak, user, system = (float(word) for word in lines[-1].split())
        except (IndexError, ValueError):
            return 0.0, 0.0
        return peak, user + system

    def measure(self, case: Case, runs: int, ok_codes: Sequence[int] = OKRLINT_OK) -> None:
        """Run ``case.command`` ``runs`` times, recording times, peaks and CPU times."""
        for _ in range(runs):
            sample = self.once(case.command, ok_codes)
            case.add(sample)


def okrlint_command() -> list[str]:
    """How to start okrlint with this interpreter: ``python -m okrlint`` or the script."""
    if importlib.util.find_spec("okrlint.__main__") is not None:
        return [sys.executable, "-m", "okrlint"]
    script = Path(sys.executable).parent / "okrlint"
    if script.exists():
        return [str(script)]
    found = shutil.which("okrlint")
    if found:
        return [found]
    raise BenchmarkError("okrlint is not installed: python -m pip install -e .")


# Peers installed for the side-by-side cases when missing (--no-install turns it off): in a
# folder of the work directory, never in the environment okrlint runs from.
_PEERS: dict[str, Path] = {}


def install_peers(workdir: Path) -> list[str]:
    """Install proselint (pip) and, when Node is present, markdownlint-cli2 (npm) into
    ``workdir/peers`` if they are not installed already. Returns what was done, for the log."""
    done: list[str] = []
    peers = workdir / "peers"
    if proselint_command() is None:
        target = peers / "python"
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "install",
                "--quiet",
                "--target",
                str(target),
                "proselint",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode == 0:
            _PEERS["proselint"] = target
            done.append(f"installed proselint into {target}")
        else:
            done.append("could not install proselint (pip install proselint)")
    npm = shutil.which("npm")
    if shutil.which("markdownlint-cli2") is None and npm is not None:
        prefix = peers / "node"
        result = subprocess.run(
            [npm, "install", "--silent", "--prefix", str(prefix), "markdownlint-cli2"],
            capture_output=True,
            text=True,
            check=False,
        )
        binary = prefix / "node_modules" / ".bin" / "markdownlint-cli2"
        if result.returncode == 0 and binary.exists():
            _PEERS["markdownlint-cli2"] = binary
            done.append(f"installed markdownlint-cli2 into {prefix}")
        else:
            done.append("could not install markdownlint-cli2 (npm install markdownlint-cli2)")
    return done


def proselint_command() -> list[str] | None:
    """The proselint command for linting files, or None when it is not installed."""
    script = Path(sys.executable).parent / "proselint"
    found = str(script) if script.exists() else shutil.which("proselint")
    if found is None and "proselint" in _PEERS:
        # Installed by install_peers: run it from its folder with this Python.
        code = (
            f"import runpy, sys; sys.path.insert(0, {str(_PEERS['proselint'])!r}); "
            "sys.argv[0] = 'proselint'; runpy.run_module('proselint', run_name='__main__')"
        )
        base = [sys.executable, "-c", code]
    elif found is None:
        if importlib.util.find_spec("proselint") is None:
            return None
        base = [sys.executable, "-m", "proselint"]
    else:
        base = [found]
    # proselint 0.16 lints with "proselint check PATH..."; older versions take the paths directly.
    probe = subprocess.run([*base, "--help"], capture_output=True, text=True, check=False)
    return [*base, "check"] if " check" in probe.stdout else base


def count_outline(outline: list[dict[str, object]]) -> tuple[int, int, list[str]]:
    """Objectives, key results and all statements in ``okrlint --outline --format json``."""
    objectives = key_results = 0
    statements: list[str] = []
    for document in outline:
        for okr_set in document.get("sets", []):  # type: ignore[attr-defined]
            for objective in okr_set.get("objectives", []):
                objectives += 1
                statements.append(objective["text"])
                for key_result in objective.get("key_results", []):
                    key_results += 1
                    statements.append(key_result["text"])
    return objectives, key_results, statements


def _fmt(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def print_table(cases: list[Case]) -> None:
    header = (
        f"{'case':<8} {'what':<44} {'median s':>9} {'cpu s':>7} {'statements/s':>13} {'peak MB':>8}"
    )
    print(header)
    print("-" * len(header))
    for case in cases:
        if case.status != "ok":
            print(f"{case.key:<8} {case.title:<44} {case.status + ': ' + case.note}")
            continue
        print(
            f"{case.key:<8} {case.title:<44} {_fmt(case.seconds, 3):>9} "
            f"{_fmt(case.cpu_seconds, 2):>7} {_fmt(case.statements_per_second, 0):>13} "
            f"{_fmt(case.peak_mb, 1):>8}"
        )


def _ratio(a: float | None, b: float | None) -> float | None:
    return None if a is None or not b else a / b


def _beyond_floor(d: Case, a: Case, f: Case) -> float | None:
    """okrlint's own work on the corpus (its time less the spaCy floor) over the tokenizer's."""
    if d.seconds is None or a.seconds is None or not f.seconds:
        return None
    return (d.seconds - a.seconds) / f.seconds


def build_targets(by_key: dict[str, Case]) -> list[Target]:
    a, b, c = by_key["a"], by_key["b"], by_key["c"]
    d, warm, e, f = by_key["d"], by_key["d-warm"], by_key["e"], by_key["f"]
    targets = [
        Target("(b)/(a): one file vs the spaCy floor", _ratio(b.seconds, a.seconds), 1.10, "<="),
        Target("(c): non-OKR README", c.seconds, 0.20, "<=", "s"),
        Target("((d)-(a))/(f): work beyond the floor", _beyond_floor(d, a, f), 10.0, "<="),
        Target("(d-warm)/(d): warm cache", _ratio(warm.seconds, d.seconds), 0.05, "<="),
        Target("(d)/(e): speed-up with -j 2", _ratio(d.seconds, e.seconds), 1.7, ">="),
        Target("peak memory of (d)", d.peak_mb, 200.0, "<=", "MB"),
    ]
    # Side-by-side ratios, each only when both of its cases ran.
    for name, top, bottom, limit in (
        ("(h)/(i): real corpus vs proselint", "h", "i", 0.8),
        ("(h)/(j): real corpus vs markdownlint-cli2", "h", "j", 0.6),
        ("(h-j1)/(h): default never slower than -j 1", "h", "h-j1", 1.0),
        ("(k-warm)/(k): warm HTML report", "k-warm", "k", 0.05),
    ):
        num, den = by_key.get(top), by_key.get(bottom)
        if num is not None and den is not None and num.status == den.status == "ok":
            targets.append(Target(name, _ratio(num.seconds, den.seconds), limit, "<="))
    return targets


def print_targets(targets: list[Target]) -> None:
    print()
    print("Targets")
    for target in targets:
        unit = f" {target.unit}" if target.unit else ""
        digits = 1 if target.unit == "MB" else 3
        print(
            f"  {target.verdict:<4}  {target.name:<40} {_fmt(target.value, digits):>9}{unit}"
            f"  (target {target.relation} {target.limit:g}{unit})"
        )


def run(args: argparse.Namespace) -> int:
    total_start = time.perf_counter()
    files = args.files if args.files is not None else (QUICK_FILES if args.quick else DEFAULT_FILES)
    runs = args.runs if args.runs is not None else (QUICK_RUNS if args.quick else DEFAULT_RUNS)
    if files < 1 or runs < 1:
        print("error: --files and --runs must be at least 1", file=sys.stderr)
        return 2

    own_workdir = args.workdir is None
    workdir = Path(tempfile.mkdtemp(prefix="okrlint-bench-")) if own_workdir else args.workdir
    workdir = workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        return _run_in(workdir, files, runs, args, total_start)
    except BenchmarkError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    finally:
        if own_workdir:
            shutil.rmtree(workdir, ignore_errors=True)


def markdownlint_command() -> list[str] | None:
    """markdownlint-cli2 when it is on the PATH (``npm install -g markdownlint-cli2``) or was
    installed by install_peers."""
    found = shutil.which("markdownlint-cli2") or _PEERS.get("markdownlint-cli2")
    return [str(found)] if found else None


def _real_corpus_cases(
    measurer: Measurer,
    okrlint: list[str],
    common: list[str],
    runs: int,
    args: argparse.Namespace,
    workdir: Path,
    cache_dir: Path,
    generated: str,
) -> list[Case]:
    """Side by side on real OKR files (``--real``, by default ../shared/corpus/real beside the
    repository): okrlint with its default jobs and with -j 1, proselint, markdownlint-cli2;
    and the HTML report over the generated corpus, cold and warm."""
    cases = [
        Case("h", "okrlint --no-cache REAL (default -j)"),
        Case("h-j1", "okrlint -j 1 --no-cache REAL"),
        Case("i", "proselint REAL"),
        Case("j", "markdownlint-cli2 REAL"),
        Case("k", "okrlint --format html --no-cache CORPUS"),
        Case("k-warm", "okrlint --format html CORPUS (warm)"),
    ]
    by_key = {case.key: case for case in cases}
    html_cache = workdir / "html-cache"
    by_key["k"].command = [*okrlint, *common, "--format", "html", "--no-cache", generated]
    by_key["k-warm"].command = [
        *okrlint,
        *common,
        "--format",
        "html",
        "--cache-dir",
        str(html_cache),
        generated,
    ]
    measurer.measure(by_key["k"], runs)
    measurer.once(by_key["k-warm"].command, OKRLINT_OK)  # fills the cache
    measurer.measure(by_key["k-warm"], runs)

    real = args.real
    paths = sorted(str(p) for p in real.glob("*.md")) if real is not None and real.is_dir() else []
    if not paths or args.quick:
        why = "--quick" if args.quick else f"no Markdown files in {real}"
        for key in ("h", "h-j1", "i", "j"):
            by_key[key].status, by_key[key].note = "skipped", why
        return cases
    by_key["h"].command = [*okrlint, *common, "--no-cache", *paths]
    by_key["h-j1"].command = [*okrlint, *common, "-j", "1", "--no-cache", *paths]
    measurer.once(by_key["h"].command, OKRLINT_OK)  # warm the file cache
    measurer.measure(by_key["h"], runs)
    measurer.measure(by_key["h-j1"], runs)
    for key, command, name in (
        ("i", proselint_command(), "proselint (pip install proselint)"),
        ("j", markdownlint_command(), "markdownlint-cli2 (npm install -g markdownlint-cli2)"),
    ):
        case = by_key[key]
        if command is None:
            case.status, case.note = "skipped", f"{name} is not installed"
            continue
        case.command = [*command, *paths]
        try:
            measurer.once(case.command, (0, 1))
            measurer.measure(case, runs, ok_codes=(0, 1))
        except BenchmarkError as error:
            case.status, case.note = "failed", str(error)[:200]
    return cases


def _load() -> float:
    try:
        return os.getloadavg()[0]
    except OSError:
        return 0.0


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def _run_in(
    workdir: Path, files: int, runs: int, args: argparse.Namespace, total_start: float
) -> int:
    load_before = _load()
    # As a user runs it: no CI output format, and bytecode cached (a pip install compiles it;
    # PYTHONDONTWRITEBYTECODE would recompile okrlint's modules on every start).
    dropped = ("GITHUB_ACTIONS", "GITLAB_CI", "PYTHONDONTWRITEBYTECODE")
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env["NO_COLOR"] = "1"
    env["PYTHONHASHSEED"] = "0"
    env["OKRLINT_CACHE_DIR"] = str(workdir / "default-cache")  # never touch ~/.cache
    measurer = Measurer(workdir, env)
    okrlint = okrlint_command()
    if not (args.no_install or args.quick):  # a smoke test installs nothing
        for line in install_peers(workdir):
            print(line)
    common = ["--isolated", "--today", TODAY]

    corpus_dir = workdir / "corpus"
    if corpus_dir.exists():
        shutil.rmtree(corpus_dir)
    corpus: Corpus = generate(corpus_dir, files, seed=args.seed)
    readme_dir = workdir / "project"
    readme_dir.mkdir(exist_ok=True)
    readme = readme_dir / "README.md"
    readme.write_text(_README, encoding="utf-8")
    one_file = next((p for p in corpus.paths if p.suffix == ".md"), corpus.paths[0])

    # What okrlint understood: the statements that (d) analyses and (f) tokenizes.
    outline = measurer.once(
        [*okrlint, *common, "--outline", "--format", "json", str(corpus_dir)],
        OKRLINT_OK,
        capture_stdout=True,
    )
    objectives, key_results, statements = count_outline(json.loads(outline.stdout))
    statements_file = workdir / "statements.json"
    statements_file.write_text(json.dumps(statements), encoding="utf-8")
    one_objectives, one_krs, _ = count_outline(
        json.loads(
            measurer.once(
                [*okrlint, *common, "--outline", "--format", "json", str(one_file)],
                OKRLINT_OK,
                capture_stdout=True,
            ).stdout
        )
    )

    print(
        f"okrlint {_version('okrlint')} benchmarks: spaCy {_version('spacy')}, "
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, {runs} run(s) per case (median); wall time by perf_counter, "
        f"peak memory and CPU time of each process by {measurer.method}"
    )
    print(f"load average before the run: {load_before:.2f}")
    if load_before > BUSY_LOAD:
        print(
            "warning: the machine is busy: timings, and most of all the -j 2 speed-up, "
            "will be worse than on an idle machine"
        )
    print(
        f"corpus: {corpus.files} files ({', '.join(f'{k} {v}' for k, v in corpus.shapes.items())})"
        f", generated {corpus.objectives} objectives and {corpus.key_results} key results; "
        f"okrlint --outline reads {objectives} objectives and {key_results} key results "
        f"= {len(statements)} statements"
    )
    if (objectives, key_results) != (corpus.objectives, corpus.key_results):
        print("warning: okrlint's outline differs from what was generated")
    print()

    cache_dir = workdir / "cache"
    cache_dir.mkdir(exist_ok=True)
    corpus_arg = str(corpus_dir)
    cases = [
        Case("a", "floor: import spacy; spacy.blank('en')"),
        Case("b", f"okrlint one file ({one_objectives} obj, {one_krs} KRs)"),
        Case("c", "okrlint README.md without OKRs"),
        Case("d", "okrlint -j 1 --no-cache CORPUS (cold)"),
        Case("d-warm", "okrlint -j 1 --cache-dir CACHE CORPUS (warm)"),
        Case("e", "okrlint -j 2 --no-cache CORPUS"),
        Case("f", "spaCy tokenizer alone, nlp.pipe(statements)"),
        Case("g", "proselint CORPUS"),
    ]
    by_key = {case.key: case for case in cases}
    by_key["a"].command = [sys.executable, "-c", "import spacy; spacy.blank('en')"]
    by_key["b"].command = [*okrlint, *common, "--no-cache", str(one_file)]
    by_key["b"].statements = one_objectives + one_krs
    by_key["c"].command = [*okrlint, *common, "--no-cache", str(readme)]
    for key, flags in (
        ("d", ["-j", "1", "--no-cache"]),
        ("d-warm", ["-j", "1", "--cache-dir", str(cache_dir)]),
        ("e", ["-j", "2", "--no-cache"]),
    ):
        by_key[key].command = [*okrlint, *common, *flags, corpus_arg]
        by_key[key].statements = len(statements)

    # One unmeasured run first for the short cases: warm file cache and bytecode.
    measurer.once(by_key["a"].command)
    measurer.measure(by_key["a"], runs, ok_codes=(0,))
    for key in ("b", "c"):
        measurer.once(by_key[key].command, OKRLINT_OK)
        measurer.measure(by_key[key], runs)
    measurer.measure(by_key["d"], runs)
    # Fill the cache once (not measured), keeping its findings for the comparison below.
    fill_json = workdir / "fill.json"
    measurer.once(
        [*by_key["d-warm"].command, "--format", "json", "--output-file", str(fill_json)],
        OKRLINT_OK,
    )
    measurer.measure(by_key["d-warm"], runs)
    measurer.measure(by_key["e"], runs)

    # The same findings cold, warm and in parallel: one extra run each with --format json.
    outputs: dict[str, object] = {}
    for key in ("d", "e", "d-warm"):
        out = workdir / f"{key}.json"
        measurer.once(
            [*by_key[key].command, "--format", "json", "--output-file", str(out)], OKRLINT_OK
        )
        outputs[key] = json.loads(out.read_text(encoding="utf-8"))
    outputs["cache fill"] = json.loads(fill_json.read_text(encoding="utf-8"))
    reference = outputs["d"]
    identical = all(value == reference for value in outputs.values())
    findings = len(reference) if isinstance(reference, list) else 0

    # f: tokenizer alone, timed inside the process.
    tokenize = by_key["f"]
    tokenize.command = [sys.executable, "-c", _TOKENIZE, str(statements_file)]
    tokenize.statements = len(statements)
    for _ in range(runs):
        sample = measurer.once(tokenize.command, (0,), capture_stdout=True)
        tokenize.add(sample, seconds=float(json.loads(sample.stdout)["seconds"]))
    tokenize.note = "time of nlp.pipe only, inside the process"

    proselint = by_key["g"]
    proselint_cmd = proselint_command()
    if proselint_cmd is None:
        proselint.status, proselint.note = "skipped", "not installed"
    else:
        proselint.command = [*proselint_cmd, *(str(p) for p in corpus.paths)]
        proselint.statements = len(statements)
        try:
            measurer.measure(proselint, runs, ok_codes=(0, 1))
        except BenchmarkError as error:
            proselint.status, proselint.note = "failed", str(error)[:200]

    cases += _real_corpus_cases(
        measurer, okrlint, common, runs, args, workdir, cache_dir, corpus_arg
    )
    by_key = {case.key: case for case in cases}

    print_table(cases)
    targets = build_targets(by_key)
    print_targets(targets)
    d, f, floor = by_key["d"], by_key["f"], by_key["a"]
    if f.statements_per_second and d.statements and floor.seconds:
        budget = d.statements / (0.5 * f.statements_per_second)
        print(
            f"  note: 50% of (f) means the {d.statements:,} statements in {budget:.2f} s; "
            f"starting spaCy (a) alone takes {floor.seconds:.2f} s"
        )
    print()
    verdict = "identical" if identical else "DIFFERENT"
    print(
        f"Output of (d), (e), (d-warm) and the cache-filling run (--format json): {verdict} "
        f"({findings} findings)"
    )
    total = time.perf_counter() - total_start
    load_after = _load()
    print(f"Total benchmark time: {total:.1f} s (load average at the end: {load_after:.2f})")

    if args.json is not None:
        report = {
            "environment": {
                "python": platform.python_version(),
                "platform": platform.platform(),
                "cpus": os.cpu_count(),
                "memory_method": measurer.method,
                "okrlint_version": _version("okrlint"),
                "spacy_version": _version("spacy"),
                "load_before": load_before,
                "load_after": load_after,
                "okrlint": okrlint,
            },
            "settings": {"files": files, "runs": runs, "seed": args.seed, "quick": args.quick},
            "corpus": {
                **corpus.summary(),
                "outline_objectives": objectives,
                "outline_key_results": key_results,
                "outline_statements": len(statements),
            },
            "cases": {case.key: case.to_json() for case in cases},
            "targets": [target.to_json() for target in targets],
            "identical_output": identical,
            "findings": findings,
            "total_seconds": total,
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")

    if not identical:
        return 1
    if args.strict and any(target.passed is False for target in targets):
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run",
        description="Measure okrlint's speed and memory against its targets.",
    )
    parser.add_argument(
        "--files", type=int, default=None, help=f"corpus size (default {DEFAULT_FILES})"
    )
    parser.add_argument(
        "--runs", type=int, default=None, help=f"runs per case, median (default {DEFAULT_RUNS})"
    )
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--json", type=Path, default=None, metavar="OUT", help="write JSON here")
    parser.add_argument(
        "--workdir",
        type=Path,
        default=None,
        metavar="DIR",
        help="keep the corpus and caches here (default: a temporary folder, removed afterwards)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"tiny run for smoke tests ({QUICK_FILES} files, {QUICK_RUNS} run)",
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target fails")
    parser.add_argument(
        "--no-install",
        action="store_true",
        help="do not install proselint and markdownlint-cli2 into the work directory when missing",
    )
    parser.add_argument(
        "--real",
        type=Path,
        default=Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "real",
        metavar="DIR",
        help="real OKR Markdown files to time okrlint, proselint and markdownlint-cli2 on "
        "(default ../shared/corpus/real; skipped when absent)",
    )
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
