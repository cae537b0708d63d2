"""Reports across stores over HTTP: the console's numbers as JSON and CSV.

    GET /reports?group&store&from&to            viewer   every table (JSON)
    GET /reports/{table}.csv?group&store&from&to viewer   one table (CSV)

The work is `signage.server.reports` (the SQL, the kiosk's definitions, the store's time
zone); the console's reports page reads the same functions, so both give the same
numbers. A bad filter is a 400 whose `reason` is one sentence and whose `field` names it.
"""

from __future__ import annotations

import psycopg
from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from signage.server import reports
from signage.server.deps import Person, connection, require_role

__all__ = ["router"]

router = APIRouter()

viewer = require_role("viewer")


@router.get("/reports")
async def report(group: str | None = None, store: str | None = None, from_: str | None = Query(None, alias="from"),
                 to: str | None = None, person: Person = Depends(viewer),
                 db: psycopg.AsyncConnection = Depends(connection)) -> dict:
    """Plays, minutes, audience mix and rule hits of the chosen stores and dates (docs/fleet-api.md, Reports)."""
    chosen = await reports.parse_filter(db, group, store, from_, to)
    return reports.report_json(await reports.build_report(db, chosen))


@router.get("/reports/{name}.csv")
async def report_csv(name: str, group: str | None = None, store: str | None = None,
                     from_: str | None = Query(None, alias="from"), to: str | None = None,
                     person: Person = Depends(viewer), db: psycopg.AsyncConnection = Depends(connection)) -> Response:
    """One table of the report as CSV (RFC 4180, a header row, formula-looking text made inert)."""
    reports.check_table(name)
    chosen = await reports.parse_filter(db, group, store, from_, to)
    columns, rows = reports.table(await reports.build_report(db, chosen), name)
    return Response(reports.csv_text(columns, rows), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{reports.csv_filename(name, chosen)}"'})
