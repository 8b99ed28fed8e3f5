"""Progress on standard error: on a terminal, after a delay, erased at the end; never in a
pipe, in CI or with --quiet."""

from __future__ import annotations

import os
import sys

import pytest

from okrlint.cli import output as cli

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")


def _terminal() -> tuple[int, object]:
    import fcntl
    import pty
    import struct
    import termios

    main, side = pty.openpty()
    fcntl.ioctl(side, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    return main, os.fdopen(side, "w", encoding="utf-8")


def _drain(fd: int) -> str:
    out = b""
    os.set_blocking(fd, False)
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    return out.decode("utf-8", "replace")


def _run(monkeypatch: pytest.MonkeyPatch, quiet: bool = False, total: int = 50) -> str:
    main, stream = _terminal()
    monkeypatch.setattr(sys, "stderr", stream)
    monkeypatch.setattr(cli, "PROGRESS_DELAY", 0.0)
    monkeypatch.delenv("CI", raising=False)
    with cli.progress(total, quiet) as step:
        if step is not None:
            for _ in range(total):
                step(1)
    stream.flush()
    text = _drain(main)
    stream.close()
    os.close(main)
    return text


def test_a_terminal_sees_files_done_of_the_total_then_the_line_is_erased(monkeypatch) -> None:
    text = _run(monkeypatch)
    assert "okrlint" in text and "/50" in text and "file" in text
    assert text.rstrip(" ").endswith("\r")  # erased: the findings start on a clean line


def test_quiet_and_ci_print_no_progress(monkeypatch) -> None:
    assert _run(monkeypatch, quiet=True) == ""
    monkeypatch.setenv("CI", "true")
    main, stream = _terminal()
    monkeypatch.setattr(sys, "stderr", stream)
    with cli.progress(50, False) as step:
        assert step is None
    stream.close()
    os.close(main)


def test_a_pipe_gets_no_progress(okrlint, tmp_path) -> None:
    for i in range(60):
        (tmp_path / f"{i}.md").write_text(f"# OKRs\n\n## Objective: Grow {i}\n\n- KR1: 10 users\n")
    run = okrlint(str(tmp_path), "--no-cache")
    assert "file/s" not in run.stderr and "%|" not in run.stderr
