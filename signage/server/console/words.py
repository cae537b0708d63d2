"""Audiences, days and rule conditions in words, in the language of the request being answered.

`playlists/words.py` says who a segment is ("young adults in casual clothes"); the
console's middleware sets the request's language (`foundation.i18n.SCOPED_LANGUAGE`),
so those words, and these, come out in the language of whoever asked.

The page templates reach these functions as globals (`age_words(...)`, `segment_key_words(...)`).
"""

from __future__ import annotations

from playlists import words as _words
from playlists.model import WEEKDAY_NAMES, Conditions
from signage.server.console.web import templates, tr, tr_noop

__all__ = [
    "age_words",
    "attire_words",
    "company_words",
    "conditions_words",
    "gender_words",
    "loop_words",
    "origin_words",
    "people_words",
    "segment_key_words",
    "segment_words",
    "weekday_words",
    "weekdays_words",
]


# Texts playlists/words.py marks for the catalogue (context `words`); named here, not marked
# again, so the catalogue holds each once (a second mark would put it in the console's file too).
_PEOPLE = "%n people"


def _value(thing: object) -> str | None:
    return None if thing is None else str(getattr(thing, "value", thing))


def age_words(age_group: object) -> str:
    """'young adults' for `young_adult`; unknown values as given."""
    return _words.age_group_words(age_group)


def attire_words(attire: object) -> str:
    """'casual clothes' for `casual`."""
    return _words.attire_words(attire)


def company_words(company: object) -> str:
    """'an adult with a child' for `adult_with_child`."""
    return _words.company_words(company)


_GENDERS = {
    "female": tr_noop("console.words", "female"),
    "male": tr_noop("console.words", "male"),
    "unknown": tr_noop("console.words", "not known"),
}
_WEEKDAYS = {
    "mon": tr_noop("console.words", "Mon"), "tue": tr_noop("console.words", "Tue"), "wed": tr_noop("console.words", "Wed"),
    "thu": tr_noop("console.words", "Thu"), "fri": tr_noop("console.words", "Fri"), "sat": tr_noop("console.words", "Sat"),
    "sun": tr_noop("console.words", "Sun"),
}
_LOOPS = {"loop": tr_noop("console.words", "start again"), "once": tr_noop("console.words", "play once")}
_ORIGINS = {
    "manual": tr_noop("console.words", "written by hand"),
    "learned": tr_noop("console.words", "learned"),
    "learned_edited": tr_noop("console.words", "learned, then edited"),
}


def gender_words(gender: object) -> str:
    """'female', 'male', 'not known'."""
    value = _value(gender)
    return tr("console.words", _GENDERS[value]) if value in _GENDERS else str(value)


def weekday_words(day: object) -> str:
    """'Mon' for `mon` (or for 0, Monday)."""
    value = WEEKDAY_NAMES[day] if isinstance(day, int) and 0 <= day < 7 else _value(day)
    return tr("console.words", _WEEKDAYS[value]) if value in _WEEKDAYS else str(value)


def weekdays_words(days: tuple[int, ...]) -> str:
    """'Mon-Fri', 'Sat, Sun', 'every day' (as playlists.model.describe_weekdays, in words)."""
    ordered = sorted(set(days))
    if ordered == list(range(7)):
        return tr("console.words", "every day")
    if len(ordered) > 2 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{weekday_words(ordered[0])}–{weekday_words(ordered[-1])}"
    return ", ".join(weekday_words(day) for day in ordered)


def loop_words(policy: object) -> str:
    """What a playlist does when it ends."""
    value = _value(policy)
    return tr("console.words", _LOOPS[value]) if value in _LOOPS else str(value)


def origin_words(origin: object) -> str:
    """Where a rule came from: by hand, learned, learned then edited."""
    value = _value(origin)
    return tr("console.words", _ORIGINS[value]) if value in _ORIGINS else str(value)


def segment_words(age_group: object = None, attire: object = None, gender: object = None, company: object = None) -> str:
    """Who a segment is: playlists.words.segment_words, in the request's language."""
    return _words.segment_words(age_group, attire, gender, company)


def segment_key_words(key: str) -> str:
    """Words for 'young_adult/casual' or 'teen/-/-/teens' (age group / attire / gender / company)."""
    return _words.segment_key_words(str(key))


def people_words(count: int) -> str:
    """'1 person', '3 people' (Korean '3명')."""
    return tr("words", _PEOPLE, n=count)


def conditions_words(conditions: Conditions) -> str:
    """When a rule applies, in words: 'teens, young adults; in school uniform; Mon–Fri; 15:00-18:00'."""
    parts = []
    if conditions.age_groups:
        parts.append(", ".join(age_words(group) for group in conditions.age_groups))
    if conditions.attire:
        parts.append(tr("console.words", "wearing {attire}", attire=", ".join(attire_words(a) for a in conditions.attire)))
    if conditions.genders:
        parts.append(", ".join(gender_words(gender) for gender in conditions.genders))
    if conditions.company:
        parts.append(", ".join(company_words(company) for company in conditions.company))
    if conditions.max_group_size is not None:
        parts.append(tr("console.words", "groups of {low} to {high}", low=conditions.min_group_size,
                        high=conditions.max_group_size))
    elif conditions.min_group_size > 1:
        parts.append(tr("console.words", "groups of {low} or more", low=conditions.min_group_size))
    elif conditions.min_group_size == 1:
        parts.append(tr("console.words", "someone present"))
    if conditions.min_dwell_s > 0:
        parts.append(tr("console.words", "staying {seconds} s or more", seconds=f"{conditions.min_dwell_s:g}"))
    if conditions.weekdays:
        parts.append(weekdays_words(conditions.weekdays))
    if conditions.time_windows:
        parts.append(", ".join(window.label() for window in conditions.time_windows))
    if conditions.date_from or conditions.date_until:
        parts.append(tr("console.words", "{start} to {end}", start=conditions.date_from or "…", end=conditions.date_until or "…"))
    return "; ".join(parts) if parts else tr("console.words", "always")


for _function in (age_words, attire_words, company_words, conditions_words, gender_words, loop_words, origin_words,
                  people_words, segment_key_words, segment_words, weekday_words, weekdays_words):
    templates.env.globals[_function.__name__] = _function
