"""`signage fleet`: the chain's people at a terminal, through the server's people's endpoints.

    signage fleet login --server https://signage.example.com --name alice   # password prompted
    signage fleet stores add seoul-01 --name "Seoul Station" --timezone Asia/Seoul
    signage fleet groups add seoul --kind region
    signage fleet groups add-stores seoul seoul-01
    signage fleet kiosks add front --store seoul-01          # prints the one-time enrolment code
    signage fleet kiosks list                                 # last seen, release, skew, player state
    signage fleet content push ads/                           # uploads by sha256, then the library items
    signage fleet release push seoul rules.yaml --note "summer"
    signage fleet release rollout 7 --canary pilot            # then --all, or `release rollback seoul`
    signage fleet release status 7
    signage fleet audit --limit 50

The HTTP contract is docs/fleet-api.md. `login` keeps the server's address and the
session token in a file only its owner may read (0600; `session_path`); the token is
never printed or logged. Every refusal of the server becomes one `SignageError` naming
its status, code and reason (`422 invalid_release: rules.yaml:14: ...`), a server that
cannot be reached one line naming its address.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import hashlib
import json
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Self

from foundation.errors import ConfigError, DataError, SignageError
from signage import cli_common

log = logging.getLogger(__name__)

SESSION_VARIABLE = "SIGNAGE_FLEET_SESSION"
TIMEOUT_S = 30.0
UPLOAD_CHUNK_BYTES = 1 << 20
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_MEDIA_TYPES = {
    ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp",
    ".mp4": "video/mp4", ".webm": "video/webm", ".mov": "video/quicktime", ".avi": "video/x-msvideo",
}


class FleetError(SignageError):
    """The server refused a request, could not be reached, or there is no session."""


def session_path() -> Path:
    """$SIGNAGE_FLEET_SESSION, else $XDG_CONFIG_HOME/signage/fleet-session.json (~/.config by default)."""
    if os.environ.get(SESSION_VARIABLE):
        return Path(os.environ[SESSION_VARIABLE])
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "signage" / "fleet-session.json"


# ---- the parser ------------------------------------------------------------------------------


def register(commands: argparse._SubParsersAction) -> None:
    """Add the `fleet` command and its subcommands."""
    fleet = commands.add_parser(
        "fleet",
        help="manage the chain through the central server: stores, groups, kiosks, content, releases",
        description="Work with the central server (`signage server`) as one of the chain's people: sign in, then "
                    "manage stores, store groups, kiosks, the content library and releases with their staged "
                    "rollout, and read the audit log (docs/fleet-api.md).",
    )
    actions = fleet.add_subparsers(dest="fleet_command", metavar="ACTION", title="actions")
    actions.required = True

    login = actions.add_parser(
        "login", help="sign in and keep the session (12 h) for the other commands",
        description=f"Sign in to the server and keep its address and the session token in a file only you may "
                    f"read (0600; ${SESSION_VARIABLE}, else fleet-session.json in the config folder). The password "
                    f"is prompted for, or read from standard input; it is never an argument.",
    )
    login.add_argument("--server", required=True, help="the server's address, e.g. https://signage.example.com")
    login.add_argument("--name", required=True, help="your account's name")
    login.add_argument("--password-stdin", action="store_true", help="read the password as one line from standard input")
    login.set_defaults(handler=_login)
    logout = actions.add_parser("logout", help="end the session on the server and forget it here",
                                description="End the session on the server and delete the session file.")
    logout.set_defaults(handler=_logout)

    _register_stores(actions)
    _register_groups(actions)
    _register_kiosks(actions)
    _register_content(actions)
    _register_release(actions)

    audit = actions.add_parser("audit", help="the audit log: who changed what, when (admin)",
                               description="Print the newest entries of the server's audit log, oldest first.")
    audit.add_argument("--limit", type=int, default=100, help="how many of the newest entries (default 100)")
    audit.add_argument("--since", help="entries from this time on instead (ISO 8601 with offset, e.g. 2026-12-01T09:00+09:00)")
    audit.set_defaults(handler=_audit)

    cli_common.attach_examples(fleet, _EXAMPLES)


# Examples of every fleet command (`signage fleet ACTION --help` shows them).
_EXAMPLES = {
    "": ("signage fleet login --server https://signage.example.com --name kim", "signage fleet kiosks list"),
    "login": (
        "signage fleet login --server https://signage.example.com --name kim",
        "echo \"$PASSWORD\" | signage fleet login --server https://signage.example.com --name kim --password-stdin",
    ),
    "logout": ("signage fleet logout",),
    "audit": ("signage fleet audit --limit 20", "signage fleet audit --since 2026-12-01T09:00+09:00"),
    "stores": ("signage fleet stores list",),
    "stores list": ("signage fleet stores list",),
    "stores add": ("signage fleet stores add seoul-01 --name 'Seoul Station' --timezone Asia/Seoul",),
    "groups": ("signage fleet groups list",),
    "groups list": ("signage fleet groups list",),
    "groups add": ("signage fleet groups add seoul --kind region", "signage fleet groups add pilot --kind canary --priority 10"),
    "groups add-stores": ("signage fleet groups add-stores seoul seoul-01 seoul-02",),
    "groups remove-store": ("signage fleet groups remove-store seoul seoul-02",),
    "kiosks": ("signage fleet kiosks list --store seoul-01",),
    "kiosks list": ("signage fleet kiosks list", "signage fleet kiosks list --store seoul-01"),
    "kiosks add": ("signage fleet kiosks add front --store seoul-01",),
    "kiosks revoke": ("signage fleet kiosks revoke 7",),
    "kiosks enrol-code": ("signage fleet kiosks enrol-code 7",),
    "kiosks command": ("signage fleet kiosks command 7 screenshot", "signage fleet kiosks command 7 reload"),
    "kiosks commands": ("signage fleet kiosks commands 7",),
    "kiosks screenshot": ("signage fleet kiosks screenshot 42 --out front.png",),
    "content": ("signage fleet content push ads/",),
    "content push": ("signage fleet content push ads/", "signage fleet content push 'Chips Large.png' --tag snacks"),
    "content text": ("signage fleet content text store_hours --body 'Open 24 hours' --title 'Store hours'",),
    "library": ("signage fleet library list",),
    "library list": ("signage fleet library list",),
    "release": ("signage fleet release push seoul rules.yaml", "signage fleet release rollout 3 --canary pilot"),
    "release push": ("signage fleet release push seoul rules.yaml       # rules.yaml from `signage rules export`",),
    "release list": ("signage fleet release list seoul",),
    "release rollout": ("signage fleet release rollout 3 --canary pilot", "signage fleet release rollout 3 --all"),
    "release rollback": ("signage fleet release rollback seoul",),
    "release status": ("signage fleet release status 3",),
}


def _subactions(parser: argparse.ArgumentParser, dest: str) -> argparse._SubParsersAction:
    actions = parser.add_subparsers(dest=dest, metavar="ACTION", title="actions")
    actions.required = True
    return actions


def _register_stores(actions: argparse._SubParsersAction) -> None:
    stores = _subactions(actions.add_parser("stores", help="the chain's stores",
                                            description="List and add stores."), "stores_command")
    stores.add_parser("list", help="every store with its groups and kiosks",
                      description="Print every store: code, name, time zone, groups, kiosks.").set_defaults(handler=_stores_list)
    add = stores.add_parser("add", help="add a store (admin)", description="Add a store with a code of its own.")
    add.add_argument("code", help="the store's code (letters, digits, - and _), e.g. seoul-01")
    add.add_argument("--name", required=True, help="the store's name in words")
    add.add_argument("--timezone", default="UTC", help="its IANA time zone, e.g. Asia/Seoul (default UTC)")
    add.set_defaults(handler=_stores_add)


def _register_groups(actions: argparse._SubParsersAction) -> None:
    groups = _subactions(actions.add_parser("groups", help="store groups (region, format, tag, canary, chain)",
                                            description="List and add store groups, and put stores in them."),
                         "groups_command")
    groups.add_parser("list", help="every group with its stores and releases out",
                      description="Print every group: kind, priority, stores, current and canary release."
                      ).set_defaults(handler=_groups_list)
    add = groups.add_parser("add", help="add a group (admin)",
                            description="Add a store group: a region, a format, a tag, a canary group or the chain.")
    add.add_argument("name", help="the group's name")
    add.add_argument("--kind", required=True, choices=("region", "format", "tag", "canary", "chain"),
                     help="what the group stands for")
    add.add_argument("--priority", type=int, default=0,
                     help="when a store is in several groups with a release out, the highest priority wins (default 0)")
    add.set_defaults(handler=_groups_add)
    add_stores = groups.add_parser("add-stores", help="put stores in a group (admin)",
                                   description="Put stores in a group; those in it already stay.")
    add_stores.add_argument("group", help="the group's name")
    add_stores.add_argument("codes", nargs="+", metavar="CODE", help="store codes")
    add_stores.set_defaults(handler=_groups_add_stores)
    remove = groups.add_parser("remove-store", help="take a store out of a group (admin)",
                               description="Take a store out of a group.")
    remove.add_argument("group", help="the group's name")
    remove.add_argument("code", help="the store's code")
    remove.set_defaults(handler=_groups_remove_store)


def _register_kiosks(actions: argparse._SubParsersAction) -> None:
    kiosks = _subactions(actions.add_parser("kiosks", help="kiosks: enrolment, state, remote commands",
                                            description="List, add and revoke kiosks; send them commands."),
                         "kiosks_command")
    listing = kiosks.add_parser("list", help="every kiosk: last seen, release running, clock skew, player state",
                                description="Print every kiosk (of one store with --store) with its newest heartbeat: "
                                            "last seen, release running, clock skew and what its player reports.")
    listing.add_argument("--store", help="only the kiosks of this store code")
    listing.set_defaults(handler=_kiosks_list)
    add = kiosks.add_parser("add", help="add a kiosk and print its one-time enrolment code (admin)",
                            description="Add a kiosk to a store; prints the one-time enrolment code (valid 24 h) "
                                        "for `signage sync enrol` on the kiosk. It is shown only once.")
    add.add_argument("name", help="the kiosk's name within its store, e.g. front")
    add.add_argument("--store", required=True, help="the store's code")
    add.add_argument("--group", action="append", default=[], help="a group the store joins (repeatable)")
    add.set_defaults(handler=_kiosks_add)
    revoke = kiosks.add_parser("revoke", help="end a kiosk's access (admin)",
                               description="Revoke the kiosk: its token and any unused enrolment code stop working.")
    revoke.add_argument("kiosk_id", type=int, metavar="ID", help="the kiosk's id (`kiosks list`)")
    revoke.set_defaults(handler=_kiosks_revoke)
    enrol_code = kiosks.add_parser("enrol-code", help="a new one-time enrolment code (the old token stops working; admin)",
                                   description="Issue a new one-time enrolment code for the kiosk (a re-imaged or "
                                               "revoked one); its current token stops working at once.")
    enrol_code.add_argument("kiosk_id", type=int, metavar="ID", help="the kiosk's id")
    enrol_code.set_defaults(handler=_kiosks_enrol_code)
    command = kiosks.add_parser("command", help="send the kiosk a command (editor)",
                                description="Queue a command; the kiosk gets it in its next heartbeat reply. Prints "
                                            "the command's id (for `kiosks screenshot`).")
    command.add_argument("kiosk_id", type=int, metavar="ID", help="the kiosk's id")
    command.add_argument("kind", choices=("reload", "restart", "screenshot"),
                         help="reload the rules and content, restart the player, or take a screenshot of the ads")
    command.set_defaults(handler=_kiosks_command)
    commands = kiosks.add_parser("commands", help="the kiosk's newest commands and their state",
                                 description="Print the kiosk's newest commands: kind, who, when, state (pending, "
                                             "delivered, done, failed) and whether a screenshot came back.")
    commands.add_argument("kiosk_id", type=int, metavar="ID", help="the kiosk's id")
    commands.set_defaults(handler=_kiosks_commands)
    shot = kiosks.add_parser("screenshot", help="save the PNG a screenshot command brought back",
                             description="Save the screenshot a kiosk sent for a screenshot command.")
    shot.add_argument("command_id", type=int, metavar="COMMAND_ID", help="the screenshot command's id")
    shot.add_argument("--out", type=Path, required=True, help="the PNG file to write")
    shot.set_defaults(handler=_kiosks_screenshot)


def _register_content(actions: argparse._SubParsersAction) -> None:
    content = _subactions(actions.add_parser("content", help="upload content and make library items (editor)",
                                             description="Upload images and videos and make or update their "
                                                         "library items; add text slides."), "content_command")
    push = content.add_parser(
        "push", help="upload files by sha256 (skipping stored ones) and make or update their library items",
        description="Upload each image or video (a folder: every one under it) unless the server has its sha256 "
                    "already, then make or update its library item, named after the file as the kiosk's catalog "
                    "does (`Chips Large.png` -> chips_large). Each file is checked with the kiosk's own probe first.",
    )
    push.add_argument("paths", nargs="+", type=Path, metavar="FOLDER_OR_FILE", help="media files or folders of them")
    push.add_argument("--name", help="the library name (one file only; default: from the file name)")
    push.add_argument("--title", help="the title (default: the file name in words)")
    push.add_argument("--duration", type=float, help="display time of an image in seconds (default 8; a video plays its length)")
    _item_options(push)
    push.set_defaults(handler=_content_push)
    text = content.add_parser("text", help="make or update a text slide",
                              description="Make (or replace) a library text slide.")
    text.add_argument("name", help="the library name (lower-case letters, digits and _)")
    text.add_argument("--body", required=True, help="the slide's text")
    text.add_argument("--title", help="the title (default: the name in words)")
    text.add_argument("--duration", type=float, default=10.0, help="display time in seconds (default 10)")
    text.add_argument("--background", default="#202020", help="background colour #rrggbb (default #202020)")
    text.add_argument("--foreground", default="#ffffff", help="text colour #rrggbb (default #ffffff)")
    _item_options(text)
    text.set_defaults(handler=_content_text)
    library = _subactions(actions.add_parser("library", help="the server's content library",
                                             description="Read the content library."), "library_command")
    library.add_parser("list", help="every library item", description="Print every library item."
                       ).set_defaults(handler=_library_list)


def _item_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--tag", action="append", default=[], help="a tag (repeatable)")
    parser.add_argument("--valid-from", help="first day it may play, YYYY-MM-DD")
    parser.add_argument("--valid-until", help="last day it may play, YYYY-MM-DD")
    parser.add_argument("--age-restricted", action="store_true", help="never shown when minors are in the audience")


def _register_release(actions: argparse._SubParsersAction) -> None:
    release = _subactions(actions.add_parser("release", help="releases per group and their staged rollout (editor)",
                                             description="Push rules and playlists as a group's release, roll it "
                                                         "out to a canary group then to all, roll back."),
                          "release_command")
    push = release.add_parser("push", help="make the group's next release from a rules YAML file",
                              description="Make the group's next release from a YAML document as `signage rules "
                                          "export` writes it (playlists: and rules: sections). It is not out until "
                                          "`release rollout`.")
    push.add_argument("group", help="the group's name")
    push.add_argument("document", type=Path, metavar="RULES_YAML", help="the YAML document")
    push.add_argument("--note", default="", help="what changed, for the release list and the audit log")
    push.set_defaults(handler=_release_push)
    listing = release.add_parser("list", help="the group's releases, newest first",
                                 description="Print the group's releases with their stage (canary, all, not_out).")
    listing.add_argument("group", help="the group's name")
    listing.set_defaults(handler=_release_list)
    rollout = release.add_parser("rollout", help="send a release to a canary group, or to all",
                                 description="One rollout step: --canary GROUP first, then --all.")
    rollout.add_argument("release_id", type=int, metavar="RELEASE_ID", help="the release's id (`release list`)")
    stage = rollout.add_mutually_exclusive_group(required=True)
    stage.add_argument("--canary", metavar="GROUP", help="try it first in the stores of this group")
    stage.add_argument("--all", action="store_true", help="send the release in canary to all of its group")
    rollout.set_defaults(handler=_release_rollout)
    rollback = release.add_parser("rollback", help="withdraw the canary, or go back to the release before",
                                  description="Withdraw the group's canary release; with none out, put the release "
                                              "before the current one back for everyone.")
    rollback.add_argument("group", help="the group's name")
    rollback.set_defaults(handler=_release_rollback)
    status = release.add_parser("status", help="how far a release has got: kiosks targeted, running it, share",
                                description="Print the release's stage, the kiosks it targets, those running it "
                                            "and the share.")
    status.add_argument("release_id", type=int, metavar="RELEASE_ID", help="the release's id")
    status.set_defaults(handler=_release_status)


# ---- the session and the client -----------------------------------------------------------------


def _save_session(path: Path, session: dict) -> None:
    """Write the session file owner-only (0600), atomically (a temporary file, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temporary = path.with_name(f".{path.name}.new-{os.getpid()}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(descriptor, 0o600)  # exact, whatever the umask
        os.write(descriptor, json.dumps(session, indent=2).encode("utf-8"))
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    os.replace(temporary, path)


def _load_session() -> dict:
    path = session_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FleetError("not signed in: run `signage fleet login --server URL --name NAME` first") from None
    except (OSError, ValueError) as error:
        raise ConfigError(f"{path}: cannot read the session ({getattr(error, 'strerror', None) or error}):"
                          " run `signage fleet login` again") from None
    if not isinstance(data, dict) or not all(isinstance(data.get(key), str) and data[key] for key in ("server_url", "token")):
        raise ConfigError(f"{path}: not a session file: run `signage fleet login` again")
    return data


class Fleet:
    """An httpx client of the server's API with the session's token; refusals become `FleetError`."""

    def __init__(self, server_url: str, token: str | None = None) -> None:
        import httpx

        self.server_url = server_url
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self._http = httpx.Client(base_url=server_url + "/api/v1", headers=headers, timeout=TIMEOUT_S)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self._http.close()

    def request(self, method: str, path: str, *, ok: tuple[int, ...] = (), **kwargs):
        """The reply to `method path`; a 4xx/5xx outside `ok` raises FleetError with the server's reason."""
        import httpx

        try:
            reply = self._http.request(method, path, **kwargs)
        except httpx.InvalidURL as error:
            raise FleetError(f"{self.server_url}: not a usable server address ({error})") from None
        except httpx.TransportError as error:  # refused, reset, DNS, TLS, timeout
            raise FleetError(f"cannot reach the server at {self.server_url}: {_one_line(str(error)) or type(error).__name__}") from None
        if reply.status_code >= 400 and reply.status_code not in ok:
            raise FleetError(_refusal(reply))
        return reply

    def json(self, method: str, path: str, **kwargs) -> dict:
        """The JSON body of a successful reply."""
        reply = self.request(method, path, **kwargs)
        try:
            return reply.json()
        except ValueError:
            raise FleetError(f"{self.server_url}: {method} {path}: the answer is not JSON"
                             " (is this address the signage server?)") from None


def _refusal(reply) -> str:
    """`STATUS CODE: reason` from the contract's error body (or what there is instead)."""
    try:
        error = reply.json()["error"]
        code, reason = str(error["code"]), str(error["reason"])
    except (ValueError, KeyError, TypeError):
        text = _one_line(reply.text)[:200]
        return f"{reply.status_code} {reply.reason_phrase}: {text or 'no reason given'} (is this address the signage server?)"
    if reply.status_code == 401 and not reply.request.url.path.endswith("/login"):
        reason += ": run `signage fleet login` again"  # the session ended or expired
    return f"{reply.status_code} {code}: {reason}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _signed_in() -> Fleet:
    session = _load_session()
    return Fleet(session["server_url"], session["token"])


# ---- sessions -------------------------------------------------------------------------------------


def _login(args: argparse.Namespace) -> int:
    server = args.server.rstrip("/")
    if not server.startswith(("http://", "https://")):
        raise ConfigError(f"--server: expected an http:// or https:// address, got {args.server!r}")
    password = _read_password(args.password_stdin)
    with Fleet(server) as fleet:
        answer = fleet.json("POST", "/login", json={"name": args.name, "password": password})
    path = session_path()
    _save_session(path, {"server_url": server, "name": args.name, "role": answer["role"],
                         "expires_at": answer["expires_at"], "token": answer["token"]})
    print(f"signed in to {server} as {args.name} ({answer['role']}) until {answer['expires_at']}; session kept in {path} (0600)")
    return 0


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        password = line.removesuffix("\n")
        if not password:
            raise DataError("--password-stdin: standard input held no password")
        return password
    if not sys.stdin.isatty():
        raise DataError("no terminal to ask the password on: use --password-stdin")
    return getpass.getpass("password: ")


def _logout(args: argparse.Namespace) -> int:
    path = session_path()
    session = _load_session()
    try:
        with Fleet(session["server_url"], session["token"]) as fleet:
            # An expired session is over already: forgetting it here is all that is left to do.
            fleet.request("POST", "/logout", ok=(401,))
    finally:
        path.unlink(missing_ok=True)
    print(f"signed out of {session['server_url']}")
    return 0


# ---- stores, groups, kiosks ------------------------------------------------------------------------


def _stores_list(args: argparse.Namespace) -> int:
    with _signed_in() as fleet:
        stores = fleet.json("GET", "/stores")["stores"]
    rows = [(s["code"], s["name"], s["timezone"], ",".join(s["groups"]) or "-", str(s["kiosks"])) for s in stores]
    _print_table(("code", "name", "timezone", "groups", "kiosks"), rows, "no stores yet (`signage fleet stores add`)")
    return 0


def _stores_add(args: argparse.Namespace) -> int:
    with _signed_in() as fleet:
        store = fleet.json("POST", "/stores", json={"code": args.code, "name": args.name, "timezone": args.timezone})
    print(f"store {store['code']} added: {store['name']} ({store['timezone']})")
    return 0


def _groups_list(args: argparse.Namespace) -> int:
    with _signed_in() as fleet:
        groups = fleet.json("GET", "/groups")["groups"]

    def release(release_id, version) -> str:
        return "-" if release_id is None else f"{release_id} (v{version})"

    rows = [(g["name"], g["kind"], str(g["priority"]), ",".join(g["stores"]) or "-",
             release(g["current_release_id"], g["current_version"]),
             "-" if g["canary_release_id"] is None else f"{release(g['canary_release_id'], g['canary_version'])} in {g['canary_group']}")
            for g in groups]
    _print_table(("name", "kind", "priority", "stores", "current", "canary"), rows, "no groups yet (`signage fleet groups add`)")
    return 0


def _groups_add(args: argparse.Namespace) -> int:
    with _signed_in() as fleet:
        group = fleet.json("POST", "/groups", json={"name": args.name, "kind": args.kind, "priority": args.priority})
    print(f"group {group['name']} added ({group['kind']}, priority {group['priority']})")
    return 0


def _groups_add_stores(args: argparse.Namespace) -> int:
    with _signed_in() as fleet:
        answer = fleet.json("POST", f"/groups/{_segment(args.group)}/stores", json={"stores": args.codes})
    added = answer["added"]
    already = [code for code in dict.fromkeys(args.codes) if code not in added]
    print(f"group {args.group}: added {', '.join(added) or 'no store'}"
          + (f"; in it already: {', '.join(already)}" if already else ""))
    return 0


def _groups_remove_store(args: argparse.Namespace) -> int:
    with _signed_in() as fleet:
        fleet.request("DELETE", f"/groups/{_segment(args.group)}/stores/{_segment(args.code)}")
    print(f"group {args.group}: store {args.code} taken out")
    return 0


def _kiosks_list(args: argparse.Namespace) -> int:
    with _signed_in() as fleet:
        kiosks = fleet.json("GET", "/kiosks", params={"store": args.store} if args.store else None)["kiosks"]
        # The list has no status; each kiosk's newest heartbeat is one more request (keep-alive).
        details = [fleet.json("GET", f"/kiosks/{kiosk['kiosk_id']}") for kiosk in kiosks]
    rows = [(str(k["kiosk_id"]), k["store"], k["name"], k["state"], _when(k["last_seen_at"]),
             "-" if k["release_id"] is None else str(k["release_id"]),
             "-" if k["clock_skew_s"] is None else f"{float(k['clock_skew_s']):+.1f} s",
             _player_state(k.get("status")))
            for k in details]
    _print_table(("id", "store", "name", "state", "last seen", "release", "skew", "player"), rows,
                 "no kiosks yet (`signage fleet kiosks add`)")
    return 0


def _player_state(status: object) -> str:
    """What the kiosk's player said of itself in its newest heartbeat, in a few words."""
    if not isinstance(status, dict):
        return "-"
    words = []
    playing = status.get("playing")
    if isinstance(playing, dict):
        playlist = playing.get("playlist") or "built-in slide"
        words.append(f"playing {playlist}/{playing['item']}" if playing.get("item") else f"playing {playlist}")
    else:
        words.append("idle")
    camera = status.get("camera")
    if isinstance(camera, dict) and camera.get("state") not in (None, "ok"):
        words.append(f"camera {camera['state']}")
    database = status.get("database")
    if isinstance(database, dict) and database.get("state") not in (None, "ok"):
        words.append(f"database {database['state']}")
    errors = status.get("last_errors")
    if isinstance(errors, list) and errors:
        words.append(f"{len(errors)} recent error{'s' if len(errors) != 1 else ''}")
    return "; ".join(words)


def _when(value: str | None) -> str:
    if value is None:
        return "never"
    try:
        return dt.datetime.fromisoformat(value).astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%SZ")
    except ValueError:
        return value


def _kiosks_add(args: argparse.Namespace) -> int:
    with _signed_in() as fleet:
        answer = fleet.json("POST", "/kiosks", json={"name": args.name, "store": args.store, "groups": args.group})
    print(f"kiosk {answer['kiosk_id']} added to store {args.store}")
    _print_enrol_code(answer, fleet.server_url)
    return 0


def _kiosks_enrol_code(args: argparse.Namespace) -> int:
    with _signed_in() as fleet:
        answer = fleet.json("POST", f"/kiosks/{args.kiosk_id}/enrol-code")
    print(f"kiosk {args.kiosk_id}: its old token no longer works")
    _print_enrol_code(answer, fleet.server_url)
    return 0


def _print_enrol_code(answer: dict, server_url: str) -> None:
    print(f"enrolment code: {answer['enrol_code']}")
    print(f"valid until {answer['enrol_expires_at']}, once: on the kiosk run "
          f"`signage sync enrol --server {server_url} --code {answer['enrol_code']}`")


def _kiosks_revoke(args: argparse.Namespace) -> int:
    with _signed_in() as fleet:
        answer = fleet.json("POST", f"/kiosks/{args.kiosk_id}/revoke")
    print(f"kiosk {args.kiosk_id} revoked at {answer['revoked_at']}")
    return 0


def _kiosks_command(args: argparse.Namespace) -> int:
    with _signed_in() as fleet:
        answer = fleet.json("POST", f"/kiosks/{args.kiosk_id}/commands", json={"kind": args.kind})
    print(f"command {answer['command_id']} ({args.kind}) queued for kiosk {args.kiosk_id}: it goes out with the next heartbeat")
    return 0


def _kiosks_commands(args: argparse.Namespace) -> int:
    with _signed_in() as fleet:
        commands = fleet.json("GET", f"/kiosks/{args.kiosk_id}/commands")["commands"]
    rows = [(str(c["command_id"]), c["kind"], c["created_by"], _when(c["created_at"]), c["state"],
             "yes" if c["has_screenshot"] else "-", _one_line(c["detail"] or "") or "-") for c in commands]
    _print_table(("id", "kind", "by", "created", "state", "screenshot", "detail"), rows,
                 f"kiosk {args.kiosk_id} has had no commands")
    return 0


def _kiosks_screenshot(args: argparse.Namespace) -> int:
    with _signed_in() as fleet:
        data = fleet.request("GET", f"/commands/{args.command_id}/screenshot").content
    if not data.startswith(_PNG_SIGNATURE):
        raise FleetError(f"command {args.command_id}: the server's answer is not a PNG file")
    args.out.write_bytes(data)
    print(f"screenshot of command {args.command_id} written to {args.out} ({len(data):,} bytes)")
    return 0


# ---- content and the library ----------------------------------------------------------------------------


def _media_files(paths: list[Path]) -> list[Path]:
    """The files named, and every image or video under the folders named (not hidden), in order, once each."""
    from content.probe import SUPPORTED_EXTENSIONS

    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            for root, folders, files in os.walk(path):
                folders[:] = sorted(name for name in folders if not name.startswith("."))
                found.extend(Path(root) / name for name in sorted(files)
                             if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED_EXTENSIONS)
        elif path.exists():
            found.append(path)
        else:
            raise DataError(f"{path}: no such file or folder")
    return list(dict.fromkeys(found))


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(UPLOAD_CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()


def _chunks(path: Path) -> Iterator[bytes]:
    with path.open("rb") as file:
        while chunk := file.read(UPLOAD_CHUNK_BYTES):
            yield chunk


def _content_push(args: argparse.Namespace) -> int:
    from content.catalog import DEFAULT_IMAGE_DURATION_S, _title_from_file, name_from_file
    from content.probe import ContentKind, probe_media

    files = _media_files(args.paths)
    if not files:
        raise DataError(f"{', '.join(map(str, args.paths))}: no image or video files found")
    if args.name and len(files) > 1:
        raise DataError(f"--name: names one item, but {len(files)} files were given")
    # Every file is checked (and named) before anything is sent, so a bad one changes nothing.
    planned = []
    names: dict[str, Path] = {}
    for path in files:
        info = probe_media(path)  # MediaError naming the file: not an image or video the player can show
        # A name with no letters a slug can use (Korean, say) becomes image_1a2b3c4d, as `content add` does.
        name = args.name or name_from_file(path, info.kind)
        if name in names:
            raise DataError(f"{path}: its name {name!r} is also that of {names[name]}: rename one of them")
        names[name] = path
        if info.kind is ContentKind.VIDEO:
            if args.duration is not None:
                raise DataError(f"{path}: --duration: a video plays for its own length;"
                                " set a shorter time on the playlist entry instead")
            duration_s = info.duration_s
        else:
            duration_s = DEFAULT_IMAGE_DURATION_S if args.duration is None else args.duration
        item = {"kind": info.kind.value, "title": args.title or _title_from_file(path), "duration_s": duration_s,
                "sha256": _sha256_of(path), "extension": path.suffix.lower(), "tags": args.tag,
                "valid_from": args.valid_from, "valid_until": args.valid_until, "age_restricted": args.age_restricted,
                "text": None}
        planned.append((path, name, item))
    uploaded = skipped = made = updated = unchanged = 0
    with _signed_in() as fleet:
        library = {item["name"]: item for item in fleet.json("GET", "/library")["items"]}
        for path, name, item in planned:
            sha = item["sha256"]
            if fleet.request("HEAD", f"/content/{sha}", ok=(404,)).status_code == 404:
                fleet.json("PUT", f"/content/{sha}", content=_chunks(path),
                           headers={"Content-Type": _MEDIA_TYPES.get(item["extension"], "application/octet-stream"),
                                    "Content-Length": str(path.stat().st_size)})
                uploaded += 1
                sent = "uploaded"
            else:
                skipped += 1
                sent = "stored already"
            existing = library.get(name)
            if existing is None:
                fleet.json("POST", "/library", json={"name": name, **item})
                made += 1
                what = "new item"
            elif _same_item(existing, item):
                unchanged += 1
                what = "item unchanged"
            else:
                fleet.json("PUT", f"/library/{_segment(name)}", json=item)
                updated += 1
                what = "item updated"
            print(f"{name}: {path} ({sent}, {what})")
    print(f"{len(planned)} files: {uploaded} uploaded, {skipped} stored already; "
          f"library items: {made} new, {updated} updated, {unchanged} unchanged")
    return 0


def _same_item(existing: dict, item: dict) -> bool:
    """Whether the library item already says what `item` would (so no change, no audit row)."""
    from content.catalog import normalise_tags

    fields = {key: existing.get(key) for key in item}
    try:
        wanted = {**item, "tags": list(normalise_tags(item["tags"]))}
    except DataError:
        return False  # the server words the problem
    return fields == {**wanted, "duration_s": float(wanted["duration_s"])}


def _content_text(args: argparse.Namespace) -> int:
    item = {"kind": "text", "title": args.title or args.name.replace("_", " ").capitalize(), "duration_s": args.duration,
            "sha256": None, "tags": args.tag, "valid_from": args.valid_from, "valid_until": args.valid_until,
            "age_restricted": args.age_restricted,
            "text": {"body": args.body, "background": args.background, "foreground": args.foreground}}
    with _signed_in() as fleet:
        library = {entry["name"] for entry in fleet.json("GET", "/library")["items"]}
        if args.name in library:
            fleet.json("PUT", f"/library/{_segment(args.name)}", json=item)
            print(f"{args.name}: text slide updated")
        else:
            fleet.json("POST", "/library", json={"name": args.name, **item})
            print(f"{args.name}: text slide added")
    return 0


def _library_list(args: argparse.Namespace) -> int:
    with _signed_in() as fleet:
        items = fleet.json("GET", "/library")["items"]
    rows = [(i["name"], i["kind"], f"{float(i['duration_s']):g} s",
             "-" if i["size_bytes"] is None else f"{i['size_bytes']:,}", (i["sha256"] or "-")[:12],
             ",".join(i["tags"]) or "-", i["title"]) for i in items]
    _print_table(("name", "kind", "duration", "bytes", "sha256", "tags", "title"), rows,
                 "the library is empty (`signage fleet content push`)")
    return 0


# ---- releases ----------------------------------------------------------------------------------------------


def _release_push(args: argparse.Namespace) -> int:
    try:
        document_yaml = args.document.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(f"{args.document}: not found") from None
    except UnicodeDecodeError as error:
        raise DataError(f"{args.document}: not UTF-8 text ({error.reason} at byte {error.start})") from None
    with _signed_in() as fleet:
        try:
            answer = fleet.json("POST", f"/groups/{_segment(args.group)}/releases",
                                json={"document_yaml": document_yaml, "note": args.note})
        except FleetError as error:
            # The server names the document `release of group G`; the person knows it as this file.
            raise FleetError(str(error).replace(f"release of group {args.group}:", f"{args.document}:")) from None
    print(f"release {answer['release_id']}: group {answer['group']} version {answer['version']} "
          f"({answer['content_count']} content items); not out yet: "
          f"`signage fleet release rollout {answer['release_id']} --canary GROUP` or `--all`")
    return 0


def _release_list(args: argparse.Namespace) -> int:
    with _signed_in() as fleet:
        releases = fleet.json("GET", f"/groups/{_segment(args.group)}/releases")["releases"]
    rows = [(str(r["release_id"]), str(r["version"]), r["stage"], str(r["content_items"]), _when(r["created_at"]),
             r["created_by"], _one_line(r["note"] or "") or "-") for r in releases]
    _print_table(("id", "version", "stage", "items", "created", "by", "note"), rows,
                 f"group {args.group} has no releases yet (`signage fleet release push {args.group} rules.yaml`)")
    return 0


def _release_rollout(args: argparse.Namespace) -> int:
    body = {"stage": "all"} if args.all else {"stage": "canary", "canary_group": args.canary}
    with _signed_in() as fleet:
        state = fleet.json("POST", f"/releases/{args.release_id}/rollout", json=body)
    where = f"out to all of group {state['group']}" if args.all else f"in canary in {args.canary} for group {state['group']}"
    print(f"release {args.release_id}: {where}; {_group_state(state)}")
    return 0


def _release_rollback(args: argparse.Namespace) -> int:
    with _signed_in() as fleet:
        state = fleet.json("POST", f"/groups/{_segment(args.group)}/rollback")
    print(f"group {args.group} rolled back; " + _group_state(state))
    return 0


def _group_state(state: dict) -> str:
    current = ("none" if state["current_release_id"] is None
               else f"release {state['current_release_id']} (v{state['current_version']})")
    canary = ("none" if state["canary_release_id"] is None
              else f"release {state['canary_release_id']} (v{state['canary_version']}) in {state['canary_group']}")
    return f"current: {current}; canary: {canary}"


def _release_status(args: argparse.Namespace) -> int:
    with _signed_in() as fleet:
        status = fleet.json("GET", f"/rollouts/{args.release_id}")
    share = "-" if status["share"] is None else f"{status['share'] * 100:.1f} %"
    print(f"release {status['release_id']}: group {status['group']} version {status['version']}, stage {status['stage']}")
    print(f"kiosks targeted {status['kiosks_targeted']}, running {status['kiosks_running']}, share {share}")
    if status["waiting"]:
        shown = ", ".join(map(str, status["waiting"][:20]))
        more = len(status["waiting"]) - 20
        print(f"waiting: kiosk {shown}" + (f" and {more} more" if more > 0 else ""))
    return 0


# ---- audit and output ---------------------------------------------------------------------------------------


def _audit(args: argparse.Namespace) -> int:
    params = {"limit": args.limit}
    if args.since:
        params["since"] = args.since
    with _signed_in() as fleet:
        entries = fleet.json("GET", "/audit", params=params)["entries"]
    rows = [(_when(e["at"]), e["actor"], e["action"], _short_target(e["target"]),
             json.dumps(e["detail"], ensure_ascii=False, sort_keys=True, separators=(",", ":")) if e["detail"] else "-")
            for e in entries]
    _print_table(("at", "actor", "action", "target", "detail"), rows, "no audit entries")
    return 0


def _short_target(target: str) -> str:
    """`content:` and the first 12 hex digits of the sha256 (the detail column has it whole)."""
    kind, _, name = target.partition(":")
    return f"{kind}:{name[:12]}" if kind == "content" and len(name) == 64 else target


def _segment(text: str) -> str:
    """`text` as one URL path segment (a group named `a/b` must not become two)."""
    from urllib.parse import quote

    return quote(text, safe="")


def _print_table(headers: tuple[str, ...], rows: list[tuple[str, ...]], empty: str) -> None:
    """Left-aligned columns, two spaces apart; the last column is not padded; `empty` when no rows."""
    if not rows:
        print(empty)
        return
    widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]
    for row in [headers, *rows]:
        cells = [str(cell).ljust(width) for cell, width in zip(row[:-1], widths)] + [str(row[-1])]
        print("  ".join(cells).rstrip())
