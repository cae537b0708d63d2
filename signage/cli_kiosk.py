"""`signage install-autostart`: start the kiosk player with the desktop session, on any desktop.

The old unit was `WantedBy=graphical-session.target`, a target that only GNOME's
session starts: on Xfce, LXDE, LXQt and Raspberry Pi OS the player never started. Every
one of those desktops runs XDG autostart entries (`~/.config/autostart/*.desktop`), so
that is the hook. The entry runs a small session script that

* with a systemd user manager: hands this session's DISPLAY, XAUTHORITY and
  WAYLAND_DISPLAY to it (a user unit starts with none of them) and (re)starts
  `signage-player.service`, which restarts the player on any exit it did not ask for and
  when it hangs (`Type=notify`, `WatchdogSec=`: scripts/kiosk/signage-player.service);
* without one (or with `--foreground`, for `~/.xinitrc` on a bare X server): runs the
  player itself in a loop that does what the unit does: a non-zero exit or a signal is
  restarted after a wait that grows to a minute; exit 0 (Ctrl+Q, the window closed,
  SIGTERM) ends the loop. With the sync service installed it also runs `signage sync
  run` beside it (the script again, `--sync-loop`), restarted after any exit, and stops
  it when it ends.

The player is not enabled at boot: started at login, it knows the display. The sync
service (`signage sync run`, `signage-sync.service`) needs no display, so it is a plain
unit enabled in `default.target`: it starts with the user manager (at login, or at boot
with `loginctl enable-linger`), and is installed only on an enrolled kiosk
(`sync-identity.json` beside the database) or with `--sync`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from foundation.errors import SignageError
from signage.cli_common import HelpFormatter, examples

UNIT_NAME = "signage-player.service"
SYNC_UNIT_NAME = "signage-sync.service"
DESKTOP_NAME = "signage-player.desktop"
SESSION_SCRIPT_NAME = "signage-kiosk-session"
# What scripts/kiosk/signage-player.service says ExecStart is; a test checks that file
# is this template with it (so the reference copy and what is installed never drift).
REFERENCE_EXEC = "%h/signage/.venv/bin/signage"

UNIT_TEMPLATE = """\
# systemd user unit: runs the signage player in the desktop session, restarts it on any
# exit it did not ask for, and restarts it when it hangs (watchdog).
#
# Install it with `signage install-autostart` (as the kiosk user, whose session logs in
# automatically): it writes this unit with the right path into ~/.config/systemd/user and
# an XDG autostart entry that hands the session's DISPLAY to the user manager and starts
# the unit, in every desktop that runs XDG autostart (GNOME, Xfce, LXDE, LXQt, KDE,
# Raspberry Pi OS). The unit is not enabled on its own: started at login, not at boot, it
# knows the display. `signage install-autostart --dry-run` shows what it writes.
#
#   journalctl --user -u signage-player -f       # its log
#   systemctl --user status signage-player       # is it running, since when
#
# The player reads ~/.config/signage/config.yaml (`signage config path`; check it with
# `signage config validate`) and the database in ~/.local/share/signage.

[Unit]
Description=signage kiosk player
After=graphical-session.target
# Never give up restarting: a dark screen in a shop is worse than a retry loop, and the
# causes seen (a display not up yet, a database on a disk that comes back, a camera
# driver) go away by themselves. RestartSec keeps the loop slow.
StartLimitIntervalSec=0

[Service]
# The player tells systemd when its window is up (READY=1) and pings the watchdog
# (WATCHDOG=1) while its GUI thread and audience engine both run.
Type=notify
NotifyAccess=main
# No display in the user manager yet (the session imports it at login), or an X server
# that does not answer yet: fail, and try again after RestartSec. ($$ is a literal $.)
ExecStartPre=/bin/sh -c 'if [ -n "$${WAYLAND_DISPLAY}" ]; then exit 0; fi; \\
    if [ -z "$${DISPLAY}" ]; then echo "no DISPLAY or WAYLAND_DISPLAY in the user manager yet: \\
    the session hands them over at login (signage install-autostart)" >&2; exit 1; fi; \\
    command -v xset >/dev/null 2>&1 || exit 0; \\
    for i in 1 2 3 4 5 6 7 8 9 10; do xset q >/dev/null 2>&1 && exit 0; sleep 1; done; \\
    echo "display $${DISPLAY} does not answer" >&2; exit 1'
ExecStart={exec_start} play
# The first start draws the sample content and loads the networks before READY=1.
TimeoutStartSec=180
# No WATCHDOG=1 for this long: systemd ends the player (SIGABRT) and restarts it. The
# player's own watchdog (player.watchdog_s, 30 s) normally ends it first, with a log
# line; this one also catches a hang that the process itself cannot see.
WatchdogSec=60
# SIGTERM ends the player cleanly (exit 0): the item on screen is logged as unfinished.
KillSignal=SIGTERM
TimeoutStopSec=15
# Every exit the player was not asked for is non-zero (a crash, its watchdog: 70) or a
# signal; Ctrl+Q, closing the window and SIGTERM exit 0 and are left alone.
Restart=on-failure
RestartSec=3
# Back off to a minute between tries when it keeps failing (systemd 254 and later;
# older versions say the keys are unknown and keep RestartSec).
RestartSteps=5
RestartMaxDelaySec=60
# Quieter OpenCV/FFmpeg logs; the player logs its own changes of state.
Environment=OPENCV_LOG_LEVEL=ERROR
# A kiosk has no one to see a crash dialog; the journal keeps the one-line error.
StandardOutput=journal
StandardError=journal

[Install]
# For `systemctl --user enable` on a box where the user manager already has the display
# (e.g. `systemctl --user set-environment DISPLAY=:0` in ~/.xinitrc); install-autostart
# does not enable it.
WantedBy=default.target
"""

SYNC_UNIT_TEMPLATE = """\
# systemd user unit: runs `signage sync run`, the kiosk's link to the central server
# (releases in; proof of play, audience samples and heartbeats out; remote commands),
# beside the player. It needs no display, so unlike the player's unit it is enabled:
# it starts with the user manager, at login, or at boot when the user lingers
# (`loginctl enable-linger USER`, once, as root).
#
# `signage install-autostart` writes and enables it on an enrolled kiosk (`signage sync
# enrol` made sync-identity.json beside the database), or with --sync.
#
#   journalctl --user -u signage-sync -f        # its log
#   systemctl --user status signage-sync        # is it running, since when
#   signage sync status                         # what waits to be sent, the release it runs

[Unit]
Description=signage kiosk sync service (central server)
# Never give up: the service itself retries an unreachable server with backoff, so a
# failure here is the machine's (a disk, a config being edited); RestartSec keeps it slow.
StartLimitIntervalSec=0

[Service]
Type=simple
ExecStart={exec_start} sync run
# SIGTERM ends it cleanly between requests (a request in flight ends within
# sync.request_timeout_s, 30 s); the spool keeps whatever was not delivered.
KillSignal=SIGTERM
TimeoutStopSec=45
# Any exit is restarted, a clean one too: the kiosk must keep reporting. (`systemctl
# --user stop` is not an exit it restarts.)
Restart=always
RestartSec=5
# Back off to five minutes between tries when it keeps failing, e.g. a kiosk not
# enrolled yet (systemd 254 and later; older versions say the keys are unknown).
RestartSteps=6
RestartMaxDelaySec=300
StandardOutput=journal
StandardError=journal

[Install]
WantedBy=default.target
"""

SESSION_SCRIPT_TEMPLATE = """\
#!/bin/sh
# Written by `signage install-autostart`. Started by the desktop session at login (XDG
# autostart: {desktop_path}); on a bare X server put this as the last line of ~/.xinitrc:
#   exec {script_path_sh} --foreground
signage={signage_sh}
unit={unit}
# 1: the sync service is installed (an enrolled kiosk): without systemd --user this
# script runs it beside the player (with systemd, signage-sync.service does).
with_sync={with_sync}

if [ "$1" = "--sync-loop" ]; then
    # The sync service, restarted as signage-sync.service would be: after any exit, with a
    # wait that doubles up to five minutes (it retries the server itself; an exit is the
    # machine's problem or a kiosk not enrolled yet). SIGTERM ends it and the loop.
    child=
    stopping=
    trap 'stopping=1; [ -n "$child" ] && kill -TERM "$child" 2>/dev/null' TERM INT HUP
    delay=5
    while :; do
        started=$(date +%s)
        "$signage" sync run &
        child=$!
        wait "$child"
        code=$?
        if [ -n "$stopping" ]; then
            wait "$child" 2>/dev/null
            exit 0
        fi
        child=
        if [ $(( $(date +%s) - started )) -ge 600 ]; then delay=5; fi
        echo "{script_name}: the sync service exited with code $code; starting it again in $delay s" >&2
        sleep "$delay" &
        wait $!
        [ -n "$stopping" ] && exit 0
        delay=$(( delay * 2 )); [ "$delay" -gt 300 ] && delay=300
    done
fi

if [ "$1" != "--foreground" ] && command -v systemctl >/dev/null 2>&1 \\
        && systemctl --user show-environment >/dev/null 2>&1; then
    # A user unit starts without the session's display: hand it over (and drop a stale
    # one from an earlier session), then (re)start the unit, which restarts the player.
    for name in DISPLAY XAUTHORITY WAYLAND_DISPLAY XDG_SESSION_TYPE XDG_CURRENT_DESKTOP; do
        if eval "[ -n \\"\\${{$name:-}}\\" ]"; then
            systemctl --user import-environment "$name"
        else
            systemctl --user unset-environment "$name"
        fi
    done
    exec systemctl --user restart "$unit"
fi

# No systemd user manager: restart the player here as the unit would. Exit 0 means it
# was asked to stop (Ctrl+Q, the window closed, SIGTERM); anything else is restarted,
# after a wait that doubles up to a minute and starts again after a good long run.
child=
stopping=
sync_loop=
trap 'stopping=1; [ -n "$child" ] && kill -TERM "$child" 2>/dev/null; \
    [ -n "$sync_loop" ] && kill -TERM "$sync_loop" 2>/dev/null' TERM INT HUP
stop_sync() {{
    [ -n "$sync_loop" ] || return 0
    kill -TERM "$sync_loop" 2>/dev/null
    wait "$sync_loop" 2>/dev/null
}}
if [ "$with_sync" = 1 ]; then
    "$0" --sync-loop &
    sync_loop=$!
fi
delay=2
while :; do
    started=$(date +%s)
    "$signage" play &
    child=$!
    wait "$child"
    code=$?
    if [ -n "$stopping" ]; then
        wait "$child" 2>/dev/null
        stop_sync
        exit 0
    fi
    child=
    if [ "$code" -eq 0 ]; then stop_sync; exit 0; fi
    if [ $(( $(date +%s) - started )) -ge 600 ]; then delay=2; fi
    echo "{script_name}: the player exited with code $code; starting it again in $delay s" >&2
    sleep "$delay" &
    wait $!
    if [ -n "$stopping" ]; then stop_sync; exit 0; fi
    delay=$(( delay * 2 )); [ "$delay" -gt 60 ] && delay=60
done
"""

DESKTOP_TEMPLATE = """\
[Desktop Entry]
# Written by `signage install-autostart`: starts the signage kiosk player at login.
Type=Application
Name=signage player
Comment=The signage kiosk player (restarted by systemd --user, or by the session script)
Exec={exec_line}
Terminal=false
NoDisplay=true
X-GNOME-Autostart-enabled=true
"""


class AutostartError(SignageError):
    """A file of the autostart could not be written or removed."""


@dataclass(frozen=True)
class AutostartFiles:
    """Where the autostart's three files go, for one user."""

    unit: Path
    desktop: Path
    session_script: Path
    sync_unit: Path

    @property
    def sync_wants_link(self) -> Path:
        """The link that enables the sync unit (what `systemctl --user enable` makes)."""
        return self.sync_unit.parent / "default.target.wants" / SYNC_UNIT_NAME

    @classmethod
    def for_user(cls, environ: dict[str, str] | None = None) -> AutostartFiles:
        """The XDG locations: $XDG_CONFIG_HOME (~/.config) and $XDG_DATA_HOME (~/.local/share)."""
        environ = dict(os.environ) if environ is None else environ
        home = Path(environ.get("HOME") or Path.home())
        config_home = Path(environ.get("XDG_CONFIG_HOME") or home / ".config")
        data_home = Path(environ.get("XDG_DATA_HOME") or home / ".local" / "share")
        return cls(
            unit=config_home / "systemd" / "user" / UNIT_NAME,
            desktop=config_home / "autostart" / DESKTOP_NAME,
            session_script=data_home / "signage" / "kiosk" / SESSION_SCRIPT_NAME,
            sync_unit=config_home / "systemd" / "user" / SYNC_UNIT_NAME,
        )


def render_unit(signage_exe: str) -> str:
    """The user unit with `signage_exe` as the player's command."""
    return UNIT_TEMPLATE.replace("{exec_start}", _systemd_quote(signage_exe))


def render_sync_unit(signage_exe: str) -> str:
    """The sync service's user unit with `signage_exe` as its command."""
    return SYNC_UNIT_TEMPLATE.replace("{exec_start}", _systemd_quote(signage_exe))


def render_session_script(signage_exe: str, files: AutostartFiles, with_sync: bool = False) -> str:
    """The session script the autostart entry runs (POSIX sh); `with_sync`: without a
    systemd user manager it also runs the sync service (restarted) beside the player."""
    return SESSION_SCRIPT_TEMPLATE.format(
        desktop_path=files.desktop,
        script_path_sh=_sh_quote(str(files.session_script)),
        signage_sh=_sh_quote(signage_exe),
        unit=UNIT_NAME,
        script_name=SESSION_SCRIPT_NAME,
        with_sync=1 if with_sync else 0,
    )


def render_desktop_entry(files: AutostartFiles) -> str:
    """The XDG autostart entry that runs the session script."""
    return DESKTOP_TEMPLATE.format(exec_line=_desktop_exec_quote(str(files.session_script)))


def default_signage_exe() -> str:
    """The `signage` command of this installation (beside the running Python)."""
    beside = Path(sys.executable).parent / "signage"
    if beside.is_file():
        return str(beside)
    found = shutil.which("signage")
    return str(Path(found).absolute()) if found else str(beside)


def register(commands: argparse._SubParsersAction) -> None:
    """Add the `install-autostart` command."""
    install = commands.add_parser(
        "install-autostart",
        help="start the kiosk player at login on any desktop (XDG autostart + systemd user unit)",
        description=(
            "Write an XDG autostart entry (~/.config/autostart/signage-player.desktop, run by GNOME, Xfce, "
            "LXDE, LXQt, KDE and Raspberry Pi OS sessions), the session script it runs, and the systemd user "
            "unit (~/.config/systemd/user/signage-player.service). At login the script hands the session's "
            "display to systemd --user and starts the unit, which restarts the player on any exit it did not "
            "ask for and when it hangs; without systemd --user the script restarts the player itself. "
            "For ~/.xinitrc on a bare X server: exec SCRIPT --foreground (the path is printed). On a kiosk "
            "enrolled with the central server (or with --sync) it also writes and enables "
            "~/.config/systemd/user/signage-sync.service, which runs `signage sync run` with the user manager."
        ),
        epilog=examples(
            "signage install-autostart --dry-run",
            "signage install-autostart",
            "signage install-autostart --uninstall",
        ),
        formatter_class=HelpFormatter,
    )
    install.add_argument("--dry-run", action="store_true", help="print what would be written or removed; change nothing")
    install.add_argument("--uninstall", action="store_true",
                         help="remove the files, the player's and the sync service's (and stop the units)")
    install.add_argument(
        "--sync", action="store_true",
        help="also install and enable the sync service (signage-sync.service) on a kiosk not enrolled yet "
             "(an enrolled one, with sync-identity.json beside the database, gets it anyway)",
    )
    install.add_argument(
        "--signage", metavar="PATH", help="the signage command the player runs (default: this installation's)"
    )
    install.set_defaults(handler=_install_autostart)


def _install_autostart(args: argparse.Namespace) -> int:
    files = AutostartFiles.for_user()
    systemd = _user_manager_reachable()
    if args.uninstall:
        return _uninstall(files, dry_run=args.dry_run, systemd=systemd)
    signage_exe = str(Path(args.signage).absolute()) if args.signage else default_signage_exe()
    identity = _sync_identity_path()
    with_sync = args.sync or identity.exists()
    contents = {
        files.unit: (render_unit(signage_exe), 0o644),
        files.session_script: (render_session_script(signage_exe, files, with_sync), 0o755),
        files.desktop: (render_desktop_entry(files), 0o644),
    }
    if with_sync:
        contents[files.sync_unit] = (render_sync_unit(signage_exe), 0o644)
    if args.dry_run:
        for path, (text, mode) in contents.items():
            print(f"--- would write {path} (mode {mode:o})")
            print(text, end="" if text.endswith("\n") else "\n")
        if with_sync:
            print(f"--- would enable {SYNC_UNIT_NAME}: link {files.sync_wants_link} -> ../{SYNC_UNIT_NAME}")
        else:
            print(f"--- sync service: not installed ({_not_enrolled(identity)})")
        if systemd:
            print("--- would run: systemctl --user daemon-reload"
                  + (f"; systemctl --user restart {SYNC_UNIT_NAME}" if with_sync else ""))
        else:
            print("--- no systemd user manager here")
        return 0
    for path, (text, mode) in contents.items():
        _write(path, text, mode)
        print(f"wrote {path}")
    if with_sync:
        _enable_sync_unit(files)
        print(f"enabled {SYNC_UNIT_NAME} ({files.sync_wants_link})")
    if systemd:
        _systemctl("daemon-reload")
        print(f"systemd --user: {UNIT_NAME} installed; it starts at the next login (the autostart entry starts it)")
        if with_sync:
            _systemctl("restart", SYNC_UNIT_NAME)  # a new unit file takes effect now, not at the next login
            print(f"systemd --user: {SYNC_UNIT_NAME} started; at boot too once the user lingers "
                  "(loginctl enable-linger, as root)")
    else:
        print("no systemd user manager: at login the session script runs the player and restarts it itself")
        if with_sync:
            print(f"no systemd user manager: {SYNC_UNIT_NAME} is enabled and starts with one; until then the "
                  "session script runs the sync service beside the player")
    if not with_sync:
        print(f"sync service: not installed ({_not_enrolled(identity)})")
    print(f"bare X server (xinit/startx): make `exec {files.session_script} --foreground` the last line of ~/.xinitrc")
    return 0


def _sync_identity_path() -> Path:
    """The kiosk's enrolment (`signage sync enrol` writes it beside the database)."""
    from foundation.paths import database_path
    from signage.sync.identity import IDENTITY_FILE

    return database_path().absolute().parent / IDENTITY_FILE


def _not_enrolled(identity: Path) -> str:
    return f"this kiosk is not enrolled: no {identity}; `signage sync enrol`, then run this again, or use --sync"


def _enable_sync_unit(files: AutostartFiles) -> None:
    """Enable the sync unit as `systemctl --user enable` does for WantedBy=default.target:
    a relative link in default.target.wants. Made here so that it also works where no user
    manager runs yet (installed over ssh before the first login), and the same either way."""
    link = files.sync_wants_link
    target = Path("..") / SYNC_UNIT_NAME
    try:
        link.parent.mkdir(parents=True, exist_ok=True)
        if link.is_symlink() or link.exists():
            if link.is_symlink() and Path(os.readlink(link)) == target:
                return
            link.unlink()
        link.symlink_to(target)
    except OSError as error:
        raise AutostartError(f"{link}: cannot enable {SYNC_UNIT_NAME}: {error.strerror or error}") from None


def _uninstall(files: AutostartFiles, *, dry_run: bool, systemd: bool) -> int:
    paths = (files.desktop, files.session_script, files.unit, files.sync_wants_link, files.sync_unit)
    units = [unit for unit, path in ((UNIT_NAME, files.unit), (SYNC_UNIT_NAME, files.sync_unit)) if path.exists()]
    if dry_run:
        for path in paths:
            there = path.exists() or path.is_symlink()
            print(f"--- would remove {path}" + ("" if there else " (not there)"))
        if systemd:
            stops = "".join(f"systemctl --user stop {unit}; " for unit in units)
            print(f"--- would run: {stops}systemctl --user daemon-reload")
        return 0
    if systemd:
        for unit in units:
            _systemctl("stop", unit)
    for path in paths:
        try:
            path.unlink()
            print(f"removed {path}")
        except FileNotFoundError:
            print(f"not there: {path}")
        except OSError as error:
            raise AutostartError(f"{path}: cannot remove: {error.strerror or error}") from None
    if systemd:
        _systemctl("daemon-reload")
    return 0


def _write(path: Path, text: str, mode: int) -> None:
    """Write through a temporary file and rename, so a session never runs half a script."""
    temporary = path.with_name(path.name + ".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(text, encoding="utf-8")
        temporary.chmod(mode)
        temporary.replace(path)
    except OSError as error:
        try:
            temporary.unlink(missing_ok=True)
        except OSError:  # the folder itself is the problem: nothing was written
            pass
        raise AutostartError(f"{path}: cannot write: {error.strerror or error}") from None


def _user_manager_reachable() -> bool:
    """True when `systemctl --user` reaches a running user manager."""
    if shutil.which("systemctl") is None:
        return False
    try:
        result = subprocess.run(
            ["systemctl", "--user", "show-environment"], capture_output=True, timeout=10, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0


def _systemctl(*args: str) -> None:
    result = subprocess.run(["systemctl", "--user", *args], capture_output=True, text=True, timeout=30, check=False)
    if result.returncode != 0:
        # Not fatal: the files are in place and take effect at the next login.
        print(f"warning: systemctl --user {' '.join(args)}: {result.stderr.strip()}", file=sys.stderr)


def _systemd_quote(path: str) -> str:
    """A path as one word of a unit's command line: % and $ escaped, quoted if needed."""
    escaped = path.replace("%", "%%").replace("$", "$$")
    if any(char in escaped for char in " \t\"'\\;"):
        escaped = '"' + escaped.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return escaped


def _sh_quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def _desktop_exec_quote(path: str) -> str:
    """A path as the Exec key's program (Desktop Entry spec: quoted, with `"`, `` ` ``,
    `$` and `\\` backslash-escaped, the backslashes doubled again as a string value, and
    `%` doubled because it starts a field code)."""
    inner = "".join("\\" + char if char in '"`$\\' else char for char in path)
    return '"' + inner.replace("\\", "\\\\").replace("%", "%%") + '"'
