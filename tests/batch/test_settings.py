"""The config's [batch] section: a config file reproduces a run given by options, options given
on the command line override the file, bad settings are config errors, and the section never
changes what decides `clean()` (the config hash, the workers' config)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner.batch.runner import RunOptions, _task
from cleaner.batch.settings import BatchSettings, DedupSettings, TemplateSettings
from cleaner.config import Config
from cleaner.errors import ConfigError
from tests.batch.helpers import manifest, rows, story, tree, write_jsonl

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"

BATCH = """
[rules]
builtin = false

[batch]
workers = 0
shard_size = 2

[batch.fields]
text = "body"

[batch.dedup]
threshold = 0.5
"""


@pytest.fixture
def feed(tmp_path):
    return write_jsonl(tmp_path / "feed.jsonl", [{"id": f"d{n}", "body": story(n % 3)}
                                                 for n in range(6)])


def test_a_config_file_reproduces_the_run_its_options_made(feed, tmp_path, cli):
    config = tmp_path / "cleaner.toml"
    config.write_text(BATCH)
    plain = tmp_path / "plain.toml"
    plain.write_text("[rules]\nbuiltin = false\n")
    by_options = ["run", feed, "-o", tmp_path / "a", "-q", "--config", plain, "--workers", "0",
                  "--shard-size", "2", "--text-field", "body", "--dedup",
                  "--near-duplicate-threshold", "0.5"]
    assert cli(*by_options).exit_code == 0
    assert cli("run", feed, "-o", tmp_path / "b", "-q", "--config", config).exit_code == 0
    assert (tmp_path / "a" / "run.json").read_bytes() == (tmp_path / "b" / "run.json").read_bytes()
    assert tree(tmp_path / "a") == tree(tmp_path / "b")
    assert manifest(tmp_path / "b")["counts"]["shards"] == 3
    assert manifest(tmp_path / "b")["duplicates"]["exact"] == 3
    # ...and the file's run resumes the options' run: nothing is left to do
    assert cli("run", feed, "-o", tmp_path / "a", "-q", "--config", config).exit_code == 0
    assert manifest(tmp_path / "a")["run"]["resumed_shards"] == 3


def test_options_given_override_the_file(feed, tmp_path, cli):
    config = tmp_path / "cleaner.toml"
    config.write_text(BATCH.replace("threshold = 0.5", "drop = true"))
    out = tmp_path / "out"
    assert cli("run", feed, "-o", out, "-q", "--config", config, "--shard-size", "4",
               "--dedup").exit_code == 0
    found = manifest(out)
    assert found["counts"]["shards"] == 2
    assert found["duplicates"]["settings"] == {**DedupSettings().model_dump(), "drop": False}
    assert len(rows(out, "records")) == 6  # marked, not dropped


def test_template_options_over_a_learning_section(tmp_path, cli):
    config = tmp_path / "cleaner.toml"
    config.write_text("[rules]\nbuiltin = false\n[batch]\nworkers = 0\n"
                      "[batch.templates]\nlearn = true\nmin_share = 0.5\n")
    feed = write_jsonl(tmp_path / "feed.jsonl", [{"text": story(1)}])
    out = tmp_path / "out"
    assert cli("run", feed, "-o", out, "-q", "--config", config,
               "--template-min-pages", "2").exit_code == 0
    settings = manifest(out)["templates"]["settings"]
    assert settings == {**TemplateSettings().model_dump(), "min_pages": 2, "min_share": 0.5}
    result = cli("run", feed, "-o", out, "--config", config, "--templates", out / "templates.json")
    assert result.exit_code == 2 and "another --learn-templates / --templates" in result.output


@pytest.mark.parametrize(("section", "problem"), [
    ("[batch]\nworkerz = 2", "batch.workerz"),
    ("[batch]\ncompression = 'lz4'", "batch.compression"),
    ("[batch.templates]\nmin_pages = 2", "learn = true or file"),
    ("[batch.templates]\nfile = 't.json'\nmin_pages = 2", "min_pages applies only with learn"),
    ("[batch.dedup]\nthreshold = 0", "batch.dedup.threshold"),
])
def test_bad_batch_settings_are_config_errors(section, problem, tmp_path, cli):
    path = tmp_path / "cleaner.toml"
    path.write_text(section)
    with pytest.raises(ConfigError, match=problem):
        Config.from_file(path)
    result = cli("run", SEEDS, "-o", tmp_path / "out", "--config", path)
    assert result.exit_code == 2 and problem in result.output


def test_the_section_decides_no_cleaning():
    config = Config(batch=BatchSettings(workers=3, dedup=DedupSettings()))
    task = _task(RunOptions.from_config(("x",), "out", config))
    assert task.config_json == Config().cache_key()  # the workers find the warm pipeline
    run = RunOptions.from_config(("x",), "out", config)
    assert (run.workers, run.dedup, run.learn_templates) == (3, DedupSettings(), None)
