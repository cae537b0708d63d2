"""The console's reports: numbers from telemetry sent through the kiosk endpoint, as the kiosk's own
reports count them, in the store's time zone; filters, CSV, bad filters and a real browser."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import psycopg
import pytest
from sqlite_utils import Database

from playlists import reports as kiosk_reports
from playlists.proof_of_play import ProofOfPlay
from tests.server.builders import (
    local_text,
    make_group,
    make_kiosk,
    make_play,
    make_sample,
    make_store,
)
from tests.server.console.conftest import on_phone, shoot, sign_in, wait_for

pytestmark = pytest.mark.postgres

MONDAY = dt.datetime(2026, 3, 2)  # a Monday
SEOUL_OFFSET_S = 9 * 3600


def at(day: int, hour: int, minute: int = 0, second: int = 0) -> dt.datetime:
    """A local time on day `day` of the week of MONDAY (0 = Monday)."""
    return MONDAY + dt.timedelta(days=day, hours=hour, minutes=minute, seconds=second)


# Store A's kiosk runs in its store's zone (Asia/Seoul): its own reports and ours must agree.
PLAYS_A = [
    make_play(1, at(0, 14, 0, 0), playlist="snacks", rule="teens_after_school"),
    make_play(2, at(0, 14, 0, 8), playlist="snacks", rule="teens_after_school"),  # the same loop: no start
    make_play(3, at(0, 14, 0, 16), playlist="main", rule=None),  # the default playlist: a start
    make_play(4, at(0, 15, 10), playlist="snacks", rule="teens_after_school", ended_at=None, outcome=None),  # on screen: 0 s
    make_play(5, at(0, 15, 20), playlist="snacks", rule="teens_after_school", outcome="unfinished",
              ended_at=local_text(at(0, 16, 20))),  # killed: at most its planned 8 s
    make_play(6, at(1, 9, 0), playlist=None, rule=None, kind="fallback", item="(built-in)"),  # nothing playable
    make_play(7, at(1, 9, 0, 30), playlist="main", rule=None, ended_at=local_text(at(1, 9, 0, 42))),  # 12 s
    make_play(8, at(4, 10), playlist="main", rule=None),  # the same playlist as three days before: no start
]
SAMPLES_A = [
    make_sample(1, at(0, 14, 5), group_size=3, dominant_segment="teen/school_uniform"),
    make_sample(2, at(0, 14, 6), group_size=2, dominant_segment="teen/school_uniform"),
    make_sample(3, at(0, 14, 7), group_size=1, dominant_segment="adult/casual"),
    make_sample(4, at(0, 14, 8), group_size=0, dominant_segment=None, counts_by_age_group={}, counts_by_attire={}),
    make_sample(5, at(1, 9, 1), signal="no_signal", group_size=0, dominant_segment=None, counts_by_age_group={},
                counts_by_attire={}),
]
# Store B is in UTC but its kiosk's clock runs at +09:00: its 10:00 is the store's 01:00.
PLAYS_B = [make_play(1, at(0, 10), rule='=HYPERLINK("http://x.example","go")', playlist="promo")]
SAMPLES_B = [make_sample(1, at(0, 10, 1), group_size=2, dominant_segment="senior/formal")]


def post_batch(console, kiosk, seq: int, plays: list[dict], samples: list[dict], utc_offset_s: int = SEOUL_OFFSET_S):
    """A telemetry batch through the real kiosk endpoint, sent 'now' by the kiosk's clock."""
    sent_at = (dt.datetime.now(dt.UTC) + dt.timedelta(seconds=utc_offset_s)).replace(tzinfo=None)
    body = {"seq": seq, "sent_at": local_text(sent_at), "utc_offset_s": utc_offset_s, "plays": plays, "audience": samples}
    with console.server.client() as client:
        reply = client.post("/kiosk/telemetry", json=body, headers=kiosk.headers)
    assert reply.status_code == 200, reply.text
    return reply.json()


@pytest.fixture
def chain(console):
    """Two stores in two zones, groups 'seoul' (A) and 'korea' (A, B), telemetry through the kiosk endpoint."""
    dsn = console.server.dsn
    store_a, store_b = make_store(dsn, "seoul-001", "Gangnam"), make_store(dsn, "busan-002", "Haeundae")
    make_store(dsn, "jeju-003", "Jeju")  # in no group, without telemetry
    with psycopg.connect(dsn, autocommit=True) as db:
        db.execute("UPDATE stores SET timezone = 'Asia/Seoul' WHERE store_id = %s", (store_a,))
    make_group(dsn, "seoul", stores=(store_a,))
    make_group(dsn, "korea", stores=(store_a, store_b))
    kiosk_a, kiosk_b = make_kiosk(dsn, store_a), make_kiosk(dsn, store_b)
    post_batch(console, kiosk_a, 1, PLAYS_A[:4], SAMPLES_A[:3])
    post_batch(console, kiosk_a, 2, PLAYS_A[4:], SAMPLES_A[3:])
    post_batch(console, kiosk_b, 1, PLAYS_B, SAMPLES_B)
    return console


def kiosk_database() -> Database:
    """Store A's plays and samples in the kiosk's own SQLite tables, as its proof of play holds them."""
    db = Database(memory=True)
    ProofOfPlay(db)
    for table, records in (("plays", PLAYS_A), ("audience_samples", SAMPLES_A)):
        db[table].insert_all(
            {key: json.dumps(value) if key.startswith("counts_") else value for key, value in record.items()}
            for record in records
        )
    return db


def read_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


# ---- the numbers -------------------------------------------------------------------------------


def test_a_stores_report_counts_what_the_kiosks_own_reports_count(chain):
    kiosk = kiosk_database()
    api = chain.api("viewer")
    body = api.get("/reports", params={"store": "seoul-001"}).json()
    assert [tuple(row.values())[:3] for row in body["hours"]] == [tuple(r) for r in kiosk_reports.plays_per_hour(kiosk, None, None)]
    assert [tuple(row.values()) for row in body["rules"]] == [tuple(r) for r in kiosk_reports.rule_hits(kiosk, None, None)]
    assert [tuple(row.values()) for row in body["audience_cells"]] == [tuple(r) for r in kiosk_reports.audience_mix(kiosk, None, None)]
    kiosk_mix = {(row.hour, segment): share for row in kiosk_reports.audience_mix_by_hour(kiosk, None, None)
                 for segment, share in row.shares.items()}
    assert {(row["hour"], row["dominant_segment"]): row["share"] for row in body["audience_by_hour"]} == kiosk_mix
    # And by hand: 8 + 8 + 8 + 0 (on screen) + 8 (unfinished, capped) + 8 + 12 + 8 seconds.
    assert body["totals"] == {"plays": 8, "seconds": 60.0, "samples": 5}
    hits = {row["rule"]: (row["plays"], row["starts"]) for row in body["rules"]}
    assert hits == {"teens_after_school": (4, 2), "(default playlist)": (3, 2), "(nothing playable)": (1, 1)}
    # A period that starts days after the play before it still knows that play (no new start).
    friday = api.get("/reports", params={"store": "seoul-001", "from": "2026-03-06"}).json()
    assert friday["rules"] == [{"rule": "(default playlist)", "plays": 1, "starts": 0}]
    assert [tuple(r) for r in kiosk_reports.rule_hits(kiosk, at(4, 0), None)] == [("(default playlist)", 1, 0)]


def test_a_kiosk_clock_in_another_zone_is_counted_in_its_stores_hours(chain):
    body = chain.api("viewer").get("/reports", params={"store": "busan-002"}).json()
    assert [row["hour"] for row in body["hours"] if row["plays"]] == [1]  # 10:00 at +09:00 is 01:00 UTC
    assert [(row["weekday"], row["hour"], row["dominant_segment"]) for row in body["audience_cells"]] == [(0, 1, "senior/formal")]
    stores = {row["store"]: row for row in chain.api("viewer").get("/reports").json()["stores"]}
    assert stores["busan-002"]["timezone"] == "UTC" and stores["seoul-001"]["timezone"] == "Asia/Seoul"
    assert (stores["jeju-003"]["plays"], stores["jeju-003"]["kiosks"]) == (0, 0)


def test_the_page_shows_per_store_and_per_group_numbers_and_filters_narrow_them(chain):
    with chain.client("viewer") as client:
        page = client.get("/reports")
        assert page.status_code == 200
        assert "9 plays, 1.1 minutes on screen and 6 audience samples in every store, over all the telemetry." in _text(page.text)
        stores = _table(page.text, "table-stores")
        assert stores[0] == ["busan-002 Haeundae", "UTC", "1", "1", "0.1", "1", "1"]
        assert stores[1] == ["jeju-003 Jeju", "UTC", "0", "0", "0.0", "0", "0"]
        assert stores[2] == ["seoul-001 Gangnam", "Asia/Seoul", "1", "8", "1.0", "5", "3"]
        groups = _table(page.text, "table-groups")
        assert groups == [["korea", "2", "9", "1.1", "6", "4"], ["seoul", "1", "8", "1.0", "5", "3"]]
        assert '<svg id="chart-hours"' in page.text and "<title>14:00-14:59: 3 plays, 0.4 minutes on screen</title>" in page.text

        # One group, and one day of it (Tuesday in Seoul).
        seoul = client.get("/reports", params={"group": "seoul", "from": "2026-03-03", "to": "2026-03-03"})
        assert seoul.status_code == 200
        assert _table(seoul.text, "table-stores") == [["seoul-001 Gangnam", "Asia/Seoul", "1", "2", "0.3", "1", "0"]]
        assert _table(seoul.text, "table-groups") == [["seoul", "1", "2", "0.3", "1", "0"]]
        assert _table(seoul.text, "table-rules") == [["(default playlist)", "1", "1"], ["(nothing playable)", "1", "1"]]
        assert [row for row in _table(seoul.text, "table-hours") if row[1] != "0"] == [["09:00", "2", "0.3"]]
        # A day without telemetry says so in a sentence.
        empty = client.get("/reports", params={"group": "korea", "from": "2026-04-01", "to": "2026-04-30"})
        assert empty.status_code == 200
        assert ("No kiosk reported any play or audience sample in the stores of group korea, from 2026-04-01 to"
                " 2026-04-30: try other dates") in _text(empty.text)
        assert "No plays were reported for the stores of group korea" in _text(empty.text)


def test_each_table_downloads_as_csv_with_the_same_filter_and_numbers(chain):
    with chain.client("viewer") as client:
        page = client.get("/reports", params={"group": "korea", "from": "2026-03-02", "to": "2026-03-02"})
        links = dict(re.findall(r'href="/console(/reports/([a-z-]+)\.csv\?[^"]*)"', page.text.replace("&amp;", "&")))
        links = {name: path for path, name in links.items()}
        assert links["hours"] == "/reports/hours.csv?group=korea&from=2026-03-02&to=2026-03-02"
        hours = client.get(links["hours"])
        assert hours.status_code == 200 and hours.headers["content-type"] == "text/csv; charset=utf-8"
        assert 'filename="signage-hours-group-korea-2026-03-02-to-2026-03-02.csv"' in hours.headers["content-disposition"]
        assert hours.text.startswith("hour,plays,seconds,minutes\r\n")
        rows = read_csv(hours.text)
        assert len(rows) == 25 and rows[2] == ["1", "1", "8.0", "0.133"] and rows[15] == ["14", "3", "24.0", "0.4"]
        assert rows[16] == ["15", "2", "8.0", "0.133"]  # one still on screen (0 s), one unfinished (8 s)
        rules = read_csv(client.get(links["rules"]).text)
        # RFC 4180 quoting, and a rule name that a spreadsheet would run is text.
        assert ["'=HYPERLINK(\"http://x.example\",\"go\")", "1", "1"] in rules
        assert '"\'=HYPERLINK(""http://x.example"",""go"")"' in client.get(links["rules"]).text
        stores = read_csv(client.get(links["stores"]).text)
        assert stores[0] == ["store", "name", "timezone", "kiosks", "plays", "seconds", "samples",
                             "samples_with_people", "minutes"]
        assert stores[1:] == [["busan-002", "Haeundae", "UTC", "1", "1", "8.0", "1", "1", "0.133"],
                              ["seoul-001", "Gangnam", "Asia/Seoul", "1", "5", "32.0", "4", "3", "0.533"]]
        mix = read_csv(client.get(links["audience-by-weekday"]).text)
        assert mix[1:] == [["0", "teen/school_uniform", "2", "0.4"], ["0", "(nobody)", "1", "0.2"],
                           ["0", "adult/casual", "1", "0.2"], ["0", "senior/formal", "1", "0.2"]]


def test_bad_filters_are_one_sentence_on_a_400_page_next_to_the_field(chain):
    cases = [
        ({"group": "nowhere"}, "group", "No group 'nowhere'; choose one from the list."),
        ({"group": "seol"}, "group", "No group 'seol' (did you mean 'seoul'?); choose one from the list."),
        ({"store": "mars-9"}, "store", "No store 'mars-9'"),
        ({"group": "seoul", "store": "busan-002"}, "store",
         "Store 'busan-002' is not in group 'seoul'; choose one of its stores or all stores."),
        ({"from": "2026-13-40"}, "from", "The From date '2026-13-40' is not a date like 2026-03-31; correct it or leave it empty."),
        ({"to": "20260301"}, "to", "The To date '20260301' is not a date like 2026-03-31"),
        ({"from": "2026-03-09", "to": "2026-03-02"}, "to", "The From date 2026-03-09 is after the To date 2026-03-02"),
    ]
    with chain.client("viewer") as client:
        for params, field, sentence in cases:
            page = client.get("/reports", params=params)
            assert page.status_code == 400, params
            assert sentence in page.text.replace("&#39;", "'"), (params, _text(page.text)[:400])
            assert f'id="{field}-problem"' in page.text and f'id="{field}" name="{field}"' in page.text
            assert 'id="table-stores"' not in page.text  # no numbers for a filter that was not understood
        csv_reply = client.get("/reports/hours.csv", params={"from": "2026-13-40"})
        assert csv_reply.status_code == 400 and "is not a date like 2026-03-31" in csv_reply.text
        assert client.get("/reports/secrets.csv").status_code == 404
    api = chain.api("viewer")
    refused = api.get("/reports", params={"from": "2026-13-40"})
    assert refused.status_code == 400 and refused.json()["error"]["field"] == "from"
    assert api.get("/reports/stores.csv", params={"group": "nowhere"}).json()["error"]["field"] == "group"
    stores_csv = api.get("/reports/stores.csv", params={"store": "busan-002"})
    assert stores_csv.status_code == 200 and read_csv(stores_csv.text)[1][:5] == ["busan-002", "Haeundae", "UTC", "1", "1"]


def test_reports_need_a_signed_in_person(chain):
    import httpx

    with httpx.Client(base_url=chain.base, timeout=10) as anonymous:
        assert anonymous.get("/reports").status_code == 303
        assert anonymous.get("/reports/hours.csv").status_code == 303
    with chain.server.client() as anonymous:
        assert anonymous.get("/reports").status_code == 401


# ---- a real browser -----------------------------------------------------------------------------


def test_reading_a_report_in_a_real_browser_and_its_csv_link(chain, fresh_browser):
    import httpx
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    sign_in(fresh_browser, chain, "viewer", "/reports")
    wait_for(fresh_browser, lambda b: b.find_element(By.ID, "summary"))
    shoot(fresh_browser, "reports")
    Select(fresh_browser.find_element(By.ID, "group")).select_by_visible_text("seoul")
    # The script narrows the stores to the group's.
    hidden = [o.get_attribute("value") for o in fresh_browser.find_elements(By.CSS_SELECTOR, "#store option")
              if o.get_attribute("hidden") is not None]
    assert hidden == ["busan-002", "jeju-003"]
    fresh_browser.find_element(By.ID, "from").send_keys("03022026")  # the date input, typed as a person does (en-US)
    fresh_browser.find_element(By.ID, "to").send_keys("03022026")
    fresh_browser.find_element(By.CSS_SELECTOR, "#report-filter button[type=submit]").click()
    wait_for(fresh_browser, lambda b: "group=seoul" in b.current_url)
    assert "from=2026-03-02" in fresh_browser.current_url and "to=2026-03-02" in fresh_browser.current_url
    summary = fresh_browser.find_element(By.ID, "summary").text
    assert summary.startswith("5 plays, 0.5 minutes on screen and 4 audience samples in the stores of group seoul")
    bars = fresh_browser.find_elements(By.CSS_SELECTOR, "#chart-hours rect")
    assert len(bars) == 24
    link = fresh_browser.find_element(By.CSS_SELECTOR, "#hours .download a")
    href = link.get_attribute("href")
    assert href.endswith("/console/reports/hours.csv?group=seoul&from=2026-03-02&to=2026-03-02")
    cookie = fresh_browser.get_cookie("signage_console")["value"]
    download = httpx.get(href, cookies={"signage_console": cookie}, timeout=10)
    assert download.status_code == 200 and read_csv(download.text)[15] == ["14", "3", "24.0", "0.4"]
    on_phone(fresh_browser)
    fresh_browser.refresh()
    wait_for(fresh_browser, lambda b: b.find_element(By.ID, "summary"))
    width = fresh_browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 400, f"the page is {width} px wide on a 390 px phone"
    fresh_browser.execute_script("document.getElementById('hours').scrollIntoView()")
    shoot(fresh_browser, "reports-phone")


# ---- helpers ----------------------------------------------------------------------------------


def _text(html: str) -> str:
    import html as html_module

    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _table(html: str, table_id: str) -> list[list[str]]:
    """The body rows of a table as cell texts."""
    body = re.search(rf'<table id="{table_id}">.*?<tbody>(.*?)</tbody>', html, re.DOTALL)
    assert body, f"no table {table_id}"
    return [[_text(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.DOTALL)]
            for row in re.findall(r"<tr>(.*?)</tr>", body.group(1), re.DOTALL)]
