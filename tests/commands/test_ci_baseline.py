"""`cleaner snapshot` and `cleaner compare`: corpus baselines without hand-written expectations."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from cleaner import clean
from cleaner.ci.baseline import word_delta
from cleaner.ci.golden import input_files
from cleaner.cli import main

SEED = "001_3869faae79cba2c9"


@pytest.fixture
def baseline(runner, seeds: Path, tmp_path: Path) -> Path:
    """A baseline of the seed copy with the default config."""
    target = tmp_path / "baseline.jsonl"
    result = runner.invoke(main, ["snapshot", str(seeds), "-o", str(target)])
    assert result.exit_code == 0, result.output
    return target


def rows_of(path: Path) -> list[dict]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def test_snapshot_writes_one_line_per_input(runner, seeds: Path, baseline: Path):
    rows = rows_of(baseline)
    assert [Path(row["path"]).name for row in rows] == sorted(p.name for p in seeds.glob("*.txt"))
    first = next(row for row in rows if row["path"].endswith(f"{SEED}.txt"))
    assert set(first) == {"path", "sha", "text", "fields", "rules"}
    assert first["text"] + "\n" == (seeds / "expected" / f"{SEED}.body.txt").read_text()
    assert first["fields"]["date"] == "2022-03-20"
    record = clean((seeds / f"{SEED}.txt").read_bytes(), content_type="text")
    tail = [e for e in record.edits if e.rule == "end.previous-next"]
    assert first["rules"]["end.previous-next"] == {
        "edits": len(tail), "words": sum(len(e.before.split()) for e in tail)}
    assert list(first["rules"]) == sorted(first["rules"])


def test_snapshot_is_deterministic(runner, seeds: Path, baseline: Path, tmp_path: Path):
    again = tmp_path / "again.jsonl"
    runner.invoke(main, ["snapshot", str(seeds), "-o", str(again)])
    assert again.read_bytes() == baseline.read_bytes()


def test_compare_with_no_change_passes(runner, seeds: Path, baseline: Path):
    result = runner.invoke(main, ["compare", str(seeds), "--baseline", str(baseline)])
    assert result.exit_code == 0, result.output
    assert result.output == ("4 documents, 0 changed (0.0%; tolerance 0.0%)\n"
                             "words removed: 0, words added: 0\n")


def test_compare_reports_a_rule_change_per_rule_with_its_diff(
        runner, seeds: Path, baseline: Path, user_config: Path, removed_line: str):
    result = runner.invoke(main, ["compare", str(seeds), "--baseline", str(baseline),
                                  "--config", str(user_config)])
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert lines[:3] == ["4 documents, 1 changed (25.0%; tolerance 0.0%)",
                         "words removed: 20, words added: 0",
                         f"  changed       {seeds / SEED}.txt  (-20 +0 words)"]
    assert lines[4].split() == ["local.western-condemned", "1", "20", "0"]
    assert lines[5] == "largest changes:"
    assert f"-{removed_line}  [local.western-condemned]" in lines


def test_tolerance_is_the_share_of_documents_allowed_to_change(
        runner, seeds: Path, baseline: Path, user_config: Path):
    args = ["compare", str(seeds), "--baseline", str(baseline), "--config", str(user_config)]
    assert runner.invoke(main, [*args, "--tolerance", "0.25"]).exit_code == 0
    assert runner.invoke(main, [*args, "--tolerance", "0.2"]).exit_code == 1
    assert runner.invoke(main, [*args, "--tolerance", "2"]).exit_code == 2


def test_show_limits_the_diffs(runner, seeds: Path, baseline: Path, user_config: Path):
    result = runner.invoke(main, ["compare", str(seeds), "--baseline", str(baseline),
                                  "--config", str(user_config), "--show", "0"])
    assert "largest changes:" not in result.output
    assert "@@" not in result.output


def test_compare_tells_changed_inputs_new_and_missing_documents(runner, seeds: Path,
                                                                baseline: Path):
    source = seeds / f"{SEED}.txt"
    source.write_text(source.read_text() + "\nOne more line of the story, added by the editor.\n")
    (seeds / "000_7056fec7a60d57cf.txt").rename(seeds / "renamed.txt")
    result = runner.invoke(main, ["compare", str(seeds), "--baseline", str(baseline)])
    assert result.exit_code == 1
    assert f"  input changed {source}" in result.output
    assert f"  new           {seeds / 'renamed.txt'}" in result.output
    assert f"  missing       {seeds / '000_7056fec7a60d57cf.txt'}" in result.output
    assert result.output.startswith("5 documents, 3 changed (60.0%")


def test_a_broken_baseline_is_an_input_error(runner, seeds: Path, tmp_path: Path):
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"path": "a.txt"}\nnot json\n')
    result = runner.invoke(main, ["compare", str(seeds), "--baseline", str(broken)])
    assert result.exit_code == 2
    assert f"{broken}:2: not valid JSON" in result.stderr


def test_snapshot_records_an_error_row_for_input_that_cannot_be_cleaned(runner, tmp_path: Path):
    (tmp_path / "binary.txt").write_bytes(b"\xff\x00" * 100)
    out = tmp_path / "b.jsonl"
    result = runner.invoke(main, ["snapshot", str(tmp_path / "binary.txt"), "-o", str(out)])
    assert result.output == f"1 documents, 1 errors -> {out}\n"
    assert rows_of(out)[0]["error"].startswith("[E002]")


def test_inputs_are_files_and_folders_without_expected_folders(tmp_path: Path):
    for name in ("a.txt", "b/c.html", "b/d.htm", "b/expected/c.body.txt", "b/notes.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = input_files([tmp_path / "b", tmp_path / "a.txt"])
    assert found == [tmp_path / "a.txt", tmp_path / "b" / "c.html", tmp_path / "b" / "d.htm"]


def test_word_delta_counts_words_as_multisets():
    assert word_delta("a b b c", "b c d") == (2, 1)
