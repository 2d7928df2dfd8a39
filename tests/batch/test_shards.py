"""Shard planning, safe shard names, and the output folder's atomic, resumable writes."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import orjson
import pytest

from cleaner.batch import BatchError
from cleaner.batch.io.output import OutputDir
from cleaner.batch.io.readers import ErrorRow, InputFile, JsonFields, SourceItem
from cleaner.batch.io.shards import plan_jsonl, plan_shards, shard_name

SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*-[0-9a-f]{8}-\d{5}$")


@pytest.mark.parametrize("display", [
    "../../etc/passwd", "a/../../b.jsonl", "..", ".", "", "/", "\n", "-", "..jsonl",
    "dir\\..\\..\\x.jsonl", "ünïcödé 名前 (1).jsonl", "a" * 300, "x/\x00y.jsonl",
])
def test_shard_names_are_plain_file_names(display, tmp_path):
    name = shard_name("jsonl", display, 0)
    assert SAFE_NAME.match(name) and len(name) < 90
    assert (tmp_path / f"{name}.jsonl").resolve().parent == tmp_path.resolve()


def test_names_differ_for_paths_with_the_same_slug():
    assert shard_name("jsonl", "a/b.jsonl", 0) != shard_name("jsonl", "a-b.jsonl", 0)
    assert shard_name("jsonl", "a.jsonl", 0) != shard_name("files", "a.jsonl", 0)


def jsonl_input(path: Path, lines: list[bytes], compress: bool = False) -> InputFile:
    data = b"".join(lines)
    path.write_bytes(gzip.compress(data) if compress else data)
    return InputFile(path, path.name, "jsonl")


@pytest.mark.parametrize("compress", [False, True])
def test_jsonl_slices_read_exactly_their_lines(tmp_path, compress):
    lines = [orjson.dumps({"id": str(n), "text": f"text {n}"}) + b"\n" for n in range(7)]
    lines[3] = b"\n"  # a blank line: counted as a line, not as a document
    file = jsonl_input(tmp_path / ("in.jsonl.gz" if compress else "in.jsonl"), lines, compress)
    slices = plan_jsonl(file, 3)
    assert [(s.first_line, s.lines, s.documents) for s in slices] == [
        (1, 3, 3), (4, 3, 2), (7, 1, 1)]
    items = [item for s in slices for item in s.items(JsonFields())]
    assert [item and (item.id, item.origin["line"]) for item in items] == [
        ("0", 1), ("1", 2), ("2", 3), None, ("4", 5), ("5", 6), ("6", 7)]


def test_a_truncated_gzip_file_ends_with_an_error_row(tmp_path):
    data = gzip.compress(b"".join(orjson.dumps({"text": f"t{n}"}) + b"\n" for n in range(50)))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    slices = plan_jsonl(InputFile(path, "cut.jsonl.gz", "jsonl"), 1000)
    items = list(slices[-1].items(JsonFields()))
    assert all(isinstance(item, SourceItem) for item in items[:-1])
    assert isinstance(items[-1], ErrorRow) and items[-1].error == "read_error"
    assert "EOFError" in items[-1].message
    assert len(items) == slices[-1].documents


def test_a_file_changed_after_planning_gives_error_rows_not_gaps(tmp_path):
    path = tmp_path / "in.jsonl"
    file = jsonl_input(path, [b'{"text": "a"}\n'] * 4)
    (shard,) = plan_jsonl(file, 10)
    path.write_bytes(b'{"text": "a"}\n')
    items = list(shard.items(JsonFields()))
    assert [getattr(i, "error", None) for i in items] == [None] + ["read_error"] * 3


def test_text_and_html_files_are_grouped_by_folder(tmp_path):
    names = ("a/1.txt", "b/1.txt", "a/2.txt", "a/3.txt")
    files = [InputFile(tmp_path / n, n, "text") for n in names]
    shards = plan_shards(files, shard_size=2)
    assert [(s.input, [d for _, d, _ in s.files]) for s in shards] == [
        ("a", ["a/1.txt", "a/2.txt"]), ("a", ["a/3.txt"]), ("b", ["b/1.txt"])]


def test_names_that_collide_are_refused(tmp_path):
    files = [jsonl_input(tmp_path / "x.jsonl", [b"{}\n"])] * 2
    with pytest.raises(BatchError, match="differ only in undecodable bytes"):
        plan_shards(files, 10)


IDENTITY = {"config_hash": "c1", "rules_hash": "r1", "plan_hash": "p1"}


def test_a_folder_of_other_files_is_refused_and_overwrite_keeps_them(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(BatchError, match="holds no cleaner run"):
        OutputDir(tmp_path).prepare(IDENTITY, overwrite=False)
    OutputDir(tmp_path).prepare(IDENTITY, overwrite=True)
    assert (tmp_path / "notes.txt").read_text() == "mine"


@pytest.mark.parametrize(("key", "message"), [
    ("config_hash", "a different config"), ("rules_hash", "rule files that have changed"),
    ("plan_hash", "different inputs or options")])
def test_resuming_a_different_run_is_refused(tmp_path, key, message):
    OutputDir(tmp_path).prepare(IDENTITY, overwrite=False)
    (tmp_path / "done" / "shard-1.json").write_text("{}")
    with pytest.raises(BatchError, match=message):
        OutputDir(tmp_path).prepare(IDENTITY | {key: "other"}, overwrite=False)
    OutputDir(tmp_path).prepare(IDENTITY, overwrite=False)  # the same run resumes
    assert (tmp_path / "done" / "shard-1.json").exists()


def test_a_run_that_finished_no_shard_is_simply_replaced(tmp_path):
    OutputDir(tmp_path).prepare(IDENTITY, overwrite=False)
    (tmp_path / "records" / "shard-1.jsonl").write_text("unmarked\n")
    OutputDir(tmp_path).prepare(IDENTITY | {"config_hash": "other"}, overwrite=False)
    assert not (tmp_path / "records" / "shard-1.jsonl").exists()


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_an_uncommitted_shard_leaves_no_file(tmp_path):
    out = OutputDir(tmp_path)
    out.prepare(IDENTITY, overwrite=False)
    (shard,) = plan_shards([jsonl_input(tmp_path / "in.jsonl", [b"{}\n"])], 10)
    with pytest.raises(RuntimeError), out.writer(shard) as writer:
        writer.write("records", {"id": "1"})
        raise RuntimeError("worker failed mid-shard")
    assert files_in(out.records) == files_in(out.done) == []
    assert out.marker(shard) is None


def test_commit_publishes_files_then_marker_and_drops_stale_files(tmp_path):
    out = OutputDir(tmp_path)
    out.prepare(IDENTITY, overwrite=False)
    (shard,) = plan_shards([jsonl_input(tmp_path / "in.jsonl", [b"{}\n"])], 10)
    (out.errors / f"{shard.name}.jsonl").write_text("from an interrupted attempt\n")
    (out.records / f".tmp-{shard.name}-123.jsonl").write_text("half written")
    out.prepare(IDENTITY, overwrite=False)  # a resumed run removes temporary files
    with out.writer(shard) as writer:
        writer.write("records", {"id": "1"})
        writer.commit({"shard": shard.name, "documents": 1})
    assert files_in(out.records) == [f"{shard.name}.jsonl"]
    assert files_in(out.errors) == []
    assert out.marker(shard) == {"shard": shard.name, "documents": 1}
