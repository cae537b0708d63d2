"""The Qt binding must not steal references: a kiosk calls Qt millions of times a day.

PySide6 6.12.0 on Python 3.11 returned None (and bools) from C++ without taking a
reference; every `update()` or `processEvents()` took one reference from None, and the
player died with "Fatal Python error: none_dealloc" within minutes. pyproject.toml keeps
that version out; this test fails on any binding with the same defect.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget


def test_void_and_bool_qt_calls_keep_reference_counts(qapp):
    widget, label, timer = QWidget(), QLabel(), QTimer()
    calls = (qapp.processEvents, widget.update, timer.stop, lambda: label.setText("x"), widget.isVisible)
    for call in calls:
        none_before, false_before = sys.getrefcount(None), sys.getrefcount(False)
        for _ in range(2000):
            call()
        # A few references may come and go with other objects; a stolen one per call would be -2000.
        assert sys.getrefcount(None) - none_before > -50, call
        assert sys.getrefcount(False) - false_before > -50, call
