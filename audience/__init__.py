"""Audience engine: camera or video in, visitors with age group, gender, attire and dwell out.

A plain Python library: it never imports Qt (checked by tests/test_architecture.py).
"""
