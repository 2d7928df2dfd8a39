"""`cleaner diff`: every removed or changed line is shown with the rule that did it."""

from __future__ import annotations

import re
from pathlib import Path

from cleaner.catalog import RULE_ID
from cleaner.ci.report import UNLOGGED, Row, compare_rows, hunk_header, hunks, input_rows
from cleaner.ci.trace import Trace, trace
from cleaner.cli import main
from cleaner.record import ArticleRecord, Edit
from cleaner.stages.segment import split_blocks

_TAGGED = re.compile(r"^-(?P<line>.*?)  \[(?P<tags>[^\[]*)\]$")

# The chrome of seed 001 that the issue names (the teaser list follows "Go toTop").
SEED_001_CHROME = [
    "1 min read",
    "Russian Foreign Minister Sergey Lavrov",
    "ALSO READ: ‘We recognise economic reasoning’: US on India buying Russian oil",
    "Previous Story",
    "Go toTop",
    "Don't Miss",
    "SPRING IN BEIRUT",
    "Two girls pick flowers in a wildflower patch in Beirut,",
    "Moscow still considers extending space station participation",
    "In response to the war, the US sanctioned Russia’s major",
]


def removed_lines(output: str) -> dict[str, str]:
    """Removed line -> its tags, from the diff part of `cleaner diff` output."""
    found = {}
    for line in output.splitlines():
        match = _TAGGED.match(line)
        if match and not line.startswith("---"):
            found[match["line"]] = match["tags"]
    return found


def test_every_line_removed_from_seed_001_is_tagged_with_its_rule(runner, seed_001: Path):
    result = runner.invoke(main, ["diff", str(seed_001)])
    assert result.exit_code == 0, result.output
    removed = removed_lines(result.output)
    for line in SEED_001_CHROME:
        assert re.match(RULE_ID.rstrip("$"), removed[line]), (line, removed.get(line))
    # every input line missing from the body, not just the named ones, is tagged
    body = (seed_001.parent / "expected" / f"{seed_001.stem}.body.txt").read_text(encoding="utf-8")
    kept = set(body.split("\n"))
    gone = [line for line in split_blocks(seed_001.read_text(encoding="utf-8"))
            if line not in kept and not line.endswith("(ANI)")]
    assert sorted(gone) == sorted(removed)


def test_position_decisions_carry_their_reason(runner, seed_001: Path):
    output = runner.invoke(main, ["diff", str(seed_001)]).output
    assert re.search(r"^-Go toTop  \[[a-z.-]+: after the end-of-article marker 'Previous Story'\]$",
                     output, re.MULTILINE)
    assert "[inserted.caption: a name alone on a line, repeated from the story]" in output


def test_changed_line_shows_old_and_new_with_the_inline_rule(runner, seed_001: Path):
    lines = runner.invoke(main, ["diff", str(seed_001)]).output.splitlines()
    old = next(i for i, line in enumerate(lines) if line.startswith("-Lavrov said Moscow"))
    assert lines[old].endswith("Treaty.” (ANI)")
    assert lines[old + 1].startswith("+Lavrov said Moscow")
    assert re.search(r"Treaty\.”  \[meta\.[a-z.-]+\]$", lines[old + 1])


def test_summary_counts_rules_and_lists_metadata(runner, seed_001: Path):
    output = runner.invoke(main, ["diff", str(seed_001)]).output
    summary = output[output.index("\n\n"):]
    assert re.search(r"30 input lines, 7 kept, 23 removed or moved to metadata", summary)
    assert re.search(r"lines removed per rule:\n(?:  .*\n)*  end\.previous-next +\d+\n", summary)
    assert re.search(r"\n  reading\.time +1\n", summary)
    assert "  title: Moscow-Beijing ties will get stronger despite sanctions: Lavrov" in summary
    assert "  date: 2022-03-20" in summary
    assert "  agencies: ANI" in summary


def test_diff_is_built_from_the_edit_log(runner, seed_001: Path):
    record = ArticleRecord.model_validate_json(
        runner.invoke(main, ["clean", "--json", str(seed_001)]).output)
    output = runner.invoke(main, ["diff", str(seed_001)]).output
    tagged = {tag.split(":")[0] for tags in removed_lines(output).values() for tag in tags.split("; ")}
    tagged |= set(re.findall(r"^\+.*  \[([^\]:]+)\]$", output, re.MULTILINE))
    assert tagged == {edit.rule for edit in record.edits}


def test_fixes_per_rule_in_summary(runner):
    output = runner.invoke(main, ["diff", str(_seed("003_ac0f0d4b0038f67f"))]).output
    assert re.search(r"^\+“Sino-Russian relations.*  \[punctuation\.\w+\]$", output, re.MULTILINE)
    assert re.search(r"fixes per rule:\n(?:  .*\n)*  punctuation\.\w+ +\d+\n", output)


def test_html_input_side_is_the_extracted_text(runner, tmp_path: Path):
    page = tmp_path / "page.html"
    page.write_text(
        "<!DOCTYPE html><html lang='en'><body><nav><a href='/'>Home</a></nav><article>"
        "<p>Share this article</p>"
        "<p>The city council approved the annual budget on Monday after a long debate about "
        "spending on schools and roads, members said.</p>"
        "<p>The opposition said the budget did not do enough for housing and that rents were "
        "still rising across the city.</p></article></body></html>", encoding="utf-8")
    output = runner.invoke(main, ["diff", str(page)]).output
    assert f"--- {page} (extracted text)" in output
    assert re.search(r"^-Share this article  \[[a-z.-]+\]$", output, re.MULTILINE)


def test_color_always_styles_and_auto_does_not_off_a_terminal(runner, seed_001: Path):
    plain = runner.invoke(main, ["diff", str(seed_001)]).output
    colored = runner.invoke(main, ["diff", str(seed_001), "--color", "always"]).output
    never = runner.invoke(main, ["diff", str(seed_001), "--color", "never"]).output
    assert "\x1b[31m-1 min read" in colored
    assert "\x1b[" not in plain and plain == never


def test_unchanged_input_says_so(runner, tmp_path: Path):
    story = tmp_path / "story.txt"
    story.write_text("The mayor opened the new bridge on Monday morning, officials said.\n")
    output = runner.invoke(main, ["diff", str(story)]).output
    assert output.startswith("no changes\n")


def test_missing_file_is_a_usage_error(runner, tmp_path: Path):
    result = runner.invoke(main, ["diff", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2


# -- the rows behind the diff ---------------------------------------------------------

def _seed(name: str) -> Path:
    return Path(__file__).resolve().parents[2] / "fixtures" / "seeds" / f"{name}.txt"


def _record(text: str, edits: list[Edit]) -> ArticleRecord:
    return ArticleRecord(id="x", text=text, word_count=0, content_hash="h", edits=edits)


def test_a_block_dropped_without_an_edit_is_shown_as_unlogged():
    result = Trace(("kept", "lost"), {0: "kept"}, _record("kept", []), "text")
    assert input_rows(result)[1] == Row("-", "lost", 2, 1, (UNLOGGED,))


def test_hunks_keep_three_lines_of_context_and_split_far_changes():
    rows = [Row(" ", str(i), i, i) for i in range(1, 21)]
    rows[1] = Row("-", "2", 2, 1)
    rows[17] = Row("-", "18", 18, 17)
    first, second = hunks(rows)
    assert [r.text for r in first] == ["1", "2", "3", "4", "5"]
    assert hunk_header(first) == "@@ -1,5 +1,4 @@"
    assert hunk_header(second) == "@@ -15,6 +15,5 @@"
    rows[9] = Row("-", "10", 10, 9)  # 7 unchanged rows on each side: three hunks
    assert len(hunks(rows)) == 3
    rows[8] = Row("-", "9", 9, 8)  # 6 after the first change: the contexts touch, merged
    assert len(hunks(rows)) == 2


def test_compare_rows_tags_a_missing_line_with_the_removal_that_covers_it():
    edits = [Edit(stage="chrome", rule="nav.x", action="remove", before="Read more :", position=1)]
    result = Trace(("Story.", "Read more :"), {0: "Story."}, _record("Story.", edits), "text")
    rows = compare_rows(["Story.", "", "Read more:"], result)
    removed = [row for row in rows if row.kind == "-"]
    assert [(r.text, [t.rule for t in r.tags]) for r in removed] == [("", []), ("Read more:", ["nav.x"])]


def test_trace_matches_clean(seed_001: Path):
    from cleaner import clean

    data = seed_001.read_bytes()
    assert trace(data, "text").record == clean(data, content_type="text")
