"""The console's releases: groups and releases, the editor with the CLI's validation, two editors at once,
the simulator, the diff and the staged rollout, on a real server over real PostgreSQL (and a real browser)."""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass

import psycopg
import pytest

from audience.types import AgeGroup, Attire
from playlists.decision import DecisionSettings, SimulatedAudience
from playlists.playback import simulate_decision
from signage.server.console.pages_releases import rulebook
from signage.server.releases import release_problems
from tests.server.builders import make_kiosk
from tests.server.console.conftest import csrf_of, on_phone, shoot, sign_in, wait_for
from tests.server.people_helpers import (
    add_group,
    add_image,
    add_store,
    add_text,
    error_of,
)

pytestmark = pytest.mark.postgres

FIRST = """\
# seoul's rules
default_playlist: brand
playlists:
- name: brand
  items:
  - brand_welcome
  - welcome
- name: snacks
  items:
  - {content: snacks_chips, duration_s: 6.0}
rules:
- name: students_after_school
  playlist: snacks
  priority: 50
  when:
    age_groups: [teen]
    attire: [school_uniform]
    weekdays: mon-fri
    time: ['15:00-18:00']
  note: Snacks for students
"""
SECOND = FIRST.replace("priority: 50", "priority: 60").replace("  - welcome\n", "")
TUESDAY_4PM = "2026-12-01T16:10"


@dataclass
class Chain:
    """A small chain: group seoul (stores s1, s2, a kiosk each) with version 1 out to all; pilot (canary) holds s1."""

    console: object
    kiosks: tuple


@pytest.fixture
def chain(console) -> Chain:
    api = console.api("admin")
    add_group(api, "seoul", priority=10)
    add_group(api, "pilot", kind="canary", priority=0)
    add_store(api, "s1", ("seoul", "pilot"))
    add_store(api, "s2", ("seoul",))
    add_image(api, "brand_welcome", red=10)
    add_image(api, "snacks_chips", red=20)
    add_text(api, "welcome")
    reply = api.post("/groups/seoul/releases", json={"document_yaml": FIRST, "note": "first"})
    assert reply.status_code == 201, reply.text
    release_id = reply.json()["release_id"]
    assert api.post(f"/releases/{release_id}/rollout", json={"stage": "canary", "canary_group": "pilot"}).status_code == 200
    assert api.post(f"/releases/{release_id}/rollout", json={"stage": "all"}).status_code == 200
    with psycopg.connect(console.server.dsn, autocommit=True) as db:
        stores = dict(db.execute("SELECT code, store_id FROM stores").fetchall())
    kiosks = (make_kiosk(console.server.dsn, stores["s1"]), make_kiosk(console.server.dsn, stores["s2"]))
    return Chain(console, kiosks)


def _fields(page: str) -> dict[str, list[str]]:
    """The editor's form fields as a browser would send them (text inputs, checked boxes, selects, textareas)."""
    fields: dict[str, list[str]] = {}
    form = page[page.index('id="editor"'):page.index("</form>", page.index('id="editor"'))]
    for tag in re.finditer(r"<input\b[^>]*>", form):
        attributes = dict(re.findall(r'(\w[\w-]*)="([^"]*)"', tag.group(0)))
        kind = attributes.get("type", "text")
        if "name" not in attributes:
            continue
        if kind in ("checkbox", "radio") and " checked" not in tag.group(0):
            continue
        fields.setdefault(attributes["name"], []).append(html.unescape(attributes.get("value", "on")))
    for tag in re.finditer(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', form, re.DOTALL):
        fields.setdefault(tag.group(1), []).append(html.unescape(tag.group(2)))
    for tag in re.finditer(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', form, re.DOTALL):
        chosen = re.search(r'<option value="([^"]*)" selected', tag.group(2))
        fields.setdefault(tag.group(1), []).append(html.unescape(chosen.group(1)) if chosen else "")
    return fields


def _post(client, path: str, fields: dict[str, list[str]], **changes: str | list[str]):
    data = {**fields, **{key: value if isinstance(value, list) else [value] for key, value in changes.items()}}
    return client.post(path, data=data)


def _problems_of(page: str, field: str) -> str:
    found = re.search(rf'<ul class="problem" id="problem-{re.escape(field)}"[^>]*>(.*?)</ul>', page, re.DOTALL)
    assert found, f"no problem list for {field}"
    return html.unescape(re.sub(r"<[^>]+>", " ", found.group(1))).strip()


def _release_count(console) -> int:
    with psycopg.connect(console.server.dsn) as db:
        return db.execute("SELECT count(*) FROM releases").fetchone()[0]


# ---- reading --------------------------------------------------------------------------------


def test_the_releases_page_lists_every_group_with_its_current_and_canary_release(chain):
    with chain.console.client("viewer") as client:
        page = client.get("/releases")
    assert page.status_code == 200
    row = re.search(r"<tr>\s*<td><a href=\"/console/groups/seoul\">seoul</a>.*?</tr>", page.text, re.DOTALL).group(0)
    assert "version 1" in row and "<td class=\"num\">2</td>" in row  # out to all; two stores
    assert "/console/groups/pilot" in page.text


def test_a_group_page_lists_its_releases_and_a_release_reads_as_tables(chain):
    api = chain.console.api("editor")
    assert api.post("/groups/seoul/releases", json={"document_yaml": SECOND, "note": "more snacks"}).status_code == 201
    with chain.console.client("viewer") as client:
        group = client.get("/groups/seoul")
        release = client.get("/groups/seoul/releases/1")
    assert group.status_code == 200
    rows = re.findall(r"<tr>\s*<td class=\"num\"><a [^>]*>version (\d)</a>.*?</tr>", group.text, re.DOTALL)
    assert rows == ["2", "1"]
    assert "more snacks" in group.text and "not out" in group.text and "out to all" in group.text
    assert ">editor<" in group.text and ">admin<" in group.text  # who saved each
    assert "Edit the next release" not in group.text  # a viewer is not offered the editor
    assert release.status_code == 200
    table = release.text[release.text.index('id="rules-table"'):]
    assert "students_after_school" in table and "teen" in table and "15:00-18:00" in table and ">50<" in table
    playlists = release.text[release.text.index('id="playlists-table"'):]
    assert "snacks_chips (6 s)" in playlists and "brand_welcome, welcome" in playlists
    assert "# seoul&#39;s rules" in release.text  # the YAML as it was written
    assert "Kiosks that should run it: <strong>2</strong>" in release.text


def test_an_unknown_group_or_version_is_a_404_page(chain):
    with chain.console.client("viewer") as client:
        unknown = client.get("/groups/seuol")
        version = client.get("/groups/seoul/releases/9")
    assert unknown.status_code == 404 and "no group &#39;seuol&#39; (did you mean &#39;seoul&#39;?)" in unknown.text
    assert version.status_code == 404 and "group seoul has no release version 9" in version.text


def test_a_viewer_cannot_edit_save_or_roll_out(chain):
    with chain.console.client("viewer") as client:
        csrf = csrf_of(client.get("/releases").text)
        editor = client.get("/groups/seoul/edit")
        save = client.post("/groups/seoul/edit", data={"csrf": csrf, "action": "save", "source": "yaml",
                                                       "document_yaml": SECOND, "base_version": "1"})
        rollout = client.post("/groups/seoul/rollout", data={"csrf": csrf, "step": "rollback", "confirmed": "yes"})
        validate = client.post("/groups/seoul/validate", data={"source": "yaml", "document_yaml": SECOND},
                               headers={"X-CSRF-Token": csrf})
    for reply in (editor, save, rollout, validate):
        assert reply.status_code == 403
        assert "You are signed in as a viewer; this needs the editor role." in reply.text
    assert _release_count(chain.console) == 1


# ---- the editor ------------------------------------------------------------------------------


def test_the_editor_starts_from_the_newest_release_and_saves_through_the_api(chain):
    with chain.console.client("editor") as client:
        page = client.get("/groups/seoul/edit")
        assert page.status_code == 200
        fields = _fields(page.text)
        assert fields["base_version"] == ["1"] and fields["rules-count"] == ["1"] and fields["playlists-count"] == ["2"]
        assert fields["rules-0-name"] == ["students_after_school"] and fields["rules-0-priority"] == ["50"]
        assert fields["rules-0-age_groups"] == ["teen"] and fields["rules-0-attire"] == ["school_uniform"]
        assert fields["rules-0-weekdays"] == ["mon", "tue", "wed", "thu", "fri"] and fields["rules-0-time"] == ["15:00-18:00"]
        assert fields["playlists-1-items"] == ["snacks_chips, 6"] and fields["default_playlist"] == ["brand"]
        assert "# seoul's rules" in fields["document_yaml"][0]
        saved = _post(client, "/groups/seoul/edit", fields, action="save", **{"rules-0-priority": "70",
                                                                              "rules-0-age_groups": ["teen", "young_adult"],
                                                                              "note": "older students too"})
        assert saved.status_code == 303 and saved.headers["location"] == "/console/groups/seoul/releases/2"
        shown = client.get("/groups/seoul/releases/2")
        assert "Saved version 2 of seoul." in shown.text
    release = chain.console.api("viewer").get("/groups/seoul/releases").json()["releases"][0]
    assert release["version"] == 2 and release["note"] == "older students too" and release["created_by"] == "user:editor"
    document = chain.console.api("viewer").get(f"/releases/{release['release_id']}").json()["document"]
    assert document["rules"][0]["priority"] == 70 and document["rules"][0]["when"]["age_groups"] == ["teen", "young_adult"]
    assert document["playlists"][1]["items"] == [{"content": "snacks_chips", "duration_s": 6.0}]
    with psycopg.connect(chain.console.server.dsn) as db:
        audit = db.execute("SELECT actor, action, target, detail->>'version' FROM audit_log WHERE action = 'release.create'"
                           " ORDER BY audit_id DESC LIMIT 1").fetchone()
    assert audit == ("user:editor", "release.create", "group:seoul", "2")  # the API's own audit row


def test_a_bad_value_is_shown_next_to_its_field_and_the_draft_is_kept(chain):
    with chain.console.client("editor") as client:
        fields = _fields(client.get("/groups/seoul/edit").text)
        refused = _post(client, "/groups/seoul/edit", fields, action="save", note="my note",
                        **{"rules-0-time": "25:00-18:00", "rules-0-priority": "high", "rules-0-playlist": "snaks",
                           "playlists-1-items": "snacks_chips, 6\nsnacks_chipz"})
    assert refused.status_code == 422
    assert "25:00" in _problems_of(refused.text, "rules-0-time")
    assert "expected a whole number, got 'high'" in _problems_of(refused.text, "rules-0-priority")
    assert "no playlist named 'snaks' in this document (did you mean 'snacks'?)" in _problems_of(refused.text, "rules-0-playlist")
    assert "unknown content 'snacks_chipz'" in _problems_of(refused.text, "playlists-1-items")
    assert _problems_of(refused.text, "rules-0-name") == ""
    kept = _fields(refused.text)  # the draft as typed, nothing lost
    assert kept["rules-0-time"] == ["25:00-18:00"] and kept["rules-0-priority"] == ["high"] and kept["note"] == ["my note"]
    assert kept["playlists-1-items"] == ["snacks_chips, 6\nsnacks_chipz"] and kept["base_version"] == ["1"]
    assert 'id="rules-0-priority" name="rules-0-priority" value="high" inputmode="numeric" aria-describedby="problem-rules-0-priority" aria-invalid="true"' in refused.text
    assert _release_count(chain.console) == 1


def test_the_same_problems_as_the_api_and_one_without_a_field_goes_to_the_top_in_words(chain):
    with chain.console.client("editor") as client:
        fields = _fields(client.get("/groups/seoul/edit").text)
        refused = _post(client, "/groups/seoul/edit", fields, action="check",
                        **{"rules-0-learned_metrics": "[1, 2]", "rules-0-max_group_size": "0"})
    assert refused.status_code == 422
    top = refused.text[refused.text.index('id="top-problems"'):refused.text.index("</div>", refused.text.index('id="top-problems"'))]
    assert "rule 1 “students_after_school”, learned numbers: expected a mapping of names to numbers, got a list" in html.unescape(top)
    assert "must be at least 1, got 0" in _problems_of(refused.text, "rules-0-max_group_size")
    # The API refuses the same document with the same problems (one check, the kiosk's own).
    api = chain.console.api("editor")
    yaml_text = _fields(refused.text)["document_yaml"][0]
    answer = api.post("/groups/seoul/releases", json={"document_yaml": yaml_text})
    assert error_of(answer) == (422, "invalid_release")
    reasons = answer.json()["error"]["reason"].splitlines()
    assert len(reasons) == 2 and any("rules[0].when.max_group_size: must be at least 1, got 0" in r for r in reasons)
    assert release_problems("seoul", yaml_text, ["brand_welcome", "snacks_chips", "welcome"])[1] == reasons


def test_live_validation_answers_problems_by_field_and_the_forms_yaml(chain):
    with chain.console.client("editor") as client:
        page = client.get("/groups/seoul/edit").text
        fields = _fields(page)
        data = {**fields, "rules-0-weight": ["0"]}
        answer = client.post("/groups/seoul/validate", data=data, headers={"X-CSRF-Token": csrf_of(page)})
        no_token = client.post("/groups/seoul/validate", data={k: v for k, v in data.items() if k != "csrf"})
        good = client.post("/groups/seoul/validate", data=fields,
                           headers={"X-CSRF-Token": csrf_of(page)})
    assert answer.status_code == 200 and answer.json()["ok"] is False
    problem = answer.json()["problems"][0]
    assert len(answer.json()["problems"]) == 1 and isinstance(problem.pop("line"), int)  # a line of the form's YAML
    assert problem == {"field": "rules-0-weight", "where": "rule 1 “students_after_school”, weight",
                       "message": "must be above 0, got 0"}
    assert "weight: 0" in answer.json()["yaml"]
    assert no_token.status_code == 403
    assert good.json() == {"source": "form", "ok": True, "problems": [], "yaml": good.json()["yaml"]}
    assert "age_groups: [teen]" in good.json()["yaml"]


def test_malformed_yaml_in_the_advanced_textarea_is_shown_there_with_its_line_and_kept(chain):
    broken = "default_playlist: brand\nplaylists: [\n  - name: x\nrules: []\n"
    with chain.console.client("editor") as client:
        fields = _fields(client.get("/groups/seoul/edit").text)
        refused = _post(client, "/groups/seoul/edit", fields, action="save", source="yaml", document_yaml=broken)
        loaded = _post(client, "/groups/seoul/edit", fields, action="load-yaml", source="yaml",
                       document_yaml=SECOND.replace("priority: 60", "priority: 65"))
    assert refused.status_code == 422
    problem = _problems_of(refused.text, "document_yaml")
    assert problem.startswith("line ") and "YAML syntax" in problem
    assert _fields(refused.text)["document_yaml"] == [broken]
    assert 'id="source-yaml" checked' in refused.text and _release_count(chain.console) == 1
    assert loaded.status_code == 200 and _fields(loaded.text)["rules-0-priority"] == ["65"]


def test_adding_and_removing_rules_and_playlists_works_without_javascript(chain):
    with chain.console.client("editor") as client:
        fields = _fields(client.get("/groups/seoul/edit").text)
        added = _post(client, "/groups/seoul/edit", fields, action="add-rule")
        more = _fields(added.text)
        assert more["rules-count"] == ["2"] and more["rules-1-name"] == [""] and more["rules-1-playlist"] == ["brand"]
        checked = _post(client, "/groups/seoul/edit", more, action="check")
        assert "a name cannot be empty" in _problems_of(checked.text, "rules-1-name")
        removed = _post(client, "/groups/seoul/edit", _fields(checked.text), action="remove-playlist-0")
        fewer = _fields(removed.text)
        assert fewer["playlists-count"] == ["1"] and fewer["playlists-0-name"] == ["snacks"]


def test_the_second_editor_of_the_same_release_is_told_and_keeps_the_draft(chain):
    console = chain.console
    with console.client("editor") as first, console.client("admin") as second:
        mine = _fields(first.get("/groups/seoul/edit").text)
        theirs = _fields(second.get("/groups/seoul/edit").text)
        assert _post(first, "/groups/seoul/edit", mine, action="save", **{"rules-0-priority": "55"}).status_code == 303
        refused = _post(second, "/groups/seoul/edit", theirs, action="save", note="admin's idea",
                        **{"rules-0-cooldown_s": "30"})
        assert refused.status_code == 409
        text = html.unescape(re.sub(r"<[^>]+>", "", refused.text))
        today = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d")
        assert re.search(rf"editor saved version 2 of seoul on {today} \d\d:\d\d UTC, after you started from version 1,"
                         r" so your save was not made\. Your draft is kept below\.", text)
        assert 'href="/console/groups/seoul/edit">Reload from version 2</a>' in refused.text
        diff = refused.text[refused.text.index('id="stale-diff"'):]
        assert '<span class="del">-  priority: 55</span>' in diff and '<span class="add">+  priority: 50</span>' in diff
        assert '<span class="add">+  cooldown_s: 30.0</span>' in diff
        kept = _fields(refused.text)
        assert kept["rules-0-cooldown_s"] == ["30"] and kept["note"] == ["admin&#39;s idea".replace("&#39;", "'")]
        assert kept["base_version"] == ["1"] and _release_count(console) == 2
        # Keeping the draft bases it on version 2 knowingly; then it saves as version 3.
        rebased = _post(second, "/groups/seoul/edit", kept, action="rebase")
        assert rebased.status_code == 200 and _fields(rebased.text)["base_version"] == ["2"]
        assert _post(second, "/groups/seoul/edit", _fields(rebased.text), action="save").status_code == 303
    assert _release_count(console) == 3


def test_a_draft_saved_after_the_session_expired_goes_through_the_sign_in_intact(chain):
    with chain.console.client("editor") as client:
        fields = _fields(client.get("/groups/seoul/edit").text)
        with psycopg.connect(chain.console.server.dsn, autocommit=True) as db:
            db.execute("UPDATE sessions SET expires_at = now() - interval '1 minute'")
        kept = _post(client, "/groups/seoul/edit", fields, action="save", **{"rules-0-priority": "77"})
    assert kept.status_code == 401 and "Your session has expired; sign in again." in kept.text
    carried = html.unescape(re.search(r'name="kept" value="([^"]*)"', kept.text).group(1))
    assert '["rules-0-priority", "77"]' in carried and '["action", "save"]' in carried
    assert _release_count(chain.console) == 1


def test_the_api_refuses_a_release_based_on_a_version_that_is_not_the_newest(chain):
    api = chain.console.api("editor")
    assert api.post("/groups/seoul/releases", json={"document_yaml": SECOND, "base_version": 1}).status_code == 201
    stale = api.post("/groups/seoul/releases", json={"document_yaml": FIRST, "base_version": 1})
    assert error_of(stale) == (409, "stale_base")
    body = stale.json()["error"]
    assert body["newest_version"] == 2 and body["saved_by"] == "user:editor"
    assert dt.datetime.fromisoformat(body["saved_at"]).tzinfo is not None
    assert body["reason"].startswith("the newest release of group seoul is version 2, saved by user:editor at ")
    assert "was based on version 1: reload version 2" in body["reason"]
    ahead = api.post("/groups/seoul/releases", json={"document_yaml": FIRST, "base_version": 7})
    assert error_of(ahead) == (409, "stale_base")
    assert error_of(api.post("/groups/seoul/releases", json={"document_yaml": FIRST, "base_version": -1})) == (400, "bad_request")
    assert error_of(api.post("/groups/seoul/releases", json={"document_yaml": FIRST, "base_version": "2"})) == (400, "bad_request")
    add_group(chain.console.api("admin"), "busan")
    empty = api.post("/groups/busan/releases", json={"document_yaml": FIRST, "base_version": 1})
    assert error_of(empty) == (409, "stale_base") and empty.json()["error"]["newest_version"] == 0
    assert api.post("/groups/busan/releases", json={"document_yaml": FIRST, "base_version": 0}).status_code == 201
    assert api.post("/groups/seoul/releases", json={"document_yaml": FIRST, "base_version": 2}).status_code == 201
    assert api.post("/groups/seoul/releases", json={"document_yaml": FIRST}).json()["version"] == 4  # no base: as before


# ---- the simulator -----------------------------------------------------------------------------


def test_the_simulator_answers_what_simulate_decision_answers(chain):
    with chain.console.client("viewer") as client:
        page = client.get("/groups/seoul/simulate", params={"release": "1", "age_group": "teen", "attire": "school_uniform",
                                                            "group_size": "3", "dwell_s": "5", "at": TUESDAY_4PM})
        adult = client.get("/groups/seoul/simulate", params={"release": "1", "age_group": "adult", "attire": "business",
                                                             "at": TUESDAY_4PM})
    assert page.status_code == 200
    release = chain.console.api("viewer").get("/releases/1").json()
    from playlists.codec import decode_document

    book = rulebook(decode_document(release["document"], []), release["content"])
    when = dt.datetime.fromisoformat(TUESDAY_4PM)
    settings = DecisionSettings()
    for reply, audience in ((page, SimulatedAudience(AgeGroup.TEEN, Attire.SCHOOL_UNIFORM, 3, 5.0)),
                            (adult, SimulatedAudience(AgeGroup.ADULT, Attire.BUSINESS))):
        decision = simulate_decision(book, audience.view(settings), when, settings)
        explained = html.unescape(re.search(r'<pre id="explain">(.*?)</pre>', reply.text, re.DOTALL).group(1))
        assert explained == f"at {when:%a %Y-%m-%d %H:%M}\n{decision.explain_words()}"
        # The page speaks the words the CLI prints (Decision.reason_words), not the stored reason.
        assert html.unescape(re.search(r'<p id="reason"><strong>Why:</strong> (.*?)</p>', reply.text).group(1)) == decision.reason_words()
        considered = dict((rule.name, decision.why_not_words(rule, code)) for rule, code in decision.considered
                          if rule.name != decision.rule)
        for words in considered.values():
            assert html.escape(words) in reply.text
    assert "Rule students_after_school (priority 50) matched 3 people, mostly teens in school uniform" in page.text


def test_the_simulator_runs_the_editors_draft_and_bad_input_is_shown_at_its_field(chain):
    with chain.console.client("editor") as client:
        fields = _fields(client.get("/groups/seoul/edit").text)
        draft = _post(client, "/groups/seoul/simulate", fields, release="draft", age_group="teen", attire="school_uniform",
                      at=TUESDAY_4PM, **{"rules-0-playlist": "brand"})
        bad = client.get("/groups/seoul/simulate", params={"group_size": "-2", "confidence": "2", "at": "tomorrow"})
        broken = _post(client, "/groups/seoul/simulate", fields, release="draft", **{"rules-0-priority": "x"})
    assert draft.status_code == 200 and '<span id="winning-rule">students_after_school</span>' in draft.text
    assert "At Tue 2026-12-01 16:10: brand" in draft.text  # the draft's change, not version 1's snacks
    assert 'name="document_yaml"' in draft.text and "Back to editing this draft" in draft.text
    assert bad.status_code == 400
    assert "Expected a whole number of people, 0 or more, got &#39;-2&#39;." in bad.text
    assert "Expected a number from 0 to 1, got &#39;2&#39;." in bad.text
    assert "Cannot read time &#39;tomorrow&#39;: use &#39;YYYY-MM-DD HH:MM&#39;." in bad.text
    assert 'id="group_size" name="group_size" value="-2" aria-invalid="true"' in bad.text
    assert broken.status_code == 422 and "expected a whole number, got &#39;x&#39;" in broken.text


# ---- the diff and the rollout ----------------------------------------------------------------------


def test_the_diff_shows_what_changed_between_two_chosen_releases(chain):
    api = chain.console.api("editor")
    api.post("/groups/seoul/releases", json={"document_yaml": SECOND})
    with chain.console.client("viewer") as client:
        newest = client.get("/groups/seoul/diff")
        chosen = client.get("/groups/seoul/diff", params={"old": "2", "new": "1"})
        same = client.get("/groups/seoul/diff", params={"old": "1", "new": "1"})
    assert newest.status_code == 200
    assert '<span class="del">-  priority: 50</span>' in newest.text and '<span class="add">+  priority: 60</span>' in newest.text
    assert '<span class="del">-  - welcome</span>' in newest.text
    assert '<span class="add">+  priority: 50</span>' in chosen.text and 'value="2" selected' in chosen.text
    assert 'id="no-difference"' in same.text


def _rollout(client, csrf: str, confirmed: bool, **fields: str):
    return client.post("/groups/seoul/rollout", data={"csrf": csrf, **fields, **({"confirmed": "yes"} if confirmed else {})})


def test_a_staged_rollout_and_rollback_with_confirmation_and_steps_out_of_order_explained(chain):
    chain.console.api("editor").post("/groups/seoul/releases", json={"document_yaml": SECOND})
    with chain.console.client("editor") as client:
        page = client.get("/groups/seoul/rollout")
        csrf = csrf_of(page.text)
        assert page.status_code == 200 and "Kiosks targeted" in page.text
        early = _rollout(client, csrf, True, step="all", version="2")
        assert early.status_code == 409
        assert ("Version 2 has not been tried in a canary group yet: roll it out to a canary group first, check it there,"
                " then roll it out to all.") in early.text
        ask = _rollout(client, csrf, False, step="canary", version="2", canary_group="pilot")
        assert ask.status_code == 200 and "Try version 2 in pilot?" in ask.text
        assert ("The kiosks of the stores in pilot (1 store) that take seoul's release switch to version 2;"
                " the other stores keep version 1.") in ask.text
        assert chain.console.api("viewer").get("/groups").json()["groups"][0]["canary_version"] is None  # nothing yet
        done = _rollout(client, csrf, True, step="canary", version="2", canary_group="pilot")
        assert done.status_code == 303
        status = client.get("/groups/seoul/rollout")
        assert "Version 2 is out in canary: the stores of pilot run it now." in status.text
        assert re.search(r"<td>version 2</td><td>canary</td>\s*<td class=\"num\">1</td><td class=\"num\">0</td>\s*"
                         r"<td class=\"num\">0 %</td>", status.text)
        again = _rollout(client, csrf, True, step="canary", version="1", canary_group="pilot")
        assert again.status_code == 409 and "Version 1 already runs in every store of seoul; nothing to do." in again.text
        assert _rollout(client, csrf, True, step="all", version="2").status_code == 303
        assert "Version 2 is out to every store of seoul." in client.get("/groups/seoul/rollout").text
        confirm_back = _rollout(client, csrf, False, step="rollback")
        assert "Every store of seoul goes back to version 1, in place of version 2." in confirm_back.text
        assert _rollout(client, csrf, True, step="rollback").status_code == 303
        assert "Rolled back: every store of seoul goes back to version 1." in client.get("/groups/seoul/rollout").text
        first = _rollout(client, csrf, True, step="rollback")
        assert first.status_code == 409
        assert "Version 1 is the first release of seoul that went out to all stores" in first.text
        unknown = _rollout(client, csrf, False, step="canary", version="2", canary_group="nowhere")
        assert unknown.status_code == 404
    with psycopg.connect(chain.console.server.dsn) as db:
        actions = [row[0] for row in db.execute(
            "SELECT action FROM audit_log WHERE actor = 'user:editor' AND action LIKE 'release.%'"
            " AND action <> 'release.create' ORDER BY audit_id")]
    assert actions == ["release.canary", "release.all", "release.rollback"]


# ---- in a real browser ---------------------------------------------------------------------------------


def test_editing_a_rule_with_a_bad_value_in_a_real_browser(chain, fresh_browser):
    from selenium.webdriver.common.by import By

    browser, console = fresh_browser, chain.console
    sign_in(browser, console, "editor", "/releases")
    wait_for(browser, lambda b: b.find_element(By.ID, "groups"))
    shoot(browser, "releases")
    browser.find_element(By.LINK_TEXT, "seoul").click()
    wait_for(browser, lambda b: b.find_element(By.ID, "releases"))
    shoot(browser, "group")
    browser.find_element(By.LINK_TEXT, "Edit the next release").click()
    save = wait_for(browser, lambda b: b.find_element(By.ID, "save"))
    wait_for(browser, lambda b: "No problems" in b.find_element(By.ID, "live-status").text)
    shoot(browser, "release-editor")

    time_field = browser.find_element(By.ID, "rules-0-time")
    time_field.clear()
    time_field.send_keys("25:00-18:00")
    problem = wait_for(browser, lambda b: b.find_element(By.ID, "problem-rules-0-time").is_displayed()
                       and b.find_element(By.ID, "problem-rules-0-time"))
    assert "25:00" in problem.text
    assert not save.is_enabled() and time_field.get_attribute("aria-invalid") == "true"
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", time_field)
    shoot(browser, "release-editor-problem")

    time_field.clear()
    time_field.send_keys("15:00-19:00")
    wait_for(browser, lambda b: b.find_element(By.ID, "save").is_enabled())
    assert not browser.find_element(By.ID, "problem-rules-0-time").is_displayed()
    assert "15:00-19:00" in browser.find_element(By.ID, "document_yaml").get_attribute("value")
    browser.find_element(By.ID, "note").send_keys("until seven")
    browser.find_element(By.ID, "save").click()
    wait_for(browser, lambda b: b.current_url.endswith("/console/groups/seoul/releases/2"))
    assert "Saved version 2 of seoul." in browser.find_element(By.TAG_NAME, "body").text
    assert "15:00-19:00" in browser.find_element(By.ID, "rules-table").text
    shoot(browser, "release")

    browser.get(console.url("/groups/seoul/diff"))
    wait_for(browser, lambda b: b.find_element(By.ID, "diff"))
    shoot(browser, "diff")
    browser.get(console.url(f"/groups/seoul/simulate?release=2&age_group=teen&attire=school_uniform&group_size=2&at={TUESDAY_4PM}"))
    assert "students_after_school" in wait_for(browser, lambda b: b.find_element(By.ID, "winning-rule")).text
    shoot(browser, "simulator")

    # Someone else saves while this editor is open: Save is refused, the draft stays, the diff shows.
    browser.get(console.url("/groups/seoul/edit"))
    wait_for(browser, lambda b: "No problems" in b.find_element(By.ID, "live-status").text)
    other = console.api("admin").post("/groups/seoul/releases", json={"document_yaml": SECOND, "base_version": 2})
    assert other.status_code == 201
    browser.find_element(By.ID, "note").send_keys("my change")
    browser.find_element(By.ID, "save").click()
    stale = wait_for(browser, lambda b: b.find_element(By.ID, "stale"))
    assert "admin saved version 3 of seoul" in stale.text and "Your draft is kept below." in stale.text
    assert browser.find_element(By.ID, "note").get_attribute("value") == "my change"
    shoot(browser, "release-editor-stale")

    on_phone(browser)
    browser.get(console.url("/groups/seoul/edit"))
    wait_for(browser, lambda b: "No problems" in b.find_element(By.ID, "live-status").text)
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 400, f"the editor is {width} px wide on a phone"
    shoot(browser, "release-editor-phone")


def test_rolling_out_canary_then_all_and_rolling_back_in_a_real_browser(chain, fresh_browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser, console = fresh_browser, chain.console
    console.api("editor").post("/groups/seoul/releases", json={"document_yaml": SECOND, "note": "more snacks"})
    sign_in(browser, console, "editor", "/groups/seoul/rollout")
    wait_for(browser, lambda b: b.find_element(By.ID, "canary-form"))
    Select(browser.find_element(By.ID, "canary-version")).select_by_value("2")
    Select(browser.find_element(By.ID, "canary-group")).select_by_value("pilot")
    browser.find_element(By.CSS_SELECTOR, "#canary-form button").click()
    assert "Try version 2 in pilot?" in wait_for(browser, lambda b: b.find_element(By.ID, "confirm-heading")).text
    shoot(browser, "rollout-confirm")
    browser.find_element(By.ID, "confirm").click()
    assert "Version 2 is out in canary" in wait_for(browser, lambda b: b.find_element(By.CSS_SELECTOR, ".flash.ok")).text

    Select(browser.find_element(By.ID, "all-version")).select_by_value("2")
    browser.find_element(By.CSS_SELECTOR, "#all-form button").click()
    wait_for(browser, lambda b: b.find_element(By.ID, "confirm")).click()
    assert "Version 2 is out to every store of seoul." in wait_for(
        browser, lambda b: b.find_element(By.CSS_SELECTOR, ".flash.ok")).text
    assert "Every store: version 2" in browser.find_element(By.ID, "state").text
    shoot(browser, "rollout")

    browser.find_element(By.CSS_SELECTOR, "#rollback-form button").click()
    assert "goes back to version 1" in wait_for(browser, lambda b: b.find_element(By.ID, "confirm-what")).text
    browser.find_element(By.ID, "confirm").click()
    assert "Rolled back" in wait_for(browser, lambda b: b.find_element(By.CSS_SELECTOR, ".flash.ok")).text
    assert "Every store: version 1" in browser.find_element(By.ID, "state").text
