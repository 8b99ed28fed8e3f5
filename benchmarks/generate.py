"""Generate a deterministic corpus of OKR files for the okrlint benchmarks.

The files use the shapes okrlint reads (see README.md, "What okrlint reads"):

* Markdown with ``## Objective: ...`` headings and ``- KR1: ...`` bullets,
* Markdown with numbered ``### O1 — ...`` headings and ``- KR1.1: ...`` items,
* Markdown tables (``| Objective | Key result |``),
* YAML (``objectives: - title: ... key_results: - ...``),

often with YAML front matter (``cycle``, ``level``, ``owner``). Statements are built from phrase
lists combined at random (a seeded ``random.Random``, never the global one), so they vary, and
mix good key results ("Increase activation rate from 42% to 60% by end of Q3") with the usual
problems: tasks, vague statements, missing baselines, vanity and output counts, KPIs to maintain,
placeholders, low ambition, too many key results.

Usage::

    python -m benchmarks.generate OUT --files 2000 --seed 0
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Corpus", "generate"]


@dataclass
class Corpus:
    """What :func:`generate` wrote: the files and every statement in them."""

    root: Path
    paths: list[Path] = field(default_factory=list)
    objectives: int = 0
    key_results: int = 0
    statements: list[str] = field(default_factory=list)
    shapes: dict[str, int] = field(default_factory=dict)

    @property
    def files(self) -> int:
        return len(self.paths)

    def summary(self) -> dict[str, object]:
        return {
            "files": self.files,
            "objectives": self.objectives,
            "key_results": self.key_results,
            "statements": len(self.statements),
            "shapes": dict(sorted(self.shapes.items())),
        }


@dataclass
class _Objective:
    text: str
    key_results: list[str]
    initiatives: dict[int, list[str]] = field(default_factory=dict)
    owner: str | None = None


# --------------------------------------------------------------------------- phrase lists

# (metric name, kind of value, higher is better)
_METRICS: list[tuple[str, str, bool]] = [
    ("activation rate", "pct", True),
    ("trial-to-paid conversion", "pct", True),
    ("net revenue retention", "pct", True),
    ("monthly logo churn", "pct", False),
    ("onboarding completion", "pct", True),
    ("self-service deflection", "pct", True),
    ("first-contact resolution", "pct", True),
    ("failed deploys", "pct", False),
    ("test coverage of the billing service", "pct", True),
    ("week-4 retention of new teams", "pct", True),
    ("share of tickets answered within SLA", "pct", True),
    ("checkout abandonment", "pct", False),
    ("flaky test rate on main", "pct", False),
    ("median first response time", "hours", False),
    ("time to first project", "minutes", False),
    ("mean time to recovery", "minutes", False),
    ("build time on main", "minutes", False),
    ("signup-to-activation time", "days", False),
    ("time to hire for engineers", "days", False),
    ("p95 API latency", "ms", False),
    ("p99 search latency", "ms", False),
    ("weekly active teams", "count", True),
    ("paying customers", "count", True),
    ("production incidents per month", "count", False),
    ("open security findings", "count", False),
    ("support tickets per 1,000 users", "count", False),
    ("qualified demo requests per month", "count", True),
    ("annual recurring revenue", "money", True),
    ("expansion revenue", "money", True),
    ("cloud spend per customer", "money", False),
    ("CSAT", "score5", True),
    ("NPS", "nps", True),
]

_UP_VERBS = ["Increase", "Raise", "Grow", "Lift", "Improve"]
_DOWN_VERBS = ["Reduce", "Cut", "Lower", "Bring down", "Decrease"]
_TIME_TAILS = [
    "",
    "",
    "",
    " by end of Q3",
    " by September 30",
    " this quarter",
    " by the end of the cycle",
    " for new teams",
    " across all regions",
]

_FEATURES = [
    "onboarding flow",
    "billing page",
    "search experience",
    "mobile app",
    "pricing page",
    "admin console",
    "status page",
    "help center",
    "referral program",
    "partner portal",
    "CI pipeline",
    "design system",
    "data warehouse",
    "public API",
    "audit log",
]
_TASK_TEMPLATES = [
    "Launch the new {feature}",
    "Ship the redesigned {feature}",
    "Migrate the {feature} to Kubernetes",
    "Roll out the {feature} to all customers",
    "Rewrite the {feature} in TypeScript",
    "Finish the {feature} project",
    "Build a dashboard for the {feature}",
    "Document the {feature}",
    "Hire a product designer for the {feature}",
    "Set up alerting for the {feature}",
    "Complete the {feature} migration",
    "Redesign the {feature}",
]
_AREAS = [
    "onboarding",
    "performance",
    "customer satisfaction",
    "the developer experience",
    "code quality",
    "communication",
    "team morale",
    "documentation",
    "our processes",
    "reliability",
    "metrics",
    "the sales pipeline",
]
_VAGUE_TEMPLATES = [
    "Improve {area}",
    "Make {area} better",
    "Enhance {area}",
    "Optimize {area}",
    "Work on {area}",
    "Focus on {area}",
    "Better {area}",
]
_VANITY_TEMPLATES = [
    "Get {n} page views",
    "Reach {n} followers on LinkedIn",
    "Get {n} app downloads",
    "Collect {n} GitHub stars",
    "Reach {n} newsletter subscribers",
    "Get {n} likes on our launch post",
]
_OUTPUT_TEMPLATES = [
    "Publish {k} blog posts",
    "Run {k} customer interviews",
    "Ship {k} features",
    "Hold {k} webinars",
    "Write {k} case studies",
    "Send {k} product newsletters",
]
_MAINTAIN_TEMPLATES = [
    "Maintain uptime above 99.9%",
    "Keep {metric} below {b}",
    "Maintain {metric} at {b}",
    "Keep {metric} stable",
]

_GOOD_OBJECTIVES = [
    "Make onboarding feel effortless for new teams",
    "Make deploys boring and safe",
    "Customers trust our uptime",
    "Become the easiest way for small teams to plan work",
    "Make getting help feel effortless",
    "Delight new customers in their first week",
    "Make search feel instant",
    "Turn trials into happy paying customers",
    "Make the help center the first place customers look",
    "Keep our platform fast as we grow",
    "Win the mid-market segment in Europe",
    "Make every release calm and predictable",
    "Build a sales engine that scales",
    "Grow a community that answers its own questions",
    "Make our bills a pleasure to read",
    "Ship changes to production with confidence",
    "Make our API a joy to integrate with",
    "Hire and onboard great engineers quickly",
]
_BAD_OBJECTIVES = [
    "Launch the new website",
    "Improve metrics",
    "Grow revenue by 20%",
    "Grow revenue by 20% and hire a sales team",
    "Migrate to the new data warehouse",
    "Do better at customer support",
    "Increase NPS to 50",
    "Finish the Q3 roadmap",
    "Work on performance",
    "Make the product better, faster, cheaper and more delightful for every single customer "
    "segment we serve across all regions",
]

_TEAMS = [
    "Growth",
    "Platform",
    "Support",
    "Search",
    "Billing",
    "Mobile",
    "Data",
    "Security",
    "Sales",
    "Marketing",
    "Design",
    "Infrastructure",
    "Payments",
    "Developer Relations",
    "People",
    "Finance",
]
_HANDLES = ["ana", "bo", "chen", "dara", "eli", "fatima", "gus", "hana", "ivo", "jun", "kai"]
_INITIATIVES = [
    "Redesign the welcome screen",
    "Add project templates",
    "Route tickets by product area",
    "Add saved replies for the top 20 questions",
    "Add one-click rollback",
    "Canary every release",
    "Cache search results at the edge",
    "Interview 10 churned customers",
]

# Weighted distributions: about 3 objectives per file and 3.4 key results per objective,
# so ~10 key results per file on average; 6-7 key results trigger "too many".
_OBJECTIVES_PER_FILE = ([1, 2, 3, 4, 5], [8, 22, 38, 22, 10])
_KRS_PER_OBJECTIVE = ([0, 1, 2, 3, 4, 5, 6, 7], [2, 5, 15, 27, 28, 14, 6, 3])
_SHAPES = (["md_headings", "md_numbered", "md_table", "yaml"], [35, 20, 15, 30])


# --------------------------------------------------------------------------- statements


def _pair(rng: random.Random, kind: str, up: bool) -> tuple[str, str]:
    """A baseline and a target for a metric of this kind, moving in the given direction."""
    if kind == "pct":
        a = rng.randint(5, 85)
        step = rng.randint(4, 30)
        b = min(a + step, 99) if up else max(a - step, 1)
        return f"{a}%", f"{b}%"
    if kind in ("hours", "minutes", "days", "ms"):
        base = {"hours": (4, 48), "minutes": (10, 90), "days": (5, 60), "ms": (250, 2400)}[kind]
        a = rng.randint(*base)
        b = max(1, round(a * rng.uniform(0.3, 0.8))) if not up else round(a * 1.5)
        unit = {"hours": "hours", "minutes": "minutes", "days": "days", "ms": "ms"}[kind]
        if kind == "ms":
            return f"{a} ms", f"{b} ms"
        return f"{a}", f"{b} {unit}"
    if kind == "count":
        a = rng.randint(12, 4000)
        b = round(a * rng.uniform(1.2, 2.5)) if up else max(1, round(a * rng.uniform(0.3, 0.8)))
        return f"{a:,}", f"{b:,}"
    if kind == "money":
        a = rng.randint(4, 60) / 10
        b = round(a * rng.uniform(1.1, 1.8), 1) if up else round(a * rng.uniform(0.5, 0.9), 1)
        return f"${a}M", f"${b}M"
    if kind == "score5":
        a = rng.choice([3.4, 3.6, 3.8, 4.0, 4.1])
        b = min(5.0, round(a + rng.choice([0.3, 0.4, 0.5]), 1))
        return f"{a}", f"{b} out of 5"
    # nps
    a = rng.randint(-10, 40)
    return f"{a}", f"{a + rng.randint(8, 25)}"


def _verb(rng: random.Random, up: bool) -> str:
    return rng.choice(_UP_VERBS if up else _DOWN_VERBS)


def _good_kr(rng: random.Random) -> str:
    name, kind, higher = rng.choice(_METRICS)
    a, b = _pair(rng, kind, higher)
    shape = rng.random()
    if shape < 0.75:
        return f"{_verb(rng, higher)} {name} from {a} to {b}{rng.choice(_TIME_TAILS)}"
    if shape < 0.9:
        return f"{name[0].upper()}{name[1:]}: {a} → {b}"
    return f"{_verb(rng, higher)} {name} to {b} (today: {a})"


def _no_baseline_kr(rng: random.Random) -> str:
    name, kind, higher = rng.choice(_METRICS)
    _, b = _pair(rng, kind, higher)
    return f"{_verb(rng, higher)} {name} to {b}{rng.choice(_TIME_TAILS)}"


def _task_kr(rng: random.Random) -> str:
    return rng.choice(_TASK_TEMPLATES).format(feature=rng.choice(_FEATURES))


def _vague_kr(rng: random.Random) -> str:
    return rng.choice(_VAGUE_TEMPLATES).format(area=rng.choice(_AREAS))


def _vanity_kr(rng: random.Random) -> str:
    n = rng.choice([1000, 5000, 10000, 25000, 100000])
    return rng.choice(_VANITY_TEMPLATES).format(n=f"{n:,}")


def _output_kr(rng: random.Random) -> str:
    return rng.choice(_OUTPUT_TEMPLATES).format(k=rng.randint(3, 24))


def _maintain_kr(rng: random.Random) -> str:
    name, kind, higher = rng.choice(_METRICS)
    _, b = _pair(rng, kind, higher)
    return rng.choice(_MAINTAIN_TEMPLATES).format(metric=name, b=b)


def _placeholder_kr(rng: random.Random) -> str:
    name, _, higher = rng.choice(_METRICS)
    return f"{_verb(rng, higher)} {name} from X% to Y%"


def _low_ambition_kr(rng: random.Random) -> str:
    name, _, higher = rng.choice([m for m in _METRICS if m[1] == "pct"])
    a = rng.randint(40, 80)
    return f"{_verb(rng, higher)} {name} from {a}% to {a + 1 if higher else a - 1}%"


def _two_metrics_kr(rng: random.Random) -> str:
    (n1, k1, h1), (n2, k2, h2) = rng.sample(_METRICS, 2)
    _, b1 = _pair(rng, k1, h1)
    _, b2 = _pair(rng, k2, h2)
    return f"{_verb(rng, h1)} {n1} to {b1} and {_verb(rng, h2).lower()} {n2} to {b2}"


_KR_MAKERS: list[tuple[Callable[[random.Random], str], int]] = [
    (_good_kr, 58),
    (_no_baseline_kr, 9),
    (_task_kr, 10),
    (_vague_kr, 5),
    (_vanity_kr, 4),
    (_output_kr, 5),
    (_maintain_kr, 3),
    (_placeholder_kr, 2),
    (_low_ambition_kr, 2),
    (_two_metrics_kr, 2),
]


def _key_result(rng: random.Random) -> str:
    makers, weights = zip(*_KR_MAKERS, strict=True)
    return rng.choices(makers, weights)[0](rng)


def _objective(rng: random.Random) -> _Objective:
    text = rng.choice(_BAD_OBJECTIVES if rng.random() < 0.25 else _GOOD_OBJECTIVES)
    count = rng.choices(*_KRS_PER_OBJECTIVE)[0]
    krs = [_key_result(rng) for _ in range(count)]
    initiatives: dict[int, list[str]] = {}
    for i in range(count):
        # Initiatives only under longer statements: a short line such as "Focus on metrics"
        # over a nested list is read as a category that groups key results.
        if rng.random() < 0.08 and len(krs[i].split()) > 3:
            initiatives[i] = rng.sample(_INITIATIVES, rng.randint(1, 2))
    owner = f"@{rng.choice(_HANDLES)}" if rng.random() < 0.4 else None
    return _Objective(text, krs, initiatives, owner)


# --------------------------------------------------------------------------- file shapes


def _front_matter(rng: random.Random, team: str, cycle: str) -> list[str]:
    level = rng.choices(["team", "individual", "company"], [80, 12, 8])[0]
    lines = ["---", f"cycle: {cycle}", f"level: {level}", f"owner: {team} team"]
    if rng.random() < 0.5:
        lines.append(f"updated: 2026-{rng.randint(6, 9):02d}-{rng.randint(1, 28):02d}")
    lines += ["---", ""]
    return lines


def _md_headings(rng: random.Random, team: str, cycle: str, objs: list[_Objective]) -> str:
    lines = _front_matter(rng, team, cycle) if rng.random() < 0.7 else []
    lines += [f"# {team} team OKRs ({cycle})", ""]
    if rng.random() < 0.3:
        lines += ["These are the objectives we committed to for this cycle.", ""]
    labelled = rng.random() < 0.7
    for obj in objs:
        lines += [f"## Objective: {obj.text}"]
        if obj.owner:
            lines += [f"Owner: {obj.owner}"]
        lines += [""]
        for i, kr in enumerate(obj.key_results, 1):
            lines.append(f"- KR{i}: {kr}" if labelled else f"- {kr}")
            lines += [f"  - {text}" for text in obj.initiatives.get(i - 1, [])]
        lines += [""]
    return "\n".join(lines)


def _md_numbered(rng: random.Random, team: str, cycle: str, objs: list[_Objective]) -> str:
    lines = _front_matter(rng, team, cycle) if rng.random() < 0.5 else []
    lines += [f"# {team} OKRs {cycle}", ""]
    sep = rng.choice([" —", ":", " -"])
    numbered = rng.random() < 0.5
    for o, obj in enumerate(objs, 1):
        lines += [f"### O{o}{sep} {obj.text}", ""]
        for k, kr in enumerate(obj.key_results, 1):
            bullet = f"{k}." if numbered else "-"
            lines.append(f"{bullet} KR{o}.{k}: {kr}")
            lines += [f"   - {text}" for text in obj.initiatives.get(k - 1, [])]
        lines += [""]
    return "\n".join(lines)


def _md_table(rng: random.Random, team: str, cycle: str, objs: list[_Objective]) -> str:
    lines = _front_matter(rng, team, cycle) if rng.random() < 0.6 else []
    lines += [f"# {team} team OKRs", "", "| Objective | Key result |", "| --- | --- |"]
    for obj in objs:
        krs = obj.key_results or [""]
        for k, kr in enumerate(krs):
            lines.append(f"| {obj.text if k == 0 else ''} | {kr} |")
    lines.append("")
    return "\n".join(lines)


def _yaml_str(text: str) -> str:
    """A YAML scalar: plain when safe, otherwise double-quoted (JSON strings are valid YAML)."""
    risky = any(ch in text for ch in ":#{}[],&*!|>'\"%@`") or text[:1] in "-?"
    return json.dumps(text, ensure_ascii=False) if risky else text


def _yaml(rng: random.Random, team: str, cycle: str, objs: list[_Objective]) -> str:
    level = rng.choices(["team", "individual", "company"], [80, 12, 8])[0]
    lines = [f"cycle: {cycle}", f"level: {level}", f"owner: {team} team", "objectives:"]
    for obj in objs:
        lines.append(f"  - title: {_yaml_str(obj.text)}")
        if obj.owner:
            lines.append(f'    owner: "{obj.owner}"')
        if not obj.key_results:
            lines.append("    key_results: []")
            continue
        lines.append("    key_results:")
        for k, kr in enumerate(obj.key_results):
            initiatives = obj.initiatives.get(k)
            score = rng.random() < 0.15
            if initiatives or score:
                lines.append(f"      - text: {_yaml_str(kr)}")
                if score:
                    lines.append(f"        score: {rng.choice([0.2, 0.4, 0.5, 0.7, 1.0])}")
                if initiatives:
                    items = ", ".join(_yaml_str(text) for text in initiatives)
                    lines.append(f"        initiatives: [{items}]")
            else:
                lines.append(f"      - {_yaml_str(kr)}")
    lines.append("")
    return "\n".join(lines)


_WRITERS: dict[str, Callable[[random.Random, str, str, list[_Objective]], str]] = {
    "md_headings": _md_headings,
    "md_numbered": _md_numbered,
    "md_table": _md_table,
    "yaml": _yaml,
}


def generate(out_dir: str | Path, files: int = 2000, seed: int = 0) -> Corpus:
    """Write ``files`` OKR files under ``out_dir`` (created) and return what was written.

    The same ``files`` and ``seed`` always give byte-identical files. Files are spread over
    team folders (``out_dir/<team>/<cycle>-okrs.md``) like a handbook repository.
    """
    root = Path(out_dir)
    root.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    corpus = Corpus(root=root)
    for index in range(files):
        team = rng.choice(_TEAMS)
        cycle = f"{rng.choice([2025, 2026])}-Q{rng.randint(1, 4)}"
        shape = rng.choices(*_SHAPES)[0]
        count = rng.choices(*_OBJECTIVES_PER_FILE)[0]
        objs: list[_Objective] = []
        while len(objs) < count:
            # Each objective of a file once: two with the same text in one table are one.
            obj = _objective(rng)
            if all(obj.text != o.text for o in objs):
                objs.append(obj)
        text = _WRITERS[shape](rng, team, cycle, objs)
        folder = root / f"{team.lower().replace(' ', '-')}-{index // 100:02d}"
        folder.mkdir(exist_ok=True)
        suffix = ".yaml" if shape == "yaml" else ".md"
        path = folder / f"{cycle.lower()}-okrs-{index:05d}{suffix}"
        path.write_text(text, encoding="utf-8")
        corpus.paths.append(path)
        corpus.shapes[shape] = corpus.shapes.get(shape, 0) + 1
        corpus.objectives += len(objs)
        for obj in objs:
            corpus.key_results += len(obj.key_results)
            corpus.statements.append(obj.text)
            corpus.statements.extend(obj.key_results)
    return corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.generate", description="Write a corpus of OKR files."
    )
    parser.add_argument("out", type=Path, help="folder to write the files into (created)")
    parser.add_argument("--files", type=int, default=2000, help="number of files (2000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (0)")
    args = parser.parse_args(argv)
    corpus = generate(args.out, args.files, args.seed)
    summary = corpus.summary()
    print(
        f"Wrote {summary['files']} files, {summary['objectives']} objectives, "
        f"{summary['key_results']} key results to {args.out}"
    )
    print("shapes: " + ", ".join(f"{k}={v}" for k, v in corpus.shapes.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
