"""Content files by sha256: the local folder store itself, and PUT/HEAD/GET /content on a real server."""

from __future__ import annotations

import hashlib
import importlib.util
import os

import psycopg
import pytest

from foundation.errors import ModelError
from signage.server.content_store import HashMismatch, LocalContentStore, S3ContentStore, open_content_store
from tests.server.conftest import free_port, make_admin, start_server_thread
from tests.server.people_helpers import cheap_argon2  # noqa: F401 (an autouse fixture)
from tests.server.people_helpers import ADMIN_LOGIN, error_of, png_bytes, sign_in


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _leftovers(folder) -> list[str]:
    incoming = folder / ".incoming"
    return sorted(os.listdir(incoming)) if incoming.exists() else []


def test_a_file_is_stored_under_its_hash_and_read_back_from_any_offset(tmp_path):
    store = LocalContentStore(tmp_path)
    data = os.urandom(3 * 1024 * 1024 + 17)  # more than one read chunk
    sha = _sha(data)
    writer = store.writer(sha)
    for start in range(0, len(data), 65536):
        writer.write(data[start:start + 65536])
    writer.commit()
    assert store.path_of(sha) == tmp_path / sha[:2] / sha
    assert store.size(sha) == len(data) and writer.size_bytes == len(data)
    assert b"".join(store.read(sha)) == data
    assert b"".join(store.read(sha, start=1_000_000)) == data[1_000_000:]
    assert b"".join(store.read(sha, start=10, end=20)) == data[10:20]
    assert _leftovers(tmp_path) == []


def test_bytes_that_do_not_match_their_hash_leave_nothing(tmp_path):
    store = LocalContentStore(tmp_path)
    claimed = _sha(b"what was promised")
    writer = store.writer(claimed)
    writer.write(b"something else")
    with pytest.raises(HashMismatch, match=claimed):
        writer.commit()
    assert store.size(claimed) is None
    assert not (tmp_path / claimed[:2]).exists() and _leftovers(tmp_path) == []


def test_an_aborted_upload_leaves_nothing_and_a_second_upload_of_the_same_file_is_harmless(tmp_path):
    store = LocalContentStore(tmp_path)
    data = b"ad bytes"
    writer = store.writer(_sha(data))
    writer.write(data[:3])
    writer.abort()
    assert store.size(_sha(data)) is None and _leftovers(tmp_path) == []
    for _ in range(2):
        writer = store.writer(_sha(data))
        writer.write(data)
        writer.commit()
    assert b"".join(store.read(_sha(data))) == data


def test_not_a_sha256_is_refused_before_any_path_is_made(tmp_path):
    store = LocalContentStore(tmp_path)
    for bad in ("../../etc/passwd", "A" * 64, "abc"):
        with pytest.raises(ValueError):
            store.path_of(bad)


@pytest.mark.skipif(importlib.util.find_spec("boto3") is not None, reason="boto3 is installed here")
def test_the_bucket_without_boto3_names_the_extra_to_install(tmp_path):
    with pytest.raises(ModelError, match=r"signage\[s3\]"):
        S3ContentStore("s3://ads/prefix")
    with pytest.raises(ModelError, match=r"signage\[s3\]"):
        open_content_store(tmp_path, "s3://ads")
    assert isinstance(open_content_store(tmp_path, None), LocalContentStore)


# ---- through the API ---------------------------------------------------------------------------

@pytest.mark.postgres
def test_upload_is_verified_idempotent_and_read_back(live_server, api):
    data = png_bytes(10)
    sha = _sha(data)
    assert api.head(f"/content/{sha}").status_code == 404
    first = api.put(f"/content/{sha}", content=data, headers={"Content-Type": "image/png"})
    assert first.status_code == 201 and first.json() == {"sha256": sha, "size_bytes": len(data), "stored": True}
    again = api.put(f"/content/{sha}", content=data, headers={"Content-Type": "image/png"})
    assert again.status_code == 200 and again.json()["stored"] is False
    head = api.head(f"/content/{sha}")
    assert head.status_code == 200 and head.headers["content-length"] == str(len(data))
    assert head.headers["content-type"] == "image/png"
    got = api.get(f"/content/{sha}")
    assert got.status_code == 200 and got.content == data
    stored = live_server.settings.content_dir / sha[:2] / sha
    assert stored.read_bytes() == data
    with psycopg.connect(live_server.dsn) as db:
        assert db.execute("SELECT size_bytes, media_type FROM blobs").fetchall() == [(len(data), "image/png")]
        assert db.execute("SELECT count(*) FROM audit_log WHERE action = 'content.upload'").fetchone()[0] == 1
    stored.unlink()  # lost from the folder (a restored backup of the database alone)
    assert error_of(api.get(f"/content/{sha}")) == (404, "not_found")
    assert api.put(f"/content/{sha}", content=data).status_code == 201  # stored again, not "already there"
    assert stored.read_bytes() == data


@pytest.mark.postgres
def test_a_streamed_upload_whose_hash_differs_is_422_and_stores_nothing(live_server, api):
    claimed = _sha(b"the real ad")

    def chunks():
        for _ in range(64):
            yield os.urandom(16384)

    reply = api.put(f"/content/{claimed}", content=chunks(), headers={"Content-Type": "video/mp4"})
    assert error_of(reply) == (422, "hash_mismatch") and claimed in reply.json()["error"]["reason"]
    assert api.head(f"/content/{claimed}").status_code == 404
    with psycopg.connect(live_server.dsn) as db:
        assert db.execute("SELECT count(*) FROM blobs").fetchone()[0] == 0
    folder = live_server.settings.content_dir
    assert not (folder / claimed[:2]).exists() and _leftovers(folder) == []


@pytest.mark.postgres
def test_bad_hashes_roles_and_unknown_content(live_server, api):
    assert error_of(api.put("/content/not-a-hash", content=b"x")) == (400, "bad_request")
    assert error_of(api.put(f"/content/{'A' * 64}", content=b"x")) == (400, "bad_request")
    assert error_of(api.get(f"/content/{'0' * 64}")) == (404, "not_found")
    viewer = sign_in(live_server, api, "vi", "viewer")
    data = b"bytes a viewer may not add"
    assert error_of(viewer.put(f"/content/{_sha(data)}", content=data)) == (403, "forbidden")
    with live_server.client() as anonymous:
        assert error_of(anonymous.put(f"/content/{_sha(data)}", content=data)) == (401, "unauthorised")
    sha = _sha(data)
    editor = sign_in(live_server, api, "ed", "editor")
    assert editor.put(f"/content/{sha}", content=data).status_code == 201
    assert viewer.get(f"/content/{sha}").content == data


@pytest.mark.postgres
def test_an_upload_over_the_limit_is_413_declared_or_streamed(pg_dsn, tmp_path):
    from signage.server.app import ServerSettings

    settings = ServerSettings(dsn=pg_dsn, content_dir=tmp_path / "content", max_upload_bytes=100_000, pool_min=1, pool_max=2)
    make_admin(pg_dsn)
    port = free_port()
    server, thread = start_server_thread(settings, port)
    try:
        import httpx

        base = f"http://127.0.0.1:{port}/api/v1"
        token = httpx.post(base + "/login", json=ADMIN_LOGIN).json()["token"]
        with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"}) as client:
            big = os.urandom(200_000)
            assert error_of(client.put(f"/content/{_sha(big)}", content=big)) == (413, "too_large")

            def chunks():  # no Content-Length: counted as it arrives
                for start in range(0, len(big), 10_000):
                    yield big[start:start + 10_000]

            assert error_of(client.put(f"/content/{_sha(big)}", content=chunks())) == (413, "too_large")
            small = os.urandom(50_000)
            assert client.put(f"/content/{_sha(small)}", content=small).status_code == 201
        assert _leftovers(settings.content_dir) == []
        with psycopg.connect(pg_dsn) as db:
            assert db.execute("SELECT sha256 FROM blobs").fetchall() == [(_sha(small),)]
    finally:
        server.should_exit = True
        thread.join(timeout=10)
