"""A run's output folder, local or in object storage, and the writer of a shard's rows.

Layout: records/, errors/ (rows, as JSONL or Parquet), done/ (completion markers), run.json
(what run this is, to refuse mixing runs) and manifest.json; and, on local folders, as asked,
signatures/ (for finding duplicates), learn/done/ (markers of the template-learning pass) and
templates.json.

A shard's rows go to hidden temporary files (beside their final name locally; in a local
temporary folder for object storage), are published (a rename; an upload, which appears
whole or not at all), and only then is the completion marker written: a marker always means
complete output. Object stores cannot rename atomically, so there the data is uploaded first
and the marker last, and a shard without its marker is redone, whatever else it left.
"""

from __future__ import annotations

import contextlib
import gzip
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Protocol

import orjson

from cleaner.batch import BatchError
from cleaner.batch.io.storage import filesystem, is_url

TMP_PREFIX = ".tmp-"
KINDS = ("records", "errors")


def data_suffix(output_format: str, compression: str | None) -> str:
    """The suffix of a shard's rows file: `.jsonl`, `.jsonl.gz` or `.parquet`."""
    if output_format == "parquet":
        return ".parquet"
    return ".jsonl.gz" if compression == "gzip" else ".jsonl"


class OutputDir:
    """A run's output folder (a local path, or a URL such as `s3://bucket/run/`); rows are
    written as `output_format` ("jsonl" or "parquet") with `compression`."""

    def __init__(self, root: Path | str, output_format: str = "jsonl",
                 compression: str | None = None) -> None:
        self.remote = is_url(root)
        self.store: Store = RemoteStore(str(root)) if self.remote else LocalStore(Path(root))
        self.root = Path(root) if not self.remote else None
        self.display = str(root)
        self.output_format = output_format
        self.compression = compression
        if self.root is not None:  # the local-only parts of a run (templates, duplicates)
            self.records = self.root / "records"
            self.errors = self.root / "errors"
            self.done = self.root / "done"
            self.signatures = self.root / "signatures"
            self.learn = self.root / "learn"
            self.templates_file = self.root / "templates.json"
            self.run_file = self.root / "run.json"
            self.manifest_file = self.root / "manifest.json"

    def signature_file(self, shard_name: str) -> Path:
        return self.signatures / f"{shard_name}.npz"

    def prepare(self, identity: dict[str, Any], overwrite: bool) -> None:
        """Start fresh (`overwrite`, or a folder with no finished shard), or resume the same
        run; refuse to mix the results of two different runs."""
        store = self.store
        ours = store.exists("run.json")
        finished = store.any_file("done", ".json") or store.any_file("learn/done", ".json")
        if ours and not overwrite and finished:
            self._check_same_run(identity)
        elif ours or overwrite:
            self.clear()
        elif not store.is_empty():
            raise BatchError(f"{self.display} is not empty and holds no cleaner run: "
                             "choose another --output, or pass --overwrite")
        store.make_folders(("records", "errors", "done"))
        store.remove_temporary_files()
        store.write("run.json", orjson.dumps(identity, option=orjson.OPT_INDENT_2))

    def clear(self) -> None:
        """Remove what a run writes, and nothing else that may be in the folder."""
        for folder in ("records", "errors", "done", "signatures", "learn"):
            self.store.remove_tree(folder)
        for name in ("run.json", "manifest.json", "templates.json"):
            self.store.remove(name)

    def _check_same_run(self, identity: dict[str, Any]) -> None:
        from cleaner.batch.identity import difference

        try:
            previous = orjson.loads(self.store.read("run.json") or b"")
        except orjson.JSONDecodeError:
            raise BatchError(f"{self.display}/run.json is damaged: pass --overwrite to start "
                             "again") from None
        differs = difference(previous, identity)
        if differs:
            raise BatchError(f"{self.display} holds results from {differs}: pass --overwrite "
                             "to replace them, or choose another --output")

    def marker(self, shard: Any) -> dict[str, Any] | None:
        """The completion marker of `shard`, if it finished."""
        try:
            return orjson.loads(self.store.read(f"done/{shard.name}.json") or b"")
        except orjson.JSONDecodeError:
            return None

    @contextmanager
    def writer(self, shard: Any) -> Iterator[ShardWriter]:
        """A writer for `shard`'s rows; its temporary files are removed if it is not committed."""
        writer = ShardWriter(self, shard.name)
        try:
            yield writer
        finally:
            writer.abandon()

    def write_manifest(self, manifest: dict[str, Any]) -> None:
        self.store.write("manifest.json", orjson.dumps(manifest, option=orjson.OPT_INDENT_2))


class ShardWriter:
    """Streams a shard's rows to temporary files; `commit` publishes them and then writes the
    marker. A shard with no rows of a kind leaves no file of that kind."""

    def __init__(self, out: OutputDir, name: str) -> None:
        self.out = out
        self.name = name
        self.suffix = data_suffix(out.output_format, out.compression)
        self.sinks: dict[str, RowSink] = {}

    def write(self, kind: str, row: dict[str, Any]) -> None:
        sink = self.sinks.get(kind)
        if sink is None:  # opened on the first row
            sink = self.sinks[kind] = open_sink(self._temp(kind), kind, self.out.output_format,
                                                self.out.compression)
        sink.write(row)

    def abandon(self) -> None:
        """Close and remove what was not committed (best effort: closing may fail again, as
        on a full disk, and must not hide the error that ended the shard)."""
        for kind, sink in self.sinks.items():
            with contextlib.suppress(Exception):
                sink.discard()
            self._temp(kind).unlink(missing_ok=True)
        self.sinks = {}

    def commit(self, marker: dict[str, Any]) -> None:
        for kind in KINDS:
            final = f"{kind}/{self.name}{self.suffix}"
            sink = self.sinks.get(kind)
            if sink is None:
                self.out.store.remove(final)  # left by an earlier, interrupted attempt
                continue
            sink.close()  # if this fails (a full disk), `abandon` removes the temporary file
            self.out.store.publish(self._temp(kind), final)
            del self.sinks[kind]
        self.out.store.write(f"done/{self.name}.json", orjson.dumps(marker))

    def _temp(self, kind: str) -> Path:
        return self.out.store.temporary(f"{kind}/{TMP_PREFIX}{self.name}-{os.getpid()}"
                                        f"{self.suffix}")


class RowSink(Protocol):
    def write(self, row: dict[str, Any]) -> None: ...
    def close(self) -> None: ...
    def discard(self) -> None: ...


class JsonlSink:
    """Rows as JSON lines, gzip-compressed (with a fixed header: same bytes every run) or not."""

    def __init__(self, path: Path, compression: str | None) -> None:
        self.raw = open(path, "wb")  # noqa: SIM115
        self.handle: IO[bytes] = (gzip.GzipFile(filename="", mode="wb", fileobj=self.raw,
                                                mtime=0) if compression == "gzip" else self.raw)

    def write(self, row: dict[str, Any]) -> None:
        self.handle.write(orjson.dumps(row) + b"\n")

    def close(self) -> None:
        if self.handle is not self.raw:
            self.handle.close()
        sync_close(self.raw)

    def discard(self) -> None:
        self.raw.close()


class ParquetSink:
    """Rows in a Parquet file of the record's (or the error row's) schema."""

    def __init__(self, path: Path, kind: str, compression: str | None) -> None:
        from cleaner.batch.io.parquet import ParquetRows, errors_schema, records_schema

        self.path = path
        schema = records_schema() if kind == "records" else errors_schema()
        self.rows = ParquetRows(str(path), schema, compression or "none")
        self.closed = False

    def write(self, row: dict[str, Any]) -> None:
        self.rows.write(row)

    def close(self) -> None:
        self.rows.close()
        self.closed = True
        fd = os.open(self.path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def discard(self) -> None:
        if not self.closed:
            self.rows.writer.close()


def open_sink(path: Path, kind: str, output_format: str, compression: str | None) -> RowSink:
    if output_format == "parquet":
        return ParquetSink(path, kind, compression)
    return JsonlSink(path, compression)


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
