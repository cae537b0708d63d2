"""`signage sync`: the kiosk's link to the central server (`signage.sync`).

* `signage sync enrol --server URL --code CODE`: trade the one-time code an admin got
  for this kiosk (POST /kiosks) for its own token, kept owner-only beside the database;
* `signage sync run`: the service beside the player (releases in; proof of play,
  audience samples and heartbeats out; remote commands), until SIGTERM or Ctrl+C;
* `signage sync once`: one round of each task, then a summary (for trying it out);
* `signage sync status`: what waits in the spool, the running release, the clock skew.
"""

from __future__ import annotations

import argparse
import logging
import signal
import socket
import sys
import threading
from pathlib import Path

from signage import cli_common

log = logging.getLogger(__name__)


def register(commands: argparse._SubParsersAction) -> None:
    """Add the `sync` command and its subcommands."""
    sync = commands.add_parser(
        "sync",
        help="the kiosk's link to the central server: releases in, proof of play and status out",
        description=(
            "Sync this kiosk with the central server (`signage server`): enrol once with a one-time code, then run "
            "the service beside the player. It pulls the release for the kiosk's groups (rules, playlists and "
            "content, applied in one transaction), pushes proof of play and audience samples (spooled while the "
            "server cannot be reached), sends heartbeats and carries out remote commands (reload, restart, "
            "screenshot). The player never waits for it. Settings: the `sync:` section of the config file."
        ),
    )
    actions = sync.add_subparsers(dest="sync_command", metavar="ACTION", title="actions")
    actions.required = True

    enrol = actions.add_parser(
        "enrol", help="trade a one-time enrolment code for this kiosk's token",
        description="Trade the one-time enrolment code an admin got for this kiosk for its own token, kept (0600) "
                    "in sync-identity.json beside the kiosk's database. The token is never printed or logged.",
    )
    enrol.add_argument("--server", help="the server's address, e.g. https://signage.example.com "
                                        "(default: sync.server_url in the config)")
    enrol.add_argument("--code", required=True, help="the one-time enrolment code (valid 24 h, works once)")
    enrol.add_argument("--hostname", help="the name this kiosk reports (default: the machine's host name)")
    _common_options(enrol)
    enrol.set_defaults(handler=_enrol)

    run = actions.add_parser(
        "run", help="run the sync service until stopped (beside the player)",
        description="Run the sync service until SIGTERM or Ctrl+C: each task on its interval from the sync: "
                    "settings, failures retried with backoff. Logs its changes of state at INFO.",
    )
    _common_options(run)
    run.set_defaults(handler=_run, operator_log=True)

    once = actions.add_parser(
        "once", help="one round of heartbeat, release and push, then a summary",
        description="Run each task once (heartbeat, release, push) and print what the kiosk runs and what waits; "
                    "exit 1 when a task failed (its error is printed).",
    )
    _common_options(once)
    once.set_defaults(handler=_once, operator_log=True)

    status = actions.add_parser(
        "status", help="the spool, the running release and the clock skew (no network)",
        description="Print what waits in the spool, what was dropped, the release the kiosk runs and the clock skew "
                    "last measured; asks no server.",
    )
    _common_options(status)
    status.set_defaults(handler=_status)

    cli_common.attach_examples(sync, {
        "": ("signage sync enrol --server https://signage.example.com --code CODE", "signage sync status"),
        "enrol": ("signage sync enrol --server https://signage.example.com --code 7KQ2-M9XD",),
        "run": ("signage sync run",),
        "once": ("signage sync once", "signage sync once -v"),
        "status": ("signage sync status",),
    })


def _common_options(parser: argparse.ArgumentParser) -> None:
    cli_common.add_db_option(parser)
    cli_common.add_config_option(parser)


def _paths(args: argparse.Namespace):
    from foundation.paths import database_path
    from signage.sync.identity import SyncPaths

    return SyncPaths(Path(args.db or database_path()).absolute())


def _enrol(args: argparse.Namespace) -> int:
    from foundation.errors import ConfigError
    from signage.config import load_config
    from signage.sync.client import enrol
    from signage.sync.identity import KioskIdentity, save_identity

    config = load_config(args.config)
    server = args.server or config.sync.server_url
    if not server:
        raise ConfigError("no server: give --server URL (or set sync.server_url in the config)")
    if not server.startswith(("http://", "https://")):
        raise ConfigError(f"--server: expected an http:// or https:// address, got {server!r}")
    paths = _paths(args)
    kiosk_id, token, next_seq = enrol(server, args.code, args.hostname or socket.gethostname(), config.sync)
    save_identity(paths.identity, KioskIdentity(server.rstrip("/"), kiosk_id, token))
    if next_seq is not None:  # a re-imaged kiosk goes on with the server's sequence, not from 1
        from signage.sync.spool import Spool

        spool = Spool(paths.spool, config.sync.spool_max_bytes)
        try:
            spool.adopt_server_seq(next_seq)
        finally:
            spool.close()
    print(f"enrolled as kiosk {kiosk_id} of {server.rstrip('/')}; identity kept in {paths.identity} (0600)")
    return 0


def _service(args: argparse.Namespace):
    from foundation.clock import SystemClock
    from signage.config import load_config
    from signage.sync.identity import load_identity
    from signage.sync.service import SyncService

    config = load_config(args.config)
    paths = _paths(args)
    identity = load_identity(paths.identity)
    return SyncService(config.sync, paths, identity, SystemClock(), player_status_port=config.player.status_port)


def _run(args: argparse.Namespace) -> int:
    service = _service(args)
    stop = threading.Event()

    def stop_now(signum, _frame) -> None:
        log.info("%s: stopping the sync service", signal.Signals(signum).name)
        stop.set()

    previous = {sig: signal.signal(sig, stop_now) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        service.run_forever(stop)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        service.close()
    return 0


def _once(args: argparse.Namespace) -> int:
    service = _service(args)
    try:
        service.run_once()
        _print_summary(service.spool, service.kiosk_db(), service.skew_s)
        if service.errors:
            for name, (_, message) in sorted(service.errors.items()):
                print(f"signage sync: {name}: {message}", file=sys.stderr)
            return 1
        return 0
    finally:
        service.close()


def _status(args: argparse.Namespace) -> int:
    from signage.config import load_config
    from signage.sync.spool import Spool, open_read_only

    config = load_config(args.config)
    paths = _paths(args)
    # Read-only: a status never creates sync.db (nor the player's database), so asking
    # before the first sync leaves the kiosk as it was.
    if not paths.spool.exists():
        enrolled = "enrolled" if paths.identity.exists() else "not enrolled (signage sync enrol)"
        print(f"not synced yet: {paths.spool} does not exist; this kiosk is {enrolled}")
        return 0
    spool = Spool.read_only(paths.spool, config.sync.spool_max_bytes)
    kiosk_db = open_read_only(paths.database)
    try:
        skew = spool.state("clock_skew_s")
        _print_summary(spool, kiosk_db, float(skew) if skew else None, read_only=True)
    finally:
        spool.close()
        if kiosk_db is not None:
            kiosk_db.conn.close()
    return 0


def _print_summary(spool, db, skew_s: float | None, read_only: bool = False) -> None:
    """What the kiosk runs and what waits; `db` the player's database (None: there is none
    yet); `read_only`: create no table in it."""
    from signage.sync.apply import running_release

    running = None if db is None else running_release(db, create=not read_only)
    counts = spool.counts()
    if running:
        print(f"release: {running['release_id']} ({running['group']} v{running['version']}), applied "
              f"{running['applied_at']}, {len(running['items'])} content items")
    else:
        print("release: none applied yet")
    print(f"spool: {counts.spooled_plays} plays, {counts.spooled_audience} audience samples waiting "
          f"({counts.bytes} bytes of {spool.max_bytes}); {counts.dropped_audience} audience samples dropped; "
          f"next batch seq {spool.next_seq}")
    if spool.rejected():
        print(f"spool: {spool.rejected()} batch(es) refused by the server, kept aside in sync.db (spool_rejected)")
    refused = spool.state("refused_etag")
    if refused:
        print(f"refused: {spool.state('refused_reason')}")
    print("clock skew: " + ("not measured yet" if skew_s is None else f"{skew_s:+.1f} s (server - kiosk)"))
    sources = int(spool.state("sources", "1") or 1)
    if sources > 1:
        print(f"the player's database was replaced {sources - 1} time(s); its ids are sent numbered on "
              f"(plays + {spool.state('plays_offset')}, audience samples + {spool.state('audience_offset')})")
