"""`signage server`: the central server's database, its web process, and the first accounts.

    signage server init                          # run the database migrations
    signage server rollup                        # bring the reports' rollup up to date
    signage server run --port 8800 --workers 4   # FastAPI on uvicorn (behind a TLS proxy)
    signage server user add alice --role admin   # the password from a prompt (or --password-stdin)
    signage server user list
    signage server kiosk add front --store seoul-01 --group seoul   # prints the one-time code

The database is `--dsn` or `$SIGNAGE_SERVER_DSN` (a libpq string or URL); content files
live in `--content-dir` (or `$SIGNAGE_SERVER_CONTENT_DIR`) unless `--content-bucket
s3://...` names a bucket. `user add` and `kiosk add` work on the database directly, so the
first admin can be made before the server runs; each writes its audit row as `cli:USER`.
A password is never an argument (it would sit in the shell's history and in `ps`).
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import os
import sys
from pathlib import Path

from foundation.errors import DataError
from signage.cli_common import attach_examples

DEFAULT_PORT = 8800
DSN_VARIABLE = "SIGNAGE_SERVER_DSN"
CONTENT_DIR_VARIABLE = "SIGNAGE_SERVER_CONTENT_DIR"
DEFAULT_CONTENT_DIR = Path("server-content")


def register(commands: argparse._SubParsersAction) -> None:
    """Add the `server` command and its subcommands."""
    server = commands.add_parser(
        "server",
        help="the central server: database, web process, accounts and kiosks",
        description="Run and manage the central server (FastAPI on uvicorn over PostgreSQL; docs/fleet-api.md).",
    )
    actions = server.add_subparsers(dest="server_command", metavar="ACTION", title="actions")
    actions.required = True

    def with_dsn(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
        parser.add_argument("--dsn", help=f"the PostgreSQL database (libpq string or URL; default ${DSN_VARIABLE})")
        return parser

    init = with_dsn(actions.add_parser("init", help="create or update the database tables (the migrations)",
                                       description="Run every database migration not yet run; safe to repeat."))
    init.set_defaults(handler=_init)

    rollup = with_dsn(actions.add_parser(
        "rollup", help="bring the reports' rollup up to date (the server also does it every few minutes)",
        description="Sum every kiosk's closed store-local days into the reports' rollup tables and recompute the "
                    "days late telemetry changed (signage/server/rollup.py); safe to repeat.",
    ))
    rollup.set_defaults(handler=_rollup)

    run = with_dsn(actions.add_parser(
        "run", help="serve the API with uvicorn (plain HTTP: put a TLS proxy in front)",
        description="Run the migrations, then serve the API. It speaks plain HTTP: listen on loopback or a private "
                    "network behind a TLS reverse proxy (docs/server-behind-tls.md).",
    ))
    run.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    run.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port to listen on (default {DEFAULT_PORT})")
    run.add_argument("--workers", type=int, default=1,
                     help="uvicorn worker processes, each with its own connection pool (default 1)")
    run.add_argument("--content-dir", type=Path,
                     help=f"folder of content files by sha256 (default ${CONTENT_DIR_VARIABLE} or ./{DEFAULT_CONTENT_DIR})")
    run.add_argument("--content-bucket", help="s3://bucket/prefix instead of the folder (needs the s3 extra: boto3)")
    run.add_argument("--pool-max", type=int, default=10, help="database connections per worker at most (default 10)")
    run.add_argument("--access-log", action="store_true",
                     help="log every request (off by default: the TLS proxy in front logs them already)")
    run.set_defaults(handler=_run)

    user = actions.add_parser("user", help="people's accounts (viewer, editor, admin)",
                              description="Add and list the accounts of people.")
    user_actions = user.add_subparsers(dest="user_command", metavar="ACTION", title="actions")
    user_actions.required = True
    add = with_dsn(user_actions.add_parser(
        "add", help="add an account; the password is asked for (or read from stdin)",
        description="Add an account. The password is asked for twice, or read as one line from standard input "
                    "with --password-stdin; it is never an argument.",
    ))
    add.add_argument("name", help="the account's name (what it signs in with)")
    add.add_argument("--role", required=True, choices=("viewer", "editor", "admin"),
                     help="viewer reads; editor changes content, releases and rollouts; admin does everything")
    add.add_argument("--password-stdin", action="store_true", help="read the password as one line from standard input")
    add.set_defaults(handler=_user_add)
    listing = with_dsn(user_actions.add_parser("list", help="list the accounts", description="List every account: its name, role, whether it is disabled and when it was made."))
    listing.set_defaults(handler=_user_list)

    kiosk = actions.add_parser("kiosk", help="kiosks and their enrolment codes",
                               description="Add kiosks; each gets a one-time enrolment code.")
    kiosk_actions = kiosk.add_subparsers(dest="kiosk_command", metavar="ACTION", title="actions")
    kiosk_actions.required = True
    kiosk_add = with_dsn(kiosk_actions.add_parser(
        "add", help="add a kiosk to a store and print its one-time enrolment code (valid 24 h)",
        description="Add a kiosk to a store and print its one-time enrolment code; on the kiosk, "
                    "`signage sync enrol --server URL --code CODE` trades it for the kiosk's token.",
    ))
    kiosk_add.add_argument("name", help="the kiosk's name, unique within its store")
    kiosk_add.add_argument("--store", required=True, help="the store's code")
    kiosk_add.add_argument("--group", action="append", default=[], metavar="GROUP",
                           help="a group the store joins (a kiosk's groups are its store's); repeat for more")
    kiosk_add.set_defaults(handler=_kiosk_add)

    # Chain-wide learning: `purchases import-completejourney | import-sqlite | list`, `learn GROUP`.
    from signage.server import cli_learning

    cli_learning.add_parser(actions)

    attach_examples(server, {
        "": ("signage server init", "signage server run --host 0.0.0.0 --port 8080"),
        "init": ("signage server init --dsn postgresql://signage@localhost/signage",),
        "rollup": ("signage server rollup",),
        "run": (
            "signage server run",
            "signage server run --host 10.0.0.5 --workers 2 --content-dir /srv/signage/content",
        ),
        "user": ("signage server user add kim --role admin",),
        "user add": ("signage server user add kim --role admin", "echo \"$PASSWORD\" | signage server user add lee --role editor --password-stdin"),
        "user list": ("signage server user list",),
        "kiosk": ("signage server kiosk add front --store seoul-01",),
        "kiosk add": ("signage server kiosk add front --store seoul-01 --group seoul",),
        "purchases": ("signage server purchases list",),
        "purchases import-completejourney": ("signage server purchases import-completejourney --weeks 4",),
        "purchases import-sqlite": ("signage server purchases import-sqlite signage.db --store seoul-01",),
        "purchases list": ("signage server purchases list",),
        "learn": ("signage server learn seoul", "signage server learn chain --from 2026-09-01 --min-lift 1.5"),
    })


# ---- the actions ---------------------------------------------------------------------------


def _dsn(args: argparse.Namespace) -> str:
    dsn = args.dsn or os.environ.get(DSN_VARIABLE)
    if not dsn:
        raise DataError(f"no database: give --dsn or set ${DSN_VARIABLE} (for example 'host=127.0.0.1 dbname=signage')")
    return dsn


def _actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):  # no name for this uid (a container)
        return f"cli:uid{os.getuid()}"


def _init(args: argparse.Namespace) -> int:
    from signage.server.db import prepare_database

    ran = prepare_database(_dsn(args))
    print(f"database ready: {ran} migration(s) run" if ran else "database ready: already up to date")
    return 0


def _run(args: argparse.Namespace) -> int:
    import uvicorn

    from signage.server.app import ServerSettings, create_app
    from signage.server.db import prepare_database

    if not 1 <= args.port <= 65535:
        raise DataError(f"--port: expected 1 to 65535, got {args.port}")
    if args.workers < 1:
        raise DataError(f"--workers: expected at least 1, got {args.workers}")
    if args.pool_max < 1:
        raise DataError(f"--pool-max: expected at least 1, got {args.pool_max}")
    content_dir = args.content_dir or Path(os.environ.get(CONTENT_DIR_VARIABLE) or DEFAULT_CONTENT_DIR)
    settings = ServerSettings(dsn=_dsn(args), content_dir=content_dir.resolve(), content_bucket=args.content_bucket,
                              pool_min=1, pool_max=args.pool_max)
    if settings.content_bucket:
        from signage.server.content_store import open_content_store

        open_content_store(settings.content_dir, settings.content_bucket)  # a missing boto3 says so now, not per request
    else:
        settings.content_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    prepare_database(settings.dsn)
    print(f"serving the API at http://{args.host}:{args.port}/api/v1 and the console at http://{args.host}:{args.port}/console",
          flush=True)
    if args.workers == 1:
        uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="info", access_log=args.access_log)
    else:
        # Worker processes build their own app (and pool) from these variables.
        os.environ.update(settings.to_environment())
        uvicorn.run("signage.server.app:app_from_environment", factory=True, host=args.host, port=args.port,
                    workers=args.workers, log_level="info", access_log=args.access_log)
    return 0


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        password = line[:-1] if line.endswith("\n") else line
        if not password:
            raise DataError("--password-stdin: standard input held no password")
        return password
    if not sys.stdin.isatty():
        raise DataError("no terminal to ask the password on: use --password-stdin")
    password = getpass.getpass("password: ")
    if getpass.getpass("again: ") != password:
        raise DataError("the two passwords differ: nothing changed")
    return password


async def _connect(dsn: str):
    import psycopg

    try:
        return await psycopg.AsyncConnection.connect(dsn, autocommit=True, connect_timeout=10)
    except psycopg.OperationalError as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise DataError(f"cannot connect to PostgreSQL ({first}): check --dsn or ${DSN_VARIABLE}") from None


def _rollup(args: argparse.Namespace) -> int:
    import datetime as dt

    from signage.server.rollup import roll_up

    dsn = _dsn(args)

    async def run():
        async with await _connect(dsn) as db:
            return await roll_up(db, dt.datetime.now(dt.UTC))

    result = asyncio.run(run())
    if result is None:
        print("rollup: another run (a server worker) is doing it right now; nothing to do")
        return 0
    print(f"rollup: {result.kiosks} kiosk(s) recomputed, {result.dirty_days} changed day(s) taken in,"
          f" {result.play_rows} play rows and {result.audience_rows} audience rows written in {result.seconds:.1f} s")
    return 0


def _user_add(args: argparse.Namespace) -> int:
    from signage.server.accounts import create_user, strong_password

    dsn = _dsn(args)
    password = _read_password(args.password_stdin)
    strong_password(password)  # before connecting: say so at once

    async def add() -> None:
        async with await _connect(dsn) as db:
            async with db.transaction():
                await create_user(db, _actor(), args.name, password, args.role)

    asyncio.run(add())
    print(f"user {args.name} added ({args.role})")
    return 0


def _user_list(args: argparse.Namespace) -> int:
    dsn = _dsn(args)

    async def rows():
        async with await _connect(dsn) as db:
            cursor = await db.execute("SELECT name, role, disabled, created_at FROM users ORDER BY name")
            return await cursor.fetchall()

    users = asyncio.run(rows())
    if not users:
        print("no users yet: signage server user add NAME --role admin")
        return 0
    width = max(len(name) for name, *_ in users)
    for name, role, disabled, created_at in users:
        note = "  (disabled)" if disabled else ""
        print(f"{name:<{width}}  {role:<6}  since {created_at:%Y-%m-%d}{note}")
    return 0


def _kiosk_add(args: argparse.Namespace) -> int:
    from signage.server.accounts import create_kiosk
    from signage.server.api_common import fetch_group, fetch_store

    dsn = _dsn(args)

    async def add():
        async with await _connect(dsn) as db:
            async with db.transaction():
                store_id, code = await fetch_store(db, args.store)
                groups = {name: (await fetch_group(db, name))["group_id"] for name in dict.fromkeys(args.group)}
                return await create_kiosk(db, _actor(), args.name, store_id, code, groups)

    enrol = asyncio.run(add())
    print(f"kiosk {enrol.kiosk_id} ({args.name}, store {args.store}) added")
    print(f"enrolment code (works once, until {enrol.expires_at:%Y-%m-%d %H:%M %Z}): {enrol.code}")
    return 0
