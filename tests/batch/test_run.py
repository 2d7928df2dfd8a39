"""`cleaner run` end to end: every input accounted for, output layout, options, exit codes."""

from __future__ import annotations

import gzip
import sys

import orjson
import pytest

from cleaner.batch.execute.executor import RAY_MISSING
from tests.batch.helpers import article, articles_jsonl, manifest, rows, tree, write_jsonl


@pytest.fixture
def mixed(tmp_path):
    """Inputs with good and bad documents of every kind; `expected` lists each document's fate."""
    data = tmp_path / "data"
    (data / "site" / "expected").mkdir(parents=True)
    write_jsonl(data / "feed.jsonl", [
        {"id": "good-1", "text": article(1), "url": "https://news.test/1"},
        '{"id": "broken", "text": ',
        "",
        {"id": "no-text"},
        {"id": "number", "text": 12},
        ["not", "an", "object"],
        {"html": "<html><body><article><p>" + article(2) + "</p></article></body></html>"},
    ])
    (data / "site" / "story.txt").write_text(article(3), encoding="utf-8")
    (data / "site" / "empty.txt").write_bytes(b"")
    (data / "site" / "binary.html").write_bytes(b"\x00\x01\x02\xff" * 64)
    (data / "site" / "expected" / "story.body.txt").write_text("not an input")
    (data / "site" / "scan.pdf").write_bytes(b"%PDF-1.4")
    expected = {
        ("data/feed.jsonl", 1): "record", ("data/feed.jsonl", 2): "invalid_json",
        ("data/feed.jsonl", 4): "missing_text", ("data/feed.jsonl", 5): "invalid_field",
        ("data/feed.jsonl", 6): "invalid_document", ("data/feed.jsonl", 7): "record",
        ("data/site/binary.html", None): "decode_error",
        ("data/site/empty.txt", None): "record", ("data/site/story.txt", None): "record",
    }
    return tmp_path, expected


def fates(output):
    """{(path, line): "record" or error kind} over the whole output; fails on a duplicate."""
    seen = {}
    for kind in ("records", "errors"):
        for row in rows(output, kind):
            key = (row["origin"]["path"], row["origin"].get("line"))
            assert key not in seen, f"{key} written twice"
            seen[key] = "record" if kind == "records" else row["error"]
    return seen


def test_every_input_document_ends_as_one_record_or_one_error(mixed, cli, monkeypatch):
    root, expected = mixed
    monkeypatch.chdir(root)
    result = cli("run", "data", "-o", "out", "--workers", "0")
    assert result.exit_code == 0, result.output
    assert fates(root / "out") == expected
    counts = manifest(root / "out")["counts"]
    assert counts == {"inputs": 4, "shards": 2, "documents": 9, "records": 4, "errors": 5,
                      "skipped_files": 1, "blank_lines": 1, "skipped_records": 0}
    assert "skipped 1 file(s) of unsupported types: data/site/scan.pdf" in result.output
    assert "9 documents from 4 inputs (2 shards)" in result.output


def test_rows_carry_the_id_the_record_and_where_it_came_from(mixed, cli, monkeypatch):
    root, _ = mixed
    monkeypatch.chdir(root)
    cli("run", "data", "-o", "out", "--workers", "0", "--quiet")
    first = rows(root / "out", "records")[0]
    assert list(first)[-1] == "origin"
    assert (first["id"], first["url"], first["origin"]) == (
        "good-1", "https://news.test/1", {"path": "data/feed.jsonl", "line": 1})
    assert first["edits"] and first["language"] == "en"
    error = next(r for r in rows(root / "out", "errors") if r["error"] == "invalid_field")
    assert error == {"id": "number", "origin": {"path": "data/feed.jsonl", "line": 5},
                     "error": "invalid_field", "message": "'text' must be a string, not number"}


def test_manifest_counts_rules_languages_and_settings(mixed, cli, monkeypatch):
    root, _ = mixed
    monkeypatch.chdir(root)
    cli("run", "data", "-o", "out", "--workers", "0", "--quiet")
    data = manifest(root / "out")
    records = rows(root / "out", "records")
    assert sum(data["rules"].values()) == sum(len(r["edits"]) for r in records) > 0
    assert data["languages"] == {"en": 3, "und": 1}
    assert data["errors"] == {"decode_error": 1, "invalid_document": 1, "invalid_field": 1,
                              "invalid_json": 1, "missing_text": 1}
    assert data["skipped"] == [
        {"path": "data/site/scan.pdf", "reason": "unsupported file type .pdf"}]
    assert len(data["config_hash"]) == 16 and data["config"]["stages"]
    assert set(data["run"]) >= {"wall_seconds", "workers", "packages", "seconds"}
    assert set(data["run"]["seconds"]) == {"read", "clean", "write"}


def test_fail_on_error_exits_1_and_a_clean_run_exits_0(mixed, cli, monkeypatch):
    root, _ = mixed
    monkeypatch.chdir(root)
    assert cli("run", "data", "-o", "out", "--workers", "0", "-q", "--fail-on-error").exit_code == 1
    assert cli("run", "data/site/story.txt", "-o", "out2", "--workers", "0", "-q",
               "--fail-on-error").exit_code == 0


def test_output_is_the_same_with_one_or_two_workers(tmp_path, cli, fast_config):
    feed = articles_jsonl(tmp_path / "feed.jsonl", 60)
    write_jsonl(tmp_path / "bad.jsonl", ["{", {"text": article(9)}])
    runs = {workers: tmp_path / f"w{workers}" for workers in ("1", "2")}
    for workers, out in runs.items():
        result = cli("run", feed, tmp_path / "bad.jsonl", "-o", out, "--workers", workers,
                     "--shard-size", "7", "--config", fast_config, "-q")
        assert result.exit_code == 0, result.output
    one, two = runs["1"], runs["2"]
    assert len(tree(one)) == 11 and tree(one) == tree(two)
    first, second = manifest(one), manifest(two)
    assert (first.pop("run")["workers"], second.pop("run")["workers"]) == (1, 2)
    assert first == second


def test_jsonl_field_options_and_gzip(tmp_path, cli):
    feed = tmp_path / "feed.jsonl.gz"
    feed.write_bytes(gzip.compress(orjson.dumps(
        {"key": 5, "body": article(5), "link": "https://x.test/5"}) + b"\n"))
    out = tmp_path / "out"
    result = cli("run", feed, "-o", out, "--id-field", "key", "--text-field", "body",
                 "--url-field", "link", "--html-field", "page", "-q", "--workers", "0")
    assert result.exit_code == 0
    (record,) = rows(out, "records")
    assert (record["id"], record["url"]) == ("5", "https://x.test/5")


def test_input_names_never_place_files_outside_the_output(tmp_path, cli, monkeypatch):
    data = tmp_path / "data"
    (data / "..weird").mkdir(parents=True)
    write_jsonl(data / "..weird" / "a b;$(x)'\"\n.jsonl", [{"text": article(1)}])
    write_jsonl(data / "..x.jsonl", [{"text": article(2)}])
    (data / "..weird" / "-rf ~.txt").write_text(article(3))
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    result = cli("run", "../data/..weird", "../data/..x.jsonl", "-o", "out", "-q", "--workers", "0")
    assert result.exit_code == 0, result.output
    outside = {p for p in tmp_path.rglob("*")} - {p for p in (work / "out").rglob("*")}
    assert {p.relative_to(tmp_path).parts[0] for p in outside} == {"data", "work"}
    assert not any(p.is_file() for p in work.iterdir())
    assert {r["origin"]["path"] for r in rows(work / "out", "records")} == {
        "../data/..weird/a b;$(x)'\"\n.jsonl", "../data/..x.jsonl", "../data/..weird/-rf ~.txt"}


def test_usage_and_config_errors_exit_2(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setitem(sys.modules, "ray", None)  # as where ray is not installed
    articles_jsonl(tmp_path / "feed.jsonl", 2)
    (tmp_path / "bad.toml").write_text("[chrome]\nlength_lowww = 3\n")
    (tmp_path / "other.toml").write_text("[chrome]\nlength_low = 71\n")
    cases = {
        ("missing.jsonl", "-o", "o1"): "input not found: missing.jsonl",
        ("feed.jsonl", "-o", "o2", "--executor", "spark"): "Invalid value for '--executor'",
        ("feed.jsonl", "-o", "o3", "--executor", "ray"): RAY_MISSING,
        ("feed.jsonl", "-o", "o4", "--ray-address", "auto"): "--ray-address needs --executor ray",
        ("feed.jsonl", "-o", "o5", "--config", "bad.toml"): "chrome.length_lowww",
        ("feed.jsonl", "-o", "o6", "--workers", "-1"): "Invalid value for '--workers'",
        ("feed.jsonl",): "Missing option '-o' / '--output'",
    }
    for args, message in cases.items():
        result = cli("run", *args)
        assert (result.exit_code, message in result.output) == (2, True), (args, result.output)
    assert not any((tmp_path / f"o{n}").exists() for n in range(1, 7))

    assert cli("run", "feed.jsonl", "-o", "out", "-q", "--workers", "0").exit_code == 0
    result = cli("run", "feed.jsonl", "-o", "out", "--config", "other.toml")
    assert result.exit_code == 2 and "holds results from a different config" in result.output
    assert cli("run", "feed.jsonl", "-o", "out", "-q", "--config", "other.toml",
               "--overwrite", "--workers", "0").exit_code == 0


def test_a_rule_file_error_from_the_workers_exits_2_and_leaves_nothing_to_resume(tmp_path, cli):
    """The pipeline is built in the workers only; its errors still end the run with exit 2."""
    articles_jsonl(tmp_path / "feed.jsonl", 2)
    (tmp_path / "bad.yaml").write_text("rules: [{id: x, pattern: '('}]\n")
    config = tmp_path / "cleaner.toml"
    config.write_text('[rules]\nbuiltin = false\nextra = ["bad.yaml"]\n')
    args = ["run", tmp_path / "feed.jsonl", "-o", tmp_path / "out", "--config", config, "-q"]
    result = cli(*args, "--workers", "1")
    assert result.exit_code == 2 and "bad.yaml" in result.output, result.output
    config.write_text("[rules]\nbuiltin = false\n")
    assert cli(*args, "--workers", "0").exit_code == 0


def test_a_document_over_the_size_bound_is_an_error_row_not_read_whole(tmp_path, cli,
                                                                      monkeypatch):
    monkeypatch.setattr("cleaner.batch.io.readers.MAX_DOCUMENT_BYTES", 2_000)
    monkeypatch.setattr("cleaner.batch.io.readers._SKIP_CHUNK", 100)
    data = tmp_path / "data"
    data.mkdir()
    write_jsonl(data / "feed.jsonl", [{"id": "a", "text": article(1)},
                                      {"id": "huge", "text": "word " * 2_000},
                                      {"id": "b", "text": article(2)}])
    (data / "big.txt").write_text("word " * 2_000, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = cli("run", "data", "-o", "out", "--workers", "0", "--shard-size", "1")
    assert result.exit_code == 0, result.output
    assert fates(tmp_path / "out") == {
        ("data/feed.jsonl", 1): "record", ("data/feed.jsonl", 2): "too_large",
        ("data/feed.jsonl", 3): "record", ("data/big.txt", None): "too_large"}
    assert [r["id"] for r in rows(tmp_path / "out", "records")] == ["a", "b"]
