"""The form that creates and edits one rule, checked as the marketer types.

Every field has a small red line under it that says what is wrong in words; Save stays
disabled while anything is. The plain-language checks here come first; after them the
assembled rule goes through the codec's own decoding (what `validated_rule` and the
store run), so the form can never accept a rule the store would refuse, and a problem
only the codec knows about still shows, next to the field its path names.

Fields the form has no picker for (genders, the largest group size, a learned rule's
origin and metrics) are kept as they are in the rule being edited.

Every field and its label have a tooltip saying what it means. The priority has two live
hints: where it puts the rule among the others ("at 70 this rule comes before all of
them"), and, when another enabled rule with a higher priority and the same or broader
audience and times always wins first, that this rule can never win, naming that rule
(`rules_that_always_win_first`; it needs the playlists and catalogue, `set_rulebook`, and
stays silent without them). A new rule starts 10 above the highest priority in use
(`default_priority`), not at 0, and never above the most the priority box takes.

Also here: the rule in words (`describe_audience`, `describe_schedule`, with the audience
words of `playlists.words`), shared with the table of the Rules tab. Texts go through
`tr` (context `editor.rule_form`).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from audience.types import AgeGroup, Attire, Company, Gender
from content.model import ContentItem
from foundation.i18n import tr, tr_noop
from playlists.codec import MAX_NAME_CHARS, Problem, decode_rule, rule_to_dict
from playlists.decision import RuleBook
from playlists.model import (
    Conditions,
    Playlist,
    Rule,
    RuleOrigin,
    TimeWindow,
)
from playlists.words import (
    age_group_span,
    age_group_words,
    attire_words,
    company_words,
    segment_words,
)

ERROR_STYLE = "color: #b00020;"
HINT_STYLE = "color: #555555;"
WARNING_STYLE = "color: #8a4b00;"

GENDER_WORDS = {
    Gender.FEMALE: tr_noop("editor.rule_form", "women"),
    Gender.MALE: tr_noop("editor.rule_form", "men"),
    Gender.UNKNOWN: tr_noop("editor.rule_form", "people of unknown gender"),
}
ORIGIN_WORDS = {
    RuleOrigin.MANUAL: tr_noop("editor.rule_form", "written by a marketer"),
    RuleOrigin.LEARNED: tr_noop("editor.rule_form", "suggested from purchases"),
    RuleOrigin.LEARNED_EDITED: tr_noop("editor.rule_form", "suggestion, edited"),
}
DAY_LABELS = (
    tr_noop("editor.rule_form", "Mon"), tr_noop("editor.rule_form", "Tue"), tr_noop("editor.rule_form", "Wed"),
    tr_noop("editor.rule_form", "Thu"), tr_noop("editor.rule_form", "Fri"), tr_noop("editor.rule_form", "Sat"),
    tr_noop("editor.rule_form", "Sun"),
)


def origin_words(origin: RuleOrigin) -> str:
    """'written by a marketer', 'suggested from purchases', 'suggestion, edited'."""
    return tr("editor.rule_form", ORIGIN_WORDS[origin]) if origin in ORIGIN_WORDS else str(origin)


def day_label(day: int) -> str:
    """'Mon' for 0, in the editor's language."""
    return tr("editor.rule_form", DAY_LABELS[day])


# Where a problem the codec finds is shown: its field path -> the form's field.
_CODEC_FIELDS: dict[tuple[str, ...], str] = {
    ("name",): "name",
    ("playlist",): "playlist",
    ("priority",): "priority",
    ("when", "age_groups"): "age_groups",
    ("when", "attire"): "attire",
    ("when", "company"): "company",
    ("when", "weekdays"): "weekdays",
    ("when", "time"): "time",
    ("when", "min_group_size"): "min_group_size",
    ("when", "max_group_size"): "min_group_size",
    ("when", "min_dwell_s"): "min_dwell_s",
    ("when", "dates"): "dates",
    ("when", "dates", "from"): "dates",
    ("when", "dates", "until"): "dates",
    ("weight",): "weight",
    ("cooldown_s",): "cooldown_s",
    ("max_plays_per_hour",): "max_plays_per_hour",
    ("note",): "note",
}
FIELDS = tuple(dict.fromkeys(_CODEC_FIELDS.values())) + ("top",)


# --------------------------------------------------------------------------------------
# The rule in words


def describe_audience(conditions: Conditions) -> str:
    """Who a rule is for: 'teens in school uniform', 'anyone', 'groups of 2 or more'
    (the audience words of `playlists.words`)."""
    parts = []
    ages, attires = conditions.age_groups, conditions.attire
    if len(ages) <= 1 and len(attires) <= 1 and (ages or attires):
        parts.append(segment_words(ages[0] if ages else None, attires[0] if attires else None))
    elif ages or attires:
        who = _and([age_group_words(g) for g in ages]) if ages else tr("editor.rule_form", "anyone")
        if attires:
            who = tr("editor.rule_form", "{who} in {attire}", who=who, attire=_or([attire_words(a) for a in attires]))
        parts.append(who)
    if conditions.genders:
        genders = _or([tr("editor.rule_form", GENDER_WORDS[g]) for g in conditions.genders])
        parts.append(tr("editor.rule_form", "{genders} only", genders=genders))
    if conditions.company:
        parts.append(_or([company_words(c) for c in conditions.company]))
    low, high = conditions.min_group_size, conditions.max_group_size
    if high is not None:
        if low > 1:
            parts.append(tr("editor.rule_form", "groups of {low} to %n", n=high, low=low))
        else:
            parts.append(tr("editor.rule_form", "groups of up to %n", n=high))
    elif low > 1:
        parts.append(tr("editor.rule_form", "groups of %n or more", n=low))
    elif low == 1 and not parts:
        parts.append(tr("editor.rule_form", "anyone present"))
    if conditions.min_dwell_s > 0:
        parts.append(tr("editor.rule_form", "staying {seconds} s or longer", seconds=f"{conditions.min_dwell_s:g}"))
    if not parts:
        return tr("editor.rule_form", "anyone")
    return _list(parts)


def describe_days(weekdays: Sequence[int]) -> str:
    """'Mon-Fri', 'Sat, Sun', 'every day', in the editor's language."""
    days = sorted(set(weekdays))
    if not days or days == list(range(7)):
        return tr("editor.rule_form", "every day")
    if len(days) > 2 and days == list(range(days[0], days[-1] + 1)):
        return tr("editor.rule_form", "{first}-{last}", first=day_label(days[0]), last=day_label(days[-1]))
    return _list([day_label(day) for day in days])


def describe_schedule(conditions: Conditions) -> str:
    """When a rule applies: 'Mon-Fri 15:00-18:30', 'every day 11:00-14:00', 'always'."""
    times = ", ".join(w.label() for w in conditions.time_windows)
    if conditions.weekdays:
        days = describe_days(conditions.weekdays)
        if times:
            text = tr("editor.rule_form", "{days} {times}", days=days, times=times)
        else:
            text = tr("editor.rule_form", "{days}, all day", days=days)
    else:
        text = tr("editor.rule_form", "every day {times}", times=times) if times else ""
    first, last = conditions.date_from, conditions.date_until
    if first and last:
        dates = tr("editor.rule_form", "{first} to {last}", first=first.isoformat(), last=last.isoformat())
    elif first:
        dates = tr("editor.rule_form", "from {first}", first=first.isoformat())
    elif last:
        dates = tr("editor.rule_form", "until {last}", last=last.isoformat())
    else:
        dates = ""
    if text and dates:
        return tr("editor.rule_form", "{times}; {dates}", times=text, dates=dates)
    return text or dates or tr("editor.rule_form", "always")


def describe_rule(rule: Rule) -> str:
    """One sentence: 'Plays lunch_deals for anyone, every day 11:30-13:30.'."""
    return tr(
        "editor.rule_form", "Plays {playlist} for {who}, {when}.",
        playlist=rule.playlist, who=describe_audience(rule.conditions), when=describe_schedule(rule.conditions),
    )


def _and(words: list[str]) -> str:
    """'a', 'a and b', 'a, b and c' (translated patterns, so Korean can say it its way)."""
    if not words:
        return ""
    text = words[-1]
    if len(words) > 1:
        text = tr("editor.rule_form", "{first} and {last}", first=words[-2], last=words[-1])
    for word in reversed(words[:-2]):
        text = tr("editor.rule_form", "{first}, {rest}", first=word, rest=text)
    return text


def _or(words: list[str]) -> str:
    """'a', 'a or b', 'a, b or c'."""
    if not words:
        return ""
    text = words[-1]
    if len(words) > 1:
        text = tr("editor.rule_form", "{first} or {last}", first=words[-2], last=words[-1])
    for word in reversed(words[:-2]):
        text = tr("editor.rule_form", "{first}, {rest}", first=word, rest=text)
    return text


def _list(parts: list[str]) -> str:
    """Parts of a description one after the other: 'teens, groups of 2 or more'."""
    text = parts[-1]
    for part in reversed(parts[:-1]):
        text = tr("editor.rule_form", "{first}, {rest}", first=part, rest=text)
    return text


# --------------------------------------------------------------------------------------
# When a rule can never win


def covers(broader: Conditions, narrower: Conditions) -> bool:
    """Whether `broader` matches every audience and minute that `narrower` matches.

    Each condition is checked as the decision engine reads it (`playlists.decision`):
    empty means any, weekdays and the minutes of the day apart, dates inclusive. A rule
    that names genders is never taken as broader (it matches nobody while gender
    targeting is off). The engine matches a company rule's ages against anyone in the
    group, but an age-only rule's against the dominant segment only: an age-only rule
    therefore never covers a rule with a company (the child may be the dominant face).
    """
    def includes(wide: tuple, narrow: tuple) -> bool:
        return not wide or (bool(narrow) and set(narrow) <= set(wide))

    if broader.genders:
        return False
    if not (
        includes(broader.age_groups, narrower.age_groups)
        and includes(broader.attire, narrower.attire)
        and includes(broader.company, narrower.company)
    ):
        return False
    if broader.age_groups and not broader.company and narrower.company:
        return False
    if _smallest_group(broader) > _smallest_group(narrower) or broader.min_dwell_s > narrower.min_dwell_s:
        return False
    if broader.max_group_size is not None and (
        narrower.max_group_size is None or narrower.max_group_size > broader.max_group_size
    ):
        return False
    if broader.weekdays and not set(narrower.weekdays or range(7)) <= set(broader.weekdays):
        return False
    if broader.time_windows and not _minutes(narrower.time_windows) <= _minutes(broader.time_windows):
        return False
    if broader.date_from is not None and (narrower.date_from is None or narrower.date_from < broader.date_from):
        return False
    # One check per condition, like the ones above, rather than one returned expression.
    if broader.date_until is not None and (narrower.date_until is None or narrower.date_until > broader.date_until):  # noqa: SIM103
        return False
    return True


def _smallest_group(conditions: Conditions) -> int:
    """The fewest visitors the engine matches: a rule about who is there needs someone."""
    someone = 1 if (conditions.age_groups or conditions.attire or conditions.company) else 0
    return max(conditions.min_group_size, someone)


def _minutes(windows: Sequence[TimeWindow]) -> frozenset[int]:
    """The minutes of the day the windows hold (all of them for none), exactly as the engine
    reads them: [start, end), over midnight when end is before start (24:00 counts as 1440,
    so 24:00-00:00 holds no minute and 00:00-24:00 all of them)."""
    if not windows:
        return frozenset(range(24 * 60))
    minutes: set[int] = set()
    for window in windows:
        start, end = window.start_minute, window.end_minute
        minutes.update(range(start, min(end, 1440)) if start <= end else [*range(start, 1440), *range(end)])
    return frozenset(minutes)


def always_playable(playlist: Playlist | None, content: Mapping[str, ContentItem]) -> bool:
    """Whether `playlist` has something to play for anyone on any day, so its rule never steps aside.

    The engine skips a rule whose playlist has nothing playable (`playlists.decision.playable_items`):
    items outside their dates never play, and the minors guardrail withholds age-restricted
    items whenever a minor may be there, which the camera can think of anyone. So it takes
    one item that is in the catalogue, has no dates and is not age-restricted.
    """
    if playlist is None:
        return False
    for entry in playlist.items:
        item = content.get(entry.content)
        if item is not None and item.valid_from is None and item.valid_until is None and not item.age_restricted:
            return True
    return False


def rules_that_always_win_first(
    rule: Rule, others: Iterable[Rule], book: RuleBook | None = None
) -> list[Rule]:
    """The other enabled rules that win whenever `rule` would match, so that it never plays.

    Such a rule has a higher priority and the same or broader conditions, and nothing that
    makes it step aside: no rest after playing and no hourly limit (a resting rule lets a
    lower one play), and a playlist that always has something to play (`always_playable`,
    looked up in `book`'s playlists and catalogue). Without a `book` nothing is known of
    the playlists, so no rule is counted: the hint must never say "can never win" of a
    rule the player can pick. Highest priority first. Not counted: the holdout's control
    draws, which can let a rule through now and then, but not by design.
    """
    if book is None:
        return []
    found = [
        other for other in others
        if other.name != rule.name and other.enabled and other.priority > rule.priority
        and other.cooldown_s <= 0 and other.max_plays_per_hour is None
        and covers(other.conditions, rule.conditions)
        and always_playable(book.playlists.get(other.playlist), book.content)
    ]
    return sorted(found, key=lambda other: (-other.priority, other.name))


# The priority spin box's range; a new rule's default stays inside it.
MAX_PRIORITY = 10_000
MIN_PRIORITY = -10_000


def default_priority(others: Iterable[Rule]) -> int:
    """A new rule's priority: 10 above the highest of the enabled rules (10 when there are none),
    so that it plays where it matches; the form says when it takes over from another rule.
    Never above `MAX_PRIORITY` (the most the form takes): when the highest rule is already
    there, the new rule ties with it and the form says so (`priority_at_top_text`)."""
    priorities = [rule.priority for rule in others if rule.enabled]
    if not priorities:
        return 10
    return min((max(priorities) // 10 + 1) * 10, MAX_PRIORITY)


def _keep_order(before: Iterable, chosen: Iterable) -> tuple:
    """`chosen` in the order `before` had them, new ones after: an unchanged list stays unchanged."""
    chosen = list(chosen)
    kept = [value for value in before if value in chosen]
    return tuple(kept + [value for value in chosen if value not in kept])


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def _show(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def _hhmm(time: QTime) -> str:
    return time.toString("HH:mm")


# --------------------------------------------------------------------------------------
# Time windows: rows of from/to pickers


class TimeWindowRow(QWidget):
    """One daily window: from, to, a Remove button, and a line for its problem."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, start_hhmm: str, end_hhmm: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start_edit = QTimeEdit(QTime.fromString(start_hhmm, "HH:mm"))
        self.end_edit = QTimeEdit(QTime.fromString(end_hhmm, "HH:mm"))
        self.start_edit.setAccessibleName(tr("editor.rule_form", "time window from"))
        self.end_edit.setAccessibleName(tr("editor.rule_form", "time window to"))
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat("HH:mm")
            edit.timeChanged.connect(self.changed)
        self.start_edit.setToolTip(tr("editor.rule_form", "The first minute the rule plays, each day it applies"))
        self.end_edit.setToolTip(
            tr("editor.rule_form", "The minute it stops; earlier than the start means it runs over midnight")
        )
        self.remove_button = QPushButton(tr("editor.rule_form", "Remove"))
        self.remove_button.setToolTip(tr("editor.rule_form", "Remove this time window"))
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        self.error_label = _error_label()
        self.hint_label = QLabel()
        self.hint_label.setStyleSheet(HINT_STYLE)
        self.hint_label.hide()
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(QLabel(tr("editor.rule_form", "from")))
        line.addWidget(self.start_edit)
        line.addWidget(QLabel(tr("editor.rule_form", "to")))
        line.addWidget(self.end_edit)
        line.addWidget(self.remove_button)
        line.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(line)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.error_label)

    def hhmm(self) -> tuple[str, str]:
        """('15:00', '18:30')."""
        return _hhmm(self.start_edit.time()), _hhmm(self.end_edit.time())

    def set_times(self, start_hhmm: str, end_hhmm: str) -> None:
        """Set both pickers ('HH:MM')."""
        self.start_edit.setTime(QTime.fromString(start_hhmm, "HH:mm"))
        self.end_edit.setTime(QTime.fromString(end_hhmm, "HH:mm"))

    def focus_order(self) -> list[QWidget]:
        """The row's widgets in tab order."""
        return [self.start_edit, self.end_edit, self.remove_button]


class TimeWindowList(QWidget):
    """The time windows of a rule; none means all day."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[TimeWindowRow] = []
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self.empty_label = QLabel(tr("editor.rule_form", "All day (no time windows)."))
        self.empty_label.setStyleSheet(HINT_STYLE)
        self.add_button = QPushButton(tr("editor.rule_form", "Add time window"))
        self.add_button.setToolTip(tr("editor.rule_form", "Play the rule only between two times of the day"))
        self.add_button.clicked.connect(lambda: self.add_window().start_edit.setFocus())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_label)
        layout.addLayout(self._rows_layout)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def add_window(self, start_hhmm: str = "15:00", end_hhmm: str = "18:00") -> TimeWindowRow:
        """Add a row (a sensible afternoon window unless told otherwise)."""
        row = TimeWindowRow(start_hhmm, end_hhmm, self)
        row.changed.connect(self.changed)
        row.remove_requested.connect(self.remove_window)
        self.rows.append(row)
        self._rows_layout.addWidget(row)
        row.show()  # at once, not when the layout gets round to it: focus can go there now
        self.empty_label.setVisible(False)
        self.changed.emit()
        return row

    def remove_window(self, row: TimeWindowRow) -> None:
        """Remove a row; focus goes to the Add button so the keyboard user is not lost."""
        self.rows.remove(row)
        self._rows_layout.removeWidget(row)
        row.hide()
        row.deleteLater()
        self.empty_label.setVisible(not self.rows)
        self.add_button.setFocus()
        self.changed.emit()

    def set_windows(self, windows: Sequence[TimeWindow]) -> None:
        """Replace all rows with `windows`."""
        for row in list(self.rows):
            self.rows.remove(row)
            self._rows_layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        for window in windows:
            self.add_window(window.start_hhmm, window.end_hhmm)
        self.empty_label.setVisible(not self.rows)
        self.changed.emit()

    def windows(self) -> list[tuple[str, str]]:
        """The rows as ('HH:MM', 'HH:MM') pairs, in order."""
        return [row.hhmm() for row in self.rows]

    def focus_order(self) -> list[QWidget]:
        """Every row's widgets, then Add."""
        return [widget for row in self.rows for widget in row.focus_order()] + [self.add_button]


# --------------------------------------------------------------------------------------
# The form


class RuleForm(QDialog):
    """Create or edit one rule. The tab saves it: Save only emits `save_requested`.

    `confirm_discard` is asked before Cancel or Esc throws edits away. `today` gives the
    date a date picker starts at when switched on (injected: nothing reads the clock).
    """

    save_requested = Signal()

    def __init__(
        self,
        playlists: Sequence[str],
        taken_names: Iterable[str],
        confirm_discard: Callable[[], bool],
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("editor.rule_form", "Rule"))
        self._others: tuple[Rule, ...] = ()  # the store's other rules, for the priority hints
        # Playlists and catalogue (`set_rulebook`): whether another rule always has something to play.
        self._book: RuleBook | None = None
        self.setMinimumWidth(860)
        self._confirm_discard = confirm_discard
        self._today = today
        self._taken = frozenset(taken_names)
        self._playlist_names: frozenset[str] = frozenset()
        self._base = Rule(name="", playlist="")
        self._editing = False
        self._version: int | None = None
        self._initial_state: tuple = ()
        self._loading = False
        self._problems: dict[str, str] = {}
        self._build()
        self.set_playlists(playlists)
        self.load(None)

    # ----------------------------------------------------------------------------------
    # Building

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold; font-size: 13pt;")
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.top_error = _error_label()
        self.error_labels: dict[str, QLabel] = {key: _error_label() for key in FIELDS if key != "top"}
        self.error_labels["top"] = self.top_error
        self.field_labels: dict[str, QLabel] = {}

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(tr("editor.rule_form", "for example students_after_school"))
        self.name_edit.setMaxLength(MAX_NAME_CHARS + 1)  # one over, so the form can say so
        self.playlist_combo = QComboBox()
        self.priority_spin = QSpinBox()
        self.priority_spin.setRange(MIN_PRIORITY, MAX_PRIORITY)
        self.priority_hint = QLabel(tr("editor.rule_form", "Higher wins."))
        self.priority_hint.setStyleSheet(HINT_STYLE)
        self.priority_hint.setWordWrap(True)
        # Live: the rules that always win before this one, so it could never play.
        self.never_wins_label = QLabel()
        self.never_wins_label.setStyleSheet(WARNING_STYLE)
        self.never_wins_label.setWordWrap(True)
        self.never_wins_label.hide()
        self.enabled_check = QCheckBox(tr("editor.rule_form", "Enabled (the player uses this rule)"))
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText(tr("editor.rule_form", "Why this rule exists, for whoever reads it next"))
        self.note_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)

        self.age_checks = {group: QCheckBox(age_group_words(group)) for group in AgeGroup}
        for group, check in self.age_checks.items():
            check.setToolTip(age_group_span(group))
        self.attire_checks = {attire: QCheckBox(attire_words(attire)) for attire in Attire}
        self.company_checks = {company: QCheckBox(company_words(company)) for company in Company}
        self.weekday_checks = [QCheckBox(day_label(day)) for day in range(7)]
        self.time_windows = TimeWindowList()
        self.date_from_check = QCheckBox(tr("editor.rule_form", "From"))
        self.date_from_edit = QDateEdit()
        self.date_until_check = QCheckBox(tr("editor.rule_form", "Until"))
        self.date_until_edit = QDateEdit()
        for edit in (self.date_from_edit, self.date_until_edit):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
        self.min_group_spin = QSpinBox()
        self.min_group_spin.setRange(0, 100)
        self.min_group_spin.setSpecialValueText(tr("editor.rule_form", "any"))
        self.min_dwell_spin = QDoubleSpinBox()
        self.min_dwell_spin.setRange(0.0, 3600.0)
        self.min_dwell_spin.setDecimals(1)
        self.min_dwell_spin.setSuffix(tr("editor.rule_form", " s"))
        self.min_dwell_spin.setSpecialValueText(tr("editor.rule_form", "any"))
        self.weight_spin = QDoubleSpinBox()
        self.weight_spin.setRange(0.0, 1000.0)
        self.weight_spin.setDecimals(2)
        self.weight_spin.setSingleStep(0.5)
        self.cooldown_spin = QDoubleSpinBox()
        self.cooldown_spin.setRange(0.0, 7 * 24 * 3600.0)
        self.cooldown_spin.setDecimals(0)
        self.cooldown_spin.setSuffix(tr("editor.rule_form", " s"))
        self.cooldown_spin.setSpecialValueText(tr("editor.rule_form", "none"))
        self.max_plays_check = QCheckBox(tr("editor.rule_form", "At most"))
        self.max_plays_spin = QSpinBox()
        self.max_plays_spin.setRange(1, 3600)
        self.max_plays_spin.setSuffix(tr("editor.rule_form", " plays per hour"))
        self.max_plays_spin.setEnabled(False)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)

        rule_box = QGroupBox(tr("editor.rule_form", "The rule"))
        rule_form = self._form_layout(rule_box)
        self._add_row(rule_form, tr("editor.rule_form", "&Name"), self.name_edit, "name")
        self._add_row(rule_form, tr("editor.rule_form", "&Playlist"), self.playlist_combo, "playlist")
        priority = QHBoxLayout()
        priority.setContentsMargins(0, 0, 0, 0)
        priority.addWidget(self.priority_spin)
        priority.addWidget(self.priority_hint, 1)
        priority_widget = QWidget()
        priority_widget.setLayout(priority)
        priority_rows = self._stack(priority_widget, self.never_wins_label)
        self._add_row(rule_form, tr("editor.rule_form", "P&riority"), priority_rows, "priority", buddy=self.priority_spin)
        rule_form.addRow("", self.enabled_check)
        self._add_row(rule_form, tr("editor.rule_form", "N&ote"), self.note_edit, "note")

        who_box = QGroupBox(tr("editor.rule_form", "Who it is for (nothing ticked: anyone)"))
        who_form = self._form_layout(who_box)
        self._add_row(who_form, tr("editor.rule_form", "Age groups"), self._grid(list(self.age_checks.values()), 3), "age_groups")
        self._add_row(who_form, tr("editor.rule_form", "Wearing"), self._grid(list(self.attire_checks.values()), 2), "attire")
        self._add_row(who_form, tr("editor.rule_form", "With"), self._grid(list(self.company_checks.values()), 2), "company")
        self._add_row(who_form, tr("editor.rule_form", "Group of at least"), self.min_group_spin, "min_group_size")
        self._add_row(who_form, tr("editor.rule_form", "Staying at least"), self.min_dwell_spin, "min_dwell_s")

        when_box = QGroupBox(tr("editor.rule_form", "When (nothing set: always)"))
        when_form = self._form_layout(when_box)
        self._add_row(when_form, tr("editor.rule_form", "Days"), self._grid(self.weekday_checks, 7), "weekdays")
        self._add_row(when_form, tr("editor.rule_form", "Times"), self.time_windows, "time")
        dates = QGridLayout()
        dates.addWidget(self.date_from_check, 0, 0)
        dates.addWidget(self.date_from_edit, 0, 1)
        dates.addWidget(self.date_until_check, 1, 0)
        dates.addWidget(self.date_until_edit, 1, 1)
        dates.setColumnStretch(2, 1)
        dates_widget = QWidget()
        dates_widget.setLayout(dates)
        dates.setContentsMargins(0, 0, 0, 0)
        self._add_row(when_form, tr("editor.rule_form", "Dates"), dates_widget, "dates")

        often_box = QGroupBox(tr("editor.rule_form", "How often"))
        often_form = self._form_layout(often_box)
        self._add_row(often_form, tr("editor.rule_form", "&Share (weight)"), self.weight_spin, "weight")
        self._add_row(often_form, tr("editor.rule_form", "Rest after playing"), self.cooldown_spin, "cooldown_s")
        limit = QHBoxLayout()
        limit.setContentsMargins(0, 0, 0, 0)
        limit.addWidget(self.max_plays_check)
        limit.addWidget(self.max_plays_spin)
        limit.addStretch(1)
        limit_widget = QWidget()
        limit_widget.setLayout(limit)
        self._add_row(often_form, tr("editor.rule_form", "Limit"), limit_widget, "max_plays_per_hour")
        self._explain_fields()

        columns = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(rule_box)
        left.addWidget(who_box)
        left.addStretch(1)
        right.addWidget(when_box)
        right.addWidget(often_box)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.top_error)
        layout.addLayout(columns)
        layout.addWidget(buttons)

        self.name_edit.textChanged.connect(self._on_changed)
        self.playlist_combo.currentIndexChanged.connect(self._on_changed)
        self.note_edit.textChanged.connect(self._on_changed)
        for check in (
            self.enabled_check, *self.age_checks.values(), *self.attire_checks.values(),
            *self.company_checks.values(), *self.weekday_checks,
        ):
            check.toggled.connect(self._on_changed)
        for check, edit in ((self.date_from_check, self.date_from_edit), (self.date_until_check, self.date_until_edit)):
            check.toggled.connect(lambda on, edit=edit: self._on_date_switched(on, edit))
            edit.dateChanged.connect(self._on_changed)
        self.max_plays_check.toggled.connect(self.max_plays_spin.setEnabled)
        self.max_plays_check.toggled.connect(self._on_changed)
        for spin in (
            self.priority_spin, self.min_group_spin, self.min_dwell_spin, self.weight_spin,
            self.cooldown_spin, self.max_plays_spin,
        ):
            spin.valueChanged.connect(self._on_changed)
        self.time_windows.changed.connect(self._on_time_windows_changed)

    def _form_layout(self, box: QGroupBox) -> QFormLayout:
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setVerticalSpacing(8)
        return form

    def _add_row(
        self, form: QFormLayout, label: str, field_widget: QWidget, key: str, buddy: QWidget | None = None
    ) -> None:
        """The field with its red problem line under it; Alt+the underlined letter focuses `buddy`."""
        label_widget = QLabel(label)
        label_widget.setBuddy(buddy or field_widget)
        self.field_labels[key] = label_widget
        form.addRow(label_widget, self._stack(field_widget, self.error_labels[key]))

    def _explain_fields(self) -> None:
        """A tooltip on every field and its label: what it means, in a marketer's words."""
        explanations = {
            "name": tr("editor.rule_form", "The rule's name, as the history, the reports and the CLI show it. "
                       "Letters, digits and _ read best: students_after_school."),
            "playlist": tr("editor.rule_form", "What the screen plays while this rule wins. Ads marked 18+ in it are "
                           "never shown while a minor may be watching (the minors guardrail), whatever the rule says."),
            "priority": tr("editor.rule_form", "When several rules fit the same people at the same time, the one with "
                           "the highest priority plays. Equal priorities share the screen by their share (weight)."),
            "note": tr("editor.rule_form", "Free text for your team: why the rule exists. The player ignores it."),
            "age_groups": tr("editor.rule_form", "Play only when someone of a ticked age group is in front of the "
                             "screen, as the camera estimates it. Hover an age group for its ages."),
            "attire": tr("editor.rule_form", "Play only for people wearing one of the ticked kinds of clothes."),
            "company": tr("editor.rule_form", "Play only when the people in front of the screen came like this: "
                          "on their own, an adult with a child, a group of minors or of adults."),
            "min_group_size": tr("editor.rule_form", "Play only when at least this many people are in front of the "
                                 "screen together. 'any' also plays when nobody is there."),
            "min_dwell_s": tr("editor.rule_form", "Play only once someone has stood in front of the screen this long: "
                              "for passers-by who stop."),
            "weekdays": tr("editor.rule_form", "The days of the week the rule plays on; none ticked is every day."),
            "time": tr("editor.rule_form", "The hours of the day the rule plays; none is all day."),
            "dates": tr("editor.rule_form", "The first and the last day of a campaign (both included); "
                        "unticked is no limit."),
            "weight": tr("editor.rule_form", "How the screen is shared with other rules of the same priority that "
                         "fit at the same time: 1 is usual, 2 plays twice as often as a rule with 1."),
            "cooldown_s": tr("editor.rule_form", "After its playlist starts, the rule rests this long before it can "
                             "start again; meanwhile other rules play. 'none' is no rest."),
            "max_plays_per_hour": tr("editor.rule_form", "The most times the rule may start its playlist in any hour."),
        }
        for key, text in explanations.items():
            self.field_labels[key].setToolTip(text)
            buddy = self.field_labels[key].buddy()
            if buddy is not None and not buddy.toolTip():
                buddy.setToolTip(text)
        self.enabled_check.setToolTip(tr("editor.rule_form", "Unticked, the rule is kept but the player ignores it."))

    @staticmethod
    def _stack(*widgets: QWidget) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for widget in widgets:
            # Numbers and choices keep their natural width; text fields and messages use the row.
            compact = isinstance(widget, (QAbstractSpinBox, QComboBox))
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft if compact else Qt.AlignmentFlag(0))
        return holder

    @staticmethod
    def _grid(checks: list[QCheckBox], columns: int) -> QWidget:
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, check in enumerate(checks):
            grid.addWidget(check, index // columns, index % columns)
        return holder

    def _chain_tab_order(self) -> None:
        """Tab goes through the form in reading order: left column, then right, then the buttons."""
        order: list[QWidget] = [
            self.name_edit, self.playlist_combo, self.priority_spin, self.enabled_check, self.note_edit,
            *self.age_checks.values(), *[c for c in self.attire_checks.values() if not c.isHidden()],
            *self.company_checks.values(), self.min_group_spin, self.min_dwell_spin,
            *self.weekday_checks, *self.time_windows.focus_order(),
            self.date_from_check, self.date_from_edit, self.date_until_check, self.date_until_edit,
            self.weight_spin, self.cooldown_spin, self.max_plays_check, self.max_plays_spin,
            self.save_button, self.cancel_button,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    # ----------------------------------------------------------------------------------
    # State

    @property
    def editing(self) -> bool:
        """True when the form edits a stored rule (its name is then fixed)."""
        return self._editing

    @property
    def version(self) -> int | None:
        """The stored version the edit is based on (None for a new rule)."""
        return self._version

    def load(self, rule: Rule | None, version: int | None = None, editing: bool = False) -> None:
        """Show `rule` (None: an empty new rule); with `editing`, as stored at `version`."""
        self._loading = True
        try:
            base = rule or Rule(
                name="", playlist=self.playlist_combo.itemText(0), priority=default_priority(self._others)
            )
            self._base, self._editing, self._version = base, editing, version if editing else None
            conditions = base.conditions
            self.name_edit.setText(base.name)
            self.name_edit.setReadOnly(editing)
            self.name_edit.setToolTip(
                tr("editor.rule_form", "A rule keeps its name; use Duplicate for a new name.") if editing else ""
            )
            self._select_playlist(base.playlist)
            self.priority_spin.setValue(base.priority)
            self.enabled_check.setChecked(base.enabled)
            self.note_edit.setPlainText(base.note)
            for group, check in self.age_checks.items():
                check.setChecked(group in conditions.age_groups)
            for attire, check in self.attire_checks.items():
                check.setChecked(attire in conditions.attire)
                # "Cannot tell" is no audience to aim at; it shows only for a rule that uses it.
                check.setVisible(attire != Attire.UNKNOWN or attire in conditions.attire)
            for company, check in self.company_checks.items():
                check.setChecked(company in conditions.company)
            for day, check in enumerate(self.weekday_checks):
                check.setChecked(day in conditions.weekdays)
            self.time_windows.set_windows(conditions.time_windows)
            today = QDate(self._today())
            for check, edit, day in (
                (self.date_from_check, self.date_from_edit, conditions.date_from),
                (self.date_until_check, self.date_until_edit, conditions.date_until),
            ):
                check.setChecked(day is not None)
                edit.setEnabled(day is not None)
                edit.setDate(QDate(day) if day is not None else today)
            self.min_group_spin.setValue(conditions.min_group_size)
            self.min_dwell_spin.setValue(conditions.min_dwell_s)
            self.weight_spin.setValue(base.weight)
            self.cooldown_spin.setValue(base.cooldown_s)
            self.max_plays_check.setChecked(base.max_plays_per_hour is not None)
            self.max_plays_spin.setEnabled(base.max_plays_per_hour is not None)
            self.max_plays_spin.setValue(base.max_plays_per_hour or 6)
        finally:
            self._loading = False
        if editing:
            self.heading.setText(tr("editor.rule_form", "Edit rule {name} (version {version})", name=base.name,
                                    version=version))
            self.setWindowTitle(tr("editor.rule_form", "Edit rule {name}", name=base.name))
        else:
            self.heading.setText(tr("editor.rule_form", "New rule"))
            self.setWindowTitle(tr("editor.rule_form", "New rule"))
        self._initial_state = self._state()
        self._chain_tab_order()
        self._revalidate()

    def mark_as_new(self) -> None:
        """The stored rule is gone: keep what is in the form, and Save creates it again."""
        self._editing, self._version = False, None
        self.name_edit.setReadOnly(False)
        self.name_edit.setToolTip("")
        self.heading.setText(
            tr("editor.rule_form", "New rule {name} (the stored one was deleted)", name=self.name_edit.text())
        )
        self.setWindowTitle(tr("editor.rule_form", "New rule"))
        self._revalidate()

    def set_playlists(self, names: Sequence[str]) -> None:
        """The playlists to choose from, keeping the current choice."""
        current = self.playlist_combo.currentText()
        self._playlist_names = frozenset(names)
        was_loading, self._loading = self._loading, True
        try:
            self.playlist_combo.clear()
            self.playlist_combo.addItems(list(names))
            self._select_playlist(current)
        finally:
            self._loading = was_loading
        self._revalidate()

    def set_taken_names(self, names: Iterable[str]) -> None:
        """The names of the stored rules (a new rule cannot take one)."""
        self._taken = frozenset(names)
        self._revalidate()

    def _select_playlist(self, name: str) -> None:
        if name and self.playlist_combo.findText(name) < 0:
            # Kept so the form shows what the rule says; the check below says it is missing.
            self.playlist_combo.addItem(name)
        self.playlist_combo.setCurrentIndex(max(self.playlist_combo.findText(name), 0) if name else 0)

    def _state(self) -> tuple:
        """Everything the marketer can change, to tell whether anything was."""
        return (
            self.name_edit.text(), self.playlist_combo.currentText(), self.priority_spin.value(),
            self.enabled_check.isChecked(), self.note_edit.toPlainText(),
            tuple(c.isChecked() for c in self.age_checks.values()),
            tuple(c.isChecked() for c in self.attire_checks.values()),
            tuple(c.isChecked() for c in self.company_checks.values()),
            tuple(c.isChecked() for c in self.weekday_checks),
            tuple(self.time_windows.windows()),
            self.date_from_check.isChecked(), self.date_from_edit.date().toString(Qt.DateFormat.ISODate),
            self.date_until_check.isChecked(), self.date_until_edit.date().toString(Qt.DateFormat.ISODate),
            self.min_group_spin.value(), self.min_dwell_spin.value(), self.weight_spin.value(),
            self.cooldown_spin.value(), self.max_plays_check.isChecked(), self.max_plays_spin.value(),
        )

    def is_dirty(self) -> bool:
        """Whether anything differs from what the form was opened with."""
        return self._state() != self._initial_state

    # ----------------------------------------------------------------------------------
    # Assembling and checking

    def assembled_rule(self) -> Rule:
        """The rule as the form shows it, checked or not."""
        base, before = self._base, self._base.conditions
        date_from = self.date_from_edit.date().toPython() if self.date_from_check.isChecked() else None
        date_until = self.date_until_edit.date().toPython() if self.date_until_check.isChecked() else None
        conditions = replace(
            before,
            age_groups=_keep_order(before.age_groups, (g for g, c in self.age_checks.items() if c.isChecked())),
            attire=_keep_order(before.attire, (a for a, c in self.attire_checks.items() if c.isChecked())),
            company=_keep_order(before.company, (k for k, c in self.company_checks.items() if c.isChecked())),
            weekdays=_keep_order(before.weekdays, (d for d, c in enumerate(self.weekday_checks) if c.isChecked())),
            time_windows=tuple(TimeWindow(start, end) for start, end in self.time_windows.windows()),
            min_group_size=self.min_group_spin.value(),
            min_dwell_s=float(self.min_dwell_spin.value()),
            date_from=date_from,
            date_until=date_until,
        )
        return replace(
            base,
            name=self.name_edit.text(),
            playlist=self.playlist_combo.currentText(),
            conditions=conditions,
            priority=self.priority_spin.value(),
            weight=float(self.weight_spin.value()),
            cooldown_s=float(self.cooldown_spin.value()),
            max_plays_per_hour=self.max_plays_spin.value() if self.max_plays_check.isChecked() else None,
            enabled=self.enabled_check.isChecked(),
            note=self.note_edit.toPlainText(),
        )

    def rule(self) -> Rule | None:
        """The rule as it will be stored, or None while anything is wrong."""
        problems, rule = self._check()
        return None if problems else rule

    def problems(self) -> dict[str, str]:
        """What is wrong, by field ('name', 'weight', ..., 'top'; 'time[1]' for a time window's row).

        Empty when Save can go.
        """
        return dict(self._problems)

    def _check(self) -> tuple[dict[str, str], Rule | None]:
        problems: dict[str, str] = {}
        rows: dict[int, str] = {}
        self._check_fields(problems, rows)
        assembled = self.assembled_rule()
        codec_problems: list[Problem] = []
        rule = decode_rule(rule_to_dict(assembled), (), codec_problems)
        for problem in codec_problems:
            key = _CODEC_FIELDS.get(tuple(str(p) for p in problem.path), "top")
            at = problem.location
            if key == "time" and len(at) == 3 and isinstance(at[2], int):
                rows.setdefault(at[2], _sentence(problem.message))
            elif key not in problems:
                problems[key] = _sentence(problem.message)
        for index, message in rows.items():
            problems[f"time[{index}]"] = message  # shown on the row itself
        return problems, rule

    def _check_fields(self, problems: dict[str, str], rows: dict[int, str]) -> None:
        """The common mistakes, in the marketer's words."""
        name = self.name_edit.text()
        if not name.strip():
            problems["name"] = tr("editor.rule_form", "A rule needs a name.")
        elif name != name.strip():
            problems["name"] = tr("editor.rule_form", "A name cannot start or end with a space.")
        elif not name.isprintable():
            problems["name"] = tr("editor.rule_form", "A name must be one line of ordinary characters.")
        elif len(name) > MAX_NAME_CHARS:
            problems["name"] = tr("editor.rule_form", "A name can have at most %n characters.", n=MAX_NAME_CHARS)
        elif not self._editing and name in self._taken:
            problems["name"] = tr("editor.rule_form", "This name is taken by another rule.")
        playlist = self.playlist_combo.currentText()
        if self.playlist_combo.count() == 0:
            problems["playlist"] = tr("editor.rule_form", "There are no playlists yet: make one in the Playlists tab first.")
        elif playlist not in self._playlist_names:
            problems["playlist"] = tr(
                "editor.rule_form", "The playlist '{playlist}' no longer exists: choose another one.", playlist=playlist
            )
        seen: dict[tuple[str, str], int] = {}
        for index, (start, end) in enumerate(self.time_windows.windows()):
            if start == end:
                rows[index] = tr(
                    "editor.rule_form", "This time window is empty: it starts and ends at {time}. Remove it for all day.",
                    time=start,
                )
            elif (start, end) in seen:
                rows[index] = tr(
                    "editor.rule_form", "This time window is listed twice (also number {number}).",
                    number=seen[(start, end)] + 1,
                )
            seen.setdefault((start, end), index)
        if self.weight_spin.value() <= 0:
            problems["weight"] = tr("editor.rule_form", "The share must be above 0 (1 is usual; 2 plays twice as often).")
        if (
            self.date_from_check.isChecked()
            and self.date_until_check.isChecked()
            and self.date_until_edit.date() < self.date_from_edit.date()
        ):
            problems["dates"] = tr("editor.rule_form", "The last day is before the first day.")
        company = {k for k, c in self.company_checks.items() if c.isChecked()}
        if company == {Company.ALONE} and self.min_group_spin.value() > 1:
            problems["company"] = tr(
                "editor.rule_form", "Someone on their own is never a group of 2 or more: untick it or lower the group size."
            )
        high = self._base.conditions.max_group_size
        if high is not None and self.min_group_spin.value() > high:
            problems["min_group_size"] = tr(
                "editor.rule_form", "This rule is for groups of at most %n: the smallest group cannot be larger.", n=high
            )

    def _revalidate(self) -> None:
        if self._loading:
            return
        problems, rule = self._check()
        self._problems = problems
        for key, label in self.error_labels.items():
            _show(label, problems.get(key, ""))
        for index, row in enumerate(self.time_windows.rows):
            _show(row.error_label, problems.get(f"time[{index}]", ""))
            start, end = row.hhmm()
            hint = ""
            if start != end and end < start:
                hint = (
                    tr("editor.rule_form", "Runs until midnight.") if end == "00:00"
                    else tr("editor.rule_form", "Runs over midnight, until {time} the next day.", time=end)
                )
            _show(row.hint_label, hint)
        self.save_button.setEnabled(not problems)
        self.summary_label.setText(describe_rule(rule) if rule is not None and not problems else "")
        self._update_priority_hints()

    # ----------------------------------------------------------------------------------
    # Priority: where it puts the rule, and whether it can ever win

    def set_other_rules(self, rules: Iterable[Rule]) -> None:
        """The store's rules, for the priority hints (a new rule's default priority too)."""
        self._others = tuple(rules)
        self._revalidate()

    def set_rulebook(self, book: RuleBook | None) -> None:
        """The store's playlists and catalogue (`EditorContext.rulebook()`), for the never-wins hint:
        a rule whose playlist may have nothing to play steps aside. Without one the hint stays silent."""
        self._book = book
        self._revalidate()

    def never_wins_text(self) -> str:
        """Why the rule as the form shows it can never play, or '' when it can."""
        rule = self.assembled_rule()
        winners = rules_that_always_win_first(rule, self._others, self._book)
        if not winners:
            return ""
        first = winners[0]
        if len(winners) == 1:
            return tr(
                "editor.rule_form",
                "This rule can never win: {winner} (priority {priority}) plays for {who}, {when}, which includes "
                "everyone and every time this rule is for, and its higher priority always wins first. Give this rule "
                "a priority above {priority}, or narrow {winner}.",
                winner=first.name, priority=first.priority, who=describe_audience(first.conditions),
                when=describe_schedule(first.conditions),
            )
        return tr(
            "editor.rule_form",
            "This rule can never win: %n rules with a higher priority and the same or broader audience and times "
            "always win first, the highest {winner} (priority {priority}). Give this rule a priority above {priority}.",
            n=len(winners), winner=first.name, priority=first.priority,
        )

    def _update_priority_hints(self) -> None:
        """'Higher wins. Your rules use 10 to 60: at 70 this rule comes before all of them.' and the
        never-wins warning, as the priority and the conditions change."""
        others = [rule for rule in self._others if rule.enabled and rule.name != self._base.name]
        if not others:
            self.priority_hint.setText(tr("editor.rule_form", "Higher wins."))
        else:
            priority = self.priority_spin.value()
            low, high = min(r.priority for r in others), max(r.priority for r in others)
            above = sum(1 for r in others if r.priority < priority)
            if above == len(others):
                where = tr("editor.rule_form", "at {priority} this rule comes before all of them when it matches.",
                           priority=priority)
            elif above == 0:
                where = tr("editor.rule_form", "at {priority} every one of them comes first when both match.",
                           priority=priority)
            else:
                where = tr("editor.rule_form", "at {priority} this rule comes before %n of them when both match.",
                           n=above, priority=priority)
            tied = sorted(r.name for r in others if r.priority >= MAX_PRIORITY)
            if priority >= MAX_PRIORITY and tied:
                # The spin box stops here: this rule cannot go above the top one, only tie with it.
                self.priority_hint.setText(tr(
                    "editor.rule_form",
                    "Higher wins, and {priority} is the highest priority a rule can have. %n of your rules already "
                    "has it ({names}): when this rule and one of them match, the player draws between them by weight. "
                    "To put this rule first, lower {names}.",
                    n=len(tied), priority=MAX_PRIORITY, names=_and(tied),
                ))
            else:
                self.priority_hint.setText(
                    tr("editor.rule_form", "Higher wins. Your rules use {low} to {high}: {where}", low=low, high=high,
                       where=where)
                )
        _show(self.never_wins_label, self.never_wins_text())

    # ----------------------------------------------------------------------------------
    # Reactions

    def _on_changed(self, *_args) -> None:
        self._revalidate()

    def _on_time_windows_changed(self) -> None:
        if not self._loading:
            self._chain_tab_order()
        self._revalidate()

    def _on_date_switched(self, on: bool, edit: QDateEdit) -> None:
        edit.setEnabled(on)
        if on and not self._loading:
            edit.setFocus()
        self._revalidate()

    def _on_save_clicked(self) -> None:
        if self.rule() is not None:
            self.save_requested.emit()

    def reject(self) -> None:
        """Cancel or Esc: ask first when there are edits to lose."""
        if self.is_dirty() and not self._confirm_discard():
            return
        super().reject()


def _sentence(message: str) -> str:
    message = message.strip()
    if not message:
        return message
    message = message[0].upper() + message[1:]
    return message if message.endswith((".", "?", "!", ")")) else message + "."
