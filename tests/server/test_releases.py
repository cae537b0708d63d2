"""The library and releases on a real server: validation with the kiosk's own code, the content
snapshot, release_blobs, versions per group and the ETag."""

from __future__ import annotations

import hashlib
import json

import psycopg
import pytest

from playlists.codec import document_to_dict
from playlists.yaml_io import parse_document
from signage.server.releases import canonical_json
from tests.server.people_helpers import cheap_argon2  # noqa: F401 (an autouse fixture)
from tests.server.people_helpers import add_group, add_image, add_text, document, error_of, make_release, sign_in, upload

pytestmark = pytest.mark.postgres


def test_library_items_are_checked_and_a_name_is_taken_once(live_server, api):
    sha = add_image(api, "snacks_chips", tags=["Snacks", "snacks", "Energy Drinks"], valid_from="2026-12-01")
    add_text(api, "welcome")
    items = {item["name"]: item for item in api.get("/library").json()["items"]}
    assert items["snacks_chips"]["sha256"] == sha and items["snacks_chips"]["extension"] == ".png"
    assert items["snacks_chips"]["tags"] == ["snacks", "energy_drinks"]
    assert items["snacks_chips"]["valid_from"] == "2026-12-01" and items["snacks_chips"]["size_bytes"] > 0
    assert items["welcome"]["sha256"] is None and items["welcome"]["text"]["body"] == "Hello"
    base = {"kind": "image", "title": "T", "duration_s": 8.0, "sha256": sha}
    assert error_of(api.post("/library", json={"name": "snacks_chips", **base})) == (409, "conflict")
    assert error_of(api.post("/library", json={"name": "Bad Name", **base})) == (400, "bad_request")
    assert error_of(api.post("/library", json={"name": "x", **base, "duration_s": 0})) == (400, "bad_request")
    assert error_of(api.post("/library", json={"name": "x", **base, "duration_s": "8"})) == (400, "bad_request")
    assert error_of(api.post("/library", json={"name": "x", **base, "duration_s": 1e9})) == (400, "bad_request")
    empty = upload(api, b"", "image/png")
    assert error_of(api.post("/library", json={"name": "x", **base, "sha256": empty})) == (400, "bad_request")
    unknown_type = upload(api, b"some bytes", "application/octet-stream")
    assert error_of(api.post("/library", json={"name": "x", **base, "sha256": unknown_type})) == (400, "bad_request")
    assert api.post("/library", json={"name": "x", **base, "sha256": unknown_type, "extension": ".JPG"}).json()["extension"] == ".jpg"
    assert error_of(api.post("/library", json={"name": "x", **base, "title": "  "})) == (400, "bad_request")
    assert error_of(api.post("/library", json={"name": "x", **base, "valid_from": "2026-12-31",
                                                "valid_until": "2026-12-01"})) == (400, "bad_request")
    assert error_of(api.post("/library", json={"name": "x", **base, "valid_from": "soon"})) == (400, "bad_request")
    assert error_of(api.post("/library", json={"name": "x", **base, "kind": "video"})) == (400, "bad_request")  # a .png
    assert error_of(api.post("/library", json={"name": "x", **base, "sha256": "f" * 64})) == (404, "not_found")
    assert error_of(api.post("/library", json={"name": "x", **base, "sha256": None})) == (400, "bad_request")
    assert error_of(api.post("/library", json={"name": "x", "kind": "text", "title": "T", "duration_s": 5.0,
                                                "text": {"body": "hi", "background": "black"}})) == (400, "bad_request")
    assert error_of(api.put("/library/snack_chips", json=base)) == (404, "not_found")
    viewer = sign_in(live_server, api, "vi", "viewer")
    assert error_of(viewer.post("/library", json={"name": "y", **base})) == (403, "forbidden")
    replaced = api.put("/library/snacks_chips", json={**base, "title": "Chips, new"})
    assert replaced.status_code == 200 and replaced.json()["title"] == "Chips, new"
    assert len(api.get("/library").json()["items"]) == 3


def test_a_release_snapshots_its_items_and_numbers_per_group(live_server, api):
    add_group(api, "seoul")
    add_group(api, "busan")
    chips = add_image(api, "snacks_chips", red=1)
    add_image(api, "unused_ad", red=2)
    add_text(api, "welcome")
    first = make_release(api, "seoul", "snacks_chips", "welcome", "snacks_chips", note="first try")
    second = make_release(api, "seoul", "welcome")
    other = make_release(api, "busan", "welcome")
    assert (first["version"], second["version"], other["version"]) == (1, 2, 1)

    release = api.get(f"/releases/{first['release_id']}").json()
    assert release["group"] == "seoul" and release["version"] == 1 and release["note"] == "first try"
    assert [item["name"] for item in release["content"]] == ["snacks_chips", "welcome"]  # named ones, once each
    image, text = release["content"]
    assert image["sha256"] == chips and image["extension"] == ".png" and image["size_bytes"] > 0
    assert text["sha256"] is None and text["size_bytes"] is None and text["text"]["foreground"] == "#ffffff"
    assert set(image) == {"name", "kind", "title", "duration_s", "sha256", "size_bytes", "extension", "tags",
                          "valid_from", "valid_until", "age_restricted", "text"}
    expected_document = document_to_dict(parse_document(document("snacks_chips", "welcome", "snacks_chips")))
    assert release["document"] == expected_document
    canonical = {"group": "seoul", "version": 1, "document": release["document"], "content": release["content"]}
    assert release["etag"] == f'"{hashlib.sha256(canonical_json(canonical)).hexdigest()}"' == first["etag"]
    assert canonical_json({"b": 1, "a": [1, "é"]}) == '{"a":[1,"é"],"b":1}'.encode()

    # A later change of the library changes no release already made.
    api.put("/library/snacks_chips", json={"kind": "image", "title": "Changed", "duration_s": 3.0, "sha256": chips})
    assert api.get(f"/releases/{first['release_id']}").json()["content"][0]["title"] == "snacks chips"
    with psycopg.connect(live_server.dsn) as db:
        blobs = db.execute("SELECT release_id, sha256 FROM release_blobs ORDER BY release_id").fetchall()
        yaml_kept = db.execute("SELECT document_yaml FROM releases WHERE release_id = %s", (first["release_id"],)).fetchone()[0]
    assert blobs == [(first["release_id"], chips)]  # the text-only releases need no file
    assert yaml_kept == document("snacks_chips", "welcome", "snacks_chips")
    listed = api.get("/groups/seoul/releases").json()["releases"]
    assert [(r["version"], r["stage"], r["content_items"]) for r in listed] == [(2, "not_out", 1), (1, "not_out", 2)]


def test_a_release_that_fails_validation_lists_every_problem_and_stores_nothing(live_server, api):
    add_group(api, "seoul")
    add_image(api, "snacks_chips")
    bad = (
        "default_playlist: mian\n"
        "playlists:\n- name: main\n  items:\n  - snack_chips\n  - beer_promo\n"
        "rules:\n- name: teens\n  playlist: main\n  priority: high\n  when:\n    age_groups: [teenager]\n"
    )
    reply = api.post("/groups/seoul/releases", json={"document_yaml": bad, "note": ""})
    assert error_of(reply) == (422, "invalid_release")
    problems = reply.json()["error"]["reason"].splitlines()
    assert len(problems) == 5, problems
    text = "\n".join(problems)
    assert "unknown content 'snack_chips'" in text and "did you mean 'snacks_chips'" in text
    assert "unknown content 'beer_promo'" in text
    assert "no playlist named 'mian'" in text and "teenager" in text and "priority" in text
    assert all(line.startswith("release of group seoul:") for line in problems)  # file:line: as rules import does
    assert ":5: " in problems[0] or any(":5: " in line for line in problems)  # the line of snack_chips
    for broken in ("playlists: [\n", "- just a list\n", "", "a: &x 1\nb: *x\n"):
        assert error_of(api.post("/groups/seoul/releases", json={"document_yaml": broken})) == (422, "invalid_release")
    partial = api.post("/groups/seoul/releases", json={"document_yaml": "rules: []\n"})
    assert error_of(partial) == (422, "invalid_release") and "playlists:" in partial.json()["error"]["reason"]
    with psycopg.connect(live_server.dsn) as db:
        assert db.execute("SELECT count(*) FROM releases").fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM audit_log WHERE action LIKE 'release%'").fetchone()[0] == 0


def test_releases_refuse_viewers_unknown_groups_and_wrong_types(live_server, api):
    add_group(api, "seoul")
    add_text(api, "welcome")
    viewer = sign_in(live_server, api, "vi", "viewer")
    body = {"document_yaml": document("welcome")}
    assert error_of(viewer.post("/groups/seoul/releases", json=body)) == (403, "forbidden")
    missing = api.post("/groups/seol/releases", json=body)
    assert error_of(missing) == (404, "not_found") and "did you mean 'seoul'" in missing.json()["error"]["reason"]
    assert error_of(api.post("/groups/seoul/releases", json={"document_yaml": {"rules": []}})) == (400, "bad_request")
    assert error_of(api.post("/groups/seoul/releases", json={**body, "notes": "typo"})) == (400, "bad_request")
    assert error_of(api.get("/releases/424242")) == (404, "not_found")
    assert viewer.get("/groups/seoul/releases").json()["releases"] == []
    made = make_release(api, "seoul", "welcome")
    audit = api.get("/audit").json()["entries"][-1]
    assert (audit["action"], audit["target"], audit["detail"]["version"]) == ("release.create", "group:seoul", 1)
    assert json.loads(json.dumps(viewer.get(f"/releases/{made['release_id']}").json()))["version"] == 1


def test_releases_made_at_the_same_time_get_distinct_versions(live_server, api):
    from concurrent.futures import ThreadPoolExecutor

    add_group(api, "seoul")
    add_text(api, "welcome")

    def post(index: int) -> int:
        with live_server.client(live_server.admin_token) as client:
            reply = client.post("/groups/seoul/releases", json={"document_yaml": document("welcome"), "note": str(index)})
            assert reply.status_code == 201, reply.text
            return reply.json()["version"]

    with ThreadPoolExecutor(max_workers=4) as pool:
        versions = sorted(pool.map(post, range(6)))
    assert versions == [1, 2, 3, 4, 5, 6]
