"""Site templates: learned from the pages of each site, removed at the story's edges with an
edit each, kept inside stories; templates.json reused; resumable; planted chrome in real text."""

from __future__ import annotations

import orjson
import pytest

from bench.templates import DEFAULT_TEXTS, build_pages, records_by_id, score
from bench.templates import write_feed as write_pages
from cleaner.api import clean, content_hash
from cleaner.batch.runner import RunOptions, run_batch
from cleaner.batch.settings import TemplateSettings
from cleaner.batch.steps.templates import LineCounts, learn
from cleaner.stages.templates import SiteTemplate, Templates, normalize_line
from tests.batch.helpers import manifest, rows, story, tree, write_jsonl

TOP = ("Read Globex on your phone with our free app", "updated at {n}:30 by the Globex news desk")
BOTTOM = ("Globex Daily is part of the Globex Media network of local papers",
          "Copyright Globex Media Group, all rights reserved")
QUOTE = "“We will keep the doors open for as long as people need us,” the director said again."


def page(n: int, quote: bool = False) -> str:
    """A globex.test page: template lines above and below a story, maybe a quote inside it."""
    paragraphs = story(n).split("\n")
    if quote:
        paragraphs.insert(2, QUOTE)
    return "\n".join([line.format(n=n % 24) for line in TOP] + paragraphs + list(BOTTOM))


@pytest.fixture
def sites(tmp_path):
    """Eight globex.test pages (the quote inside four of them) and eight plain other.test ones."""
    docs = [{"id": f"g{n}", "url": f"https://globex.test/{n}", "text": page(n, quote=n % 2 == 0)}
            for n in range(8)]
    docs += [{"id": f"o{n}", "url": f"https://www.other.test/{n}", "text": story(100 + n)}
             for n in range(8)]
    return write_jsonl(tmp_path / "feed.jsonl", docs)


def test_template_lines_go_with_an_edit_each_and_a_quote_inside_stories_stays(sites, tmp_path,
                                                                               cli):
    out = tmp_path / "out"
    result = cli("run", sites, "-o", out, "--learn-templates", "--workers", "0")
    assert result.exit_code == 0, result.output
    records = {row["id"]: row for row in rows(out, "records")}
    chrome = {normalize_line(line) for line in TOP + BOTTOM}
    for n in range(8):
        record = records[f"g{n}"]
        lines = record["text"].split("\n\n")
        assert not chrome & {normalize_line(line) for line in lines}
        assert (QUOTE in lines) == (n % 2 == 0)
        assert (record["word_count"], record["content_hash"]) == (
            len(record["text"].split()), content_hash(record["text"]))
        removed = [e for e in record["edits"] if e["stage"] == "templates"]
        source = page(n, quote=n % 2 == 0).split("\n")
        assert {e["rule"] for e in removed} == {"template:globex.test"}
        assert all(source[e["position"]] == e["before"] for e in removed)
    assert records["o1"]["text"] == clean(story(101)).text
    section = manifest(out)["templates"]
    assert (section["sites"], section["learned"]) == (1, True)
    assert section["removed_lines"] == sum(
        e["stage"] == "templates" for r in records.values() for e in r["edits"])
    assert "Templates: " in result.output


def test_templates_json_is_readable_and_reused_as_is(sites, tmp_path, cli):
    learned = tmp_path / "learned"
    assert cli("run", sites, "-o", learned, "--learn-templates", "--workers", "0",
               "-q").exit_code == 0
    data = orjson.loads((learned / "templates.json").read_bytes())
    assert data["format"] == "cleaner-templates/1"
    assert data["settings"] == {"min_pages": 5, "min_share": 0.3, "min_edge_share": 0.8,
                                "anywhere_share": 0.9, "max_line_chars": 300}
    (site,) = data["sites"]
    assert site == "globex.test" and data["sites"][site]["pages"] == 8
    texts = [line["text"] for line in data["sites"][site]["lines"]]
    assert "updated at 0:30 by the Globex news desk" in texts and QUOTE not in texts
    reused = tmp_path / "reused"
    assert cli("run", sites, "-o", reused, "--templates", learned / "templates.json",
               "--workers", "0", "-q").exit_code == 0
    assert tree(reused) == tree(learned)
    assert manifest(reused)["templates"]["learned"] is False


def test_without_a_url_the_site_is_the_input_folder(tmp_path, cli):
    for folder, offset in (("globex", 0), ("other", 50)):
        (tmp_path / "data" / folder).mkdir(parents=True)
        for n in range(6):
            text = page(n + offset) if folder == "globex" else story(n + offset)
            (tmp_path / "data" / folder / f"{n}.txt").write_text(text)
    out = tmp_path / "out"
    assert cli("run", tmp_path / "data", "-o", out, "--learn-templates", "--workers", "2",
               "-q").exit_code == 0
    assert list(orjson.loads((out / "templates.json").read_bytes())["sites"]) == [
        str(tmp_path / "data" / "globex")]


def test_learning_resumes_and_its_settings_are_part_of_the_run(sites, tmp_path, cli):
    args = ["run", sites, "-o", tmp_path / "out", "--learn-templates", "--workers", "0", "-q",
            "--shard-size", "5"]
    assert cli(*args).exit_code == 0
    expected = tree(tmp_path / "out")
    for marker in [*sorted((tmp_path / "out" / "learn" / "done").iterdir())[1:],
                   *sorted((tmp_path / "out" / "done").iterdir())]:
        marker.unlink()  # as if killed while learning
    (tmp_path / "out" / "templates.json").unlink()
    assert cli(*args).exit_code == 0
    assert tree(tmp_path / "out") == expected
    result = cli(*args, "--template-min-pages", "3")
    assert result.exit_code == 2 and "another --learn-templates / --templates" in result.output


def test_usage_errors_exit_2(sites, tmp_path, cli):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "cleaner-templates/1", "sites": {"x": {}}}')
    cases = {("--learn-templates", "--templates", bad): "cannot be used together",
             ("--template-min-share", "0.5"): "--template-min-share needs --learn-templates",
             ("--templates", bad): "bad.json: not a templates file: KeyError",
             ("--templates", tmp_path / "missing.json"): "cannot read templates"}
    for extra, message in cases.items():
        result = cli("run", sites, "-o", tmp_path / "o", *extra)
        assert (result.exit_code, message in result.output) == (2, True), result.output


def counted(pages: list[tuple[str, str]]) -> LineCounts:
    counts = LineCounts()
    for site, text in pages:
        counts.add(site, text, "en")
    return counts


def test_a_template_line_recurs_on_enough_pages_and_mostly_at_an_edge():
    body = [story(n).replace("\n", "\n\n") for n in range(10)]
    pages = [("s", f"Top line\n\n{body[n]}" + ("\n\nRare line" if n < 4 else "")) for n in range(10)]
    pages += [("s", f"{body[n][:300]}\n\n{QUOTE}\n\n{body[n][300:]}") for n in range(5)]
    lines = learn(counted(pages), TemplateSettings()).sites["s"].lines
    assert set(lines) == {normalize_line("Top line")}  # rare: 4 pages; the quote: inside
    assert not learn(counted(pages[:4]), TemplateSettings()).sites  # 4 pages are too few


def test_a_line_the_head_removed_on_some_pages_still_counts_there():
    pages = [story(n).replace("\n", "\n\n") for n in range(10)]
    counts = LineCounts()
    for n, text in enumerate(pages):  # the head removed it on half the pages, kept it on half
        removed = ["Site ticker line"] if n % 2 else []
        counts.add("s", text if n % 2 else f"Site ticker line\n\n{text}", "en", removed)
    lines = learn(counts, TemplateSettings()).sites["s"].lines
    assert lines[normalize_line("Site ticker line")][1] == 10


def test_positions_are_exact_after_a_block_emptied_by_in_line_removals(tmp_path, cli):
    """An in-line rule moves all of the credit line to metadata, and the pipeline drops the
    empty block without a further edit: the story's blocks are 1, 2 and 3, which the finished
    record alone could not tell; the templates stage sees the blocks themselves."""
    text = "\n".join(["WASHINGTON (Reuters) —", story(1).split("\n")[1], story(2).split("\n")[1],
                      BOTTOM[1]])
    templates = Templates(TemplateSettings(), {"globex.test": SiteTemplate(
        10, {normalize_line(BOTTOM[1]): (BOTTOM[1], 10)})})
    (tmp_path / "templates.json").write_bytes(templates.to_json())
    feed = write_jsonl(tmp_path / "feed.jsonl", [{"url": "https://globex.test/1", "text": text}])
    assert cli("run", feed, "-o", tmp_path / "out", "--templates", tmp_path / "templates.json",
               "--workers", "0", "-q").exit_code == 0
    (row,) = rows(tmp_path / "out", "records")
    assert [(edit["stage"], edit["position"]) for edit in row["edits"]] == [
        ("metadata", 0), ("templates", 3)]


@pytest.mark.skipif(not DEFAULT_TEXTS.is_dir(), reason="Zyte dataset not available")
def test_planted_chrome_around_real_articles_goes_and_content_stays(tmp_path):
    """bench/templates.py, smaller: 3 sites of 10 real articles each."""
    texts = [f.read_text(encoding="utf-8") for f in sorted(DEFAULT_TEXTS.glob("*.txt"))]
    pages = build_pages(texts, sites=3, pages=10)
    feed = write_pages(tmp_path / "feed.jsonl", pages)
    outputs = {}
    for name, learning in (("plain", None), ("learned", TemplateSettings())):
        run_batch(RunOptions(inputs=(str(feed),), output=tmp_path / name, workers=0,
                             learn_templates=learning))
        outputs[name] = records_by_id(tmp_path / name)
    result = score(pages, outputs["plain"], outputs["learned"])
    assert result["planted_removed"] >= 0.98 * result["planted_unknown"] > 0
    assert result["content_removed"] == 0 and result["quotes_kept"] == result["quotes"]
