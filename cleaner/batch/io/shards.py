"""Shards, the unit of work, and the output folder that makes a killed run resumable.

A shard is a slice of a JSONL file (`shard_size` lines), of a WARC file (`shard_size`
records, `cleaner.batch.io.warc`) or of a Parquet file (`shard_size` rows,
`cleaner.batch.io.parquet`), or up to `shard_size` text/HTML files of one folder. Its rows go
to hidden temporary files that are renamed into place (`cleaner.batch.io.output`), and only
then is its completion marker `done/<shard>.json` written: a marker always means complete
output, so a re-run skips marked shards, redoes the rest, and ends with the same files as an
uninterrupted run. Shard names are a slug of the input path plus a hash, never a path, so no
input name can place a file outside the output folder.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from cleaner.batch import BatchError
from cleaner.batch.io.parquet import ParquetSlice, plan_parquet
from cleaner.batch.io.readers import (
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
from cleaner.batch.io.warc import WarcSlice, plan_warc

Item = SourceItem | ErrorRow | None  # None: a blank JSONL line, which is no document

_UNSAFE_CHARS = re.compile(r"[^A-Za-z0-9._-]+")
# The input's name kept in a shard's name (its end, the most telling part): a readable
# name within file systems' 255-byte limit; the digest after it keeps names unique.
_SLUG_CHARS = 60


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
            with open_binary(self.path) as file:
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
            yield read_document_file(path, display, kind)

    def fingerprint(self) -> str:
        return f"{self.name}:" + "|".join(display for _, display, _ in self.files)


Shard = JsonlSlice | FileGroup | WarcSlice | ParquetSlice


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
        elif file.kind == "warc":
            shards.extend(plan_warc(file, shard_size, shard_name))
        elif file.kind == "parquet":
            shards.extend(plan_parquet(file, shard_size, shard_name))
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
