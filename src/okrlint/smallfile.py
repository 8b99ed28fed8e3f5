"""Reading okrlint's own inputs besides the linted files: configuration and rule packs.

A repository commits them, so a pull request can point them at ``/dev/zero``, a FIFO or a
gigabyte of YAML aliases. They are read only when they are regular files, up to a size limit,
as UTF-8, and their YAML within the same alias and nesting limits as OKR files."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from okrlint.yamlsafe import SafeLoader, YamlLimitError, check_expansion, check_yaml_limits

MAX_CONFIG_BYTES = 1_000_000


class SmallFileError(ValueError):
    """The file cannot be read as okrlint's own configuration or rule pack."""


def read_small_text(path: Path) -> str:
    try:
        st = os.stat(path)
    except OSError as exc:
        raise SmallFileError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if not stat.S_ISREG(st.st_mode):
        raise SmallFileError(f"{path}: not a regular file (a device, FIFO or folder): refused")
    if st.st_size > MAX_CONFIG_BYTES:
        raise SmallFileError(f"{path}: larger than {MAX_CONFIG_BYTES:,} bytes: refused")
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_CONFIG_BYTES + 1)
    except OSError as exc:
        raise SmallFileError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_CONFIG_BYTES:
        raise SmallFileError(f"{path}: larger than {MAX_CONFIG_BYTES:,} bytes: refused")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SmallFileError(
            f"{path}: not valid UTF-8 (byte {exc.start}): save it as UTF-8"
        ) from None


def compose_bounded(text: str, path: Path, limits: bool = True) -> tuple[Any, Any]:
    """The YAML node tree and data of ``text``, refusing alias bombs and deep nesting
    (``limits=False`` only for okrlint's own files: their checks are a fifth of every start)."""
    loader = SafeLoader(text)
    try:
        if limits:
            check_yaml_limits(text)
        node = loader.get_single_node()
        if node is None:
            return None, None
        if limits:
            check_expansion(node)
        try:
            return node, loader.construct_document(node)  # the data of the same parse
        except (ValueError, TypeError, OverflowError) as exc:
            # PyYAML reads "2026-28-01" as a date and raises ValueError, not a YAML error.
            raise SmallFileError(
                f"{path}: a value YAML cannot read ({exc}): put it in quotes"
            ) from None
    except YamlLimitError as exc:
        raise SmallFileError(f"{path}:{exc.span.line}: YAML refused: {exc}") from None
    finally:
        loader.dispose()
