"""Builders for the sync tests: real images, release documents, proof of play in a real kiosk database."""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import cv2
import numpy as np

from foundation.db import open_database
from playlists.proof_of_play import AudienceSummary, PlayOutcome, ProofOfPlay

NOBODY = AudienceSummary("ok", 0, None, 0.0, {}, {})
TEENS = AudienceSummary("ok", 2, "teen/school_uniform", 0.8, {"teen": 2}, {"school_uniform": 2})


def png_bytes(seed: int = 0, size_px: tuple[int, int] = (64, 48), colour: tuple[int, int, int] | None = None) -> bytes:
    """A real PNG (random pixels, or one colour)."""
    width, height = size_px
    if colour is None:
        image = np.random.default_rng(seed).integers(0, 255, (height, width, 3), dtype=np.uint8)
    else:
        image = np.full((height, width, 3), colour[::-1], np.uint8)
    ok, data = cv2.imencode(".png", image)
    assert ok
    return data.tobytes()


def image_item(name: str, duration_s: float = 8.0, **extra) -> dict:
    """A release content entry for an image (the sha256 and size come with its file)."""
    return {"name": name, "kind": "image", "title": name.replace("_", " ").title(), "duration_s": duration_s,
            "extension": ".png", **extra}


def text_item(name: str, body: str = "Hello") -> dict:
    return {"name": name, "kind": "text", "title": name.title(), "duration_s": 5.0, "sha256": None,
            "text": {"body": body, "background": "#101010", "foreground": "#ffffff"}}


def document(default: str, playlists: dict[str, list[str]], rules: list[dict] | None = None) -> dict:
    """A codec document: playlists by name -> item names, and rules."""
    return {
        "default_playlist": default,
        "playlists": [{"name": name, "items": items} for name, items in playlists.items()],
        "rules": rules or [],
    }


def teen_rule(playlist: str, name: str = "students") -> dict:
    return {"name": name, "playlist": playlist, "priority": 60, "when": {"age_groups": ["teen"]}}


def log_plays(db_path: Path, count: int, *, start: dt.datetime, open_last: bool = False, audience: int = 0) -> list[int]:
    """`count` plays (and `audience` samples) in the kiosk's database through the player's
    own ProofOfPlay; the last one left on screen when `open_last`. Returns the play ids."""
    db = open_database(db_path)
    proof = ProofOfPlay(db)
    ids = []
    for index in range(count):
        at = start + dt.timedelta(seconds=10 * index)
        play_id = proof.item_started(started_at=at, playlist="loop", item=f"item_{index % 3}", kind="image",
                                     rule=None, planned_s=8.0, reason="default playlist", audience=TEENS)
        if not (open_last and index == count - 1):
            proof.item_ended(play_id, ended_at=at + dt.timedelta(seconds=8), outcome=PlayOutcome.PLAYED)
        ids.append(play_id)
    for index in range(audience):
        proof.record_audience(start + dt.timedelta(seconds=10 * index), TEENS)
    db.conn.close()
    return ids


@contextlib.contextmanager
def running_player_endpoint(actions: dict[str, Callable], token: str, status: dict | None = None) -> Iterator:
    """The player's real StatusServer with its control endpoint, on a free port.

    A thread stands in for the player's GUI thread, which carries out control requests
    (`ControlRequests.serve`) between frames; `status` is what GET /status answers.
    """
    from signage.player.status import ControlRequests, StatusServer

    control = ControlRequests(actions)
    answer = dict(status or {"mode": "live"})
    server = StatusServer(lambda: answer, 0, control=control, control_token=token)
    server.start()
    stop = threading.Event()

    def gui_thread() -> None:
        while not stop.is_set():
            control.serve()
            stop.wait(0.02)

    thread = threading.Thread(target=gui_thread, name="fake-gui")
    thread.start()
    try:
        yield server
    finally:
        stop.set()
        thread.join()
        server.stop()
