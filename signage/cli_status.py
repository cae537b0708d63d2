"""`signage status`: what the running player is doing, asked from another terminal.

Reads the player's status endpoint (`signage.player.status`) on 127.0.0.1 and prints a
short summary: what plays since when, the last decision and why, the camera and the
engine's speed, the rules revision, uptime, free disk and the last errors.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import urllib.error
import urllib.request

from signage.cli_common import HelpFormatter, add_config_option, examples

STATUS_HOST = "127.0.0.1"
REQUEST_TIMEOUT_S = 3.0  # a player that does not answer in this long is stuck: say so


def register(commands: argparse._SubParsersAction) -> None:
    """Add the `status` command."""
    status = commands.add_parser(
        "status",
        help="what the running player shows, since when and why (asks it on 127.0.0.1)",
        description=(
            "Ask the running player (on this machine) what it plays since when, its last decision and why, the "
            "camera and engine speed, the rules revision, uptime, free disk and the last errors. The player "
            "answers on http://127.0.0.1:PORT/status (JSON) and /metrics (Prometheus), PORT being "
            "player.status_port in the config (8787 by default)."
        ),
        epilog=examples("signage status", "signage status --json", "signage status --port 8788"),
        formatter_class=HelpFormatter,
    )
    add_config_option(status)  # player.status_port
    status.add_argument("--port", type=int, help="the player's status port (overrides player.status_port)")
    status.add_argument("--json", action="store_true", help="print the status as JSON, as the player gives it")
    status.set_defaults(handler=_status)


def _status(args: argparse.Namespace) -> int:
    from signage.config import load_config

    if args.port is not None:
        port = args.port
        if not 1 <= port <= 65535:
            print(f"signage status: --port: expected 1 to 65535, got {port}", file=sys.stderr)
            return 2
    else:
        config = load_config(args.config)
        port = config.player.status_port
        if port == 0:
            print(
                f"signage status: the player's status endpoint is off (player.status_port: 0 in {config.source})",
                file=sys.stderr,
            )
            return 1
    try:
        status = fetch_status(port)
    except StatusUnavailable as problem:
        print(problem, file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(status, indent=2, ensure_ascii=False))
    else:
        print(describe_status(status))
    return 0


class StatusUnavailable(Exception):
    """The player could not be asked: the message is the one line to print."""


def fetch_status(port: int, timeout_s: float = REQUEST_TIMEOUT_S) -> dict:
    """The player's status dict from 127.0.0.1:`port`; raises StatusUnavailable."""
    address = f"{STATUS_HOST}:{port}"
    # No proxy: an http_proxy in the environment must not send a local question elsewhere.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(f"http://{address}/status", timeout=timeout_s) as response:
            body = response.read()
    except urllib.error.HTTPError as error:
        detail = error.read().decode("utf-8", "replace").strip().splitlines()
        raise StatusUnavailable(
            f"signage status: the player on {address} answered {error.code}: {detail[0] if detail else error.reason}"
        ) from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, ConnectionRefusedError):
            raise StatusUnavailable(
                f"no player is running on {address} (is it started? `systemctl --user status signage-player`)"
            ) from None
        if isinstance(reason, TimeoutError):
            raise StatusUnavailable(f"signage status: the player on {address} did not answer within {timeout_s:g} s") from None
        raise StatusUnavailable(f"signage status: cannot reach {address}: {reason}") from None
    except TimeoutError:
        raise StatusUnavailable(f"signage status: the player on {address} did not answer within {timeout_s:g} s") from None
    except ConnectionError as error:
        raise StatusUnavailable(f"signage status: {address} closed the connection ({error})") from None
    try:
        status = json.loads(body)
    except ValueError:
        raise StatusUnavailable(f"signage status: {address} answered something that is not the player's status") from None
    if not isinstance(status, dict):
        raise StatusUnavailable(f"signage status: {address} answered something that is not the player's status")
    return status


def describe_status(status: dict) -> str:
    """The status in a few lines for a person."""
    from signage.cli_play import audience_words

    now = _player_now(status)
    lines = [
        (
            f"player: {status.get('mode') or '?'}, up {_duration(status.get('uptime_s'))} "
            f"(since {_when(status.get('started_at'), now)})"
        )
    ]
    playing = status.get("playing")
    if playing:
        lines.append(
            f"playing: {playing.get('playlist') or '(built-in slide)'} / {playing.get('item') or '-'} "
            f"({_rule_words(playing.get('rule'))}) since {_when(playing.get('since'), now)}"
            f"{_age(playing.get('since'), now, '(for {})')}"
        )
        if playing.get("reason"):
            lines.append(f"  why: {playing['reason']}")
    else:
        lines.append("playing: nothing yet")
    decision = status.get("last_decision")
    if decision:
        lines.append(
            f"last decision: {_when(decision.get('at'), now)}{_age(decision.get('at'), now, '({} ago)')} "
            f"{decision.get('playlist') or '(no playlist)'} ({_rule_words(decision.get('rule'))})"
        )
        if decision.get("reason"):
            lines.append(f"  why: {decision['reason']}")
        if isinstance(decision.get("audience"), dict):
            lines.append(f"  audience: {audience_words(decision['audience'])}")
    else:
        lines.append("last decision: none yet")
    camera = status.get("camera")
    if camera:
        lines.append(
            f"camera: {camera.get('state')} ({camera.get('detail')}), engine {_float(camera.get('engine_fps'))} fps, "
            f"{camera.get('frames_dropped', 0)} frames dropped"
        )
    else:
        lines.append("camera: off (time-only rules)")
    counts = status.get("counts") or {}
    outcomes = ", ".join(f"{name} {n}" for name, n in sorted((counts.get("plays_by_outcome") or {}).items()))
    lines.append(
        f"rules: revision {_or_unknown(status.get('rules_revision'))}, reloaded {counts.get('rule_reloads', 0)} times; "
        f"{counts.get('decisions', 0)} decisions, {counts.get('switches', 0)} switches, plays: {outcomes or 'none'}"
    )
    database = status.get("database") or {}
    pending = database.get("proof_of_play_pending", 0)
    reason = f" ({database['reason']})" if database.get("reason") else ""
    lines.append(
        f"database: {_or_unknown(database.get('state'))}{reason}, {_or_unknown(pending)} proof-of-play rows waiting; "
        f"disk: {_bytes(status.get('disk_free_bytes'))} free"
    )
    errors = status.get("last_errors") or []
    if errors:
        lines.append("last errors:")
        lines.extend(f"  {_when(error.get('at'), now)}  {error.get('message')}" for error in errors)
    else:
        lines.append("last errors: none")
    return "\n".join(lines)


def _or_unknown(value: object) -> object:
    return "?" if value is None else value


def _rule_words(rule: str | None) -> str:
    return f"rule {rule}" if rule else "default playlist"


def _parse(value: object) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return None


def _player_now(status: dict) -> dt.datetime | None:
    """The player's own time when it answered: its start plus its uptime (so the ages
    below do not depend on this terminal's clock)."""
    started = _parse(status.get("started_at"))
    uptime = status.get("uptime_s")
    if started is None or not isinstance(uptime, (int, float)):
        return None
    return started + dt.timedelta(seconds=float(uptime))


def _when(value: object, now: dt.datetime | None) -> str:
    """A time as HH:MM:SS on the player's day, with the date on another day."""
    when = _parse(value)
    if when is None:
        return str(value) if value else "?"
    if now is not None and when.date() == now.date():
        return f"{when:%H:%M:%S}"
    return f"{when:%Y-%m-%d %H:%M:%S}"


def _age(value: object, now: dt.datetime | None, template: str) -> str:
    """" (for 3 min 20 s)": how long before `now` the time `value` was, in `template`."""
    when = _parse(value)
    if when is None or now is None:
        return ""
    try:
        seconds = (now - when).total_seconds()
    except TypeError:  # one time with an offset, one without
        return ""
    return " " + template.format(_duration(max(seconds, 0.0)))


def _duration(seconds: object) -> str:
    if not isinstance(seconds, (int, float)):
        return "?"
    seconds = int(seconds)
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds} s"
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} h {minutes} min"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h"


def _float(value: object) -> str:
    return f"{value:.1f}" if isinstance(value, (int, float)) else "?"


def _bytes(value: object) -> str:
    if not isinstance(value, (int, float)):
        return "?"
    for unit, size in (("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if value >= size:
            return f"{value / size:.1f} {unit}"
    return f"{int(value)} B"
