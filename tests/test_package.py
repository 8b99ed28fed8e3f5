"""The package as users get it: a wheel with the rules inside, installed without the source."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import FIXTURES, ROOT


@pytest.mark.slow
def test_wheel_carries_the_rules_and_works_installed(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(dist),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("okrlint-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    rule_files = sorted((ROOT / "rules" / "okrlint").glob("OKR*.yaml"))
    assert rule_files
    for rule in rule_files:
        assert f"okrlint/rules/okrlint/{rule.name}" in names
    assert "okrlint/rules/lexicons/verbs.yaml" in names
    assert {
        "okrlint/schema/okrlint.schema.json",
        "okrlint/schema/okrlint-config.schema.json",
    } <= names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "okrlint = okrlint.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()

    # A fresh virtual environment that sees our dependencies but not our source tree.
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / "python"
    purelib = subprocess.check_output(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True
    ).strip()
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(purelib, "okrlint_test_deps.pth").write_text("\n".join(sorted(deps)) + "\n")
    subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)],
        check=True,
    )
    where = subprocess.check_output(
        [str(python), "-c", "import okrlint.data as d; print(d.data_dir())"],
        text=True,
        cwd=tmp_path,
    ).strip()
    assert where.startswith(str(venv)), where
    listing = subprocess.run(
        [str(bindir / "okrlint"), "--list-rules", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert listing.returncode == 0, listing.stderr
    assert len(json.loads(listing.stdout)) >= 33
    run = subprocess.run(
        [str(bindir / "okrlint"), str(ROOT / "examples" / "okrs.md"), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert run.returncode == 1, run.stderr
    assert {"OKR301", "OKR104"} <= {f["code"] for f in json.loads(run.stdout)}


def test_json_schema_accepts_the_canonical_yaml() -> None:
    schema = json.loads((ROOT / "schema" / "okrlint.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    for path in (ROOT / "examples" / "okrs.yaml", FIXTURES / "yaml" / "canonical.yaml"):
        jsonschema.validate(yaml.safe_load(path.read_text()), schema)
    bad = {"objectives": [{"key_results": ["x"]}]}
    validator = jsonschema.Draft202012Validator(schema)
    assert list(validator.iter_errors(bad))


def test_configuration_schema_matches_the_loader_and_the_readme() -> None:
    """schema/okrlint-config.schema.json: every key the loader knows, every output format, and
    the README's example configuration valid under it."""
    from okrlint.config import FORMAT_CHOICES, KEYS
    from okrlint.formats import FORMAT_NAMES

    assert set(FORMAT_CHOICES) == set(FORMAT_NAMES)  # 'format: rdjson' was refused

    schema = json.loads((ROOT / "schema" / "okrlint-config.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    assert set(schema["properties"]) == set(KEYS)
    assert set(schema["properties"]["format"]["enum"]) == set(FORMAT_NAMES)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("```yaml\n# .okrlint.yaml\n", 1)[1].split("```", 1)[0]
    jsonschema.validate(yaml.safe_load(example), schema)
    validator = jsonschema.Draft202012Validator(schema)
    assert list(validator.iter_errors({"selct": ["OKR1"]}))  # a typo is flagged in the editor
    assert list(validator.iter_errors({"fail-level": "fatal"}))


def test_precommit_hook_definition() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    (hook,) = hooks
    assert hook["id"] == "okrlint"
    assert hook["language"] == "python"
    assert hook["entry"] == "okrlint --ignore-non-okr-files"


def test_every_snippet_names_the_current_release_and_the_tag_exists() -> None:
    import re
    import subprocess

    from okrlint import __version__

    root = Path(__file__).resolve().parent.parent
    tag = f"v{__version__}"
    texts = {
        name: (root / name).read_text(encoding="utf-8") for name in ("README.md", "action.yml")
    }
    refs = {
        (name, ref)
        for name, text in texts.items()
        for ref in re.findall(r"(?:okrlint/okrlint@|rev: )(v\d+\.\d+\.\d+)", text)
    }
    assert refs and {ref for _, ref in refs} == {tag}, refs
    assert f"## {__version__} " in (root / "CHANGELOG.md").read_text(encoding="utf-8")
    git = root / ".git"
    if not git.exists() or (git / "shallow").exists():
        pytest.skip("not a full git clone: its tags are not here")
    try:
        tags = subprocess.run(
            ["git", "-C", str(root), "tag", "--list", "v*"],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        pytest.skip("git is not available")
    if tags.returncode != 0 or not tags.stdout.split():
        pytest.skip("this clone has no release tags (cloned without them)")
    assert tag in tags.stdout.split(), f"tag the release: git tag -a {tag}"
