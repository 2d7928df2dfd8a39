"""WARC and WARC.gz input, read with fastwarc (the `warc` extra).

Every `response` record whose HTTP `Content-Type` is HTML is one document: `id` is its
`WARC-Record-ID` (without the angle brackets), `url` its `WARC-Target-URI`, and the bytes
keep the HTTP header's charset (`SourceItem.charset`, handed to `clean(..., charset=...)`,
whose decode stage weighs it with the page's own declaration) and lose their chunked transfer coding and gzip or
deflate content coding. Other records are no documents: they are counted by
reason (`record_type:request`, `content_type:image/png`, ...) in the shard's marker and the
manifest, never written as rows. A truncated file ends as one `truncated` error row; the
records before the damage are kept.

A shard is a slice of `shard_size` WARC records starting at a record's byte offset (of the
compressed file for `.warc.gz`, whose records are gzip members), so that each shard reads
only its records.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from cleaner.batch import BatchError
from cleaner.batch.io.readers import (
    MAX_DOCUMENT_BYTES,
    ErrorRow,
    InputFile,
    JsonFields,
    SkippedRecord,
    SourceItem,
)
from cleaner.batch.io.storage import open_raw

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
WARC_MISSING = "{path}: WARC input needs the 'warc' extra: pip install 'cleaner[warc]'"


def _fastwarc() -> Any:
    try:
        from fastwarc import warc
    except ImportError:
        return None
    return warc


def require_fastwarc(path: str) -> None:
    """BatchError (exit 2) before any work when a WARC input cannot be read."""
    if _fastwarc() is None:
        raise BatchError(WARC_MISSING.format(path=path))


@dataclass(frozen=True)
class WarcSlice:
    """`records` WARC records of a file from byte `offset` (`documents` of them HTML
    responses); `read_error` says why the file could not be read past them."""

    name: str
    input: str
    path: str
    offset: int
    records: int
    documents: int
    read_error: str | None = None

    def items(self, fields: JsonFields) -> Iterator[SourceItem | ErrorRow | SkippedRecord]:
        warc = _fastwarc()
        read = 0
        try:
            with open_raw(self.path) as stream:
                stream.seek(self.offset)
                for record in warc.ArchiveIterator(stream, parse_http=True):
                    if read == self.records:
                        break
                    item = record_item(record, self.input)
                    yield item
                    read += 1
                    if isinstance(item, ErrorRow) and item.error == "truncated":
                        return  # nothing follows the damage
        except OSError as exc:
            yield ErrorRow(None, {"path": self.input}, "read_error", f"OSError: {exc}")
            return
        if read < self.records:
            yield ErrorRow(None, {"path": self.input}, "read_error",
                           f"the file ended after {read} of this shard's {self.records} records; "
                           "was it changed during the run?")
        elif self.read_error:
            yield ErrorRow(None, {"path": self.input}, "truncated", self.read_error)

    def fingerprint(self) -> str:
        return f"{self.name}:{self.offset}+{self.records}:{self.documents}:{self.read_error}"


def record_item(record: Any, display: str) -> SourceItem | ErrorRow | SkippedRecord:
    """One WARC record as a document, a skipped record (with its reason), or the error row
    of a truncated record."""
    origin = {"path": display, "offset": record.stream_pos}
    record_id = _unbracket(record.headers.get("WARC-Record-ID"))
    kind = str(record.record_type).rsplit(".", 1)[-1]
    content_type = (record.http_content_type or "").lower() if record.is_http else ""
    wanted = kind == "response" and content_type in HTML_TYPES
    if wanted and record.content_length > MAX_DOCUMENT_BYTES:
        record.consume()
        return ErrorRow(record_id, origin, "too_large",
                        f"the HTTP body has {record.content_length:,} bytes, over the "
                        f"{MAX_DOCUMENT_BYTES:,} one document may take; it was not read")
    payload = record.reader.read() if wanted else None
    got = len(payload) if wanted else record.consume()
    if _truncated(record, got):
        return ErrorRow(record_id, origin, "truncated",
                        f"the WARC file is truncated: its record at byte {record.stream_pos} "
                        f"({kind}) ends early; the records before it were read")
    if kind != "response":
        return SkippedRecord(f"record_type:{kind}")
    if not record.is_http:
        return SkippedRecord("not_http")
    if not wanted:
        return SkippedRecord(f"content_type:{content_type or 'none'}")
    url = _unbracket(record.headers.get("WARC-Target-URI"))
    try:
        body = decode_http_body(payload, record.http_headers)
    except HttpBodyError as exc:
        return ErrorRow(record_id, origin, exc.kind, str(exc))
    return SourceItem(body, origin, "html", record_id, url, record.http_charset or None)


class HttpBodyError(ValueError):
    """An HTTP body that cannot be decoded; `kind` is the error row's kind."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def decode_http_body(payload: bytes, headers: Any) -> bytes:
    """The body as the server meant it: chunked transfer coding removed, then gzip or
    deflate content coding (as wget and browser-based crawlers store them; Common Crawl
    stores bodies decoded). Decoded here rather than by fastwarc, whose iteration cannot go
    on after a body fails to decode: here a bad body is one error row and the file goes on.
    A body that would inflate past MAX_DOCUMENT_BYTES is refused, not inflated."""
    transfer = (headers.get("Transfer-Encoding") or "").lower()
    if "chunked" in transfer:
        payload = _dechunk(payload)
    coding = (headers.get("Content-Encoding") or "identity").lower().strip()
    if coding in ("identity", "none", ""):
        return payload
    if coding not in ("gzip", "x-gzip", "deflate"):
        raise HttpBodyError("unsupported_encoding",
                            f"the HTTP body has Content-Encoding {coding!r}, which is not read "
                            "(gzip and deflate are)")
    return _inflate(payload, coding)


def _dechunk(payload: bytes) -> bytes:
    """Remove HTTP/1.1 chunked transfer coding (chunk sizes in hex, then the chunk)."""
    parts: list[bytes] = []
    position = 0
    while True:
        end = payload.find(b"\r\n", position)
        try:
            size = int(payload[position:end].split(b";")[0], 16) if end >= 0 else -1
        except ValueError:
            size = -1
        if size < 0:
            raise HttpBodyError("invalid_http_body", "the HTTP body says it is chunked, but "
                                f"byte {position} does not start a chunk")
        if size == 0:
            return b"".join(parts)
        parts.append(payload[end + 2:end + 2 + size])
        position = end + 2 + size + 2


def _inflate(payload: bytes, coding: str) -> bytes:
    # gzip or zlib wrapper (47); some servers send raw deflate for "deflate" (-15)
    attempts = (47,) if coding != "deflate" else (47, -15)
    for wbits in attempts:
        inflater = zlib.decompressobj(wbits)
        try:
            body = inflater.decompress(payload, MAX_DOCUMENT_BYTES + 1)
        except zlib.error as exc:
            error = exc
            continue
        if len(body) > MAX_DOCUMENT_BYTES:
            raise HttpBodyError("too_large", f"the {coding} HTTP body inflates past "
                                f"{MAX_DOCUMENT_BYTES:,} bytes; it was not read")
        return body
    raise HttpBodyError("invalid_http_body", f"the {coding} HTTP body cannot be decoded: {error}")


def _truncated(record: Any, got: int) -> bool:
    """A record cut by the end of the file: its headers lack the length, or the body is
    shorter than they declare. (fastwarc yields such records without an error.)"""
    declared = record.headers.get("Content-Length")
    return declared is None or not declared.strip().isdigit() or got < record.content_length


def _unbracket(value: str | None) -> str | None:
    """`<urn:uuid:...>` → `urn:uuid:...` (WARC wraps ids, and some writers URIs, in <>)."""
    if value is None:
        return None
    value = value.strip()
    return value[1:-1] if value.startswith("<") and value.endswith(">") else value


def plan_warc(file: InputFile, shard_size: int, name_of: Any) -> list[WarcSlice]:
    """Slices of `shard_size` records with the byte offset of each slice's first record; a
    file that cannot be read to its end gets its reason on the last slice."""
    require_fastwarc(file.display)
    warc = _fastwarc()
    starts: list[int] = []
    documents: list[int] = []
    read_error = None
    count = 0
    try:
        with open_raw(file.path) as stream:
            for record in warc.ArchiveIterator(stream, parse_http=True):
                if count % shard_size == 0:
                    starts.append(record.stream_pos)
                    documents.append(0)
                count += 1
                documents[-1] += (str(record.record_type).endswith("response") and record.is_http
                                  and (record.http_content_type or "").lower() in HTML_TYPES)
    except OSError as exc:
        read_error = (f"the WARC file cannot be read past record {count + 1}: {exc}; "
                      "the records before it were read")
    if not starts and read_error:
        starts, documents = [0], [0]
    slices = []
    for index, (start, docs) in enumerate(zip(starts, documents)):
        records = min(shard_size, count - index * shard_size)
        last = index == len(starts) - 1
        slices.append(WarcSlice(name_of("warc", file.display, index), file.display,
                                str(file.path), start, records, docs + (last and bool(read_error)),
                                read_error if last else None))
    return slices
