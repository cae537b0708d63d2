"""The console's suggestions: learned from real purchases (the first week of Complete Journey in the
server's PostgreSQL), shown in sentences with their numbers, accepted (also edited) or rejected with
the API's state changes and audit rows, and refused in sentences; a real browser for the flows."""

from __future__ import annotations

import html
import re

import psycopg
import pytest

from playlists.model import RuleOrigin
from signage.server import learning
from tests.server.builders import make_group, make_store
from tests.server.conftest import copied_database, database_name
from tests.server.console.conftest import csrf_of, on_phone, shoot, sign_in, wait_for
from tests.server.test_learning import give_content_for_every_category

pytestmark = pytest.mark.postgres

WEEKS = 2  # two weeks of one data set (3,301 baskets): fewer per context than a chain's year, so lower thresholds
THRESHOLDS = {"min_lift": "1.2", "min_support": "0.0005", "min_context_baskets": "60", "min_category_baskets": "8"}


@pytest.fixture(scope="module")
def journey_template(pg_cluster):
    """A migrated database holding the week in PostgreSQL, made once; every test's database copies it."""
    with copied_database(pg_cluster, "console_journey") as dsn:
        with psycopg.connect(dsn, autocommit=True) as conn:
            learning.import_complete_journey(conn, actor="cli:test", weeks=WEEKS)
        yield database_name(dsn)


@pytest.fixture
def pg_dsn(pg_cluster, journey_template):
    """This module's test database: a copy of the one with the weeks imported (the `console` fixture uses it)."""
    with copied_database(pg_cluster, "console_suggestions", journey_template) as dsn:
        yield dsn


@pytest.fixture
def chain(console):
    """Group 'chain' of every store with history, with a release whose playlists carry every category's tag."""
    dsn = console.server.dsn
    with psycopg.connect(dsn, autocommit=True) as conn:
        store_ids = tuple(row[0] for row in conn.execute("SELECT store_id FROM stores ORDER BY code"))
    give_content_for_every_category(dsn, make_group(dsn, "chain", stores=store_ids, kind="chain"))
    return console


def learn(client, group: str = "chain", **fields) -> object:
    page = client.get("/suggestions", params={"group": group})
    return client.post("/suggestions/learn", data={"csrf": csrf_of(page.text), "group": group, **THRESHOLDS, **fields})


def stored(console, group: str = "chain") -> dict[str, learning.GroupSuggestion]:
    with psycopg.connect(console.server.dsn, autocommit=True) as conn:
        return {s.name: s for s in learning.group_suggestions(conn, group)}


def audit(console) -> list[tuple]:
    with psycopg.connect(console.server.dsn, autocommit=True) as conn:
        return conn.execute("SELECT actor, action, target, detail FROM audit_log WHERE action LIKE 'suggestion.%%'"
                            " OR action = 'learning.run' ORDER BY audit_id").fetchall()


def follow(client, reply):
    """The page a console redirect (303 to /console/...) leads to."""
    assert reply.status_code == 303, text_of(reply.text)[:500]
    return client.get(reply.headers["location"].removeprefix("/console"))


def text_of(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def _row(page: str, first_cell: str) -> list[str]:
    """The cells of the table row that starts with `first_cell`."""
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", page, re.DOTALL):
        cells = [text_of(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.DOTALL)]
        if cells and cells[0] == first_cell:
            return cells
    raise AssertionError(f"no row {first_cell!r}")


def decide(client, name: str, state: str, group: str = "chain"):
    page = client.get("/suggestions", params={"group": group})
    return client.post("/suggestions/decide", data={"csrf": csrf_of(page.text), "group": group, "name": name,
                                                    "state": state})


# ---- reading and learning ----------------------------------------------------------------------


def test_learning_from_the_page_lists_suggestions_in_sentences_with_the_numbers_behind_them(chain):
    with chain.client("editor") as client:
        before = client.get("/suggestions", params={"group": "chain"})
        assert before.status_code == 200 and "Learning has not run for chain yet." in text_of(before.text)
        reply = learn(client)
        assert reply.status_code == 303 and reply.headers["location"] == "/console/suggestions?group=chain"
        page = follow(client, reply)
    suggestions = stored(chain)
    assert len(suggestions) >= 3, text_of(page.text)[:1500]
    with psycopg.connect(chain.server.dsn, autocommit=True) as conn:
        run = learning.latest_run(conn, "chain")
    words = text_of(page.text)
    assert (f"Learned from {run['baskets']:,} baskets of {len(run['stores'])} stores: {len(suggestions)} new suggestions,"
            " 0 refreshed, 0 rejected ones not suggested again, 0 no longer supported removed.") in words
    assert f"Waiting for a decision ({len(suggestions)})" in words
    assert f"from {run['baskets']:,} baskets of {len(run['stores'])} stores" in words
    for suggestion in suggestions.values():
        lift, confidence = suggestion.lift, suggestion.confidence
        category = suggestion.category.lower()
        # The kiosk's own sentence, then the numbers in words.
        from playlists.learning import suggestion_sentence

        assert suggestion_sentence(suggestion.rule) + "." in words
        assert (f"Of {suggestion.baskets:,.0f} baskets in this context, {suggestion.baskets_with_category:,.0f}"
                f" ({confidence:.1%}) held {category}, against {confidence / lift:.1%} of all the group's baskets:"
                f" {lift:.1f}x as often (the lift). With 95% confidence it is at least {suggestion.lift_lower_95:.1f}x."
                f" Such baskets with {category} are {suggestion.support:.2%} of all baskets (the support).") in words
        assert f"Lift {lift:.2f}x" in words and f"Support {suggestion.support:.2%}" in words
    # Highest lift first, as the API lists them.
    names = re.findall(r'data-name="([^"]+)"', page.text)
    assert names == [s.name for s in sorted(suggestions.values(), key=lambda s: (-s.lift, s.name))]
    assert 'href="/console/groups/chain" id="releases-link"' in page.text
    assert [row[1] for row in audit(chain)] == ["learning.run"] and audit(chain)[0][0] == "user:editor"


def test_accept_and_reject_change_the_state_as_the_api_does_and_a_rejected_one_stays_rejected(chain):
    with chain.client("editor") as client:
        learn(client)
        first, second, *_ = sorted(stored(chain).values(), key=lambda s: (-s.lift, s.name))
        accepted = decide(client, first.name, "accepted")
        assert accepted.status_code == 303
        assert "goes into group chain's next release" in text_of(follow(client, accepted).text)
        assert decide(client, second.name, "rejected").status_code == 303
        after = stored(chain)
        assert (after[first.name].state, after[second.name].state) == ("accepted", "rejected")
        assert [row[1:3] + (row[3]["suggestion"],) for row in audit(chain)[1:]] == [
            ("suggestion.accepted", "group:chain", first.name), ("suggestion.rejected", "group:chain", second.name)]
        # Learning again does not bring the rejected one back to the waiting list.
        relearned = learn(client)
        words = text_of(follow(client, relearned).text)
        assert "1 rejected one not suggested again" in words
        page = client.get("/suggestions", params={"group": "chain"}).text
        waiting = page.split('id="accepted-h"')[0]
        assert f'data-name="{second.name}"' not in waiting
        assert f'data-name="{second.name}"' in page.split('id="rejected-h"')[1]
        assert stored(chain)[second.name].state == "rejected"
        # Put back: waiting again.
        assert decide(client, second.name, "suggested").status_code == 303
        assert stored(chain)[second.name].state == "suggested"
        unknown = decide(client, "learned_nothing", "accepted")
        assert "has no suggestion 'learned_nothing'" in text_of(follow(client, unknown).text)
        document = client.get("/suggestions/document", params={"group": "chain"})
        assert document.status_code == 200 and f"name: {first.name}" in html.unescape(document.text)


def test_a_viewer_reads_suggestions_but_deciding_is_a_403_page(chain):
    with chain.client("editor") as client:
        learn(client)
    name = next(iter(stored(chain)))
    with chain.client("viewer") as client:
        overview = client.get("/suggestions")
        assert overview.status_code == 200 and "Choose a group to see its suggestions." in text_of(overview.text)
        assert _row(overview.text, "chain")[:4] == ["chain", "142", str(len(stored(chain))), "0"]
        page = client.get("/suggestions", params={"group": "chain"})
        assert page.status_code == 200 and f'data-name="{name}"' in page.text
        assert "/suggestions/decide" not in page.text and "/suggestions/learn" not in page.text
        assert "editors accept, reject and run learning" in text_of(page.text)
        csrf = csrf_of(page.text)
        for path, data in (("/suggestions/decide", {"group": "chain", "name": name, "state": "accepted"}),
                           ("/suggestions/learn", {"group": "chain"}),
                           ("/suggestions/edit", {"group": "chain", "name": name, "playlist": "x"})):
            refused = client.post(path, data={"csrf": csrf, **data})
            assert refused.status_code == 403, path
            assert "You are signed in as a viewer; this needs the editor role. Ask an admin." in text_of(refused.text)
        assert client.get("/suggestions/edit", params={"group": "chain", "name": name}).status_code == 403
    assert stored(chain)[name].state == "suggested"


def test_learning_refusals_are_sentences_next_to_their_field(chain):
    dsn = chain.server.dsn
    make_group(dsn, "empty")
    make_group(dsn, "new", stores=(make_store(dsn, "new-001"),))
    with chain.client("editor") as client:
        bad_day = learn(client, **{"from": "2026-13-40"})
        assert bad_day.status_code == 400
        assert 'id="learn-from-problem"' in bad_day.text
        assert "From: expected a date YYYY-MM-DD, got '2026-13-40'." in text_of(bad_day.text)
        bad_lift = learn(client, min_lift="-1")
        assert bad_lift.status_code == 400 and 'id="learn-min_lift-problem"' in bad_lift.text
        not_number = learn(client, min_context_baskets="many")
        assert not_number.status_code == 400 and "'many' is not a whole number" in text_of(not_number.text)
        empty = learn(client, "empty")
        assert empty.status_code == 422
        assert "Store group 'empty' has no stores: add some before learning for it." in text_of(empty.text)
        no_history = learn(client, "new")
        assert no_history.status_code == 422 and "has purchase history: import it first" in text_of(no_history.text)
        unknown = client.get("/suggestions", params={"group": "chian"})
        assert unknown.status_code == 404
        assert "No store group 'chian' (did you mean 'chain'?). Choose a group from the list." in text_of(unknown.text)
    with psycopg.connect(dsn, autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM learning_runs").fetchone()[0] == 0


# ---- accepting with changes -------------------------------------------------------------------


def test_accepting_an_edited_suggestion_checks_it_as_a_rule_and_stores_it_as_the_marketers(chain):
    with chain.client("editor") as client:
        learn(client)
        target = max(stored(chain).values(), key=lambda s: (s.lift, s.name))
        page = client.get("/suggestions/edit", params={"group": "chain", "name": target.name})
        assert page.status_code == 200 and f'value="{target.rule.priority}"' in page.text
        csrf = csrf_of(page.text)
        form = {"csrf": csrf, "group": "chain", "name": target.name}
        bad = client.post("/suggestions/edit", data={**form, "playlist": "pl_nowhere", "priority": "high",
                                                     "time": "15:00-18:00, 25:00-26:00", "age_groups": ["teen"]})
        assert bad.status_code == 400
        problems = dict(re.findall(r'<p class="problem" id="([a-z_]+)-problem">([^<]+)</p>', bad.text))
        assert set(problems) == {"playlist", "priority", "time"}
        assert "No playlist named 'pl_nowhere' in release 1 of group chain" in html.unescape(problems["playlist"])
        assert "Expected a whole number" in problems["priority"]
        assert "25:00" in html.unescape(problems["time"])
        assert 'value="15:00-18:00, 25:00-26:00"' in bad.text  # what was typed is kept
        assert stored(chain)[target.name].state == "suggested"  # nothing stored
        playlists = re.findall(r'<option value="(pl_[^"]+)"', page.text)
        other = next(p for p in playlists if p != target.playlist)
        good = client.post("/suggestions/edit", data={**form, "playlist": other, "priority": "55",
                                                      "time": "16:00-19:00", "age_groups": ["teen", "young_adult"]})
        assert good.status_code == 303, text_of(good.text)[:500]
    after = stored(chain)[target.name]
    assert after.state == "accepted" and after.playlist == other
    rule = after.rule
    assert (rule.playlist, rule.priority, rule.origin) == (other, 55, RuleOrigin.LEARNED_EDITED)
    assert [w.label() for w in rule.conditions.time_windows] == ["16:00-19:00"]
    assert [g.value for g in rule.conditions.age_groups] == ["teen", "young_adult"]
    assert rule.conditions.weekdays == target.rule.conditions.weekdays  # what was not edited stays
    assert audit(chain)[-1][1:] == ("suggestion.accepted", "group:chain",
                                    {"suggestion": target.name, "edited": ["age_groups", "playlist", "priority", "time"]})
    with chain.client("editor") as client:
        learn(client)  # re-learning leaves the marketer's rule alone
        assert stored(chain)[target.name].rule == rule
        listed = text_of(client.get("/suggestions", params={"group": "chain"}).text)
        assert "accepted, edited" in listed and "Since edited:" in listed


def test_the_api_accepts_an_edited_suggestion_with_the_same_checks(chain):
    with chain.client("editor") as client:
        learn(client)
    target = next(iter(stored(chain).values()))
    api = chain.api("editor")
    refused = api.patch(f"/groups/chain/suggestions/{target.name}",
                        json={"state": "accepted", "edit": {"time": ["9:00-x"], "priority": 3}})
    assert refused.status_code == 422 and refused.json()["error"]["code"] == "invalid_rule"
    assert [p["field"] for p in refused.json()["error"]["problems"]] == ["when.time"]
    assert api.patch(f"/groups/chain/suggestions/{target.name}",
                     json={"state": "rejected", "edit": {"priority": 3}}).status_code == 400
    done = api.patch(f"/groups/chain/suggestions/{target.name}", json={"state": "accepted", "edit": {"priority": 3, "time": []}})
    assert done.status_code == 200, done.text
    assert done.json()["rule"]["priority"] == 3 and done.json()["rule"]["origin"] == "learned_edited"
    assert "time" not in done.json()["rule"].get("when", {})


# ---- a real browser ---------------------------------------------------------------------------


def test_accepting_editing_and_rejecting_suggestions_in_a_real_browser(chain, fresh_browser):
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By

    with chain.client("editor") as client:
        learn(client)
    ranked = sorted(stored(chain).values(), key=lambda s: (-s.lift, s.name))
    browser = fresh_browser
    sign_in(browser, chain, "editor", "/suggestions?group=chain")
    wait_for(browser, lambda b: b.find_element(By.ID, "latest-run"))

    def card(name):
        return browser.find_element(By.CSS_SELECTOR, f'li.suggestion[data-name="{name}"]')

    def flash_says(words: str) -> None:
        # The old page's flash goes stale while the next one loads: look again until the new one says it.
        def says(b) -> bool:
            try:
                return any(words in element.text for element in b.find_elements(By.CSS_SELECTOR, ".flash"))
            except StaleElementReferenceException:
                return False

        wait_for(browser, says)

    card(ranked[0].name).find_element(By.XPATH, ".//button[normalize-space()='Accept']").click()
    flash_says("goes into group chain's next release")
    card(ranked[1].name).find_element(By.XPATH, ".//button[normalize-space()='Reject']").click()
    flash_says("will not suggest it again")
    assert card(ranked[1].name).find_element(By.CSS_SELECTOR, ".badge").text == "rejected"
    shoot(browser, "suggestions")

    card(ranked[2].name).find_element(By.LINK_TEXT, "Change, then accept").click()
    wait_for(browser, lambda b: b.find_element(By.ID, "time"))
    time_field = browser.find_element(By.ID, "time")
    time_field.clear()
    time_field.send_keys("17:00-25:00")
    browser.find_element(By.ID, "accept-edited").click()
    problem = wait_for(browser, lambda b: b.find_element(By.ID, "time-problem"))
    assert "25:00" in problem.text
    assert browser.find_element(By.ID, "time").get_attribute("aria-invalid") == "true"
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", problem)
    shoot(browser, "suggestion-edit")
    time_field = browser.find_element(By.ID, "time")
    time_field.clear()
    time_field.send_keys("17:00-20:00")
    browser.find_element(By.ID, "accept-edited").click()
    flash_says("with your changes")
    states = {name: s.state for name, s in stored(chain).items()}
    assert (states[ranked[0].name], states[ranked[1].name], states[ranked[2].name]) == ("accepted", "rejected", "accepted")
    assert [w.label() for w in stored(chain)[ranked[2].name].rule.conditions.time_windows] == ["17:00-20:00"]
    on_phone(browser)
    browser.refresh()
    wait_for(browser, lambda b: b.find_element(By.ID, "latest-run"))
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 400, f"the suggestions page is {width} px wide on a 390 px phone"
