"""The server's one kind of refusal: an `ApiError` becomes a 4xx with a JSON reason.

    {"error": {"code": "duplicate_batch", "reason": "one line a person can act on"}}

Routes raise `ApiError(status, code, reason)`; `signage.server.app` turns it, FastAPI's
own validation errors, malformed JSON and a PostgreSQL that is down into that body, so
every refusal looks the same to a client (docs/fleet-api.md, "Errors").
"""

from __future__ import annotations

from foundation.errors import SignageError

__all__ = ["ApiError", "bad_request", "conflict", "forbidden", "limit_text", "not_found", "unauthorised"]


class ApiError(SignageError):
    """A request refused with `status` (4xx), a machine-readable `code` and a one-line `reason`."""

    def __init__(self, status: int, code: str, reason: str, **extra: object) -> None:
        super().__init__(reason)
        self.status = status
        self.code = code
        self.reason = reason
        self.extra = extra  # more keys of the error body, e.g. next_seq

    def body(self) -> dict:
        """The JSON body of the reply."""
        return {"error": {"code": self.code, "reason": self.reason, **self.extra}}


def bad_request(reason: str) -> ApiError:
    return ApiError(400, "bad_request", reason)


def unauthorised(reason: str) -> ApiError:
    return ApiError(401, "unauthorised", reason)


def forbidden(reason: str) -> ApiError:
    return ApiError(403, "forbidden", reason)


def not_found(reason: str) -> ApiError:
    return ApiError(404, "not_found", reason)


def conflict(reason: str, code: str = "conflict", **extra: object) -> ApiError:
    return ApiError(409, code, reason, **extra)


def limit_text(limit: int) -> str:
    """A body or upload limit as a person reads it: '2 GiB', '300 KiB' (binary units: limits are set in them)."""
    for unit, scale in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if limit >= scale:
            return f"{limit / scale:g} {unit}" if limit % scale == 0 else f"{limit / scale:.1f} {unit}"
    return f"{limit:,} bytes"
