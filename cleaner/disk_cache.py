"""A cache across processes, for what is slow to build at start-up and the same every time.

Each entry is one file under the user's cache directory (`$CLEANER_CACHE_DIR`, else
`$XDG_CACHE_HOME/cleaner`, else `~/.cache/cleaner`), named by a key that hashes whatever
the content depends on, so a stale entry is never read: a changed source has another key.
An entry starts with the length and CRC-32 of its data; one that is truncated or corrupt
fails that check and is rebuilt. Writing is atomic (a temporary file, then a rename) and best effort:
a read-only or missing directory only means that nothing is cached.
Entries of a name left unwritten for 30 days are removed when another of that name is
written. `CLEANER_CACHE_DIR=off` switches the cache off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import time
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

_MAX_AGE_SECONDS = 30 * 24 * 3600  # older entries of the same name go when one is written
_HEADER = 12  # length (8 bytes) and CRC-32 (4 bytes) of the data, little-endian


def cache_dir() -> Path | None:
    """Where entries are kept, or None when the cache is off."""
    configured = os.environ.get("CLEANER_CACHE_DIR")
    if configured:
        return None if configured == "off" else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "cleaner"


def cached_bytes(name: str, key: str, build: Callable[[], bytes]) -> bytes:
    """The bytes `build()` makes, read from the entry `name`-`key` when it is there and
    whole, else built and written for the next process."""
    folder = cache_dir()
    path = folder / f"{name}-{key}.bin" if folder is not None else None
    if path is not None:
        data = _read(path)
        if data is not None:
            return data
    data = build()
    if path is not None:
        _write(path, data)
        _prune(path.parent, name)
    return data


def cached_object(name: str, key: str, build: Callable[[], T]) -> T:
    """The object `build()` makes, kept pickled in the entry `name`-`key`; built anew when
    the entry does not unpickle here."""
    data = cached_bytes(name, key, lambda: pickle.dumps(build()))
    try:
        return pickle.loads(data)
    except Exception:  # noqa: BLE001 -- an entry this code cannot read: build anew
        return build()


def file_digests(paths: Iterable[str | Path]) -> list[str]:
    """The SHA-256 of each file's bytes, for a key (OSError when one cannot be read)."""
    return [hashlib.sha256(Path(path).read_bytes()).hexdigest() for path in paths]


def _read(path: Path) -> bytes | None:
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    header, data = raw[:_HEADER], raw[_HEADER:]
    return data if header == _header(data) else None


def _header(data: bytes) -> bytes:
    return len(data).to_bytes(8, "little") + zlib.crc32(data).to_bytes(4, "little")


def _write(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=path.name, suffix=".tmp",
                                         delete=False) as tmp:
            tmp.write(_header(data) + data)
        os.replace(tmp.name, path)
    except OSError:
        try:
            os.unlink(tmp.name)
        except (OSError, NameError):
            pass


def _prune(folder: Path, name: str) -> None:
    """Remove entries of `name` not written for `_MAX_AGE_SECONDS` (other keys: stale)."""
    cutoff = time.time() - _MAX_AGE_SECONDS
    for old in folder.glob(f"{name}-*"):
        try:
            if old.stat().st_mtime < cutoff:
                old.unlink()
        except OSError:
            pass


def key_of(*parts: object) -> str:
    """A short hash of `parts` (their reprs), for an entry's key."""
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()[:16]
