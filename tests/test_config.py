"""Config: validated, immutable, loadable from cleaner.toml or pyproject.toml."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from cleaner import Config, ConfigError, clean


def test_defaults_build_a_pipeline():
    assert "chrome" in Config().stages


def test_unknown_keys_fail_with_their_location(tmp_path):
    path = tmp_path / "cleaner.toml"
    path.write_text("[chrome]\nclasifier = false\n")
    with pytest.raises(ConfigError, match=r"cleaner.toml: chrome.clasifier"):
        Config.from_file(path)


def test_wrong_types_fail(tmp_path):
    path = tmp_path / "cleaner.toml"
    path.write_text("[language]\nsample_chars = 'many'\n")
    with pytest.raises(ConfigError, match="language.sample_chars"):
        Config.from_file(path)


def test_bad_toml_is_a_config_error(tmp_path):
    path = tmp_path / "cleaner.toml"
    path.write_text("[chrome\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        Config.from_file(path)


def test_pyproject_table_is_discovered(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.cleaner.rules]\ndisable = ['nav.back-to-top']\n")
    assert Config.discover(tmp_path).rules.disable == ("nav.back-to-top",)


def test_extra_rule_paths_are_relative_to_the_config(tmp_path):
    (tmp_path / "cleaner.toml").write_text("[rules]\nextra = ['mine.yaml']\n")
    assert Config.discover(tmp_path).rules.extra == (tmp_path / "mine.yaml",)


def test_config_is_immutable():
    with pytest.raises(ValidationError):
        Config().stages = ()


def test_stage_order_is_checked_when_built():
    with pytest.raises(ConfigError, match="needs"):
        clean("x", config=Config(stages=("decode", "chrome")))


def test_unknown_stage_is_refused():
    with pytest.raises(ConfigError, match="unknown stage"):
        clean("x", config=Config(stages=("decode", "sparkle")))


def test_disabled_rules_are_not_applied():
    text = "Go toTop\n\nThe council approved the new budget on Monday after a long debate."
    assert "Go toTop" in clean(text, config=Config.model_validate(
        {"rules": {"disable": ["nav.back-to-top"]}, "chrome": {"classifier": False}})).text


def test_a_broken_pyproject_is_a_config_error(tmp_path):
    (tmp_path / "pyproject.toml").write_bytes(b"[tool.cleaner\n\xff")
    with pytest.raises(ConfigError, match="pyproject.toml"):
        Config.discover(tmp_path)
