"""`signage sync`: the kiosk's side of the central server (docs/fleet-api.md).

A service beside the player (`signage sync run`), never inside it: the player only
reads its SQLite database and never waits on the network.

* `settings`: the `sync:` section of the config file;
* `identity`: where its files are (beside the kiosk's database) and the enrolment;
* `client`: the HTTP client of the kiosk endpoints, every failure one `SyncError`;
* `apply`: a release checked, its content fetched by sha256, applied in one transaction;
* `spool`: proof of play and audience samples waiting for the server, bounded in bytes;
* `service`: the heartbeat, release and push tasks on an injected clock, with backoff.
"""
