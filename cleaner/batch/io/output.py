"""A run's output folder, local or in object storage, and the writer of a shard's rows.

Layout: records/, errors/ (rows, as JSONL or Parquet), done/ (completion markers), run.json
(what run this is, to refuse mixing runs) and manifest.json; and, on local folders, as asked,
signatures/ (for finding duplicates), learn/done/ (markers of the template-learning pass) and
templates.json.

A shard's rows go to hidden temporary files (beside their final name locally; in a local
temporary folder for object storage: `cleaner.batch.io.stores`), are published (a rename; an
upload, which appears whole or not at all), and only then is the completion marker written: a marker always means
complete output. Object stores cannot rename atomically, so there the data is uploaded first
and the marker last, and a shard without its marker is redone, whatever else it left.
"""

from __future__ import annotations

import contextlib
import gzip
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Protocol

import orjson

from cleaner.batch import BatchError
from cleaner.batch.io.storage import is_url
from cleaner.batch.io.stores import TMP_PREFIX, LocalStore, RemoteStore, Store, sync_close

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
