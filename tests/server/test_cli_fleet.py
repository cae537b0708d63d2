"""`signage fleet` against the real server on loopback (tests/server/conftest.py's live_server).

Each command runs through `signage.cli.main` in this process, as a person at a terminal
would type it; the kiosk's side (enrol, heartbeat, screenshot) is done over HTTP as
`signage sync` would.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
import stat
import sys

import cv2
import httpx
import numpy as np
import pytest

from signage.cli import main
from tests.server.conftest import ADMIN_NAME, ADMIN_PASSWORD, free_port
from tests.server.people_helpers import PASSWORD, cheap_argon2, png_bytes  # noqa: F401 (cheap_argon2: autouse fixture)


@pytest.fixture
def session_file(tmp_path, monkeypatch):
    """The session file of these tests (never the user's own)."""
    path = tmp_path / "config" / "fleet-session.json"
    monkeypatch.setenv("SIGNAGE_FLEET_SESSION", str(path))
    return path


def fleet(capsys, *argv: str, stdin: str | None = None) -> tuple[int, str, str]:
    """Run `signage fleet ARGV...`; (exit code, stdout, stderr)."""
    capsys.readouterr()
    previous = sys.stdin
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        code = main(["fleet", *argv])
    finally:
        sys.stdin = previous
    out, err = capsys.readouterr()
    return code, out, err


def login(capsys, live_server, password: str = ADMIN_PASSWORD) -> tuple[int, str, str]:
    return fleet(capsys, "login", "--server", live_server.url, "--name", ADMIN_NAME, "--password-stdin",
                 stdin=password + "\n")


def ok(result: tuple[int, str, str]) -> str:
    code, out, err = result
    assert code == 0, err
    return out


def one_line_error(result: tuple[int, str, str]) -> str:
    code, out, err = result
    assert code != 0, out
    assert err.startswith("signage: error: ") and err.count("\n") == 1 and "Traceback" not in err, err
    return err.strip()


def write_png(path, bgr: tuple[int, int, int]) -> None:
    """A real small PNG (a coloured box with a label) made with OpenCV."""
    picture = np.full((90, 160, 3), bgr, dtype=np.uint8)
    cv2.putText(picture, path.stem[:8], (8, 50), cv2.FONT_HERSHEY_SIMPLEX, 0.8, (255, 255, 255), 2)
    assert cv2.imwrite(str(path), picture)


def rules_yaml(*items: str, rule: str = "always") -> str:
    """A document as `signage rules export` writes it: one playlist of `items`, one rule."""
    listed = "\n".join(f"  - {item}" for item in items)
    return (f"default_playlist: main\nplaylists:\n- name: main\n  items:\n{listed}\n"
            f"rules:\n- name: {rule}\n  playlist: main\n  priority: 10\n")


def local_now_text() -> str:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def test_login_keeps_the_session_owner_only_and_never_prints_the_token(live_server, session_file, capsys):
    out = ok(login(capsys, live_server))
    assert f"as {ADMIN_NAME} (admin)" in out and str(session_file) in out
    assert stat.S_IMODE(session_file.stat().st_mode) == 0o600
    saved = json.loads(session_file.read_text())
    assert saved["server_url"] == live_server.url and saved["role"] == "admin"
    assert saved["token"] and saved["token"] not in out
    # The token works: a command reads with it.
    assert "no stores yet" in ok(fleet(capsys, "stores", "list"))

    code, out, err = fleet(capsys, "logout")
    assert code == 0 and saved["token"] not in out + err
    assert not session_file.exists()
    # The session is over on the server too, not only forgotten here.
    reply = httpx.get(live_server.url + "/api/v1/stores", headers={"Authorization": f"Bearer {saved['token']}"})
    assert reply.status_code == 401


def test_a_full_flow_from_store_to_rollback(live_server, session_file, tmp_path, capsys):
    ok(login(capsys, live_server))
    # Given stores in a region group and a canary group.
    assert "store s1 added" in ok(fleet(capsys, "stores", "add", "s1", "--name", "Seoul Station", "--timezone", "Asia/Seoul"))
    ok(fleet(capsys, "stores", "add", "s2", "--name", "Busan"))
    ok(fleet(capsys, "groups", "add", "seoul", "--kind", "region", "--priority", "5"))
    ok(fleet(capsys, "groups", "add", "pilot", "--kind", "canary"))
    assert "added s1, s2" in ok(fleet(capsys, "groups", "add-stores", "seoul", "s1", "s2"))
    assert "in it already: s1" in ok(fleet(capsys, "groups", "add-stores", "seoul", "s1"))
    ok(fleet(capsys, "groups", "add-stores", "pilot", "s1"))
    stores = ok(fleet(capsys, "stores", "list"))
    assert re.search(r"s1\s+Seoul Station\s+Asia/Seoul\s+pilot,seoul", stores)

    # A kiosk, and its one-time code works once for the kiosk.
    out = ok(fleet(capsys, "kiosks", "add", "front", "--store", "s1"))
    kiosk_id = int(re.search(r"kiosk (\d+) added", out).group(1))
    code = re.search(r"enrolment code: (\S+)", out).group(1)
    enrolled = httpx.post(live_server.url + "/api/v1/enrol", json={"code": code, "hostname": "front-pc"})
    assert enrolled.status_code == 200, enrolled.text
    kiosk = live_server.client(enrolled.json()["token"])

    # Content: two real PNGs; a second push uploads nothing and changes nothing.
    ads = tmp_path / "ads"
    ads.mkdir()
    write_png(ads / "Red Ad.png", (40, 40, 220))
    write_png(ads / "blue-ad.png", (220, 40, 40))
    (ads / "notes.txt").write_text("not an ad")
    out = ok(fleet(capsys, "content", "push", str(ads), "--tag", "Summer"))
    assert "2 files: 2 uploaded, 0 stored already; library items: 2 new" in out
    assert "red_ad:" in out and "blue_ad:" in out
    out = ok(fleet(capsys, "content", "push", str(ads), "--tag", "summer"))
    assert "0 uploaded, 2 stored already; library items: 0 new, 0 updated, 2 unchanged" in out
    out = ok(fleet(capsys, "content", "push", str(ads / "Red Ad.png"), "--duration", "12", "--tag", "summer"))
    assert "0 uploaded, 1 stored already; library items: 0 new, 1 updated" in out
    ok(fleet(capsys, "content", "text", "hello_slide", "--body", "Welcome"))
    library = ok(fleet(capsys, "library", "list"))
    assert re.search(r"red_ad\s+image\s+12 s", library) and re.search(r"blue_ad\s+image\s+8 s", library)
    assert re.search(r"hello_slide\s+text", library) and "summer" in library
    sizes = {item["name"]: item["size_bytes"] for item in httpx.get(
        live_server.url + "/api/v1/library", headers={"Authorization": f"Bearer {live_server.admin_token}"}
    ).json()["items"]}
    assert sizes["red_ad"] == (ads / "Red Ad.png").stat().st_size

    # Two releases; the first goes to the canary, then to all; then the second; then back.
    rules = tmp_path / "rules.yaml"
    rules.write_text(rules_yaml("red_ad", "blue_ad"))
    out = ok(fleet(capsys, "release", "push", "seoul", str(rules), "--note", "summer start"))
    first = int(re.search(r"release (\d+): group seoul version 1 \(2 content items\)", out).group(1))
    rules.write_text(rules_yaml("blue_ad", "hello_slide", rule="welcome"))
    second = int(re.search(r"release (\d+): group seoul version 2", ok(fleet(capsys, "release", "push", "seoul", str(rules)))).group(1))
    listing = ok(fleet(capsys, "release", "list", "seoul"))
    assert re.search(rf"{first}\s+1\s+not_out\s+2\s+.*admin\s+summer start", listing)

    out = ok(fleet(capsys, "release", "rollout", str(first), "--canary", "pilot"))
    assert f"in canary in pilot for group seoul; current: none; canary: release {first} (v1) in pilot" in out
    # The canary reaches the kiosk of s1 (in pilot): the status counts it.
    status = ok(fleet(capsys, "release", "status", str(first)))
    assert "stage canary" in status and "kiosks targeted 1, running 0, share 0.0 %" in status
    assert f"waiting: kiosk {kiosk_id}" in status
    assert f"current: release {first} (v1); canary: none" in ok(fleet(capsys, "release", "rollout", str(first), "--all"))
    ok(fleet(capsys, "release", "rollout", str(second), "--canary", "pilot"))
    ok(fleet(capsys, "release", "rollout", str(second), "--all"))
    out = ok(fleet(capsys, "release", "rollback", "seoul"))
    assert f"rolled back; current: release {first} (v1); canary: none" in out
    groups = ok(fleet(capsys, "groups", "list"))
    assert re.search(rf"seoul\s+region\s+5\s+s1,s2\s+{first} \(v1\)", groups)

    # The kiosk reports that it runs the first release, with its player's status.
    status_dict = {"playing": {"playlist": "main", "item": "red_ad", "rule": "always"},
                   "camera": {"state": "no signal"}, "database": {"state": "ok"}, "last_errors": []}
    beat = kiosk.post("/kiosk/heartbeat", json={"sent_at": local_now_text(), "utc_offset_s": 0, "release_id": first,
                                                "status": status_dict, "acked": [], "sync": None})
    assert beat.status_code == 200, beat.text
    status = ok(fleet(capsys, "release", "status", str(first)))
    assert "stage all" in status and "kiosks targeted 1, running 1, share 100.0 %" in status
    kiosks = ok(fleet(capsys, "kiosks", "list"))
    assert re.search(rf"{kiosk_id}\s+s1\s+front\s+online\s+\d{{4}}-\d\d-\d\d \d\d:\d\d:\d\dZ\s+{first}\s+[+-]\d+\.\d s\s+"
                     r"playing main/red_ad; camera no signal", kiosks), kiosks

    # A screenshot command, carried out by the kiosk, saved by the person.
    out = ok(fleet(capsys, "kiosks", "command", str(kiosk_id), "screenshot"))
    command_id = int(re.search(r"command (\d+) \(screenshot\) queued", out).group(1))
    beat = kiosk.post("/kiosk/heartbeat", json={"sent_at": local_now_text(), "utc_offset_s": 0, "release_id": first})
    assert beat.json()["commands"] == [{"command_id": command_id, "kind": "screenshot"}]
    shot = png_bytes(red=90, size_px=8)
    assert kiosk.put(f"/kiosk/commands/{command_id}/screenshot", content=shot,
                     headers={"Content-Type": "image/png"}).status_code == 204
    ok(fleet(capsys, "kiosks", "screenshot", str(command_id), "--out", str(tmp_path / "shot.png")))
    assert (tmp_path / "shot.png").read_bytes() == shot
    assert kiosk.post("/kiosk/heartbeat", json={"sent_at": local_now_text(), "utc_offset_s": 0, "release_id": first,
                                                "acked": [{"command_id": command_id, "result": "done", "detail": "sent"}]}
                      ).status_code == 200
    ok(fleet(capsys, "kiosks", "command", str(kiosk_id), "reload"))
    commands = ok(fleet(capsys, "kiosks", "commands", str(kiosk_id)))
    assert re.search(rf"{command_id}\s+screenshot\s+user:{ADMIN_NAME}\s+\S+ \S+\s+done\s+yes\s+sent", commands), commands
    assert re.search(rf"{command_id + 1}\s+reload\s+user:{ADMIN_NAME}\s+\S+ \S+\s+pending\s+-", commands), commands

    assert f"kiosk {kiosk_id} revoked" in ok(fleet(capsys, "kiosks", "revoke", str(kiosk_id)))
    assert kiosk.post("/kiosk/heartbeat", json={"sent_at": local_now_text(), "utc_offset_s": 0}).status_code == 401
    # A new code re-admits it; a store leaves a group.
    out = ok(fleet(capsys, "kiosks", "enrol-code", str(kiosk_id)))
    assert f"--server {live_server.url} --code" in out
    new_code = re.search(r"enrolment code: (\S+)", out).group(1)
    assert httpx.post(live_server.url + "/api/v1/enrol", json={"code": new_code, "hostname": "front-pc"}).status_code == 200
    assert "store s2 taken out" in ok(fleet(capsys, "groups", "remove-store", "seoul", "s2"))
    assert re.search(r"s2\s+Busan\s+UTC\s+-\s+0", ok(fleet(capsys, "stores", "list")))

    # The audit log shows every change, made by the admin.
    audit = ok(fleet(capsys, "audit", "--limit", "100"))
    for action, target in [("store.create", "store:s1"), ("group.create", "group:pilot"), ("group.add_stores", "group:seoul"),
                           ("kiosk.create", None), ("content.upload", None), ("library.create", "library:red_ad"),
                           ("library.replace", "library:red_ad"), ("release.create", "group:seoul"),
                           ("command.create", f"kiosk:{kiosk_id}"), ("kiosk.revoke", f"kiosk:{kiosk_id}"),
                           ("kiosk.enrol_code", f"kiosk:{kiosk_id}"), ("group.remove_store", "group:seoul")]:
        assert re.search(rf"user:{ADMIN_NAME}\s+{re.escape(action)}\s+{re.escape(target or '')}", audit), (action, audit)
    assert re.search(r"rollout|rollback", audit)
    assert len(re.findall(r"content\.upload", audit)) == 2  # the second push uploaded nothing
    assert len(ok(fleet(capsys, "audit", "--limit", "3")).strip().splitlines()) == 4  # a header and 3 entries


def test_a_wrong_password_is_one_line_and_keeps_no_session(live_server, session_file, capsys):
    err = one_line_error(login(capsys, live_server, password="not the password at all"))
    assert "401 unauthorised: wrong name or password" in err
    assert not session_file.exists()


def test_without_a_session_a_command_says_to_log_in(session_file, capsys):
    err = one_line_error(fleet(capsys, "stores", "list"))
    assert "not signed in" in err and "signage fleet login" in err


def test_an_ended_session_says_to_log_in_again(live_server, session_file, capsys):
    session_file.parent.mkdir(parents=True)
    session_file.write_text(json.dumps({"server_url": live_server.url, "token": "made-up-token"}))
    err = one_line_error(fleet(capsys, "groups", "list"))
    assert err.startswith("signage: error: 401 unauthorised:") and "signage fleet login" in err
    assert "made-up-token" not in err


def test_an_invalid_release_names_the_file_and_line(live_server, session_file, tmp_path, capsys):
    ok(login(capsys, live_server))
    ok(fleet(capsys, "groups", "add", "seoul", "--kind", "region"))
    rules = tmp_path / "rules.yaml"
    # Line 5 names content the library does not have, line 8 a playlist the document does not have.
    rules.write_text(rules_yaml("nothing_here").replace("  playlist: main\n  priority", "  playlist: nowhere\n  priority"))
    code, _, err = fleet(capsys, "release", "push", "seoul", str(rules))
    assert code != 0 and "Traceback" not in err
    lines = err.strip().splitlines()
    assert lines[0].startswith(f"signage: error: 422 invalid_release: {rules}:")
    assert f"{rules}:8: rules[0].playlist: no playlist named 'nowhere'" in err
    assert len(lines) == 2 and lines[1].startswith(f"{rules}:8:") and f"{rules}:5:" in lines[0]
    assert "release of group" not in err
    # Broken YAML is one line naming the file and its line; no release was made.
    rules.write_text("default_playlist: main\nplaylists: [unclosed\n")
    err = one_line_error(fleet(capsys, "release", "push", "seoul", str(rules)))
    assert f"422 invalid_release: {rules}:3: YAML syntax" in err  # the end of the file
    assert "has no releases yet" in ok(fleet(capsys, "release", "list", "seoul"))


def test_a_korean_file_name_gets_a_generated_name(live_server, session_file, tmp_path, capsys):
    # A name with no letters a slug can use becomes image_<sha256 prefix>, as `content add` does.
    ok(login(capsys, live_server))
    ad = tmp_path / "과자 할인.png"
    write_png(ad, (40, 200, 40))
    out = ok(fleet(capsys, "content", "push", str(ad)))
    assert "1 uploaded" in out
    digest = hashlib.sha256(ad.read_bytes()).hexdigest()
    assert re.search(rf"image_{digest[:8]}\s+image", ok(fleet(capsys, "library", "list")))


def test_refusals_are_one_line_with_status_code_and_reason(live_server, api, session_file, tmp_path, capsys):
    ok(login(capsys, live_server))
    ok(fleet(capsys, "stores", "add", "s1", "--name", "One"))
    assert "409 conflict: a store with code 's1' exists already" in one_line_error(fleet(capsys, "stores", "add", "s1", "--name", "Again"))
    assert "400 bad_request: timezone:" in one_line_error(fleet(capsys, "stores", "add", "s2", "--name", "x", "--timezone", "Mars/Base"))
    assert "404 not_found:" in one_line_error(fleet(capsys, "release", "status", "999"))
    assert "404 not_found:" in one_line_error(fleet(capsys, "kiosks", "screenshot", "999", "--out", str(tmp_path / "x.png")))
    assert not (tmp_path / "x.png").exists()
    # A file the player could not show is refused before anything is sent.
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    assert "broken.png" in one_line_error(fleet(capsys, "content", "push", str(broken)))
    assert "the library is empty" in ok(fleet(capsys, "library", "list"))
    # A viewer reads, and is refused a change with the server's reason.
    assert api.post("/users", json={"name": "vera", "password": PASSWORD, "role": "viewer"}).status_code == 201
    ok(fleet(capsys, "login", "--server", live_server.url, "--name", "vera", "--password-stdin", stdin=PASSWORD + "\n"))
    assert "s1" in ok(fleet(capsys, "stores", "list"))
    assert "403 forbidden:" in one_line_error(fleet(capsys, "groups", "add", "g", "--kind", "tag"))


def test_an_unreachable_server_is_one_line_naming_it(session_file, capsys):
    url = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    err = one_line_error(fleet(capsys, "login", "--server", url, "--name", "x", "--password-stdin", stdin="whatever\n"))
    assert f"cannot reach the server at {url}" in err
    session_file.parent.mkdir(parents=True)
    session_file.write_text(json.dumps({"server_url": url, "token": "secret-token-value"}))
    err = one_line_error(fleet(capsys, "kiosks", "list"))
    assert f"cannot reach the server at {url}" in err and "secret-token-value" not in err
