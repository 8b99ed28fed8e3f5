"""Lint many files: from the cache when nothing changed, in worker processes when there are many.

The command line decides what each file's settings are (:class:`Job`); this module reads, lints
and caches. Results come back in the order of the jobs whatever the number of workers, so the
output is the same serial, parallel, cold or warm.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from okrlint.engine import Finding, Settings, lint
from okrlint.model import OkrDocument, Problem, Span
from okrlint.report.score import ScoreConfig

if TYPE_CHECKING:
    from okrlint.cache import ResultCache

# Below this many files to lint, starting worker processes (each imports spaCy) costs more
# than it saves.
PARALLEL_MIN_FILES = 48


@dataclass
class Job:
    path: str
    settings: Settings
    explicit: bool  # OKR002 applies (named on the command line, not found in a folder)
    limit: int  # maximum file size in bytes
    stdin_name: str | None = None  # for '-'
    score: ScoreConfig = field(default_factory=ScoreConfig)
    hook: bool = False  # --ignore-non-okr-files: say nothing of files that are not OKRs


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    doc: OkrDocument | None = None  # kept only when asked (outline, scores, sources)
    cached: bool = False


def read_job(job: Job) -> tuple[bytes | None, OkrDocument | None]:
    """The file's bytes (one more than the limit, so the reader can tell it is too big), or a
    document that says why it could not be read."""
    if job.path == "-":
        # Bounded like a file: a endless stream (``yes | okrlint -``) stops at the limit.
        return sys.stdin.buffer.read(job.limit + 1), None
    try:
        with open(job.path, "rb") as fh:
            return fh.read(job.limit + 1), None
    except OSError as exc:
        doc = OkrDocument(path=job.path, format="unknown")
        reason = exc.strerror or str(exc)
        doc.problems.append(Problem(f"cannot read the file: {reason}", Span.point(1)))
        return None, doc


StatsFn = Callable[[Job, OkrDocument, list[Finding]], dict[str, Any]]


def default_stats(job: Job, doc: OkrDocument, findings: list[Finding]) -> dict[str, Any]:
    """What the summary needs from a document, so that a cached result needs no document:
    counts, and the file's quality score (None without OKRs) over all its findings."""
    from okrlint.report.score import score_document

    scored = score_document(doc, findings, job.score)
    return {
        "objectives": sum(1 for _ in doc.objectives()),
        "key_results": sum(1 for _ in doc.key_results()),
        "score": scored.score,
        "tier": scored.tier,
    }


_YAML_OKR_KEY = re.compile(
    rb"^(?:objectives|okrs?|goals|key[_ -]?results|cycle|level)\s*:", re.IGNORECASE | re.MULTILINE
)


def sniff_format(data: bytes) -> str:
    """YAML or Markdown for standard input without a name: YAML when a top-level line starts
    with an OKR key (``objectives:``, ``okrs:``, ``cycle:``) and no line is a Markdown heading
    or list item outside it."""
    if _YAML_OKR_KEY.search(data) and not re.search(rb"^#{1,6} \S", data, re.MULTILINE):
        return "yaml"
    return "markdown"


def _refused(doc: OkrDocument) -> bool:
    """Whether the YAML reader refused the whole file (its limits), rather than read it."""
    return bool(doc.problems) and all(p.message.startswith("YAML refused") for p in doc.problems)


def lint_data(
    job: Job, data: bytes | None, doc: OkrDocument | None, stats_fn: StatsFn, keep_doc: bool
) -> FileResult:
    from okrlint.readers import file_format, read_bytes

    if doc is None:
        name = job.stdin_name or job.path
        fmt = None
        if job.path == "-":
            fmt = file_format(name) if job.stdin_name else sniff_format(data or b"")
        doc = read_bytes(name, data or b"", fmt, job.limit)
    if job.hook and doc.format == "unknown":
        # Not read at all (too big, not UTF-8 text, not readable): in the hook, a problem only
        # for a file whose name says it holds OKRs, not for a Latin-1 README or a 6 MB log.
        from okrlint.readers.markdown.decide import named_okr

        doc.speculative = not named_okr(job.stdin_name or job.path)
    elif job.hook and doc.format == "yaml" and not doc.sets and _refused(doc):
        # YAML past okrlint's limits (a lock file, a data dump): in the hook, a problem only
        # when its text names OKR keys.
        from okrlint.readers.yamlreader import names_okr_keys

        doc.speculative = not names_okr_keys(doc.source or "")
    errors: list[str] = []
    try:
        findings = lint(doc, job.settings, explicit=job.explicit, errors=errors)
    except Exception as exc:  # a bug: say where, keep going with the other files
        findings = []
        errors.append(f"{doc.path}: internal error: {exc!r}")
    return FileResult(
        path=doc.path,
        findings=findings,
        stats=stats_fn(job, doc, findings),
        errors=errors,
        doc=doc if keep_doc else None,
    )


# The jobs of a parallel run, inherited by forked workers (settings hold rule functions and
# compiled patterns: they are not sent to the workers, the workers already have them), and
# whether the documents go back to the parent (reports, outline).
_WORK: tuple[Sequence[Job], StatsFn, bool] | None = None


def _lean(doc: OkrDocument) -> OkrDocument:
    """The document without its lint-time data (statement analyses, comments, prose): what the
    reports use, smaller to send between processes."""
    for objective in doc.objectives():
        objective.analysis = None
    for kr in doc.key_results():
        kr.analysis = None
    doc.comments = []
    doc.prose = []
    return doc


def _work(task: tuple[int, bytes | None]) -> FileResult:
    """In a worker: lint one file. The parent sends the bytes it read (and hashed for the
    cache key) so the findings always belong to the content of the key."""
    assert _WORK is not None
    jobs, stats_fn, keep_doc = _WORK
    index, data = task
    job = jobs[index]
    doc = None
    if data is None:
        data, doc = read_job(job)
    result = lint_data(job, data, doc, stats_fn, keep_doc=keep_doc)
    if result.doc is not None:
        _lean(result.doc)
    return result


MAX_WORKERS = 64


def _orphan_guard(parent: int) -> None:
    """In a worker: end when the parent is gone (killed, or stopped with SIGTERM), instead of
    waiting for work for ever."""
    import threading
    import time

    def watch() -> None:
        while True:
            if os.getppid() != parent:
                os._exit(3)
            time.sleep(0.5)

    threading.Thread(target=watch, daemon=True).start()


def _alone(ctx: Any, index: int, data: bytes | None, jobs: Sequence[Job]) -> FileResult:
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=ctx) as pool:
            return pool.submit(_work, (index, data)).result()
    except BrokenProcessPool:
        path = jobs[index].path
        return FileResult(
            path,
            errors=[
                f"{path}: a worker process died while linting this file (killed from outside, "
                "or out of memory); the other files were linted"
            ],
        )


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _fork_available() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def run_jobs(
    jobs: Sequence[Job],
    *,
    jobs_wanted: int | None = None,
    cache_dir: str | None = None,
    use_cache: bool = True,
    stats_fn: StatsFn = default_stats,
    keep_docs: bool = False,
    progress: Callable[[int], None] | None = None,
) -> Iterator[FileResult]:
    """Every job's result, in order. ``jobs_wanted`` None chooses: one process for few files,
    one per core for many. With ``keep_docs`` (outline, reports, scores) each result holds its
    document too, from the cache (entries then keep the document) or from the worker that
    read it."""
    from pathlib import Path

    results: list[FileResult | None] = [None] * len(jobs)
    store: ResultCache | None = None
    keys: dict[int, str] = {}
    todo: list[int] = []
    prints: dict[int, str] = {}
    hashes: dict[int, str] = {}
    if use_cache:
        # Imported only when the cache is used: --no-cache runs skip SQLite and hashlib.
        from okrlint import cache as cache_mod

        folder = Path(cache_dir) if cache_dir else cache_mod.default_cache_dir()
        store = cache_mod.ResultCache(folder)
    read: dict[int, tuple[bytes | None, OkrDocument | None]] = {}
    for i, job in enumerate(jobs):
        if store is None or store.db is None or job.path == "-":
            todo.append(i)
            if job.path == "-":
                read[i] = read_job(job)  # stdin cannot be read by a worker
            continue
        data, doc = read_job(job)
        if data is None:
            read[i] = (data, doc)
            todo.append(i)
            continue
        sid = id(job.settings)
        if sid not in prints:
            prints[sid] = cache_mod.settings_fingerprint(job.settings)
        key = cache_mod.file_key(
            prints[sid] + repr(job.score.as_dict()) + ("|hook" if job.hook else ""),
            job.path,
            job.explicit,
            job.limit,
            data,
        )
        value = store.get(key)
        hashes[i] = cache_mod.content_hash(data)
        if value is not None:
            try:
                findings, stats, cached_doc = cache_mod.decode(
                    value, job.path, hashes[i], want_doc=keep_docs
                )
                results[i] = FileResult(job.path, findings, stats, doc=cached_doc, cached=True)
                if progress is not None:
                    progress(1)
                continue
            except cache_mod.BadEntry:
                pass  # an entry that is not exactly what okrlint writes is recomputed
        keys[i] = key
        read[i] = (data, None)
        todo.append(i)

    workers = jobs_wanted if jobs_wanted is not None else 0
    if workers <= 0:
        workers = cpu_count() if len(todo) >= PARALLEL_MIN_FILES else 1
    # Never more than a few per core, nor more than MAX_WORKERS (-j 1000 is a typo, not a plan).
    workers = min(workers, max(1, len(todo)), 4 * cpu_count(), MAX_WORKERS)
    parallel = [i for i in todo if jobs[i].path != "-"] if workers > 1 else []
    if parallel and not _fork_available():
        parallel = []

    if parallel:
        global _WORK
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        _WORK = (jobs, stats_fn, keep_docs)
        # Load spaCy and the lexicons once, here: the forked workers share them instead of
        # each importing them again.
        from okrlint.analysis.nlp import get_nlp

        get_nlp()
        try:
            ctx = multiprocessing.get_context("fork")
            chunk = max(1, min(32, len(parallel) // (workers * 8)))
            with ProcessPoolExecutor(
                max_workers=workers,
                mp_context=ctx,
                initializer=_orphan_guard,
                initargs=(os.getpid(),),
            ) as pool:
                tasks = [(i, read[i][0] if i in read else None) for i in parallel]
                tasks_by_index = dict(tasks)
                mapped = pool.map(_work, tasks, chunksize=chunk)
                try:
                    for i, result in zip(parallel, mapped, strict=True):
                        results[i] = result
                        if progress is not None:
                            progress(1)
                except BrokenProcessPool:
                    pass  # a worker was killed from outside: see below
            # Files a dead worker left unanswered: each again in a process of its own, so the
            # file that kills a worker (out of memory, a signal) is named and the parent lives.
            for i in parallel:
                if results[i] is None:
                    results[i] = _alone(ctx, i, tasks_by_index[i], jobs)
        finally:
            _WORK = None
    for i in todo:
        if results[i] is None:
            data, doc = read[i] if i in read else read_job(jobs[i])
            results[i] = lint_data(jobs[i], data, doc, stats_fn, keep_docs)
            if progress is not None:
                progress(1)

    if store is not None:
        for i, key in keys.items():
            fresh = results[i]
            if fresh is not None and not fresh.errors:
                store.put(key, cache_mod.encode(fresh.findings, fresh.stats, hashes[i], fresh.doc))
        store.close()
    for done in results:
        assert done is not None
        yield done
