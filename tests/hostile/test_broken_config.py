"""Every broken config or rule file is exit code 2 and one line naming the file and the key or
rule: never a traceback, and never code run from a config."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner import Config, RuleError, clean
from cleaner.catalog import load_rule_file
from cleaner.cli import main
from cleaner.config import RulesSettings

RULE = """- id: test.rule
  description: A test rule.
  rationale: Tests need one.
  scope: line
  pattern: 'Share this'
  examples: {remove: [Share this], keep: [Share this story with friends, she said.]}
"""
PWNED = Path("/tmp/cleaner-hostile-pwned")
# file name -> (content, what the one line says: "{dir}" is the folder of the file)
BROKEN = {
    "syntax.toml": ("[chrome\nclassifier = true\n", "{dir}/syntax.toml: not valid TOML"),
    "unknown-key.toml": ("[chrome]\nlenght_low = 3\n",
                         "{dir}/unknown-key.toml: chrome.lenght_low: Extra inputs"),
    "wrong-type.toml": ('[limits]\nmax_blocks = "many"\n',
                        "{dir}/wrong-type.toml: limits.max_blocks: Input should be a valid"),
    "out-of-range.toml": ("[limits]\nmax_html_depth = 1000\n",
                          "{dir}/out-of-range.toml: limits.max_html_depth: Input should be"),
    "not-utf8.toml": (b"[decode]\nfallback_encoding = '\xe9'\n", "{dir}/not-utf8.toml: not UTF-8"),
    "missing-rules.toml": ('[rules]\nextra = ["nope.yaml"]\n',
                           "{dir}/nope.yaml: cannot read rule file: No such file"),
    "yaml-syntax.yaml": ("- id: test.rule\n  description: [unclosed\n",
                         "{dir}/yaml-syntax.yaml: line 3 is not valid YAML"),
    "unknown-field.yaml": (RULE + "  colour: red\n",
                           "{dir}/unknown-field.yaml: rule test.rule: colour: Extra inputs"),
    "wrong-field-type.yaml": (RULE.replace("scope: line", "scope: 5"),
                              "{dir}/wrong-field-type.yaml: rule test.rule: scope: Input should"),
    "lookbehind.yaml": (RULE.replace("'Share this'", "'(?<=a)b'"),
                        ("rule test.rule in {dir}/lookbehind.yaml: pattern is not valid RE2: "
                         "invalid perl operator: (?<=")),
    "backreference.yaml": (RULE.replace("'Share this'", r"'(a)\1'"),
                           "rule test.rule in {dir}/backreference.yaml: pattern is not valid RE2"),
    "python-tag.yaml": (f"- !!python/object/apply:os.system ['touch {PWNED}']\n",
                        ("{dir}/python-tag.yaml: line 1 is not valid YAML: could not determine "
                         "a constructor")),
    "not-utf8.yaml": (RULE.encode().replace(b"A test", b"A t\xe9st"),
                      "{dir}/not-utf8.yaml: not UTF-8"),
    "not-a-list.yaml": ("rules: 3\n", "{dir}/not-a-list.yaml: expected a list of rules"),
}


def write_case(folder: Path, name: str) -> Path:
    """The broken file, and for a rule file the config that loads it; returns the config."""
    content, _ = BROKEN[name]
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    if name.endswith(".yaml"):
        path = folder / "cleaner.toml"
        path.write_text(f'[rules]\nextra = ["{name}"]\n')
    return path


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_broken_config_is_exit_2_and_one_line(tmp_path, name):
    (tmp_path / "story.txt").write_text("The council approved the new budget on Monday.")
    config = write_case(tmp_path, name)
    result = CliRunner().invoke(main, ["clean", str(tmp_path / "story.txt"), "--config",
                                       str(config)])
    assert result.exit_code == 2, result.output
    assert result.stdout == "" and result.stderr.count("\n") == 1, result.stderr
    line = result.stderr
    assert line.startswith("cleaner: [E01") and "Traceback" not in line
    assert BROKEN[name][1].format(dir=tmp_path) in line, line
    assert not PWNED.exists()


def test_a_missing_config_file_is_exit_2(tmp_path):
    result = CliRunner().invoke(main, ["clean", "-", "--config", str(tmp_path / "nope.toml")],
                                input="text")
    assert result.exit_code == 2
    assert result.stderr == f"cleaner: [E010] {tmp_path / 'nope.toml'}: cannot read config: " \
                            "No such file or directory\n"


def test_a_broken_pyproject_found_in_the_working_directory_is_exit_2(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("[tool.cleaner\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["clean", "-"], input="text")
    assert result.exit_code == 2 and result.stderr.startswith("cleaner: [E010] pyproject.toml:")


def test_a_real_process_prints_one_line_and_exits_2(tmp_path):
    config = write_case(tmp_path, "lookbehind.yaml")
    run = subprocess.run(
        [sys.executable, "-c", "from cleaner.cli import main; main()", "clean", "-",
         "--config", str(config)], input="text", capture_output=True, text=True, check=False)
    assert run.returncode == 2 and run.stdout == ""
    line = (f"cleaner: [E011] rule test.rule in {tmp_path / 'lookbehind.yaml'}: pattern is not "
            "valid RE2: invalid perl operator: (?<=")
    assert run.stderr.splitlines() == [line], run.stderr


def test_catastrophic_backtracking_patterns_run_in_linear_time(tmp_path):
    """`^(a+)+$` takes exponential time in a backtracking engine; in RE2 it is linear."""
    rules = tmp_path / "rules.yaml"
    rules.write_text(RULE.replace("'Share this'", "'^(a+)+$'").replace(
        "remove: [Share this]", "remove: [aaaa]"))
    assert len(load_rule_file(rules)) == 1  # loads: RE2 compiles it, and it cannot hang
    config = Config(rules=RulesSettings(builtin=False, extra=(rules,)))
    text = "The council approved the new budget on Monday after a long debate.\n"
    start = time.perf_counter()
    record = clean(text + "a" * 60_000 + "!\n" + "a" * 60_000, content_type="text",
                   config=config)
    assert time.perf_counter() - start < 5
    assert record.text.count("a" * 60_000) == 1  # the line of only a's matched and went


def _too_big_catalog(tmp_path: Path, languages: tuple[str | None, ...] = (None,) * 12) -> Path:
    """A rule file of one rule per item of `languages` (its language), each a list of 3,000
    long phrases: RE2 fits four of them in a set, not six."""
    phrases = ", ".join(f"phrase{n}x{'y' * 40}" for n in range(3_000))
    rules = tmp_path / "big.yaml"
    rules.write_text("".join(RULE.replace("test.rule", f"test.rule{n}").replace(
        "pattern: 'Share this'", f"phrases: [{phrases}]" + (
            f"\n  language: {language}" if language else "")).replace(
        "remove: [Share this]", "remove: [phrase0xyyyy]") for n, language in enumerate(languages)))
    return rules


def test_a_catalog_too_big_for_re2_is_refused_at_the_first_document(tmp_path):
    """The sets are built on first use: cleaning fails, with the reason, not loading."""
    config = Config(rules=RulesSettings(builtin=False, extra=(_too_big_catalog(tmp_path),)))
    with pytest.raises(RuleError, match="too big for RE2"):
        clean("text", config=config)


def test_cleaner_rules_test_refuses_a_catalog_too_big_for_re2(tmp_path):
    """`cleaner rules test` builds every set: here each language's rules fit in a set, and so
    pass their examples, but a document of unknown language needs all eight in one."""
    rules = _too_big_catalog(tmp_path, ("de",) * 4 + ("fr",) * 4)
    (tmp_path / "cleaner.toml").write_text(
        f"[rules]\nbuiltin = false\nextra = [{str(rules)!r}]\n".replace("'", '"'))
    result = CliRunner().invoke(main, ["rules", "test", "--config",
                                       str(tmp_path / "cleaner.toml")])
    assert result.exit_code == 2
    assert "the 8 line/tail rules together are too big for RE2" in result.output
