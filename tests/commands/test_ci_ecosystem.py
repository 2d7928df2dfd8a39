"""`cleaner schema`, the pre-commit hook, and the CI documentation stay in step with the code."""

from __future__ import annotations

import re
from pathlib import Path

import orjson
import yaml

from cleaner.cli import main
from cleaner.record import ArticleRecord

REPO = Path(__file__).resolve().parents[2]


def test_schema_is_the_record_json_schema(runner):
    result = runner.invoke(main, ["schema"])
    assert result.exit_code == 0
    schema = orjson.loads(result.output)
    assert schema == ArticleRecord.model_json_schema()
    assert set(schema["properties"]) == set(ArticleRecord.model_fields)
    assert schema["$defs"]["Edit"]["properties"]["action"]["enum"] == ["remove", "replace",
                                                                      "to_metadata"]


def test_pre_commit_hook_runs_cleaner_check_on_the_fixtures():
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    hook = next(h for h in hooks if h["id"] == "cleaner-check")
    assert hook["entry"] == "cleaner check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    assert hook["args"] == ["fixtures/"]
    assert hook["name"]  # pre-commit requires a name


def test_ci_docs_workflow_runs_the_github_format():
    docs = (REPO / "docs" / "ci.md").read_text()
    assert docs.startswith("## Use in CI")
    workflow = re.search(r"`\.github/workflows/fixtures\.yml`:\n\n```yaml\n(.*?)```", docs, re.DOTALL)
    steps = yaml.safe_load(workflow.group(1))["jobs"]["check"]["steps"]
    assert {"run": "cleaner check fixtures/ --format github"} in steps


def test_every_documented_command_exists(runner):
    docs = (REPO / "docs" / "ci.md").read_text()
    commands = set(re.findall(r"^cleaner (\w+)", docs, re.MULTILINE))
    assert commands == {"check", "snapshot", "compare", "schema"}
    for command in commands | {"diff"}:
        assert runner.invoke(main, [command, "--help"]).exit_code == 0
