"""Who is asking: people's passwords and sessions, kiosks' enrolment codes and tokens.

- Passwords are hashed with Argon2id (argon2-cffi, the OWASP recommendation), with the
  library's default cost; a hash made with an older cost is re-hashed at the next login.
- Tokens and enrolment codes are 256-bit random strings (`secrets`); the database keeps
  only their SHA-256. A salted slow hash is for low-entropy secrets like passwords; a
  token has 256 bits of entropy, so one fast SHA-256 lets the server find it by an
  index lookup on every request, and a copy of the database still yields no usable
  token.
- An enrolment code works once, within `ENROL_CODE_HOURS`; trading it for a token
  clears it. Making a new code for a kiosk revokes its token (a re-imaged PC enrols
  again); `revoke` ends a kiosk's access at once.
"""

from __future__ import annotations

import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

__all__ = [
    "ENROL_CODE_HOURS", "ROLES", "SESSION_HOURS", "hash_password", "needs_rehash", "new_enrol_code", "new_secret",
    "role_allows", "token_digest", "verify_password",
]

ROLES = ("viewer", "editor", "admin")  # each may do what the ones before it may
SESSION_HOURS = 12
ENROL_CODE_HOURS = 24
MIN_PASSWORD_CHARS = 12

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    """An Argon2id hash of `password` (with its salt and cost parameters)."""
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """True when `password` matches; False for a wrong password or an unreadable hash."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """True when the hash was made with weaker parameters than today's."""
    return _hasher.check_needs_rehash(password_hash)


def new_secret() -> str:
    """A fresh token or enrolment code: 43 URL-safe characters, 256 random bits."""
    return secrets.token_urlsafe(32)


def new_enrol_code() -> str:
    """A fresh one-time enrolment code: as `new_secret`, but never starting with '-'.

    A person types it after `--code` (`signage sync enrol --code CODE`), and a code that
    began with '-' (one in 64 of URL-safe base64) would be taken for an option.
    """
    while True:
        code = new_secret()
        if not code.startswith("-"):
            return code


def token_digest(token: str) -> bytes:
    """What the database stores and looks up for a token or code: its SHA-256."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).digest()


def role_allows(role: str, needed: str) -> bool:
    """Whether `role` may do what `needed` may (admin > editor > viewer)."""
    return ROLES.index(role) >= ROLES.index(needed)


def password_problem(password: str) -> str | None:
    """Why `password` is too weak to accept, or None."""
    if len(password) < MIN_PASSWORD_CHARS:
        return f"a password needs at least {MIN_PASSWORD_CHARS} characters"
    return None
