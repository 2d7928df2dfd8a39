"""templates: a templates file's lines go at the story's edges (anywhere when on nearly every
page of the site), each with an edit at its block's position; no file, no change."""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.batch.settings import TemplateSettings
from cleaner.config import Config
from cleaner.errors import ConfigError
from cleaner.stages.templates import SiteTemplate, Templates, normalize_line
from tests.stages.documents import P1, P2, P3, document, run_stage, texts

SITE = "x.test"


def config_for(tmp_path, lines: dict[str, int], pages: int = 10, **section: object) -> Config:
    """A config whose `[templates] file` lists `lines` ({text: pages}) for SITE."""
    templates = Templates(TemplateSettings(), {SITE: SiteTemplate(pages, {
        normalize_line(text): (text, count) for text, count in lines.items()})})
    path = tmp_path / "templates.json"
    path.write_bytes(templates.to_json())
    return Config(templates={"file": path, **section})


def test_lines_on_nearly_every_page_go_anywhere_others_only_at_the_edges(tmp_path):
    config = config_for(tmp_path, {"Site line": 10, "Other line": 5})
    doc = document("Site line", P1, P2, "Site line", "Other line", P3, "Other line",
                   url=f"https://{SITE}/1")
    done = run_stage("templates", doc, config)
    assert texts(done) == [P1, P2, "Other line", P3]
    assert [(e.rule, e.before, e.position, e.reason) for e in done.edits] == [
        ("template:x.test", "Site line", 0, "on 10 of 10 pages of x.test, nearly every page"),
        ("template:x.test", "Site line", 3, "on 10 of 10 pages of x.test, nearly every page"),
        ("template:x.test", "Other line", 6, "on 5 of 10 pages of x.test, below the story")]


def test_positions_are_the_blocks_own(tmp_path):
    config = config_for(tmp_path, {"Other line": 5})
    doc = document("Other line", P1, P2, url=f"https://{SITE}/1")
    doc = doc.evolve(blocks=tuple(b.__class__(b.text, b.position + 4) for b in doc.blocks))
    assert [e.position for e in run_stage("templates", doc, config).edits] == [4]


def test_another_site_or_no_file_changes_nothing(tmp_path):
    doc = document("Site line", P1, P2, url="https://y.test/1")
    assert run_stage("templates", doc, config_for(tmp_path, {"Site line": 10})) is doc
    assert run_stage("templates", doc) is doc


def test_without_a_url_the_given_site_counts(tmp_path):
    config = config_for(tmp_path, {"Site line": 10})
    record = clean(f"Site line\n{P1}\n{P2}", site=SITE, config=config)
    assert record.text == f"{P1}\n\n{P2}"
    assert record.edits[-1].rule == "template:x.test"


def test_a_changed_or_missing_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="SHA-256"):
        clean(P1, config=config_for(tmp_path, {"Site line": 10}, sha256="0" * 64))
    with pytest.raises(ConfigError, match="cannot read"):
        clean(P1, config=Config(templates={"file": tmp_path / "missing.json"}))


def test_a_relative_file_is_relative_to_the_config_file(tmp_path):
    (tmp_path / "cleaner.toml").write_text('[templates]\nfile = "out/templates.json"\n')
    assert Config.from_file(tmp_path / "cleaner.toml").templates.file == (
        tmp_path / "out" / "templates.json")


def test_a_disabled_template_entry_removes_nothing(tmp_path):
    config = config_for(tmp_path, {"Site line": 10})
    config = config.model_copy(update={"rules": config.rules.model_copy(
        update={"disable": ("template",)})})
    doc = document("Site line", P1, P2, url=f"https://{SITE}/1")
    assert run_stage("templates", doc, config) is doc
