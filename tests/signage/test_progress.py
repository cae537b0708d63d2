"""Progress bars only on a terminal: none in a redirected log, a pipe or the journal."""

from __future__ import annotations

import fcntl
import io
import os
import pty
import select
import struct
import subprocess
import sys
import termios
from pathlib import Path

from signage.progress import progress_callback

SIGNAGE = str(Path(sys.executable).with_name("signage"))
CLIP = "video/intel_preview_face-demographics-walking.gif"


class TerminalStream(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_no_bar_is_drawn_when_stderr_is_not_a_terminal(monkeypatch):
    log = io.StringIO()
    monkeypatch.setattr(sys, "stderr", log)

    progress, close = progress_callback("labels.csv", "face")
    if progress is not None:  # before the fix, a bar was made and drawn into the log
        progress(5, 10)
    close()

    assert progress is None and log.getvalue() == ""


def test_a_bar_is_drawn_on_a_terminal(monkeypatch):
    terminal = TerminalStream()
    monkeypatch.setattr(sys, "stderr", terminal)

    progress, close = progress_callback("labels.csv", "face", disable=True)  # a caller cannot turn the rule off
    progress(5, 10)
    close()

    assert "labels.csv" in terminal.getvalue() and "5/10" in terminal.getvalue()


def test_audience_analyze_draws_no_frame_bar_into_a_pipe(shared_data):
    # Given stderr is a pipe (a redirected log, the journal)
    args = [SIGNAGE, "audience", "analyze", str(shared_data / CLIP), "--max-frames", "8"]
    result = subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)

    # Then the frames are analysed and stderr holds no bar
    assert result.returncode == 0, result.stderr
    assert "8 frames" in result.stdout
    assert "\r" not in result.stderr and "frame" not in result.stderr, result.stderr


def test_audience_analyze_draws_its_frame_bar_on_a_terminal(shared_data):
    # The same command with stderr on a pseudo-terminal shows the bar: the test above
    # sees no bar because there is none in a pipe, not because it never is.
    args = [SIGNAGE, "audience", "analyze", str(shared_data / CLIP), "--max-frames", "8"]
    controller, terminal = pty.openpty()
    # 24 rows of 100 columns: a new pseudo-terminal is 0 x 0, where tqdm draws nothing.
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    try:
        process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=terminal)
        os.close(terminal)
        drawn = b""
        while True:
            ready, _, _ = select.select([controller], [], [], 120)
            if not ready:
                break
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # the other end closed: the process has exited
                break
            if not chunk:
                break
            drawn += chunk
        assert process.wait(timeout=60) == 0
    finally:
        os.close(controller)
    assert b"frame" in drawn and b"\r" in drawn
