"""`[rules] disable = ["template"]`: a run learns and applies no site templates."""

from __future__ import annotations

from cleaner.catalog import load_catalog
from tests.batch.helpers import manifest, rows, write_jsonl

TEMPLATE = load_catalog().get("template")


def template_edits(out) -> list[str]:
    return [edit["rule"] for row in rows(out, "records") for edit in row["edits"]
            if edit["rule"].startswith("template:")]


def test_a_disabled_template_entry_stops_learning_and_applying(tmp_path, cli):
    pages = [{"id": f"p{n}", "url": f"{TEMPLATE.url}/{n}", "text": text}
             for n, text in enumerate(TEMPLATE.examples.change)]
    feed = write_jsonl(tmp_path / "feed.jsonl", pages)
    config = tmp_path / "cleaner.toml"
    config.write_text('[rules]\ndisable = ["template"]\n', encoding="utf-8")
    learned = cli("run", feed, "-o", tmp_path / "on", "--learn-templates", "--workers", "0")
    assert learned.exit_code == 0, learned.output
    assert len(template_edits(tmp_path / "on")) >= len(pages)  # at least one line per page
    off = cli("run", feed, "-o", tmp_path / "off", "--learn-templates", "--workers", "0",
              "--config", config)
    assert off.exit_code == 0, off.output
    assert template_edits(tmp_path / "off") == []
    assert "templates" not in manifest(tmp_path / "off")
