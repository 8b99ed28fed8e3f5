"""Checks: how each kind of rule looks at a node."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from okrlint.checks.api import Node, Problem, RuleContext
from okrlint.registry import Rule


class CheckError(RuntimeError):
    """A rule raised: a bug in okrlint (or a plugin), reported with where it happened."""

    def __init__(self, rule: Rule, node: Any, exc: BaseException) -> None:
        span = getattr(node, "span", None)
        where = f"{getattr(node, 'text', '')!r}"
        if span is not None:
            where = f"line {span.line}: {where}"
        super().__init__(f"rule {rule.code} ({rule.name}) failed on {where}: {exc!r}")
        self.rule = rule
        self.exc = exc


@cache
def _declarative() -> tuple[dict[str, Any], Any]:
    """The declarative rule kinds and the level filter (imported on first use)."""
    from okrlint.checks import declarative

    kinds = {
        "occurrence": declarative.occurrence,
        "existence": declarative.existence,
        "substitution": declarative.substitution,
        "pattern": declarative.pattern,
        "requires": declarative.requires,
    }
    return kinds, declarative.level_allows


def checker(rule: Rule) -> Callable[[RuleContext, Node], list[Problem]] | None:
    """How ``rule`` checks one node, decided once per rule (its kind, its level filter), not
    for each of the thousands of nodes of a run; None for a rule with nothing to check. A rule
    that raises raises :class:`CheckError`, with where it happened."""
    kinds, level_allows = _declarative()
    if rule.kind == "python" and rule.pack != "okrlint":
        assert rule.check is not None

        def body(ctx: RuleContext, node: Node) -> Any:
            return _plugin_reports(rule, ctx, node)
    elif rule.kind == "python":
        assert rule.check is not None
        body = rule.check
    elif rule.kind in kinds:
        body = kinds[rule.kind]
    else:
        return None
    filtered = bool(rule.spec.get("level"))

    def check(ctx: RuleContext, node: Node) -> list[Problem]:
        try:
            if filtered and not level_allows(ctx, node):
                return []
            return [r if isinstance(r, Problem) else Problem(str(r)) for r in body(ctx, node) or ()]
        except CheckError:
            raise
        except Exception as exc:  # a bug: surface it with its location, never swallow it
            raise CheckError(rule, node, exc) from exc

    return check


# Seconds one plugin check may take on one node before it counts as hung.
PLUGIN_TIMEOUT = 2.0


class PluginTimeout(Exception):
    pass


def _plugin_reports(rule: Rule, ctx: RuleContext, node: Node) -> list[Problem]:
    """Run a plugin's check apart: what it prints goes nowhere (it would corrupt JSON output),
    ``sys.exit`` is an error (not the end of the run), and a check that takes longer than
    :data:`PLUGIN_TIMEOUT` seconds is stopped (where a timer can be set: the main thread)."""
    import contextlib
    import io
    import signal
    import threading

    assert rule.check is not None
    timer = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()

    def expire(_signum: int, _frame: object) -> None:
        raise PluginTimeout(f"took more than {PLUGIN_TIMEOUT:g} s")

    previous = signal.signal(signal.SIGALRM, expire) if timer else None
    try:
        if timer:
            signal.setitimer(signal.ITIMER_REAL, PLUGIN_TIMEOUT)
        sink = io.StringIO()
        with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
            results = rule.check(ctx, node)
            return [r if isinstance(r, Problem) else Problem(str(r)) for r in (results or ())]
    except SystemExit as exc:
        error = RuntimeError(f"the plugin called sys.exit({exc.code})")
        raise CheckError(rule, node, error) from None
    except PluginTimeout as exc:
        raise CheckError(rule, node, exc) from None
    finally:
        if timer:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
