"""`signage install-autostart`, the unit it installs and the session script, into a temporary HOME."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from signage.cli_kiosk import (
    REFERENCE_EXEC,
    SYNC_UNIT_TEMPLATE,
    UNIT_TEMPLATE,
    render_sync_unit,
    render_unit,
)
from tests.signage.kiosk_support import (
    ROOT,
    SIGNAGE,
    copy_database,
    player_windows,
    seeded_once,
    start_xvfb,
    stop_process,
    write_config,
)


def home_env(home: Path, **extra: str) -> dict[str, str]:
    """An environment whose HOME is `home`, with no way to reach a real user manager."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR", "DBUS_SESSION_BUS_ADDRESS", "QT_QPA_PLATFORM")
        and not key.startswith("SIGNAGE_")
    }
    env.update(HOME=str(home), **extra)
    return env


def install(home: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [SIGNAGE, "install-autostart", *args], env=home_env(home), capture_output=True, text=True, timeout=60, check=False
    )


def files_in(home: Path) -> dict[str, Path]:
    return {
        "unit": home / ".config/systemd/user/signage-player.service",
        "desktop": home / ".config/autostart/signage-player.desktop",
        "script": home / ".local/share/signage/kiosk/signage-kiosk-session",
    }


def sync_files_in(home: Path) -> dict[str, Path]:
    return {
        "unit": home / ".config/systemd/user/signage-sync.service",
        "link": home / ".config/systemd/user/default.target.wants/signage-sync.service",
    }


def enrol_kiosk(home: Path, server_url: str = "https://signage.example") -> Path:
    """What `signage sync enrol` leaves beside the kiosk's database: its identity file."""
    identity = home / ".local/share/signage/sync-identity.json"
    identity.parent.mkdir(parents=True, exist_ok=True)
    identity.write_text(f'{{"server_url": "{server_url}", "kiosk_id": "7", "token": "t"}}')
    return identity


def test_install_writes_the_unit_the_autostart_entry_and_the_session_script(tmp_path):
    home = tmp_path / "home"
    result = install(home)
    assert result.returncode == 0, result.stderr
    files = files_in(home)
    unit = files["unit"].read_text()
    # the unit runs this installation's player, restarted and watched by systemd
    assert f"ExecStart={SIGNAGE} play\n" in unit
    assert "Type=notify" in unit and "WatchdogSec=" in unit and "Restart=on-failure" in unit
    assert "StartLimitIntervalSec=0" in unit and "WantedBy=default.target" in unit
    assert "graphical-session.target\n\n[Service]" not in unit and "WantedBy=graphical-session.target" not in unit
    # the XDG autostart entry (run by Xfce, LXDE, LXQt, Raspberry Pi OS, GNOME) runs the script
    desktop = files["desktop"].read_text()
    assert desktop.startswith("[Desktop Entry]\n") and "Type=Application" in desktop
    assert f'Exec="{files["script"]}"' in desktop
    script = files["script"]
    assert os.access(script, os.X_OK)
    assert subprocess.run(["sh", "-n", str(script)], check=False).returncode == 0
    text = script.read_text()
    assert f"signage='{SIGNAGE}'" in text and "import-environment" in text and 'restart "$unit"' in text
    assert str(script) in result.stdout and "--foreground" in result.stdout  # the xinitrc line


def test_a_kiosk_not_enrolled_gets_no_sync_service_unless_asked(tmp_path):
    home = tmp_path / "home"
    result = install(home)
    assert result.returncode == 0, result.stderr
    assert not any(path.exists() or path.is_symlink() for path in sync_files_in(home).values())
    assert "sync service: not installed (this kiosk is not enrolled" in result.stdout and "--sync" in result.stdout

    asked = install(home, "--sync")
    assert asked.returncode == 0, asked.stderr
    assert sync_files_in(home)["unit"].read_text() == render_sync_unit(SIGNAGE)


def test_an_enrolled_kiosk_gets_the_sync_service_installed_and_enabled(tmp_path):
    home = tmp_path / "home"
    enrol_kiosk(home)
    result = install(home)
    assert result.returncode == 0, result.stderr
    files = sync_files_in(home)
    unit = files["unit"].read_text()
    assert f"ExecStart={SIGNAGE} sync run\n" in unit
    assert "Type=simple" in unit and "Restart=always" in unit and "StartLimitIntervalSec=0" in unit
    assert "RestartMaxDelaySec=300" in unit and "WantedBy=default.target" in unit
    assert "DISPLAY" not in unit and "graphical-session" not in unit  # no display needed
    # enabled as `systemctl --user enable` does it: a relative link in default.target.wants
    assert files["link"].is_symlink() and os.readlink(files["link"]) == "../signage-sync.service"
    assert files["link"].resolve() == files["unit"].resolve()
    assert "enabled signage-sync.service" in result.stdout
    # installing again keeps one link to the same unit
    again = install(home)
    assert again.returncode == 0 and os.readlink(files["link"]) == "../signage-sync.service"


def test_dry_run_covers_the_sync_service_and_writes_nothing(tmp_path):
    home = tmp_path / "home"
    enrol_kiosk(home)
    result = install(home, "--dry-run")
    assert result.returncode == 0, result.stderr
    files = sync_files_in(home)
    assert f"would write {files['unit']}" in result.stdout and "sync run" in result.stdout
    assert f"would enable signage-sync.service: link {files['link']}" in result.stdout
    assert not (home / ".config").exists()


def test_uninstall_removes_the_sync_service_too(tmp_path):
    home = tmp_path / "home"
    enrol_kiosk(home)
    assert install(home).returncode == 0
    dry = install(home, "--uninstall", "--dry-run")
    assert dry.returncode == 0 and all(path.exists() for path in sync_files_in(home).values())
    assert f"would remove {sync_files_in(home)['link']}\n" in dry.stdout
    result = install(home, "--uninstall")
    assert result.returncode == 0, result.stderr
    assert not any(path.exists() or path.is_symlink() for path in [*sync_files_in(home).values(),
                                                                     *files_in(home).values()])


def test_dry_run_prints_everything_and_writes_nothing(tmp_path):
    home = tmp_path / "home"
    result = install(home, "--dry-run")
    assert result.returncode == 0, result.stderr
    for path in files_in(home).values():
        assert f"would write {path}" in result.stdout
        assert not path.exists()
    assert "[Desktop Entry]" in result.stdout and "Type=notify" in result.stdout
    assert not (home / ".config").exists()


def test_uninstall_removes_the_files_and_is_quiet_the_second_time(tmp_path):
    home = tmp_path / "home"
    assert install(home).returncode == 0
    dry = install(home, "--uninstall", "--dry-run")
    assert dry.returncode == 0 and all(path.exists() for path in files_in(home).values())
    result = install(home, "--uninstall")
    assert result.returncode == 0, result.stderr
    assert not any(path.exists() for path in files_in(home).values())
    again = install(home, "--uninstall")
    assert again.returncode == 0 and "not there" in again.stdout


def test_a_home_that_cannot_be_written_is_one_line_and_a_non_zero_exit(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / ".config").write_text("a file where the folder should be")
    result = install(home)
    assert result.returncode != 0
    assert result.stderr.startswith("signage: error: ") and result.stderr.count("\n") == 1
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr


def test_the_reference_unit_in_scripts_kiosk_is_what_install_writes():
    reference = (ROOT / "scripts/kiosk/signage-player.service").read_text()
    assert reference == UNIT_TEMPLATE.replace("{exec_start}", REFERENCE_EXEC)


def test_the_reference_sync_unit_in_scripts_kiosk_is_what_install_writes():
    reference = (ROOT / "scripts/kiosk/signage-sync.service").read_text()
    assert reference == SYNC_UNIT_TEMPLATE.replace("{exec_start}", REFERENCE_EXEC)


@pytest.mark.parametrize("name, render", [("signage-player.service", render_unit),
                                          ("signage-sync.service", render_sync_unit)])
def test_systemd_accepts_the_unit(tmp_path, name, render):
    analyze = shutil.which("systemd-analyze")
    assert analyze, "systemd-analyze (Debian package systemd) is needed to check the unit"
    unit = tmp_path / name
    unit.write_text(render(SIGNAGE))
    result = subprocess.run([analyze, "verify", str(unit)], capture_output=True, text=True, timeout=60, check=False)
    problems = [
        line
        for line in (result.stdout + result.stderr).splitlines()
        # systemd before 254 does not know the backoff keys yet, and says so
        if line.strip() and not re.search(r"Unknown key '(RestartSteps|RestartMaxDelaySec)'", line)
    ]
    assert result.returncode == 0 and not problems, problems


def _display_check(unit_text: str) -> str:
    """The ExecStartPre shell command as systemd runs it (continuations joined, $$ -> $)."""
    joined = re.sub(r"\\\n", " ", unit_text)
    line = next(line for line in joined.splitlines() if line.startswith("ExecStartPre=/bin/sh -c '"))
    return line.removeprefix("ExecStartPre=/bin/sh -c '").removesuffix("'").replace("$$", "$")


def test_the_unit_waits_for_a_display_before_it_starts_the_player():
    check = _display_check(render_unit(SIGNAGE))
    env = {"PATH": os.environ["PATH"]}
    # no display in the user manager yet: fail (and be restarted) with the reason
    result = subprocess.run(["sh", "-c", check], env=env, capture_output=True, text=True, timeout=30, check=False)
    assert result.returncode == 1 and "no DISPLAY or WAYLAND_DISPLAY" in result.stderr
    # Wayland: nothing to check here
    wayland = subprocess.run(["sh", "-c", check], env={**env, "WAYLAND_DISPLAY": "wayland-0"}, timeout=30, check=False)
    assert wayland.returncode == 0
    # an X server that answers
    x = start_xvfb()
    try:
        answered = subprocess.run(["sh", "-c", check], env={**env, "DISPLAY": x.display}, timeout=30, check=False)
        assert answered.returncode == 0
    finally:
        stop_process(x.process)


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


def _wait_for_player(x, script: subprocess.Popen, log: Path, not_pid: int | None = None, timeout_s: float = 60.0) -> int:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        assert script.poll() is None, f"the session script exited with {script.returncode}:\n{log.read_text()}"
        children = [pid for pid in _children(script.pid) if pid != not_pid]
        windows = player_windows(x)
        if children and windows and windows[0][1][:2] != (1, 1):
            return children[0]
        time.sleep(0.2)
    pytest.fail(f"the session script did not start a player with a window:\n{log.read_text()}")


@pytest.mark.slow
def test_without_systemd_the_session_script_restarts_a_killed_player_and_stops_when_asked(tmp_path, tmp_path_factory):
    # Given an installed autostart in a HOME with a seeded database and no camera
    home = tmp_path / "home"
    assert install(home).returncode == 0
    seeded_db, _media = seeded_once(tmp_path_factory)
    data = home / ".local/share/signage"
    copy_database(seeded_db, data / "signage.db")
    write_config(_mkdir(home / ".config/signage") / "config.yaml")
    x = start_xvfb()
    log = tmp_path / "session.log"
    # When the session runs the script on a bare X server (no systemd user manager here)
    with open(log, "w", encoding="utf-8") as log_file:
        script = subprocess.Popen(
            [str(files_in(home)["script"]), "--foreground"],
            env=home_env(home, DISPLAY=x.display),
            stdout=log_file,
            stderr=log_file,
        )
    try:
        first = _wait_for_player(x, script, log)
        # Then a player killed from outside (the OOM killer, a crash) is started again
        os.kill(first, signal.SIGKILL)
        second = _wait_for_player(x, script, log, not_pid=first)
        assert second != first
        # ...and stopping the session stops both, cleanly
        script.send_signal(signal.SIGTERM)
        assert script.wait(timeout=15) == 0
        assert not Path(f"/proc/{second}").exists() or _is_zombie(second)
        assert "the player exited with code 137; starting it again in 2 s" in log.read_text()
    finally:
        stop_process(script)
        for pid in _children(script.pid) if script.poll() is None else []:
            os.kill(pid, signal.SIGKILL)
        stop_process(x.process)


def _sync_children(pid: int) -> list[int]:
    """The `signage sync run` processes started by `pid`."""
    found = []
    for child in _children(pid):
        try:
            words = Path(f"/proc/{child}/cmdline").read_bytes().split(b"\0")
        except FileNotFoundError:
            continue
        if b"sync" in words and b"run" in words:
            found.append(child)
    return found


def _wait_for(condition, what: str, log: Path, timeout_s: float = 30.0):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    pytest.fail(f"{what}:\n{log.read_text()}")


@pytest.mark.slow
def test_without_systemd_the_session_script_runs_the_sync_service_and_restarts_it(tmp_path):
    # Given an enrolled kiosk (its server down: the service keeps retrying) with the autostart installed
    home = tmp_path / "home"
    enrol_kiosk(home, server_url="http://127.0.0.1:9")
    assert install(home).returncode == 0
    script = files_in(home)["script"]
    assert "\nwith_sync=1\n" in script.read_text()
    log = tmp_path / "sync-loop.log"
    # When the script runs the sync service as it does beside the player without systemd --user
    with open(log, "w", encoding="utf-8") as log_file:
        loop = subprocess.Popen([str(script), "--sync-loop"], env=home_env(home), stdout=log_file, stderr=log_file)
    try:
        first = _wait_for(lambda: _sync_children(loop.pid), "no `signage sync run` started", log)[0]
        # Then a sync service killed from outside is started again (after its 5 s wait)
        os.kill(first, signal.SIGKILL)
        second = _wait_for(lambda: [pid for pid in _sync_children(loop.pid) if pid != first],
                           "the killed sync service was not started again", log)[0]
        assert "the sync service exited with code 137; starting it again in 5 s" in log.read_text()
        # ...and SIGTERM ends the loop and the service, cleanly
        loop.send_signal(signal.SIGTERM)
        assert loop.wait(timeout=60) == 0
        assert not Path(f"/proc/{second}").exists() or _is_zombie(second)
    finally:
        stop_process(loop)
        for pid in _sync_children(loop.pid) if loop.poll() is None else []:
            os.kill(pid, signal.SIGKILL)

    # The session script in the foreground (no display here: the player's own restarts do
    # not matter) starts that loop beside the player, and stops it when it is stopped
    with open(log, "w", encoding="utf-8") as log_file:
        session = subprocess.Popen([str(script), "--foreground"], env=home_env(home), stdout=log_file,
                                   stderr=log_file)
    try:
        def sync_under_session() -> list[int]:
            return [pid for child in _children(session.pid) for pid in _sync_children(child)]

        service = _wait_for(sync_under_session, "the session script started no sync service", log)[0]
        session.send_signal(signal.SIGTERM)
        assert session.wait(timeout=60) == 0
        assert not Path(f"/proc/{service}").exists() or _is_zombie(service)
    finally:
        stop_process(session)


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def _is_zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[1].split()[0] == "Z"
    except (FileNotFoundError, IndexError):
        return True
