"""Content files by their SHA-256: a local folder by default, an S3-compatible bucket as an option.

A file is written once and never changed: its name is its hash, so a second upload of
the same bytes stores nothing new, and a kiosk that has the hash has the file.

    store = open_content_store(settings)        # LocalContentStore or S3ContentStore
    writer = store.writer(expected_sha256)
    for chunk in chunks:
        writer.write(chunk)                     # hashed while it arrives
    writer.commit()                             # HashMismatch: nothing is stored
    size = store.size(sha256)                   # None when absent
    for piece in store.read(sha256, start=0):   # bytes from `start` (a kiosk resuming)
        ...

The local folder keeps `ab/abcdef...` (the first two hex digits as a sub-folder, so no
folder holds a million entries). A file arrives in a temporary file in the same folder
tree (`.incoming/`), is hashed while it is written, flushed and fsynced, then renamed
atomically to its hash and the folder fsynced too: a crash leaves either nothing or the
whole, verified file, never a partial one under a hash name.

The bucket (`s3://bucket/prefix`, the `s3` extra: boto3) gets the same keys; an upload
is verified on the server before it is put, as a single object.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from foundation.errors import ModelError, SignageError

log = logging.getLogger(__name__)

__all__ = [
    "BlobWriter", "ContentStore", "HashMismatch", "LocalContentStore", "S3ContentStore", "content_store_of",
    "is_sha256", "open_content_store",
]

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
READ_CHUNK_BYTES = 1024 * 1024


def is_sha256(text: str) -> bool:
    """Whether `text` is a SHA-256 as the server names files: 64 lower-case hex digits."""
    return bool(_SHA256.match(text))


class HashMismatch(SignageError):
    """The bytes received do not have the SHA-256 they were sent under (nothing was stored)."""

    def __init__(self, expected: str, actual: str, size_bytes: int) -> None:
        self.expected = expected
        self.actual = actual
        self.size_bytes = size_bytes
        super().__init__(f"content sent as {expected} has sha256 {actual} ({size_bytes:,} bytes): nothing stored")


class BlobWriter(Protocol):
    """One file arriving: `write` its chunks, then `commit` (verifies) or `abort`."""

    size_bytes: int

    def write(self, chunk: bytes) -> None: ...

    def commit(self) -> None: ...

    def abort(self) -> None: ...


class ContentStore(Protocol):
    """Where content files live, by SHA-256."""

    def writer(self, sha256: str) -> BlobWriter:
        """A writer for a file that must hash to `sha256`."""

    def size(self, sha256: str) -> int | None:
        """The stored file's size in bytes, or None when it is not stored."""

    def read(self, sha256: str, start: int = 0, end: int | None = None) -> Iterator[bytes]:
        """The file's bytes from `start` up to `end` (exclusive; None: the end), in chunks."""


class LocalContentStore:
    """Content files in a folder: `ab/abcdef...`, written atomically and fsynced."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._incoming = self.folder / ".incoming"

    def path_of(self, sha256: str) -> Path:
        """Where the file of `sha256` lives (whether or not it is stored)."""
        if not is_sha256(sha256):
            raise ValueError(f"not a sha256: {sha256[:80]!r}")
        return self.folder / sha256[:2] / sha256

    def size(self, sha256: str) -> int | None:
        try:
            return self.path_of(sha256).stat().st_size
        except FileNotFoundError:
            return None

    def read(self, sha256: str, start: int = 0, end: int | None = None) -> Iterator[bytes]:
        with open(self.path_of(sha256), "rb") as file:
            file.seek(start)
            left = None if end is None else max(0, end - start)
            while left is None or left > 0:
                piece = file.read(READ_CHUNK_BYTES if left is None else min(READ_CHUNK_BYTES, left))
                if not piece:
                    return
                if left is not None:
                    left -= len(piece)
                yield piece

    def writer(self, sha256: str) -> _LocalWriter:
        target = self.path_of(sha256)
        self._incoming.mkdir(parents=True, exist_ok=True, mode=0o700)
        return _LocalWriter(sha256, target, self._incoming)


class _LocalWriter:
    def __init__(self, expected: str, target: Path, incoming: Path) -> None:
        self.expected = expected
        self.target = target
        self.size_bytes = 0
        self._hash = hashlib.sha256()
        descriptor, name = tempfile.mkstemp(dir=incoming, prefix=expected[:16] + ".", suffix=".part")
        self._temporary = Path(name)
        self._file = os.fdopen(descriptor, "wb")

    def write(self, chunk: bytes) -> None:
        self._hash.update(chunk)
        self._file.write(chunk)
        self.size_bytes += len(chunk)

    def commit(self) -> None:
        actual = self._hash.hexdigest()
        if actual != self.expected:
            self.abort()
            raise HashMismatch(self.expected, actual, self.size_bytes)
        try:
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
            self.target.parent.mkdir(parents=True, exist_ok=True)
            # Two uploads of the same file may race here: both renames put identical bytes in place.
            os.replace(self._temporary, self.target)
            _fsync_folder(self.target.parent)
        except BaseException:
            self.abort()
            raise

    def abort(self) -> None:
        if not self._file.closed:
            self._file.close()
        self._temporary.unlink(missing_ok=True)


def _fsync_folder(folder: Path) -> None:
    """Make a rename inside `folder` durable (its entry is written with the folder)."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


class S3ContentStore:
    """Content files in an S3-compatible bucket (`s3://bucket/prefix`), through boto3.

    The endpoint and credentials come from boto3's usual sources (AWS_* variables,
    ~/.aws/config; AWS_ENDPOINT_URL for MinIO, Ceph or another S3-compatible service).
    """

    def __init__(self, url: str) -> None:
        try:
            import boto3  # the optional `s3` extra
        except ImportError:
            raise ModelError(
                f"content bucket {url}: boto3 is not installed: pip install 'signage[s3]'"
                " (or leave server.content_bucket unset to keep files in the content folder)"
            ) from None
        match = re.match(r"^s3://([^/]+)/?(.*)$", url)
        if not match:
            raise SignageError(f"content bucket {url!r}: expected s3://bucket or s3://bucket/prefix")
        self.bucket = match.group(1)
        self.prefix = match.group(2).strip("/")
        self._client = boto3.client("s3")

    def _key(self, sha256: str) -> str:
        if not is_sha256(sha256):
            raise ValueError(f"not a sha256: {sha256[:80]!r}")
        return f"{self.prefix}/{sha256}" if self.prefix else sha256

    def size(self, sha256: str) -> int | None:
        from botocore.exceptions import ClientError

        try:
            return int(self._client.head_object(Bucket=self.bucket, Key=self._key(sha256))["ContentLength"])
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                return None
            raise

    def read(self, sha256: str, start: int = 0, end: int | None = None) -> Iterator[bytes]:
        byte_range = f"bytes={start}-" if end is None else f"bytes={start}-{end - 1}"
        reply = self._client.get_object(Bucket=self.bucket, Key=self._key(sha256), Range=byte_range)
        yield from reply["Body"].iter_chunks(READ_CHUNK_BYTES)

    def writer(self, sha256: str) -> _S3Writer:
        return _S3Writer(self, sha256)


class _S3Writer:
    """Spools to a temporary file while hashing, and puts the object once it is verified."""

    def __init__(self, store: S3ContentStore, expected: str) -> None:
        self.store = store
        self.expected = expected
        self.size_bytes = 0
        self._hash = hashlib.sha256()
        self._file = tempfile.TemporaryFile()

    def write(self, chunk: bytes) -> None:
        self._hash.update(chunk)
        self._file.write(chunk)
        self.size_bytes += len(chunk)

    def commit(self) -> None:
        actual = self._hash.hexdigest()
        try:
            if actual != self.expected:
                raise HashMismatch(self.expected, actual, self.size_bytes)
            self._file.seek(0)
            self.store._client.upload_fileobj(self._file, self.store.bucket, self.store._key(self.expected))
        finally:
            self._file.close()

    def abort(self) -> None:
        self._file.close()


def open_content_store(content_dir: Path, content_bucket: str | None = None) -> ContentStore:
    """The bucket when `content_bucket` is set (s3://...), else the folder `content_dir`."""
    if content_bucket:
        return S3ContentStore(content_bucket)
    return LocalContentStore(content_dir)


def content_store_of(app) -> ContentStore:
    """The app's content store, made from its settings on first use and kept in `app.state`."""
    store = getattr(app.state, "content_store", None)
    if store is None:
        settings = app.state.settings
        store = open_content_store(settings.content_dir, settings.content_bucket)
        app.state.content_store = store
    return store
