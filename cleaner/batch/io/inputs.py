"""Inputs: the files, folders, globs and URLs given to `cleaner run`, as the files to read.

An input is a file, a folder (walked recursively in sorted order) or a glob, local or an
fsspec URL (`s3://bucket/prefix/`). `*.txt` is text, `*.html`/`*.htm` HTML,
`*.jsonl`/`*.jsonl.gz` one JSON document per line, `*.warc`/`*.warc.gz` web archives,
`*.parquet` tables. Files of other types are skipped and reported; folders named `expected`
(fixture expectations), hidden files and folders, and the run's own output folder are not
inputs. `cleaner.batch.io.readers` reads the files found.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from cleaner.batch import BatchError
from cleaner.batch.io.readers import InputFile
from cleaner.batch.io.storage import filesystem, is_url, join_url, local_path

_KIND_BY_SUFFIX = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl",
                   ".warc": "warc", ".parquet": "parquet"}
_GZIP_KINDS = {".jsonl.gz": "jsonl", ".warc.gz": "warc"}
_EXCLUDED_FOLDERS = frozenset({"expected"})
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class Skipped:
    """A file found among the inputs that is not read, and why."""

    display: str
    reason: str


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
