"""Inputs to files (folders, globs, skips) and JSONL lines to source items or error rows."""

from __future__ import annotations

import os

import pytest

from cleaner.batch import BatchError
from cleaner.batch.io.inputs import expand_inputs, file_kind
from cleaner.batch.io.readers import ErrorRow, JsonFields, SourceItem, item_from_line

ORIGIN = {"path": "x.jsonl", "line": 1}


def touch(path, data=b"x"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    """A folder of inputs with everything a walk must leave out."""
    monkeypatch.chdir(tmp_path)
    for name in ("data/b.txt", "data/a.html", "data/sub/c.jsonl", "data/sub/d.jsonl.gz",
                 "data/e.htm", "data/notes.pdf", "data/expected/a.body.txt", "data/.hidden.txt",
                 "data/.git/x.txt", "data/out/records/r.jsonl"):
        touch(tmp_path / name)
    return tmp_path


def test_folder_walk_is_sorted_and_leaves_out_expected_hidden_and_output(corpus):
    files, skipped = expand_inputs(["data/"], exclude=corpus / "data" / "out")
    assert [(f.display, f.kind) for f in files] == [
        ("data/a.html", "html"), ("data/b.txt", "text"), ("data/e.htm", "html"),
        ("data/sub/c.jsonl", "jsonl"), ("data/sub/d.jsonl.gz", "jsonl")]
    assert all(f.path.is_absolute() for f in files)
    assert [(s.display, s.reason) for s in skipped] == [
        ("data/notes.pdf", "unsupported file type .pdf")]


def test_globs_files_and_repeats_each_file_once(corpus):
    files, _ = expand_inputs(["data/*.txt", "data/b.txt", "./data/sub/c.jsonl", "data/sub/*.jsonl"])
    assert [f.display for f in files] == ["data/b.txt", "data/sub/c.jsonl"]


def test_recursive_glob_but_never_the_output(corpus):
    files, _ = expand_inputs(["data/**/*.jsonl"])
    assert [f.display for f in files] == ["data/out/records/r.jsonl", "data/sub/c.jsonl"]
    files, _ = expand_inputs(["data/**/*.jsonl"], exclude=corpus / "data" / "out")
    assert [f.display for f in files] == ["data/sub/c.jsonl"]


@pytest.mark.parametrize(("arg", "message"), [
    ("missing.txt", "input not found: missing.txt"),
    ("data/*.csv", "no file matches 'data/*.csv'"),
])
def test_inputs_that_name_nothing_are_errors(corpus, arg, message):
    with pytest.raises(BatchError, match=message.replace("*", r"\*").replace(".", r"\.")):
        expand_inputs([arg])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_an_input_that_is_no_regular_file_is_an_error(corpus):
    os.mkfifo(corpus / "pipe")
    with pytest.raises(BatchError, match="not a file or folder"):
        expand_inputs(["pipe"])


@pytest.mark.parametrize(("name", "kind"), [
    ("a.TXT", "text"), ("a.Html", "html"), ("a.jsonl", "jsonl"), ("a.JSONL.GZ", "jsonl"),
    ("a.json", None), ("a.txt.gz", None), ("README", None),
])
def test_file_kind(name, kind):
    assert file_kind(name) == kind


@pytest.mark.parametrize(("line", "error", "message"), [
    (b'{"id": "a", "text": ', "invalid_json", "not valid JSON"),
    (b"[1, 2]", "invalid_document", "a JSON array where a document object was expected"),
    (b'"just text"', "invalid_document", "a JSON string"),
    (b'{"id": "a"}', "missing_text", "no 'text' or 'html' field"),
    (b'{"id": "a", "text": null}', "missing_text", "no 'text' or 'html' field"),
    (b'{"id": "a", "text": 42}', "invalid_field", "'text' must be a string, not number"),
    (b'{"id": "a", "html": ["<p>"]}', "invalid_field", "'html' must be a string, not array"),
    (b'{"id": true, "text": "x"}', "invalid_field", "'id' must be a string or an integer"),
    (b'{"id": "a", "url": 3, "text": "x"}', "invalid_field", "'url' must be a string"),
])
def test_unusable_lines_become_error_rows(line, error, message):
    row = item_from_line(line, ORIGIN, JsonFields())
    assert isinstance(row, ErrorRow)
    assert (row.error, row.origin) == (error, ORIGIN)
    assert message in row.message


def test_error_rows_keep_the_id_once_it_is_known():
    assert item_from_line(b'{"id": "a", "text": 1}', ORIGIN, JsonFields()).id == "a"
    assert item_from_line(b'{"id": 7}', ORIGIN, JsonFields()).id == "7"


@pytest.mark.parametrize("line", [b"", b"\n", b"   \r\n"])
def test_blank_lines_are_no_documents(line):
    assert item_from_line(line, ORIGIN, JsonFields()) is None


def test_a_document_line():
    item = item_from_line(b'{"id": 12, "text": "Body.", "url": "https://x.test/a"}\r\n',
                          ORIGIN, JsonFields())
    assert item == SourceItem("Body.", ORIGIN, "text", "12", "https://x.test/a")


def test_html_wins_over_text():
    item = item_from_line(b'{"text": "plain", "html": "<p>markup</p>"}', ORIGIN, JsonFields())
    assert (item.source, item.content_type) == ("<p>markup</p>", "html")


def test_field_names_are_configurable():
    fields = JsonFields(id="key", text="body", html="page", url="link")
    item = item_from_line(b'{"key": "k1", "body": "Text.", "link": "https://x.test/", "text": 1}',
                          ORIGIN, fields)
    assert item == SourceItem("Text.", ORIGIN, "text", "k1", "https://x.test/")
    missing = item_from_line(b'{"key": "k2", "text": "x"}', ORIGIN, fields)
    assert missing.error == "missing_text" and "'body' or 'page'" in missing.message
