"""Fixtures of the sync tests: a contract server on loopback, a kiosk folder, a service on a fake clock."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace
from pathlib import Path

import pytest

from foundation.clock import FakeClock
from signage.sync.identity import KioskIdentity, SyncPaths, save_identity
from signage.sync.service import SyncService
from signage.sync.settings import SyncSettings
from tests.sync.contract_server import ContractServer

START = dt.datetime(2026, 12, 1, 14, 0, 0)

# Short timeouts: a "slow" server must time out quickly in a test.
TEST_SETTINGS = SyncSettings(connect_timeout_s=1.0, request_timeout_s=1.0, status_timeout_s=1.0)


@pytest.fixture
def fleet():
    """The contract server on a free loopback port."""
    server = ContractServer()
    yield server
    server.stop()


@pytest.fixture
def kiosk(tmp_path) -> SyncPaths:
    """A kiosk's data folder (the database is created by whoever opens it first)."""
    return SyncPaths((tmp_path / "kiosk" / "signage.db").absolute())


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(0.0, start=START)


@pytest.fixture
def make_service(fleet, kiosk, clock):
    """`make_service(**settings)`: an enrolled kiosk's SyncService on the fake clock."""
    services: list[SyncService] = []

    def make(player_status_port: int = 0, url: str | None = None, token: str | None = None, **changes) -> SyncService:
        save_identity(kiosk.identity, KioskIdentity(url or fleet.url, fleet.kiosk_id, token or fleet.token))
        service = SyncService(replace(TEST_SETTINGS, **changes), kiosk, _identity(kiosk), clock,
                              player_status_port=player_status_port, rng=random.Random(7))
        services.append(service)
        return service

    yield make
    for service in services:
        service.close()


def _identity(paths: SyncPaths) -> KioskIdentity:
    from signage.sync.identity import load_identity

    return load_identity(paths.identity)


def pytest_collection_modifyitems(items) -> None:
    for item in items:
        if Path(str(item.fspath)).name == "test_sync_with_server.py":
            item.add_marker(pytest.mark.postgres)
