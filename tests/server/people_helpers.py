"""Builders for the people's API tests: accounts of each role, stores, groups, content, releases."""

from __future__ import annotations

import hashlib
import struct
import zlib

import httpx
import pytest
from argon2 import PasswordHasher

PASSWORD = "a long enough password"


@pytest.fixture(autouse=True)
def cheap_argon2(monkeypatch):
    """Argon2id at its lowest cost for these tests (import it into a test module to use it).

    The default cost (64 MiB, 3 passes) takes 0.1-1 s per hash on a shared 2-core machine
    and every sign-in hashes and verifies; the cost is not what these tests check. Hashes
    are still Argon2id and pass through the same code.
    """
    from signage.server import auth

    monkeypatch.setattr(auth, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


def error_of(reply: httpx.Response) -> tuple[int, str]:
    """(status, error code) of a refusal, checking the contract's body shape."""
    body = reply.json()
    assert set(body) == {"error"}, body
    assert body["error"]["reason"], body
    return reply.status_code, body["error"]["code"]


def sign_in(live_server, api: httpx.Client, name: str, role: str) -> httpx.Client:
    """A new account of `role`, signed in: its own client (close it, or leave it to the test's end)."""
    assert api.post("/users", json={"name": name, "password": PASSWORD, "role": role}).status_code == 201
    token = api.post("/login", json={"name": name, "password": PASSWORD}).json()["token"]
    return live_server.client(token)


def png_bytes(red: int = 200, size_px: int = 4) -> bytes:
    """A real, tiny PNG of one colour."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + bytes((red, 40, 40)) * size_px for _ in range(size_px))
    header = struct.pack(">IIBBBBB", size_px, size_px, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def upload(api: httpx.Client, data: bytes, media_type: str = "image/png") -> str:
    """Upload `data`; its sha256."""
    sha = hashlib.sha256(data).hexdigest()
    reply = api.put(f"/content/{sha}", content=data, headers={"Content-Type": media_type})
    assert reply.status_code in (200, 201), reply.text
    return sha


def add_image(api: httpx.Client, name: str, red: int = 200, **fields) -> str:
    """A library image item with a freshly uploaded PNG; its sha256."""
    sha = upload(api, png_bytes(red))
    body = {"name": name, "kind": "image", "title": name.replace("_", " "), "duration_s": 8.0, "sha256": sha,
            "tags": [], **fields}
    reply = api.post("/library", json=body)
    assert reply.status_code == 201, reply.text
    return sha


def add_text(api: httpx.Client, name: str, body: str = "Hello") -> None:
    reply = api.post("/library", json={"name": name, "kind": "text", "title": name, "duration_s": 5.0,
                                       "text": {"body": body, "background": "#000000", "foreground": "#ffffff"}})
    assert reply.status_code == 201, reply.text


def add_store(api: httpx.Client, code: str, groups: tuple[str, ...] = ()) -> None:
    assert api.post("/stores", json={"code": code, "name": f"Store {code}"}).status_code == 201
    for group in groups:
        assert api.post(f"/groups/{group}/stores", json={"stores": [code]}).status_code == 200


def add_group(api: httpx.Client, name: str, kind: str = "region", priority: int = 0) -> None:
    reply = api.post("/groups", json={"name": name, "kind": kind, "priority": priority})
    assert reply.status_code == 201, reply.text


def document(*items: str, playlist: str = "main", rule_playlist: str | None = None) -> str:
    """A release document: one playlist of `items`, the default, and one rule playing it."""
    listed = "\n".join(f"  - {item}" for item in items)
    return (
        f"default_playlist: {playlist}\n"
        f"playlists:\n- name: {playlist}\n  items:\n{listed}\n"
        f"rules:\n- name: always\n  playlist: {rule_playlist or playlist}\n  priority: 10\n"
    )


def make_release(api: httpx.Client, group: str, *items: str, note: str = "") -> dict:
    reply = api.post(f"/groups/{group}/releases", json={"document_yaml": document(*items), "note": note})
    assert reply.status_code == 201, reply.text
    return reply.json()


ADMIN_LOGIN = {"name": "admin", "password": "correct horse battery staple"}  # tests/server/conftest.py's admin
