"""What every benchmark prints: the machine it ran on and a table of measures."""

from __future__ import annotations

import os
import platform
from pathlib import Path


def machine() -> str:
    """CPU model, core count and Python version of this machine."""
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def print_table(title: str, rows: list[tuple[str, str, str, str]]) -> None:
    """`title on <machine>`, then the rows (measure, value, target, verdict) as a table."""
    header = ("measure", "value", "target", "verdict")
    widths = [max(len(row[i]) for row in [*rows, header]) for i in range(4)]
    print(f"\n{title} on {machine()}\n")
    print(" | ".join(h.ljust(w) for h, w in zip(header, widths)))
    print("-|-".join("-" * w for w in widths))
    for row in rows:
        print(" | ".join(c.ljust(w) for c, w in zip(row, widths)))
