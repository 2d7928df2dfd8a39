"""Where inputs and the output live: local paths, or object storage through fsspec URLs.

A URL (`s3://bucket/key`, `gs://...`, any scheme fsspec knows) is opened with fsspec, which
takes credentials and the endpoint from the environment as for any fsspec user
(`AWS_ACCESS_KEY_ID`, `AWS_ENDPOINT_URL`, ...). `file://` URLs are plain local paths.

Object stores have no atomic rename, but a single PUT is atomic: an object appears whole
or not at all. So a remote output is written object by object (data first, marker last), and
a shard counts as done only once its marker object exists.
"""

from __future__ import annotations

import gzip
import io
import os
import re
from pathlib import Path
from typing import IO, Any

from cleaner.batch import BatchError

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
FSSPEC_MISSING = ("{url}: object storage needs fsspec and the scheme's package: "
                  "pip install 'cleaner[s3]' (or 'cleaner[gcs]')")


def is_url(name: str | os.PathLike[str]) -> bool:
    """True for `scheme://...` names other than `file://`, which are local paths."""
    text = os.fspath(name)
    return bool(_URL.match(text)) and not text.lower().startswith("file://")


def local_path(name: str) -> str:
    """`file:///data/x` → `/data/x`; other names unchanged."""
    return name[len("file://"):] if name.lower().startswith("file://") else name


def filesystem(url: str) -> tuple[Any, str]:
    """fsspec's filesystem of `url` and the path inside it; BatchError without fsspec or the
    scheme's package (s3fs, gcsfs)."""
    try:
        import fsspec.core
        return fsspec.core.url_to_fs(url)
    except ImportError:
        raise BatchError(FSSPEC_MISSING.format(url=url)) from None
    except ValueError as exc:  # an unknown protocol
        raise BatchError(f"{url}: {exc}") from None


def join_url(fs: Any, path: str) -> str:
    """A path inside `fs` as the full URL it was found under."""
    return fs.unstrip_protocol(path)


def open_input(path: Path | str) -> IO[bytes]:
    """An input as bytes, local or remote, decompressed when its name ends in `.gz`."""
    name = os.fspath(path)
    compressed = name.lower().endswith(".gz")
    if not is_url(name):
        return gzip.open(name, "rb") if compressed else open(name, "rb")
    fs, inside = filesystem(name)
    raw = fs.open(inside, "rb")
    # fsspec's files have no readline(size): a buffered reader over them has
    return gzip.GzipFile(fileobj=raw, mode="rb") if compressed else io.BufferedReader(raw)


def open_raw(path: Path | str) -> IO[bytes]:
    """An input as stored (no decompression): for readers that decompress themselves."""
    name = os.fspath(path)
    if not is_url(name):
        return open(name, "rb")
    fs, inside = filesystem(name)
    return fs.open(inside, "rb")


def input_size(path: Path | str) -> int:
    name = os.fspath(path)
    if not is_url(name):
        return os.stat(name).st_size
    fs, inside = filesystem(name)
    return int(fs.size(inside))
