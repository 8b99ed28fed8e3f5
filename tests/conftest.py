from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from okrlint.cli import main
from okrlint.model import OkrDocument
from okrlint.readers import read_text

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "real"


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The result cache of the test-suite lives in a temporary folder, never in ~/.cache."""
    os.environ["OKRLINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("okrlint-cache"))


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


@pytest.fixture
def okrlint() -> Callable[..., Run]:
    """Run the CLI in-process: ``okrlint("file.md", "--format", "json")``."""

    def run(*args: str, input: str | None = None) -> Run:
        runner = CliRunner()
        result = runner.invoke(main, list(args), input=input, catch_exceptions=False)
        return Run(result.exit_code, result.stdout, result.stderr)

    return run


def parse_md(text: str, path: str = "okrs.md") -> OkrDocument:
    return read_text(path, text, "markdown")


def parse_yaml(text: str, path: str = "okrs.yaml") -> OkrDocument:
    return read_text(path, text, "yaml")


def outline(doc: OkrDocument) -> list[tuple[str, int, list[str]]]:
    """(objective text, line, [key result texts]) for every objective."""
    return [(o.text, o.span.line, [k.text for k in o.key_results]) for o in doc.objectives()]
