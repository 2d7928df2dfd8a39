"""Readers: command-line inputs to input files, and input files to source items.

An input is a file, a folder (walked recursively in sorted order) or a glob, local or an
fsspec URL (`s3://bucket/prefix/`). `*.txt` is text, `*.html`/`*.htm` HTML,
`*.jsonl`/`*.jsonl.gz` one JSON document per line, `*.warc`/`*.warc.gz` web archives
(`cleaner.batch.io.warc`), `*.parquet` tables (`cleaner.batch.io.parquet`). Files of other types
are skipped and reported; folders named `expected` (fixture expectations), hidden files and
folders, and the run's own output folder are not inputs.
"""

from __future__ import annotations

import glob
import numbers
import os
import zlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import orjson

from cleaner.batch import BatchError
from cleaner.batch.io.storage import (
    filesystem,
    input_size,
    is_url,
    join_url,
    local_path,
    open_input,
)
from cleaner.document import ContentType

_KIND_BY_SUFFIX = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl",
                   ".warc": "warc", ".parquet": "parquet"}
_GZIP_KINDS = {".jsonl.gz": "jsonl", ".warc.gz": "warc"}
_EXCLUDED_FOLDERS = frozenset({"expected"})
_GLOB_CHARS = frozenset("*?[")
# What reading a (possibly compressed) input can raise: I/O, a bad or truncated gzip stream.
READ_ERRORS = (OSError, EOFError, zlib.error)
# The most one document (a file, or a JSONL line) may take in memory. clean() refuses far
# less (limits.max_input_bytes), but reading comes first: a 10 GB line must not be loaded.
MAX_DOCUMENT_BYTES = 256 * 2**20
_SKIP_CHUNK = 2**20


@dataclass(frozen=True)
class InputFile:
    """A file to read: `path` is absolute (for reading; a str URL for object storage),
    `display` as the user named it."""

    path: Path | str
    display: str
    kind: str  # "text" | "html" | "jsonl" | "warc" | "parquet"


@dataclass(frozen=True)
class Skipped:
    """A file found among the inputs that is not read, and why."""

    display: str
    reason: str


@dataclass(frozen=True)
class SkippedRecord:
    """A record of a container (WARC) that is no document, and why: counted, never a row."""

    reason: str


@dataclass(frozen=True)
class JsonFields:
    """Field names of a JSONL document; `html` wins when a document has both it and `text`."""

    id: str = "id"
    text: str = "text"
    html: str = "html"
    url: str = "url"


@dataclass(frozen=True)
class SourceItem:
    """One document to clean, and where it came from (`origin`, the output rows' `source`)."""

    source: str | bytes
    origin: dict[str, Any]
    content_type: ContentType = "auto"
    id: str | None = None
    url: str | None = None
    charset: str | None = None  # the HTTP header's, for bytes from a WARC response


@dataclass(frozen=True)
class ErrorRow:
    """A document that ends as an error instead of a record: one row of `errors/*.jsonl`."""

    id: str | None
    origin: dict[str, Any]
    error: str  # short snake_case kind: "invalid_json", "timeout", "decode_error", ...
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.origin, "error": self.error, "message": self.message}


def file_kind(name: str) -> str | None:
    """The input kind a file name implies, or None for a type that is not read."""
    lower = name.lower()
    for suffix, kind in _GZIP_KINDS.items():
        if lower.endswith(suffix):
            return kind
    return _KIND_BY_SUFFIX.get(os.path.splitext(lower)[1])


def expand_inputs(inputs: Sequence[str], exclude: Path | str | None = None,
                  ) -> tuple[list[InputFile], list[Skipped]]:
    """The files `inputs` name, in order and each once; BatchError for an input naming nothing.

    Files inside `exclude` (the run's output folder, or its URL) are never inputs, however
    they are named.
    """
    if isinstance(exclude, str):
        return _expand(inputs, None, exclude.rstrip("/") + "/")
    return _expand(inputs, exclude, None)


def _expand(inputs: Sequence[str], exclude: Path | None, exclude_url: str | None,
            ) -> tuple[list[InputFile], list[Skipped]]:
    found: list[InputFile] = []
    skipped: list[Skipped] = []
    seen: set[Path] = set()
    excluded = exclude.resolve() if exclude else None
    for arg in inputs:
        before = len(found), len(skipped)
        if is_url(arg):
            readable = _add_remote(arg, found, skipped, exclude_url)
        else:
            readable = _add_local(arg, excluded, seen, found, skipped)
        if not readable:
            raise BatchError(_nothing_to_read(arg, skipped[before[1]:]))
    return found, skipped


def _add_local(arg: str, excluded: Path | None, seen: set[Path], found: list[InputFile],
               skipped: list[Skipped]) -> int:
    """Add the files of one local input; returns how many of them are of a readable type."""
    readable = 0
    for path in _paths_of(local_path(arg), excluded):
        resolved = path.resolve()
        if excluded and resolved.is_relative_to(excluded):
            continue
        kind = file_kind(path.name)
        readable += kind is not None
        if resolved in seen:
            continue
        seen.add(resolved)
        display = printable(os.path.normpath(path))
        if kind is None:
            skipped.append(Skipped(display, f"unsupported file type {path.suffix or '(none)'}"))
        else:
            found.append(InputFile(resolved, display, kind))
    return readable


def _nothing_to_read(arg: str, skipped: list[Skipped]) -> str:
    """The one line for an input that holds no file of a type `cleaner run` reads."""
    if not skipped:
        return f"{arg}: no file to read (an empty folder?)"
    if len(skipped) == 1 and skipped[0].display in (arg, printable(os.path.normpath(arg))):
        return (f"{arg}: {skipped[0].reason}; cleaner run reads .txt, .html, .jsonl[.gz], "
                ".warc[.gz] and .parquet")
    return (f"{arg}: none of its {len(skipped)} files is of a type cleaner run reads "
            f"(.txt, .html, .jsonl[.gz], .warc[.gz], .parquet); first: {skipped[0].display}")


def _add_remote(url: str, found: list[InputFile], skipped: list[Skipped],
                exclude_url: str | None) -> int:
    """Add the objects `url` names (an object, a prefix walked in sorted order, or a glob);
    returns how many of them are of a readable type."""
    fs, inside = filesystem(url)
    try:
        if _GLOB_CHARS & set(inside):
            paths = sorted(fs.glob(inside))
        elif fs.isdir(inside):
            paths = sorted(fs.find(inside))
        elif fs.isfile(inside):
            paths = [inside]
        else:
            raise BatchError(f"input not found: {url}")
    except OSError as exc:
        raise BatchError(f"cannot list {url}: {exc}") from None
    if not paths:
        raise BatchError(f"no object matches {url!r}")
    readable = 0
    for path in paths:
        name = path.rsplit("/", 1)[-1]
        if name.startswith(".") or any(part.startswith(".") for part in path.split("/")[1:]):
            continue
        kind = file_kind(name)
        full = join_url(fs, path)
        if exclude_url and full.startswith(exclude_url):
            continue
        readable += kind is not None
        if kind is None:
            skipped.append(Skipped(full, f"unsupported file type {Path(name).suffix or '(none)'}"))
        elif not any(f.path == full for f in found):
            found.append(InputFile(full, full, kind))
    return readable


def printable(path: str) -> str:
    """A file name as valid text: undecodable bytes (kept by the OS as surrogates) become �."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _paths_of(arg: str, excluded: Path | None) -> list[Path]:
    path = Path(arg)
    if path.is_dir():
        return list(walk_folder(path, excluded))
    if path.is_file():
        return [path]
    if path.exists():
        raise BatchError(f"input is not a file or folder: {arg}")
    if _GLOB_CHARS & set(arg):
        matches = sorted(glob.glob(arg, recursive=True))
        if not matches:
            raise BatchError(f"no file matches {arg!r}")
        return [p for match in matches for p in _paths_of(match, excluded)]
    raise BatchError(f"input not found: {arg}")


def walk_folder(folder: Path, excluded: Path | None) -> Iterator[Path]:
    """Files under `folder` in sorted order, leaving out hidden entries, `expected` folders
    and the `excluded` folder (the run's output, which may sit inside an input folder)."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _EXCLUDED_FOLDERS
                         and (excluded is None or (Path(root) / d).resolve() != excluded))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def open_binary(path: Path | str) -> IO[bytes]:
    """An input file as bytes (local or a URL), decompressed when its name ends in `.gz`."""
    return open_input(path)


def read_document_file(path: Path | str, display: str, kind: str) -> SourceItem | ErrorRow:
    """A `.txt` or `.html` file as one source item; bytes, so `clean()` detects the charset."""
    origin = {"path": display}
    try:
        size = input_size(path)
        if size > MAX_DOCUMENT_BYTES:
            return ErrorRow(None, origin, "too_large",
                            f"the file has {size:,} bytes, over the {MAX_DOCUMENT_BYTES:,} one "
                            "document may take; it was not read")
        with open_input(path) as handle:
            data = handle.read()
    except OSError as exc:
        return ErrorRow(None, origin, "read_error", exc.strerror or str(exc))
    return SourceItem(data, origin, kind)


# What `read_line` gives for a line too long to be a document (JSON cannot start so).
TOO_LONG = b"\x00too long"


def read_line(file: IO[bytes]) -> tuple[bytes, int]:
    """The next line of `file` (b"" at the end) and its length in bytes. A line longer than
    MAX_DOCUMENT_BYTES is read past in chunks, never held whole, and comes back as TOO_LONG."""
    raw = file.readline(MAX_DOCUMENT_BYTES + 1)
    if len(raw) <= MAX_DOCUMENT_BYTES or raw.endswith(b"\n"):
        return raw, len(raw)
    size = len(raw)
    while (chunk := file.readline(_SKIP_CHUNK)) and not chunk.endswith(b"\n"):
        size += len(chunk)
    return TOO_LONG, size + len(chunk)


def item_from_line(raw: bytes, origin: dict[str, Any], fields: JsonFields,
                   ) -> SourceItem | ErrorRow | None:
    """A JSONL line as a source item, an error row if it is not a usable document, or None
    for a blank line (which is no document)."""
    if raw is TOO_LONG:
        return ErrorRow(None, origin, "too_large",
                        f"the line has more than {MAX_DOCUMENT_BYTES:,} bytes, the most one "
                        "document may take; it was skipped")
    if not raw.strip():
        return None
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        return ErrorRow(None, origin, "invalid_json", f"not valid JSON: {exc}")
    return item_from_mapping(data, origin, fields)


def item_from_mapping(data: Any, origin: dict[str, Any], fields: JsonFields,
                      ) -> SourceItem | ErrorRow:
    """A `{"id", "text" | "html", "url"}` document as a source item, or why it is not one."""
    if not isinstance(data, Mapping):
        return ErrorRow(None, origin, "invalid_document",
                        f"a JSON {json_type(data)} where a document object was expected")
    doc_id = data.get(fields.id)
    if doc_id is not None and (isinstance(doc_id, bool)
                               or not isinstance(doc_id, (str, numbers.Integral))):
        return ErrorRow(None, origin, "invalid_field",
                        f"{fields.id!r} must be a string or an integer, not {json_type(doc_id)}")
    doc_id = None if doc_id is None else str(doc_id)
    url = data.get(fields.url)
    if url is not None and not isinstance(url, str):
        return ErrorRow(doc_id, origin, "invalid_field",
                        f"{fields.url!r} must be a string, not {json_type(url)}")
    field, content_type = ((fields.html, "html") if data.get(fields.html) is not None
                           else (fields.text, "text"))
    value = data.get(field)
    if value is None:
        return ErrorRow(doc_id, origin, "missing_text", f"no {fields.text!r} or {fields.html!r} "
                        "field (see --text-field/--html-field)")
    if not isinstance(value, str):
        return ErrorRow(doc_id, origin, "invalid_field",
                        f"{field!r} must be a string, not {json_type(value)}")
    return SourceItem(str(value), origin, content_type, doc_id, None if url is None else str(url))


def json_type(value: Any) -> str:
    """The JSON name of a value's type, for messages about a document's fields."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, numbers.Number):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, Mapping):
        return "object"
    return "array" if isinstance(value, (list, tuple)) else type(value).__name__
