"""`cleaner check`: golden fixtures pass, a rule change fails with its diff, --update fixes."""

from __future__ import annotations

import json
from pathlib import Path

import orjson

from cleaner.cli import main

SEED = "001_3869faae79cba2c9"


def test_the_seed_fixtures_pass(runner, seeds: Path):
    result = runner.invoke(main, ["check", str(seeds)])
    assert result.exit_code == 0, result.output
    assert result.output == "4 cases, 0 differ\n"  # the expected/ files are not cases


def test_a_new_user_rule_fails_the_check_until_update(runner, seeds: Path, user_config: Path,
                                                     removed_line: str):
    args = ["check", str(seeds), "--config", str(user_config)]
    result = runner.invoke(main, args)
    assert result.exit_code == 1, result.output
    assert f"FAIL {seeds / SEED}.txt" in result.output
    assert f"-{removed_line}  [local.western-condemned]" in result.output
    assert result.output.endswith("4 cases, 1 differ\n")

    updated = runner.invoke(main, [*args, "--update"])
    assert updated.exit_code == 0, updated.output
    assert updated.output == f"updated {seeds / SEED}.txt\n4 cases, 1 updated\n"
    assert removed_line not in (seeds / "expected" / f"{SEED}.body.txt").read_text()
    assert runner.invoke(main, args).exit_code == 0


def test_without_the_rule_the_line_comes_back_as_an_added_line(runner, seeds: Path,
                                                               user_config: Path, removed_line: str):
    runner.invoke(main, ["check", str(seeds), "--config", str(user_config), "--update"])
    result = runner.invoke(main, ["check", str(seeds)])
    assert result.exit_code == 1
    assert f"\n+{removed_line}\n" in result.output


def test_update_leaves_matching_files_alone_and_keeps_meta_keys(runner, seeds: Path):
    meta = seeds / "expected" / f"{SEED}.meta.json"
    keys = list(json.loads(meta.read_text()))
    meta.write_text(meta.read_text().replace("2022-03-20", "2022-03-21"))
    untouched = seeds / "expected" / "000_7056fec7a60d57cf.body.txt"
    stamp = untouched.stat().st_mtime_ns

    failed = runner.invoke(main, ["check", str(seeds)])
    assert failed.exit_code == 1
    assert '  record field date: expected "2022-03-21", got "2022-03-20"' in failed.output

    assert runner.invoke(main, ["check", str(seeds), "--update"]).exit_code == 0
    assert list(json.loads(meta.read_text())) == keys
    assert json.loads(meta.read_text())["date"] == "2022-03-20"
    assert untouched.stat().st_mtime_ns == stamp


def test_a_case_without_expected_body_differs_and_update_creates_it(runner, seeds: Path):
    (seeds / "new").mkdir()
    (seeds / "new" / "story.txt").write_text(
        "Share this article\nThe mayor opened the new bridge on Monday morning, officials said.\n")
    result = runner.invoke(main, ["check", str(seeds)])
    assert result.exit_code == 1
    assert "no expected body" in result.output
    assert runner.invoke(main, ["check", str(seeds), "--update"]).exit_code == 0
    body = (seeds / "new" / "expected" / "story.body.txt").read_text()
    assert body == "The mayor opened the new bridge on Monday morning, officials said.\n"
    assert not (seeds / "new" / "expected" / "story.meta.json").exists()


def test_a_body_without_its_final_newline_differs(runner, seeds: Path):
    body = seeds / "expected" / f"{SEED}.body.txt"
    body.write_text(body.read_text().rstrip("\n"))
    result = runner.invoke(main, ["check", str(seeds)])
    assert result.exit_code == 1
    assert "must end with exactly one newline" in result.output


def test_a_case_that_cannot_be_cleaned_is_an_error(runner, seeds: Path):
    (seeds / "binary.txt").write_bytes(b"\xff\x00" * 100)
    result = runner.invoke(main, ["check", str(seeds)])
    assert result.exit_code == 2
    assert f"ERROR {seeds / 'binary.txt'}: [E002]" in result.output
    assert result.output.endswith("5 cases, 0 differ, 1 errors\n")


def test_a_meta_file_with_unknown_fields_is_an_error(runner, seeds: Path):
    (seeds / "expected" / f"{SEED}.meta.json").write_text('{"headline": "x"}')
    result = runner.invoke(main, ["check", str(seeds)])
    assert result.exit_code == 2
    assert "not record fields: headline" in result.output


def test_a_missing_or_empty_folder_is_an_error(runner, tmp_path: Path):
    missing = runner.invoke(main, ["check", str(tmp_path / "nope")])
    assert missing.exit_code == 2
    assert missing.stderr.startswith("cleaner: [E001] no fixture folder")
    assert runner.invoke(main, ["check", str(tmp_path)]).exit_code == 2


def test_github_format_annotates_the_expected_line_and_writes_a_step_summary(
        runner, seeds: Path, user_config: Path, removed_line: str, tmp_path: Path):
    step_summary = tmp_path / "summary.md"
    step_summary.write_text("earlier step\n")
    result = runner.invoke(
        main, ["check", str(seeds), "--config", str(user_config), "--format", "github"],
        env={"GITHUB_STEP_SUMMARY": str(step_summary)})
    assert result.exit_code == 1
    body = seeds / "expected" / f"{SEED}.body.txt"
    line = body.read_text().split("\n").index(removed_line) + 1
    annotation = next(a for a in result.output.splitlines() if a.startswith("::error "))
    assert annotation.startswith(f"::error file={body.as_posix()},line={line},title=cleaner check::")
    assert "removed by local.western-condemned" in annotation
    assert f"::group::{seeds / SEED}.txt" in result.output
    written = step_summary.read_text()
    assert written.startswith("earlier step\n### cleaner check\n\n4 cases, 1 differ\n")
    assert f"| `{(seeds / SEED).as_posix()}.txt` | differ | `local.western-condemned` |" in written


def test_github_annotation_points_a_field_at_its_line_in_the_meta_file(runner, seeds: Path):
    meta = seeds / "expected" / f"{SEED}.meta.json"
    meta.write_text(meta.read_text().replace("Asian Lite News", "Asian Lite"))
    result = runner.invoke(main, ["check", str(seeds), "--format", "github"])
    assert (f"::error file={meta.as_posix()},line=5,title=cleaner check::record field "
            'publisher: expected "Asian Lite", got "Asian Lite News"') in result.output


def test_json_format_is_one_document_for_tools(runner, seeds: Path, user_config: Path,
                                              removed_line: str):
    result = runner.invoke(main, ["check", str(seeds), "--config", str(user_config),
                                  "--format", "json"])
    assert result.exit_code == 1
    report = orjson.loads(result.output)
    assert (report["cases"], report["differ"], report["errors"]) == (4, 1, 0)
    failing = next(case for case in report["results"] if case["status"] == "differ")
    assert failing["lines"] == [{"kind": "removed", "line": 9, "text": removed_line,
                                 "rules": ["local.western-condemned"], "reasons": [None]}]
    assert any(line.startswith("@@ ") for line in failing["diff"])
    assert {case["status"] for case in report["results"]} == {"ok", "differ"}
