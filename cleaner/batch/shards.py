"""Shards, the unit of work, and the output folder that makes a killed run resumable.

A shard is a slice of a JSONL file (`shard_size` lines) or up to `shard_size` text/HTML files
of one folder. Its rows go to hidden temporary files that are renamed into place, and only
then is its completion marker `done/<shard>.json` written: a marker always means complete
output, so a re-run skips marked shards, redoes the rest, and ends with the same files as an
uninterrupted run. Shard names are a slug of the input path plus a hash, never a path, so no
input name can place a file outside the output folder.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import orjson

from cleaner.batch import BatchError
from cleaner.batch.readers import (
    READ_ERRORS,
    ErrorRow,
    InputFile,
    JsonFields,
    SourceItem,
    item_from_line,
    open_binary,
    read_document_file,
    read_line,
)

Item = SourceItem | ErrorRow | None  # None: a blank JSONL line, which is no document

_UNSAFE_CHARS = re.compile(r"[^A-Za-z0-9._-]+")
_SLUG_CHARS = 60
_TMP_PREFIX = ".tmp-"


@dataclass(frozen=True)
class JsonlSlice:
    """`lines` lines of a JSONL file from `first_line` (1-based), which starts at byte `offset`
    of the (decompressed) file; `read_error` says why the file could not be read past them."""

    name: str
    input: str
    path: str
    offset: int
    first_line: int
    lines: int
    documents: int
    read_error: str | None = None

    def items(self, fields: JsonFields) -> Iterator[Item]:
        end = self.first_line + self.lines
        line = self.first_line
        try:
            with open_binary(Path(self.path)) as file:
                file.seek(self.offset)
                while line < end:
                    yield item_from_line(_read_line(file, line), self._origin(line), fields)
                    line += 1
        except READ_ERRORS as exc:
            yield from (ErrorRow(None, self._origin(n), "read_error", describe(exc))
                        for n in range(line, end))
        if self.read_error:
            yield ErrorRow(None, self._origin(end), "read_error", self.read_error)

    def _origin(self, line: int) -> dict[str, Any]:
        return {"path": self.input, "line": line}

    def fingerprint(self) -> str:
        return f"{self.name}:{self.first_line}+{self.lines}:{self.documents}:{self.read_error}"


@dataclass(frozen=True)
class FileGroup:
    """Text or HTML files of one folder (`input`), one document each: (path, display, kind)."""

    name: str
    input: str
    files: tuple[tuple[str, str, str], ...]

    @property
    def documents(self) -> int:
        return len(self.files)

    def items(self, fields: JsonFields) -> Iterator[Item]:
        for path, display, kind in self.files:
            yield read_document_file(Path(path), display, kind)

    def fingerprint(self) -> str:
        return f"{self.name}:" + "|".join(display for _, display, _ in self.files)


Shard = JsonlSlice | FileGroup


def _read_line(file: IO[bytes], line: int) -> bytes:
    raw, size = read_line(file)
    if not size:
        raise EOFError(f"the file ended before line {line}; was it changed during the run?")
    return raw


def describe(exc: BaseException) -> str:
    """A read failure in one line: "EOFError: Compressed file ended before ..."."""
    detail = getattr(exc, "strerror", None) or str(exc)
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__


def shard_name(kind: str, display: str, index: int) -> str:
    """A file-name-safe, unique shard name: the path's tail as a slug, a hash, the index.

    >>> shard_name("jsonl", "../data/news 2024.jsonl.gz", 3)
    'data-news-2024.jsonl.gz-8fb744d6-00003'
    """
    slug = _UNSAFE_CHARS.sub("-", display).strip("-.")[-_SLUG_CHARS:].strip("-.") or "input"
    digest = hashlib.blake2b(f"{kind}\0{display}".encode(), digest_size=4).hexdigest()
    return f"{slug}-{digest}-{index:05d}"


def plan_shards(files: list[InputFile], shard_size: int) -> list[Shard]:
    """Every input document in exactly one shard: JSONL files by line slices, then text and
    HTML files grouped by folder. The plan depends only on the inputs and `shard_size`."""
    shards: list[Shard] = []
    folders: dict[str, list[InputFile]] = {}
    for file in files:
        if file.kind == "jsonl":
            shards.extend(plan_jsonl(file, shard_size))
        else:
            folders.setdefault(os.path.dirname(file.display) or ".", []).append(file)
    for folder, members in folders.items():
        shards.extend(plan_folder(folder, members, shard_size))
    names = [shard.name for shard in shards]
    if len(set(names)) != len(names):
        raise BatchError("two inputs have names that differ only in undecodable bytes; rename one")
    return shards


def plan_jsonl(file: InputFile, shard_size: int) -> list[JsonlSlice]:
    """Slices of `shard_size` lines, with byte offsets so that each slice reads only its lines."""
    slices: list[JsonlSlice] = []
    start = offset = lines = documents = 0
    try:
        with open_binary(file.path) as handle:
            while True:
                raw, size = read_line(handle)
                if not size:
                    break
                if lines == shard_size:
                    slices.append(_slice(file, len(slices), start, shard_size, lines, documents))
                    start, lines, documents = offset, 0, 0
                lines += 1
                documents += bool(raw.strip())
                offset += size
    except READ_ERRORS as exc:
        return slices + [_slice(file, len(slices), start, shard_size, lines, documents + 1,
                                describe(exc))]
    if lines:
        slices.append(_slice(file, len(slices), start, shard_size, lines, documents))
    return slices


def _slice(file: InputFile, index: int, offset: int, shard_size: int, lines: int,
           documents: int, read_error: str | None = None) -> JsonlSlice:
    return JsonlSlice(shard_name("jsonl", file.display, index), file.display, str(file.path),
                      offset, index * shard_size + 1, lines, documents, read_error)


def plan_folder(folder: str, files: list[InputFile], shard_size: int) -> list[FileGroup]:
    chunks = [files[start:start + shard_size] for start in range(0, len(files), shard_size)]
    return [FileGroup(shard_name("files", folder, index), folder,
                      tuple((str(f.path), f.display, f.kind) for f in chunk))
            for index, chunk in enumerate(chunks)]


def plan_hash(shards: list[Shard], settings: dict[str, Any]) -> str:
    """Identifies the work of a run: which documents, in which shards, read how."""
    digest = hashlib.sha256(orjson.dumps(settings, option=orjson.OPT_SORT_KEYS))
    for shard in shards:
        digest.update(shard.fingerprint().encode("utf-8", "surrogateescape") + b"\n")
    return digest.hexdigest()[:16]


class OutputDir:
    """A run's output folder: records/, errors/, done/ (completion markers), run.json (what
    run this is, to refuse mixing runs) and manifest.json; and as asked, signatures/ (for
    finding duplicates), learn/done/ (markers of the template-learning pass, with its line
    counts) and templates.json."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.records = root / "records"
        self.errors = root / "errors"
        self.done = root / "done"
        self.signatures = root / "signatures"
        self.learn = root / "learn"
        self.run_file = root / "run.json"
        self.manifest_file = root / "manifest.json"
        self.templates_file = root / "templates.json"

    def signature_file(self, shard_name: str) -> Path:
        return self.signatures / f"{shard_name}.npz"

    def prepare(self, identity: dict[str, str], overwrite: bool) -> None:
        """Start fresh (`overwrite`, or a folder with no finished shard), or resume the same
        run; refuse to mix the results of two different runs."""
        ours = self.run_file.exists()
        finished = any(self.done.glob("*.json")) or any(self.learn.glob("done/*.json"))
        if ours and not overwrite and finished:
            self._check_same_run(identity)
        elif ours or overwrite:
            self.clear()
        elif self.root.exists() and any(self.root.iterdir()):
            raise BatchError(f"{self.root} is not empty and holds no cleaner run: "
                             "choose another --output, or pass --overwrite")
        for folder in (self.records, self.errors, self.done):
            folder.mkdir(parents=True, exist_ok=True)
        self._remove_temporary_files()
        write_atomic(self.run_file, orjson.dumps(identity, option=orjson.OPT_INDENT_2))

    def _remove_temporary_files(self) -> None:
        """What an interrupted run was writing; never published, so safe to drop."""
        for pattern in (f"records/{_TMP_PREFIX}*", f"errors/{_TMP_PREFIX}*", f"done/{_TMP_PREFIX}*",
                        f"signatures/{_TMP_PREFIX}*", f"learn/done/{_TMP_PREFIX}*",
                        f"{_TMP_PREFIX}*.json-*"):
            for stale in self.root.glob(pattern):
                stale.unlink()

    def clear(self) -> None:
        """Remove what a run writes, and nothing else that may be in the folder."""
        for folder in (self.records, self.errors, self.done, self.signatures, self.learn):
            shutil.rmtree(folder, ignore_errors=True)
        for file in (self.run_file, self.manifest_file, self.templates_file):
            file.unlink(missing_ok=True)

    def _check_same_run(self, identity: dict[str, str]) -> None:
        try:
            previous = orjson.loads(self.run_file.read_bytes())
        except orjson.JSONDecodeError:
            raise BatchError(f"{self.run_file} is damaged: pass --overwrite to start again",
                             ) from None
        for key, what in (("config_hash", "a different config"),
                          ("rules_hash", "rule files that have changed since"),
                          ("plan_hash", "different inputs or options")):
            if previous.get(key) != identity[key]:
                raise BatchError(f"{self.root} holds results from {what}: pass --overwrite to "
                                 "replace them, or choose another --output")

    def marker(self, shard: Shard) -> dict[str, Any] | None:
        """The completion marker of `shard`, if it finished."""
        try:
            return orjson.loads((self.done / f"{shard.name}.json").read_bytes())
        except (OSError, orjson.JSONDecodeError):
            return None

    @contextmanager
    def writer(self, shard: Shard) -> Iterator[ShardWriter]:
        """A writer for `shard`'s rows; its temporary files are removed if it is not committed."""
        with ExitStack() as files:
            writer = ShardWriter(self, shard.name, files)
            try:
                yield writer
            finally:
                writer.remove_temporary_files()

    def write_manifest(self, manifest: dict[str, Any]) -> None:
        write_atomic(self.manifest_file, orjson.dumps(manifest, option=orjson.OPT_INDENT_2))


class ShardWriter:
    """Streams a shard's rows to hidden temporary files; `commit` renames them into place and
    then writes the marker. A shard with no rows of a kind leaves no file of that kind."""

    def __init__(self, out: OutputDir, name: str, files: ExitStack) -> None:
        self.out = out
        self.name = name
        self.folders = {"records": out.records, "errors": out.errors}
        self.files = files
        self.handles: dict[str, IO[bytes]] = {}

    def write(self, kind: str, row: dict[str, Any]) -> None:
        handle = self.handles.get(kind)
        if handle is None:  # opened on the first row; the ExitStack closes it
            handle = open(self._temp(kind), "wb")  # noqa: SIM115
            self.handles[kind] = self.files.enter_context(handle)
        handle.write(orjson.dumps(row) + b"\n")

    def remove_temporary_files(self) -> None:
        for kind in self.handles:
            self._temp(kind).unlink(missing_ok=True)

    def commit(self, marker: dict[str, Any]) -> None:
        for kind, folder in self.folders.items():
            final = folder / f"{self.name}.jsonl"
            handle = self.handles.get(kind)
            if handle is None:
                final.unlink(missing_ok=True)  # left by an earlier, interrupted attempt
                continue
            _sync_close(handle)
            os.replace(self._temp(kind), final)
        write_atomic(self.out.done / f"{self.name}.json", orjson.dumps(marker))

    def _temp(self, kind: str) -> Path:
        return self.folders[kind] / f"{_TMP_PREFIX}{self.name}-{os.getpid()}.jsonl"


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a hidden temporary name in the same folder, then rename over `path`."""
    temp = path.with_name(f"{_TMP_PREFIX}{path.name}-{os.getpid()}")
    with open(temp, "wb") as handle:
        handle.write(data)
        _sync_close(handle)
    os.replace(temp, path)


def _sync_close(handle: IO[bytes]) -> None:
    """Flush to disk before a rename publishes the file, so a crash never leaves it torn."""
    handle.flush()
    os.fsync(handle.fileno())
    handle.close()
