"""Where a run's output is written: a local folder, or an object store (`s3://bucket/prefix`).

Locally, a file is written under a hidden temporary name beside its final one and renamed
into place (`write_atomic`). Object stores cannot rename: each object is one upload, which
appears whole or not at all, staged in a local temporary folder first.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import IO, Protocol

from cleaner.batch.io.storage import filesystem

TMP_PREFIX = ".tmp-"


class Store(Protocol):
    """The few operations the output needs, on a local folder or an object store. Names are
    relative to the output's root, with `/`."""

    def exists(self, name: str) -> bool: ...
    def read(self, name: str) -> bytes | None: ...
    def write(self, name: str, data: bytes) -> None: ...
    def publish(self, local: Path, name: str) -> None: ...
    def remove(self, name: str) -> None: ...
    def remove_tree(self, folder: str) -> None: ...
    def any_file(self, folder: str, suffix: str) -> bool: ...
    def is_empty(self) -> bool: ...
    def make_folders(self, folders: tuple[str, ...]) -> None: ...
    def temporary(self, name: str) -> Path: ...
    def remove_temporary_files(self) -> None: ...


class LocalStore:
    """A local folder: files are written under a hidden name and renamed into place."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def exists(self, name: str) -> bool:
        return (self.root / name).exists()

    def read(self, name: str) -> bytes | None:
        try:
            return (self.root / name).read_bytes()
        except OSError:
            return None

    def write(self, name: str, data: bytes) -> None:
        write_atomic(self.root / name, data)

    def publish(self, local: Path, name: str) -> None:
        os.replace(local, self.root / name)

    def remove(self, name: str) -> None:
        (self.root / name).unlink(missing_ok=True)

    def remove_tree(self, folder: str) -> None:
        shutil.rmtree(self.root / folder, ignore_errors=True)

    def any_file(self, folder: str, suffix: str) -> bool:
        return any((self.root / folder).glob(f"*{suffix}"))

    def is_empty(self) -> bool:
        return not self.root.exists() or not any(self.root.iterdir())

    def make_folders(self, folders: tuple[str, ...]) -> None:
        for folder in folders:
            (self.root / folder).mkdir(parents=True, exist_ok=True)

    def temporary(self, name: str) -> Path:
        return self.root / name  # the name is hidden already; same folder, so rename works

    def remove_temporary_files(self) -> None:
        """What an interrupted run was writing; never published, so safe to drop."""
        for pattern in (f"records/{TMP_PREFIX}*", f"errors/{TMP_PREFIX}*", f"done/{TMP_PREFIX}*",
                        f"signatures/{TMP_PREFIX}*", f"learn/done/{TMP_PREFIX}*",
                        f"{TMP_PREFIX}*.json-*"):
            for stale in self.root.glob(pattern):
                stale.unlink()


class RemoteStore:
    """An fsspec location (`s3://bucket/prefix`): each object is written by one upload, which
    appears whole or not at all; rows are staged in a local temporary folder first."""

    def __init__(self, url: str) -> None:
        self.url = url.rstrip("/")
        self.fs, self.base = filesystem(self.url)
        self.staging = Path(tempfile.gettempdir()) / "cleaner-staging"

    def _key(self, name: str) -> str:
        return f"{self.base}/{name}"

    def exists(self, name: str) -> bool:
        return self.read(name) is not None

    def read(self, name: str) -> bytes | None:
        """The object's bytes, never from fsspec's listing cache: another process (a worker)
        may have written it since this one last looked."""
        key = self._key(name)
        self.fs.invalidate_cache(key)
        try:
            return self.fs.cat_file(key)
        except FileNotFoundError:
            return None

    def write(self, name: str, data: bytes) -> None:
        self.fs.pipe_file(self._key(name), data)

    def publish(self, local: Path, name: str) -> None:
        self.fs.put_file(str(local), self._key(name))
        local.unlink(missing_ok=True)

    def remove(self, name: str) -> None:
        try:
            self.fs.rm_file(self._key(name))
        except FileNotFoundError:
            pass

    def remove_tree(self, folder: str) -> None:
        self.fs.invalidate_cache()
        for key in self.fs.find(self._key(folder)):
            self.fs.rm_file(key)

    def any_file(self, folder: str, suffix: str) -> bool:
        self.fs.invalidate_cache()
        return any(key.endswith(suffix) for key in self.fs.find(self._key(folder)))

    def is_empty(self) -> bool:
        self.fs.invalidate_cache()
        return not self.fs.find(self.base)

    def make_folders(self, folders: tuple[str, ...]) -> None:
        """Object stores have no folders: a key's prefix is its folder."""

    def temporary(self, name: str) -> Path:
        path = self.staging / name
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def remove_temporary_files(self) -> None:
        """Nothing is staged in the store itself: an interrupted upload never appears."""


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a hidden temporary name in the same folder, then rename over `path`."""
    temp = path.with_name(f"{TMP_PREFIX}{path.name}-{os.getpid()}")
    with open(temp, "wb") as handle:
        handle.write(data)
        sync_close(handle)
    os.replace(temp, path)


def sync_close(handle: IO[bytes]) -> None:
    """Flush to disk before a rename publishes the file, so a crash never leaves it torn."""
    handle.flush()
    os.fsync(handle.fileno())
    handle.close()
