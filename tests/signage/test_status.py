"""The player's status endpoint (/status, /metrics on 127.0.0.1) and `signage status`."""

from __future__ import annotations

import http.client
import json
import logging
import math
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from foundation.errors import ConfigError
from signage.player.status import (
    LAST_ERRORS,
    RecentErrors,
    StatusServer,
    disk_free_bytes,
    render_metrics,
)

SIGNAGE = str(Path(sys.executable).with_name("signage"))

# The text exposition format, version 0.0.4 (prometheus.io/docs/instrumenting/exposition_formats).
METRIC_NAME = r"[a-zA-Z_:][a-zA-Z0-9_:]*"
LABEL_VALUE = r'"(?:[^"\\\n]|\\[\\"n])*"'
LABEL = rf"[a-zA-Z_][a-zA-Z0-9_]*={LABEL_VALUE}"
VALUE = r"(?:[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|NaN|[+-]Inf)"
SAMPLE_LINE = re.compile(rf"^({METRIC_NAME})(?:\{{((?:{LABEL})(?:,{LABEL})*,?)?\}})? ({VALUE})(?: -?\d+)?$")
HELP_LINE = re.compile(rf"^# HELP ({METRIC_NAME}) (.*)$")
TYPE_LINE = re.compile(rf"^# TYPE ({METRIC_NAME}) (counter|gauge|histogram|summary|untyped)$")


def make_status(**changes) -> dict:
    """A status dict as the player fills it (the schema in signage/player/status.py)."""
    status = {
        "started_at": "2026-11-23T08:00:00+01:00",
        "uptime_s": 7384.5,
        "mode": "live",
        "playing": {
            "playlist": "commuter_finance",
            "item": "finance_markets",
            "rule": "commuters_morning",
            "since": "2026-11-23T10:01:04+01:00",
            "reason": "rule commuters_morning: 1 person, young_adult/business",
        },
        "last_decision": {
            "at": "2026-11-23T10:03:04+01:00",
            "playlist": "commuter_finance",
            "rule": "commuters_morning",
            "reason": "rule commuters_morning: 1 person, young_adult/business",
            "audience": {"signal": "ok", "group_size": 1, "dominant_segment": "young_adult/business", "confidence": 0.67},
        },
        "rules_revision": 12,
        "counts": {"decisions": 14_400, "switches": 37, "plays_by_outcome": {"played": 410, "failed": 2}, "rule_reloads": 3},
        "camera": {"state": "ok", "detail": "0", "engine_fps": 9.6, "frames_dropped": 41},
        "database": {"state": "ok", "reason": None, "proof_of_play_pending": 0},
        "disk_free_bytes": 48_300_000_000,
        "last_errors": [{"at": "2026-11-23T09:12:00+01:00", "message": "brand_intro.mp4: cannot decode (moov atom not found)"}],
    }
    status.update(changes)
    return status


@pytest.fixture
def serve():
    """`serve(provider)`: a started StatusServer on a free port, stopped after the test."""
    servers: list[StatusServer] = []

    def start(provider) -> StatusServer:
        server = StatusServer(provider, port=0)
        server.start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        assert server.stop(timeout_s=2.0)
    assert not [t for t in threading.enumerate() if t.name == "status-http"]


def get(server: StatusServer, path: str, host: str | None = None) -> tuple[int, str, str]:
    """(status code, content type, body) of one GET, sent as a client would."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    try:
        headers = {"Host": host} if host else {}
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, response.getheader("Content-Type", ""), response.read().decode("utf-8")
    finally:
        connection.close()


def parse_exposition(text: str) -> dict[str, dict]:
    """Every metric family of a Prometheus text page: {name: {"help", "type", "samples": [(labels, value)]}}.

    Fails on any line the 0.0.4 grammar does not allow, on a sample before its family's
    HELP and TYPE, and on a family described twice."""
    assert text.endswith("\n"), "the page ends with a line feed"
    families: dict[str, dict] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if match := HELP_LINE.match(line):
            assert match[1] not in families, f"line {number}: {match[1]} described twice"
            families[match[1]] = {"help": match[2], "type": None, "samples": []}
        elif match := TYPE_LINE.match(line):
            assert match[1] in families and families[match[1]]["type"] is None, f"line {number}: TYPE without HELP first"
            families[match[1]]["type"] = match[2]
        else:
            match = SAMPLE_LINE.match(line)
            assert match, f"line {number} is not a sample line: {line!r}"
            name = match[1]
            assert name in families and families[name]["type"], f"line {number}: {name} before its HELP and TYPE"
            labels = {
                key: re.sub(r"\\(.)", lambda m: {"n": "\n"}.get(m[1], m[1]), value[1:-1])
                for key, value in re.findall(rf"([a-zA-Z_][a-zA-Z0-9_]*)=({LABEL_VALUE})", match[2] or "")
            }
            families[name]["samples"].append((labels, float(match[3])))
    return families


def test_status_is_the_providers_dict_as_json(serve):
    status = make_status()
    server = serve(lambda: status)

    code, kind, body = get(server, "/status")

    assert code == 200 and kind.startswith("application/json")
    assert json.loads(body) == status


def test_metrics_are_prometheus_text_derived_from_the_status(serve):
    server = serve(lambda: make_status())

    code, kind, body = get(server, "/metrics")

    assert code == 200 and kind == "text/plain; version=0.0.4; charset=utf-8"
    families = parse_exposition(body)
    value = {name: family["samples"][0][1] for name, family in families.items() if len(family["samples"]) == 1}
    assert value["signage_uptime_seconds"] == 7384.5
    assert value["signage_decisions_total"] == 14_400 and families["signage_decisions_total"]["type"] == "counter"
    assert value["signage_switches_total"] == 37 and value["signage_rule_reloads_total"] == 3
    assert value["signage_engine_fps"] == 9.6 and families["signage_engine_fps"]["type"] == "gauge"
    assert value["signage_camera_up"] == 1 and value["signage_frames_dropped_total"] == 41
    assert value["signage_proof_of_play_pending"] == 0 and value["signage_database_up"] == 1
    assert value["signage_disk_free_bytes"] == 48_300_000_000 and value["signage_rules_revision"] == 12
    assert sorted(families["signage_plays_total"]["samples"], key=str) == [
        ({"outcome": "failed"}, 2.0),
        ({"outcome": "played"}, 410.0),
    ]
    assert families["signage_info"]["samples"] == [
        ({"mode": "live", "playlist": "commuter_finance", "item": "finance_markets", "rule": "commuters_morning"}, 1.0)
    ]
    for name, family in families.items():
        assert family["help"] and (family["type"] != "counter" or name.endswith("_total")), name


def test_label_values_are_escaped_and_a_missing_camera_gives_no_camera_samples():
    awkward = 'say "hi" \\ now\nplease'
    status = make_status(camera=None, disk_free_bytes=None, uptime_s=float("nan"))
    status["playing"] = dict(status["playing"], playlist=awkward, rule=None)

    families = parse_exposition(render_metrics(status))

    labels, _ = families["signage_info"]["samples"][0]
    assert labels["playlist"] == awkward and labels["rule"] == ""
    assert families["signage_camera_up"]["samples"] == [] and families["signage_engine_fps"]["samples"] == []
    assert families["signage_disk_free_bytes"]["samples"] == []
    assert math.isnan(families["signage_uptime_seconds"]["samples"][0][1])


def test_an_unknown_path_is_404(serve):
    server = serve(lambda: make_status())
    for path in ("/", "/status/x", "/favicon.ico", "/../etc/passwd"):
        assert get(server, path)[0] == 404, path


def test_a_provider_that_raises_gives_500_and_the_next_request_works(serve, caplog):
    calls = []

    def provider() -> dict:
        calls.append(1)
        if len(calls) <= 2:
            raise RuntimeError("the GUI thread has not published yet\nsecond line")
        return make_status()

    server = serve(provider)
    with caplog.at_level(logging.WARNING, logger="signage.player.status"):
        first = get(server, "/status")
        second = get(server, "/metrics")
        third = get(server, "/status")

    assert first[0] == 500 and second[0] == 500
    assert first[2] == "status unavailable: RuntimeError: the GUI thread has not published yet\n"
    assert third[0] == 200 and json.loads(third[2])["mode"] == "live"
    # Logged once for the same failure, not once per request (a scraper asks every 15 s).
    assert len([r for r in caplog.records if "provider failed" in r.getMessage()]) == 1


def test_a_request_for_another_host_name_is_refused(serve):
    # A web page can point its own DNS name at 127.0.0.1 (DNS rebinding): its requests
    # carry that name in Host and must not be answered.
    server = serve(lambda: make_status())
    assert get(server, "/status", host="evil.example:8787")[0] == 403
    assert get(server, "/status", host=f"localhost:{server.port}")[0] == 200


def test_the_server_listens_on_loopback_only():
    for host in ("0.0.0.0", "192.168.1.20", "::", "example.org"):
        with pytest.raises(ConfigError, match="loopback"):
            StatusServer(dict, port=0, host=host)


def test_a_port_in_use_is_one_line_naming_the_setting(serve):
    first = serve(lambda: make_status())
    second = StatusServer(lambda: make_status(), port=first.port)
    with pytest.raises(ConfigError) as raised:
        second.start()
    assert f"player.status_port: cannot listen on 127.0.0.1:{first.port}" in str(raised.value)
    assert "\n" not in str(raised.value)


def test_stop_closes_the_port(serve):
    server = StatusServer(lambda: make_status(), port=0)
    server.start()
    port = server.port
    assert server.stop(timeout_s=2.0)
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/status", timeout=2)


# -- the helpers the application fills the status with --------------------------------


def test_disk_free_bytes_of_a_database_that_does_not_exist_yet(tmp_path):
    free = disk_free_bytes(tmp_path / "not" / "yet" / "signage.db")
    assert isinstance(free, int) and free > 0
    assert abs(free - shutil.disk_usage(tmp_path).free) < 64 * 1024**2  # others write meanwhile


def test_recent_errors_keep_the_last_warnings_one_line_each_newest_last():
    recent = RecentErrors()
    logger = logging.getLogger("signage.test_status_recent")
    logger.addHandler(recent)
    try:
        logger.info("not an error")
        for n in range(LAST_ERRORS + 5):
            logger.warning("item %s failed\n  traceback line", n)
    finally:
        logger.removeHandler(recent)

    entries = recent.entries()
    assert [e["message"] for e in entries] == [f"item {n} failed" for n in range(5, LAST_ERRORS + 5)]
    assert all(re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$", e["at"]) for e in entries)


# -- `signage status` -------------------------------------------------------------------


def run_status(*args: str, config: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["SIGNAGE_CONFIG"] = str(config) if config else "/nonexistent/signage-test-config.yaml"
    # A proxy in the environment must not take a question about this machine elsewhere.
    env["http_proxy"] = env["HTTP_PROXY"] = "http://127.0.0.1:9"
    return subprocess.run([SIGNAGE, "status", *args], capture_output=True, text=True, timeout=60, env=env, check=False)


def test_signage_status_prints_what_plays_and_why(serve):
    server = serve(lambda: make_status())

    result = run_status("--port", str(server.port))

    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "playing: commuter_finance / finance_markets (rule commuters_morning) since 10:01:04 (for 2 min 0 s)" in out
    assert "last decision: 10:03:04 (0 s ago) commuter_finance (rule commuters_morning)" in out
    assert "audience: 1 person, mostly young_adult/business (confidence 0.67)" in out
    assert "camera: ok (0), engine 9.6 fps, 41 frames dropped" in out
    assert "rules: revision 12, reloaded 3 times" in out
    assert "up 2 h 3 min" in out and "48.3 GB free" in out
    assert "09:12:00  brand_intro.mp4: cannot decode (moov atom not found)" in out
    assert result.stderr == ""


def test_signage_status_json_is_the_raw_dict(serve):
    status = make_status(camera=None)
    server = serve(lambda: status)
    result = run_status("--port", str(server.port), "--json")
    assert result.returncode == 0 and json.loads(result.stdout) == status


def test_signage_status_reads_the_port_from_the_config(serve, tmp_path):
    server = serve(lambda: make_status(mode="replay"))
    config = tmp_path / "config.yaml"
    config.write_text(f"player:\n  status_port: {server.port}\n")
    result = run_status(config=config)
    assert result.returncode == 0 and result.stdout.startswith("player: replay, up")


def test_signage_status_with_no_player_is_one_line_and_exit_1():
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    result = run_status("--port", str(port))

    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == (
        f"no player is running on 127.0.0.1:{port} (is it started? `systemctl --user status signage-player`)\n"
    )


def test_signage_status_names_a_failing_player_in_one_line(serve):
    def provider() -> dict:
        raise KeyError("playing")

    server = serve(provider)
    result = run_status("--port", str(server.port))
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert f"the player on 127.0.0.1:{server.port} answered 500: status unavailable: KeyError" in result.stderr


def test_status_port_zero_turns_it_off_and_a_bad_port_is_refused(tmp_path):
    off = tmp_path / "off.yaml"
    off.write_text("player:\n  status_port: 0\n")
    bad = tmp_path / "bad.yaml"
    bad.write_text("player:\n  status_port: 70000\n")

    result = run_status(config=off)
    assert result.returncode == 1 and "status endpoint is off (player.status_port: 0" in result.stderr

    result = run_status(config=bad)
    assert result.returncode != 0 and result.stderr.count("\n") == 1
    assert "player.status_port: expected a whole number from 0 to 65535, got 70000" in result.stderr
