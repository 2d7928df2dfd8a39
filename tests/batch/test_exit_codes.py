"""A run that can read nothing says so (exit 2, one line naming the input); --fail-on-error
counts skipped files; duplicate ids are counted and named; a refused resume names what
differs."""

from __future__ import annotations

import pytest

from tests.batch.helpers import article, articles_jsonl, manifest, write_jsonl


@pytest.mark.parametrize(("make", "arg", "message"), [
    (lambda d: (d / "crawl.xyz").write_bytes(b"x"), "crawl.xyz",
     "crawl.xyz: unsupported file type .xyz; cleaner run reads"),
    (lambda d: (d / "scans").mkdir() or (d / "scans" / "a.pdf").write_bytes(b"%PDF"), "scans",
     "scans: none of its 1 files is of a type cleaner run reads"),
    (lambda d: (d / "empty").mkdir(), "empty", "empty: no file to read"),
    (lambda d: None, "nothing/*.jsonl", "no file matches 'nothing/*.jsonl'"),
])
def test_an_input_with_nothing_to_read_exits_2_naming_it(tmp_path, cli, monkeypatch, make, arg,
                                                         message):
    monkeypatch.chdir(tmp_path)
    make(tmp_path)
    articles_jsonl(tmp_path / "good.jsonl", 1)
    result = cli("run", "good.jsonl", arg, "-o", "out", "--workers", "0", "-q")
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and message in result.output, result.output
    assert not (tmp_path / "out").exists()


def test_a_run_that_read_no_document_exits_2(tmp_path, cli):
    write_jsonl(tmp_path / "blank.jsonl", ["", "  "])
    result = cli("run", tmp_path / "blank.jsonl", "-o", tmp_path / "out", "--workers", "0", "-q")
    assert result.exit_code == 2 and "no document in" in result.output
    assert manifest(tmp_path / "out")["counts"]["blank_lines"] == 2


def test_fail_on_error_fails_on_skipped_files_too(tmp_path, cli):
    data = tmp_path / "data"
    data.mkdir()
    (data / "story.txt").write_text(article(1))
    (data / "scan.pdf").write_bytes(b"%PDF")
    args = ["run", data, "-o", tmp_path / "out", "--workers", "0", "-q"]
    assert cli(*args).exit_code == 0
    assert cli(*args, "--fail-on-error").exit_code == 1


def test_duplicate_ids_are_counted_and_named_once(tmp_path, cli):
    ids = ["a", "b", "a", "c", "b", "a", "d", "e", "f", "d", "e", "f", "g", "g"]
    write_jsonl(tmp_path / "feed.jsonl", [{"id": i, "text": article(n)}
                                          for n, i in enumerate(ids)])
    result = cli("run", tmp_path / "feed.jsonl", "-o", tmp_path / "out", "--workers", "0",
                 "--shard-size", "4")
    assert result.exit_code == 0
    assert manifest(tmp_path / "out")["duplicate_ids"] == {"count": 7,
                                                           "first": ["a", "b", "d", "e", "f"]}
    warnings = [line for line in result.output.splitlines() if "warning" in line]
    assert warnings == [("cleaner: warning: 7 document(s) have an id an earlier document "
                         "already had: a, b, d, e, f ... (see manifest.json: duplicate_ids)")]


def test_a_refused_resume_names_the_option_or_input_that_differs(tmp_path, cli):
    feed = articles_jsonl(tmp_path / "feed.jsonl", 3)
    more = articles_jsonl(tmp_path / "more.jsonl", 2)
    args = ["run", feed, "-o", tmp_path / "out", "--workers", "0", "-q"]
    assert cli(*args).exit_code == 0

    def refusal(*changed):
        result = cli(*changed)
        assert result.exit_code == 2, result.output
        return result.output

    assert 'another --text-field ("text" there, "body" now)' in refusal(*args, "--text-field",
                                                                         "body")
    assert "another --shard-size (1000 there, 2 now)" in refusal(*args, "--shard-size", "2")
    assert f"other inputs ({more} was not one)" in refusal(*args, more)
    write_jsonl(feed, [{"text": article(9)}])
    assert f"another version of the input {feed}" in refusal(*args)
