"""Audiences in a marketer's words: "young adults in casual clothes", not `young_adult/casual`.

One place says who an age group, an attire, a gender or a company is, so the editor,
the CLI and the console name a segment alike, in English or Korean (`foundation.i18n`).
"""

from __future__ import annotations

from foundation.i18n import tr, tr_noop

# Plural nouns: segments name groups of people ("teens buy snacks").
_AGE_GROUPS = {
    "child": tr_noop("words", "children"),
    "teen": tr_noop("words", "teens"),
    "young_adult": tr_noop("words", "young adults"),
    "adult": tr_noop("words", "adults"),
    "middle_aged": tr_noop("words", "middle-aged people"),
    "senior": tr_noop("words", "seniors"),
}
# What an age group is, for a tooltip or a legend.
_AGE_GROUP_SPANS = {
    "child": tr_noop("words", "children (about 0-12)"),
    "teen": tr_noop("words", "teens (about 13-19)"),
    "young_adult": tr_noop("words", "young adults (about 20-29)"),
    "adult": tr_noop("words", "adults (about 30-49)"),
    "middle_aged": tr_noop("words", "middle-aged people (about 50-64)"),
    "senior": tr_noop("words", "seniors (about 65 and over)"),
}
_ATTIRE = {
    "school_uniform": tr_noop("words", "{who} in school uniform"),
    "business": tr_noop("words", "{who} in business suits"),
    "workwear": tr_noop("words", "{who} in workwear"),
    "casual": tr_noop("words", "{who} in casual clothes"),
}
_ATTIRE_ALONE = {
    "school_uniform": tr_noop("words", "school uniform"),
    "business": tr_noop("words", "business suit"),
    "workwear": tr_noop("words", "workwear"),
    "casual": tr_noop("words", "casual clothes"),
    "unknown": tr_noop("words", "clothes not recognised"),
}
_GENDER = {
    "female": tr_noop("words", "female {who}"),
    "male": tr_noop("words", "male {who}"),
}
_COMPANY = {
    "alone": tr_noop("words", "{who} on their own"),
    "adult_with_child": tr_noop("words", "{who} with a child"),
    "teens": tr_noop("words", "{who} in a group of minors"),
    "adults": tr_noop("words", "{who} in a group of adults"),
}
_COMPANY_ALONE = {
    "alone": tr_noop("words", "on their own"),
    "adult_with_child": tr_noop("words", "an adult with a child"),
    "teens": tr_noop("words", "a group of minors"),
    "adults": tr_noop("words", "a group of adults"),
}


def _value(thing: object) -> str | None:
    if thing is None:
        return None
    return str(getattr(thing, "value", thing))


def age_group_words(age_group: object) -> str:
    """'young adults' for `young_adult` (an AgeGroup or its value); unknown values as given."""
    value = _value(age_group)
    return tr("words", _AGE_GROUPS[value]) if value in _AGE_GROUPS else str(value)


def age_group_span(age_group: object) -> str:
    """'young adults (about 20-29)': the default boundaries, for a tooltip."""
    value = _value(age_group)
    return tr("words", _AGE_GROUP_SPANS[value]) if value in _AGE_GROUP_SPANS else str(value)


def attire_words(attire: object) -> str:
    """'casual clothes' for `casual`."""
    value = _value(attire)
    return tr("words", _ATTIRE_ALONE[value]) if value in _ATTIRE_ALONE else str(value)


def company_words(company: object) -> str:
    """'an adult with a child' for `adult_with_child`."""
    value = _value(company)
    return tr("words", _COMPANY_ALONE[value]) if value in _COMPANY_ALONE else str(value)


def segment_words(
    age_group: object = None, attire: object = None, gender: object = None, company: object = None
) -> str:
    """Who a segment is, in words: 'female young adults in casual clothes with a child'.

    Any part may be missing; with none it is 'everyone'. Values are enums or their text.
    """
    age, wear, sex, group = _value(age_group), _value(attire), _value(gender), _value(company)
    who = age_group_words(age) if age else tr("words", "visitors")
    if sex in _GENDER:
        who = tr("words", _GENDER[sex], who=who)
    if wear in _ATTIRE:
        who = tr("words", _ATTIRE[wear], who=who)
    if group in _COMPANY:
        who = tr("words", _COMPANY[group], who=who)
    if not (age or wear in _ATTIRE or sex in _GENDER or group in _COMPANY):
        return tr("words", "everyone")
    return who


def segment_key_words(key: str) -> str:
    """Words for a segment written as a key, 'young_adult/casual' or 'teen/-/-/teens'
    (age group / attire / gender / company, '-' or empty for any)."""
    parts = [part if part not in ("", "-", "*", "any") else None for part in key.split("/")]
    parts += [None] * (4 - len(parts))
    return segment_words(*parts[:4])


def people_words(count: int) -> str:
    """'1 person', '3 people' (Korean '3명')."""
    return tr("words", "%n people", n=count)


def or_words(words: list[str]) -> str:
    """'a', 'a or b', 'a, b or c': each join is a translated pattern, so Korean can reorder it."""
    if not words:
        return ""
    text = words[-1]
    for word in reversed(words[:-1]):
        text = tr("words", "{first} or {rest}", first=word, rest=text)
    return text


def and_words(words: list[str]) -> str:
    """'a', 'a and b', 'a, b and c' (translated joins, as `or_words`)."""
    if not words:
        return ""
    text = words[-1]
    for index, word in enumerate(reversed(words[:-1])):
        pattern = tr_noop("words", "{first} and {rest}") if index == 0 else tr_noop("words", "{first}, {rest}")
        text = tr("words", pattern, first=word, rest=text)
    return text
