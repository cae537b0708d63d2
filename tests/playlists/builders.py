"""Builders for rule books, rules, content and audiences, so tests state only what matters."""

from __future__ import annotations

import datetime as dt

from audience.types import AgeGroup, Attire, Gender
from content.model import ContentItem, ContentKind
from playlists.decision import AudienceView, RuleBook
from playlists.model import Conditions, Playlist, PlaylistItem, Rule, TimeWindow

# A Monday afternoon, a Saturday and a weekday morning.
MONDAY_1610 = dt.datetime(2026, 11, 23, 16, 10)
SATURDAY_1610 = dt.datetime(2026, 11, 28, 16, 10)
TUESDAY_0800 = dt.datetime(2026, 11, 24, 8, 0)


def make_content(name: str, age_restricted: bool = False, duration_s: float = 8.0, **changes) -> ContentItem:
    """An image item called `name`."""
    return ContentItem(
        name=name, kind=ContentKind.IMAGE, title=name.replace("_", " "), duration_s=duration_s,
        path=f"/media/{name}.png", age_restricted=age_restricted, **changes,
    )


def make_playlist(name: str, *content: str) -> Playlist:
    """A looping playlist of the named items."""
    return Playlist(name, tuple(PlaylistItem(c) for c in content))


def make_rule(name: str, playlist: str, priority: int = 10, **conditions) -> Rule:
    """A rule; keyword arguments are `Conditions` fields, plus rule fields prefixed `rule_`."""
    rule_fields = {k[len("rule_"):]: v for k, v in conditions.items() if k.startswith("rule_")}
    condition_fields = {k: v for k, v in conditions.items() if not k.startswith("rule_")}
    if "time_windows" in condition_fields:
        condition_fields["time_windows"] = tuple(
            w if isinstance(w, TimeWindow) else TimeWindow.parse(w) for w in condition_fields["time_windows"]
        )
    return Rule(name=name, playlist=playlist, priority=priority, conditions=Conditions(**condition_fields), **rule_fields)


def make_book(*rules: Rule, extra_playlists: tuple[Playlist, ...] = (), default: str = "brand") -> RuleBook:
    """A rule book with a playlist per rule (one item each, named after the playlist) and a default."""
    playlists = {default: make_playlist(default, "brand_welcome")}
    content = {"brand_welcome": make_content("brand_welcome")}
    for rule in rules:
        if rule.playlist not in playlists:
            playlists[rule.playlist] = make_playlist(rule.playlist, f"{rule.playlist}_ad")
            content[f"{rule.playlist}_ad"] = make_content(f"{rule.playlist}_ad")
    for playlist in extra_playlists:
        playlists[playlist.name] = playlist
        for item in playlist.items:
            content.setdefault(item.content, make_content(item.content, age_restricted=item.content.startswith("beer")))
    return RuleBook(tuple(rules), playlists, content, default)


def audience(
    age_group: AgeGroup | None = AgeGroup.ADULT,
    attire: Attire = Attire.CASUAL,
    group_size: int = 1,
    dwell_s: float = 5.0,
    gender: Gender = Gender.UNKNOWN,
) -> AudienceView:
    """A certain audience (as `signage rules simulate` describes one)."""
    return AudienceView.hypothetical(age_group, attire, group_size, dwell_s, gender)
