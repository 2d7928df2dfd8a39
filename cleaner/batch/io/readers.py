"""Readers: input files (found by `cleaner.batch.io.inputs`) to source items.

What a document to clean is (`SourceItem`), what a document that cannot be cleaned becomes
(`ErrorRow`), and the reading of text and HTML files and of JSONL lines; WARC records are
read by `cleaner.batch.io.warc`, Parquet rows by `cleaner.batch.io.parquet`.
"""

from __future__ import annotations

import numbers
import os
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import orjson

from cleaner.batch.io.storage import input_size, open_input
from cleaner.document import ContentType

# What reading a (possibly compressed) input can raise: I/O, a bad or truncated gzip stream.
READ_ERRORS = (OSError, EOFError, zlib.error)
# The most one document (a file, or a JSONL line) may take in memory. clean() refuses far
# less (limits.max_input_bytes), but reading comes first: a 10 GB line must not be loaded.
MAX_DOCUMENT_BYTES = 256 * 2**20
# What is held at a time while reading past such a line: memory, not a limit on input.
_SKIP_CHUNK = 2**20


@dataclass(frozen=True)
class InputFile:
    """A file to read: `path` is absolute (for reading; a str URL for object storage),
    `display` as the user named it."""

    path: Path | str
    display: str
    kind: str  # "text" | "html" | "jsonl" | "warc" | "parquet"


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
    """One document to clean, and where it came from (`origin`, also the output rows' field); `source` is the document itself, as `clean()` takes it."""

    source: str | bytes
    origin: dict[str, Any]
    content_type: ContentType = "auto"
    id: str | None = None
    url: str | None = None
    charset: str | None = None  # the HTTP header's, for bytes from a WARC response


def origin_site(origin: dict[str, Any]) -> str | None:
    """The site of a document whose URL does not tell: the folder of its input file (the
    templates stage's `site`)."""
    return os.path.dirname(origin.get("path", "")) or None


@dataclass(frozen=True)
class ErrorRow:
    """A document that ends as an error instead of a record: one row of `errors/*.jsonl`."""

    id: str | None
    origin: dict[str, Any]
    error: str  # short snake_case kind: "invalid_json", "timeout", "decode_error", ...
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "origin": self.origin, "error": self.error, "message": self.message}


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
