"""POST /api/v1/kiosk/telemetry on a real server over a real PostgreSQL: exactly once, and every bad batch refused."""

from __future__ import annotations

import datetime as dt
import json
import random
import threading

import pytest

from tests.server.builders import (
    fetch_one,
    local_text,
    make_batch,
    make_kiosk,
    make_play,
    make_sample,
    make_store,
    serve_module,
)


@pytest.fixture(scope="module")
def live_server(pg_cluster, tmp_path_factory):
    """One server for the module: every test has its own store and kiosk."""
    with serve_module(pg_cluster, tmp_path_factory.mktemp("content")) as server:
        yield server


@pytest.fixture
def kiosk(live_server):
    return make_kiosk(live_server.dsn, make_store(live_server.dsn))


@pytest.fixture
def client(live_server, kiosk):
    with live_server.client(kiosk.token) as client:
        yield client


def stored_counts(dsn: str, kiosk_id: int) -> tuple[int, int, int, int]:
    """(last_seq, batches, plays, audience samples) of the kiosk in PostgreSQL."""
    return fetch_one(
        dsn,
        "SELECT (SELECT last_seq FROM kiosk_state WHERE kiosk_id = %(k)s),"
        " (SELECT count(*) FROM telemetry_batches WHERE kiosk_id = %(k)s),"
        " (SELECT count(*) FROM plays WHERE kiosk_id = %(k)s),"
        " (SELECT count(*) FROM audience_samples WHERE kiosk_id = %(k)s)",
        {"k": kiosk_id},
    )


def test_a_batch_is_stored_whole_and_its_retry_is_a_duplicate(live_server, kiosk, client):
    batch = make_batch(1, plays=3, audience=2)

    reply = client.post("/kiosk/telemetry", json=batch)

    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert body["stored"] == {"plays": 3, "audience": 2}
    assert body["next_seq"] == 2
    assert dt.datetime.fromisoformat(body["server_time"]).tzinfo is not None
    assert stored_counts(live_server.dsn, kiosk.kiosk_id) == (1, 1, 3, 2)
    assert fetch_one(live_server.dsn, "SELECT last_seen_at IS NOT NULL FROM kiosk_state WHERE kiosk_id = %s",
                     (kiosk.kiosk_id,)) == (True,)
    play = fetch_one(
        live_server.dsn,
        "SELECT started_at, utc_offset_s, item, outcome, counts_by_age_group, confidence FROM plays"
        " WHERE kiosk_id = %s AND play_id = 1",
        (kiosk.kiosk_id,),
    )
    assert local_text(play[0]) == batch["plays"][0]["started_at"]
    assert play[1:] == (32400, "snacks_chips", "played", {"teen": 2}, 0.62)

    again = client.post("/kiosk/telemetry", json=batch)

    assert again.status_code == 409
    assert again.json()["error"]["code"] == "duplicate_batch"
    assert again.json()["error"]["next_seq"] == 2
    assert stored_counts(live_server.dsn, kiosk.kiosk_id) == (1, 1, 3, 2)


def test_batches_follow_one_another_and_a_gap_is_refused_with_the_next_seq(live_server, kiosk, client):
    assert client.post("/kiosk/telemetry", json=make_batch(1)).status_code == 200
    assert client.post("/kiosk/telemetry", json=make_batch(2)).status_code == 200

    gap = client.post("/kiosk/telemetry", json=make_batch(4))

    assert gap.status_code == 409
    assert gap.json()["error"]["code"] == "sequence_gap"
    assert gap.json()["error"]["next_seq"] == 3
    assert stored_counts(live_server.dsn, kiosk.kiosk_id) == (2, 2, 4, 2)
    # An empty batch is a batch too: it moves the sequence on.
    empty = client.post("/kiosk/telemetry", json=make_batch(3, plays=0, audience=0))
    assert empty.status_code == 200, empty.text
    assert empty.json()["stored"] == {"plays": 0, "audience": 0}
    assert stored_counts(live_server.dsn, kiosk.kiosk_id) == (3, 3, 4, 2)


def test_a_kiosk_that_lost_its_sequence_state_stores_no_play_twice(live_server, kiosk, client):
    assert client.post("/kiosk/telemetry", json=make_batch(1, plays=2, audience=2)).status_code == 200

    # The same plays and samples again, and one new of each, under the next seq.
    resent = make_batch(2, plays=3, audience=3, first_play_id=1, first_sample_id=1)
    reply = client.post("/kiosk/telemetry", json=resent)

    assert reply.status_code == 200, reply.text
    assert reply.json()["stored"] == {"plays": 1, "audience": 1}
    assert stored_counts(live_server.dsn, kiosk.kiosk_id) == (2, 2, 3, 3)


def test_a_play_sent_while_on_screen_gets_its_end_when_sent_again(live_server, kiosk, client):
    batch = make_batch(1, plays=1, audience=0)
    batch["plays"][0].update(ended_at=None, outcome=None)
    assert client.post("/kiosk/telemetry", json=batch).json()["stored"]["plays"] == 1

    ended = make_batch(2, plays=1, audience=0, first_play_id=1)
    ended["plays"][0].update(outcome="interrupted", item="changed_name")
    reply = client.post("/kiosk/telemetry", json=ended)

    assert reply.status_code == 200
    assert reply.json()["stored"]["plays"] == 0  # completed, not a new row
    row = fetch_one(live_server.dsn, "SELECT ended_at IS NOT NULL, outcome, item FROM plays WHERE kiosk_id = %s",
                    (kiosk.kiosk_id,))
    # The end is filled in; what was recorded at the start never changes.
    assert row == (True, "interrupted", "snacks_chips")
    third = make_batch(3, plays=1, audience=0, first_play_id=1)
    third["plays"][0].update(outcome="failed")
    assert client.post("/kiosk/telemetry", json=third).status_code == 200
    assert fetch_one(live_server.dsn, "SELECT outcome FROM plays WHERE kiosk_id = %s", (kiosk.kiosk_id,)) == ("interrupted",)


def test_records_from_the_future_are_refused_and_nothing_is_stored(live_server, kiosk, client):
    batch = make_batch(1, plays=2, audience=1)
    sent_at = dt.datetime.fromisoformat(batch["sent_at"])
    batch["plays"][1]["ended_at"] = local_text(sent_at + dt.timedelta(minutes=6))

    reply = client.post("/kiosk/telemetry", json=batch)

    assert reply.status_code == 422
    error = reply.json()["error"]
    assert error["code"] == "from_the_future"
    assert "plays[1].ended_at" in error["reason"]
    assert stored_counts(live_server.dsn, kiosk.kiosk_id) == (0, 0, 0, 0)
    # Within the tolerance is fine (a clock that wobbles by seconds).
    batch["plays"][1]["ended_at"] = local_text(sent_at + dt.timedelta(minutes=4))
    batch["audience"][0]["at"] = local_text(sent_at + dt.timedelta(minutes=4))
    assert client.post("/kiosk/telemetry", json=batch).status_code == 200


def test_a_kiosk_clock_hours_off_still_delivers_and_its_skew_is_kept(live_server, kiosk, client):
    real_local = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=9)).replace(tzinfo=None)
    slow_clock = real_local - dt.timedelta(hours=3)

    reply = client.post("/kiosk/telemetry", json=make_batch(1, sent_at=slow_clock))

    assert reply.status_code == 200, reply.text
    skew = fetch_one(live_server.dsn, "SELECT clock_skew_s FROM telemetry_batches WHERE kiosk_id = %s", (kiosk.kiosk_id,))[0]
    assert 3 * 3600 - 30 < skew < 3 * 3600 + 30
    # A clock hours ahead, whose records are as far ahead, is no future either: only
    # records dated after the kiosk's own sending time are.
    fast = make_batch(2, sent_at=real_local + dt.timedelta(hours=5))
    assert client.post("/kiosk/telemetry", json=fast).status_code == 200


def _mutations():
    """(what, change the batch dict, the field named in the reason): every one a 400."""

    def play(**fields):
        def change(batch):
            batch["plays"][1].update(fields)
        return change

    def sample(**fields):
        def change(batch):
            batch["audience"][0].update(fields)
        return change

    def top(**fields):
        def change(batch):
            batch.update(fields)
        return change

    def drop(key):
        def change(batch):
            del batch["plays"][1][key]
        return change

    def duplicate_play(batch):
        batch["plays"][1]["play_id"] = batch["plays"][0]["play_id"]

    return [
        ("an unknown outcome", play(outcome="exploded"), "plays[1].outcome"),
        ("an unknown kind", play(kind="hologram"), "plays[1].kind"),
        ("seq as text", top(seq="1"), "seq"),
        ("seq as a boolean", top(seq=True), "seq"),
        ("seq zero", top(seq=0), "seq"),
        ("seq past bigint", top(seq=2**70), "seq"),
        ("no sent_at", lambda batch: batch.pop("sent_at"), "sent_at"),
        ("sent_at with an offset", top(sent_at="2026-12-01T14:03:07+09:00"), "sent_at"),
        ("a UTC offset of days", top(utc_offset_s=10**6), "utc_offset_s"),
        ("plays not a list", top(plays={"play_id": 1}), "plays"),
        ("a play not an object", lambda batch: batch["plays"].append([1, 2]), "plays[2]"),
        ("an unknown key in a play", play(colour="red"), "plays[1]"),
        ("an unknown key in the batch", top(extra=1), "batch"),
        ("a missing reason", drop("reason"), "plays[1].reason"),
        ("a missing item", drop("item"), "plays[1].item"),
        ("an empty item", play(item=""), "plays[1].item"),
        ("a NUL in a name", play(item="snacks\x00"), "plays[1].item"),
        ("a name far too long", play(rule="r" * 5000), "plays[1].rule"),
        ("planned_s as text", play(planned_s="8"), "plays[1].planned_s"),
        ("negative planned_s", play(planned_s=-1.0), "plays[1].planned_s"),
        ("confidence above 1", play(confidence=1.5), "plays[1].confidence"),
        ("a negative group size", play(group_size=-1), "plays[1].group_size"),
        ("a group size past int", play(group_size=2**40), "plays[1].group_size"),
        ("a fractional group size", play(group_size=1.5), "plays[1].group_size"),
        ("a negative count", play(counts_by_age_group={"teen": -2}), "plays[1].counts_by_age_group"),
        ("counts as a list", play(counts_by_attire=[1]), "plays[1].counts_by_attire"),
        ("a time that is no time", play(started_at="yesterday"), "plays[1].started_at"),
        ("a started_at of null", play(started_at=None), "plays[1].started_at"),
        ("a time as a number", play(ended_at=1764597787), "plays[1].ended_at"),
        ("an unknown signal", sample(signal="maybe"), "audience[0].signal"),
        ("a sample without at", lambda batch: batch["audience"][0].pop("at"), "audience[0].at"),
        ("a sample id of zero", sample(sample_id=0), "audience[0].sample_id"),
        ("one play twice", duplicate_play, "plays[1].play_id"),
    ]


def test_every_bad_field_is_a_400_that_names_it_and_stores_nothing(live_server, kiosk, client):
    for what, change, field in _mutations():
        batch = make_batch(1, plays=2, audience=1)
        change(batch)

        reply = client.post("/kiosk/telemetry", json=batch)

        assert reply.status_code == 400, f"{what}: {reply.status_code} {reply.text}"
        error = reply.json()["error"]
        assert error["code"] == "bad_request", what
        assert error["reason"].startswith(field + ":") or error["reason"].startswith(field + "."), f"{what}: {error['reason']}"
    assert stored_counts(live_server.dsn, kiosk.kiosk_id) == (0, 0, 0, 0)


@pytest.mark.parametrize(
    ("what", "body"),
    [
        ("malformed JSON", b'{"seq": 1,'),
        ("a list", b"[1, 2]"),
        ("null", b"null"),
        ("not UTF-8", b'{"seq": "\xff\xfe"}'),
        ("nested a hundred thousand deep", b"[" * 100_000 + b"]" * 100_000),
        ("an integer of 5000 digits", b'{"seq": ' + b"9" * 5000 + b"}"),
        ("NaN confidence", None),
        ("a lone surrogate", None),
        ("an empty body", b""),
    ],
)
def test_bodies_json_cannot_read_or_postgresql_cannot_store_are_400(live_server, kiosk, client, what, body):
    if what == "NaN confidence":
        body = json.dumps(make_batch(1)).replace('"confidence": 0.62', '"confidence": NaN').encode()
        assert b"NaN" in body
    elif what == "a lone surrogate":
        body = json.dumps(make_batch(1)).replace('"snacks_chips"', '"snacks\\ud800chips"', 1).encode()

    reply = client.post("/kiosk/telemetry", content=body, headers={"Content-Type": "application/json"})

    assert reply.status_code == 400, f"{what}: {reply.status_code} {reply.text}"
    assert reply.json()["error"]["code"] == "bad_request"
    assert stored_counts(live_server.dsn, kiosk.kiosk_id) == (0, 0, 0, 0)


def test_text_beyond_the_basic_plane_is_stored(live_server, kiosk, client):
    # Python's json.dumps writes an emoji as a surrogate pair (\ud83c\udf5c): a valid character.
    batch = make_batch(1, plays=1, audience=0)
    batch["plays"][0]["item"] = "ramen_\U0001f35c"
    body = json.dumps(batch).encode()
    assert b"\\ud83c" in body

    reply = client.post("/kiosk/telemetry", content=body, headers={"Content-Type": "application/json"})

    assert reply.status_code == 200, reply.text
    assert fetch_one(live_server.dsn, "SELECT item FROM plays WHERE kiosk_id = %s", (kiosk.kiosk_id,)) == ("ramen_\U0001f35c",)


def test_a_huge_batch_is_413_whether_its_length_is_declared_or_not(live_server, kiosk, client):
    sent_at = dt.datetime.now()
    big = {"seq": 1, "sent_at": local_text(sent_at), "utc_offset_s": 0,
           "plays": [make_play(i, sent_at, reason="x" * 9000) for i in range(1, 1100)]}
    body = json.dumps(big).encode()
    assert len(body) > 8 * 1024 * 1024

    declared = client.post("/kiosk/telemetry", content=body, headers={"Content-Type": "application/json"})

    def chunks():
        for start in range(0, len(body), 256 * 1024):
            yield body[start:start + 256 * 1024]

    chunked = client.post("/kiosk/telemetry", content=chunks(), headers={"Content-Type": "application/json"})

    for reply in (declared, chunked):
        assert reply.status_code == 413, reply.text
        assert reply.json()["error"]["code"] == "too_large"
    assert stored_counts(live_server.dsn, kiosk.kiosk_id) == (0, 0, 0, 0)


def test_the_same_batch_posted_at_once_from_many_connections_is_stored_once(live_server, kiosk):
    batch = make_batch(1, plays=5, audience=5)
    statuses: list[int] = []
    start = threading.Barrier(6)

    def post():
        with live_server.client(kiosk.token) as client:
            start.wait()
            statuses.append(client.post("/kiosk/telemetry", json=batch).status_code)

    threads = [threading.Thread(target=post) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(statuses) == [200] + [409] * 5
    assert stored_counts(live_server.dsn, kiosk.kiosk_id) == (1, 1, 5, 5)


def test_plays_take_the_release_the_kiosk_last_said_it_runs(live_server, kiosk, client):
    beat = {"sent_at": make_batch(1)["sent_at"], "utc_offset_s": 32400, "release_id": 42, "status": None,
            "acked": [], "sync": None}
    assert client.post("/kiosk/heartbeat", json=beat).status_code == 200

    assert client.post("/kiosk/telemetry", json=make_batch(1, plays=1, audience=0)).status_code == 200

    assert fetch_one(live_server.dsn, "SELECT release_id FROM plays WHERE kiosk_id = %s", (kiosk.kiosk_id,)) == (42,)


def test_a_kiosk_without_a_state_row_still_starts_at_one(live_server, kiosk, client):
    fetch_one(live_server.dsn, "DELETE FROM kiosk_state WHERE kiosk_id = %s RETURNING 1", (kiosk.kiosk_id,))

    reply = client.post("/kiosk/telemetry", json=make_batch(1))

    assert reply.status_code == 200, reply.text
    assert stored_counts(live_server.dsn, kiosk.kiosk_id)[0] == 1


def test_batches_of_two_kiosks_do_not_mix(live_server, kiosk, client):
    other = make_kiosk(live_server.dsn, kiosk.store_id)
    assert client.post("/kiosk/telemetry", json=make_batch(1)).status_code == 200
    with live_server.client(other.token) as other_client:
        # The same seq and the same play ids: another kiosk's, so new rows.
        reply = other_client.post("/kiosk/telemetry", json=make_batch(1))
    assert reply.status_code == 200
    assert reply.json()["stored"] == {"plays": 2, "audience": 1}
    assert stored_counts(live_server.dsn, kiosk.kiosk_id) == (1, 1, 2, 1)
    assert stored_counts(live_server.dsn, other.kiosk_id) == (1, 1, 2, 1)


def test_unknown_no_and_revoked_tokens_are_401(live_server, kiosk):
    from tests.server.builders import revoke_kiosk

    with live_server.client("not-a-token") as stranger, live_server.client() as anonymous:
        assert stranger.post("/kiosk/telemetry", json=make_batch(1)).status_code == 401
        # A stranger's bad body is still a 401: nothing about the body is answered.
        assert stranger.post("/kiosk/telemetry", json={"seq": "x"}).status_code == 401
        future = make_batch(1)
        future["plays"][0]["started_at"] = "2099-01-01 00:00:00"
        assert stranger.post("/kiosk/telemetry", json=future).status_code == 401
        assert anonymous.post("/kiosk/telemetry", json=make_batch(1)).status_code == 401
    revoke_kiosk(live_server.dsn, kiosk.kiosk_id)
    with live_server.client(kiosk.token) as revoked:
        reply = revoked.post("/kiosk/telemetry", json=make_batch(1))
    assert reply.status_code == 401
    assert "revoked" in reply.json()["error"]["reason"]
    assert stored_counts(live_server.dsn, kiosk.kiosk_id) == (0, 0, 0, 0)


def test_a_batch_of_audience_samples_only_is_stored(live_server, kiosk, client):
    # An audience-only batch (nothing played for a while, the camera still counted).
    now = dt.datetime.fromisoformat(make_batch(1)["sent_at"])
    batch = {"seq": 1, "sent_at": local_text(now), "utc_offset_s": 32400,
             "audience": [make_sample(7, now, signal="no_signal", group_size=0, dominant_segment=None,
                                      confidence=0, counts_by_age_group={}, counts_by_attire={})]}
    reply = client.post("/kiosk/telemetry", json=batch)
    assert reply.status_code == 200, reply.text
    assert reply.json()["stored"] == {"plays": 0, "audience": 1}


ODD_VALUES = [
    None, True, False, 0, -1, 2**31, 2**63, 2**64, -(2**63) - 1, 1e308, -0.0, 0.5, "", "x", "\x00", "\ud800", "é" * 2000,
    [], [None], {}, {"a": -1}, {"\x00": 1}, "2026-13-45 99:99:99", "9999-12-31 23:59:59.999999", "0001-01-01 00:00:00",
    "2026-12-01 14:03:07\n", "2026-12-01T14:03:07Z", "nan", "1e999", float("nan"), float("inf"),
]


def _replace(batch: dict, path: tuple, value: object) -> None:
    """Put `value` at `path` in the batch, unless an earlier change took away what holds it."""
    target = batch
    try:
        for part in path[:-1]:
            target = target[part]
        if isinstance(target, dict):
            target[path[-1]] = value
    except (KeyError, IndexError, TypeError):
        pass


def _fresh_ids(batch: dict, seq: int) -> None:
    """New play and sample ids for batch `seq`, so a batch that is stored stores new rows."""
    for records, key in ((batch.get("plays"), "play_id"), (batch.get("audience"), "sample_id")):
        for index, record in enumerate(records if isinstance(records, list) else []):
            if isinstance(record, dict) and record.get(key) in (1, 2) and type(record.get(key)) is int:
                record[key] = seq * 10 + index + 1


def _odd_batches(template: dict, pairs: int = 1500):
    """The template with every field replaced by every odd value, then `pairs` random pairs of such changes."""
    paths = [("seq",), ("sent_at",), ("utc_offset_s",), ("plays",), ("audience",)]
    paths += [("plays", 1, key) for key in template["plays"][1]] + [("audience", 0, key) for key in template["audience"][0]]
    changes = [(path, value) for path in paths for value in ODD_VALUES]
    chooser = random.Random(13)
    for chosen in [[change] for change in changes] + [chooser.sample(changes, 2) for _ in range(pairs)]:
        batch = json.loads(json.dumps(template))
        for path, value in chosen:
            _replace(batch, path, value)
        yield batch


def test_odd_batches_are_refused_with_a_4xx_or_stored_never_a_server_error(live_server, kiosk, client):
    """Every field replaced by odd values: the checks refuse it with an ApiError, or PostgreSQL stores it.

    The checks run in-process on every odd batch (thousands, quickly); the ones they let
    through go to the real server, where PostgreSQL must take them (a value the checks
    pass but PostgreSQL refuses would be a 500).
    """
    from signage.server.errors import ApiError
    from signage.server.telemetry import (
        clock_skew_s,
        parse_batch,
        refuse_future_records,
    )

    now = dt.datetime.now(dt.UTC)
    accepted = []
    for batch in _odd_batches(make_batch(1, plays=2, audience=2)):
        body = json.dumps(batch).encode()
        try:
            parsed = parse_batch(body)
            refuse_future_records(parsed)
            clock_skew_s(now, parsed.sent_at, parsed.utc_offset_s)
        except ApiError as error:
            assert 400 <= error.status < 500
            continue
        accepted.append(batch)
    assert 20 < len(accepted) < 1000, len(accepted)  # the odd values neither all pass nor all fail

    for seq, batch in enumerate(accepted, start=1):
        batch["seq"] = seq
        _fresh_ids(batch, seq)
        reply = client.post("/kiosk/telemetry", content=json.dumps(batch).encode(), headers={"Content-Type": "application/json"})
        assert reply.status_code == 200, f"{batch}: {reply.status_code} {reply.text}"
    assert stored_counts(live_server.dsn, kiosk.kiosk_id)[0] == len(accepted)
