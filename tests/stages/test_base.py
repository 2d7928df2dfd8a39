"""The stage contract: typed facets, the registry, and the order checked when built."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cleaner import Config, ConfigError
from cleaner.pipeline import Pipeline
from cleaner.stages import DEFAULT_STAGES
from cleaner.stages.base import STAGES, Facet, check_order


def test_the_default_order_is_valid_and_every_builtin_is_registered():
    check_order(DEFAULT_STAGES)
    assert set(DEFAULT_STAGES) <= set(STAGES)
    assert [s.name for s in Pipeline(Config()).stages] == list(DEFAULT_STAGES)


def test_every_facet_a_builtin_requires_is_provided_by_one():
    provided = {facet for stage in STAGES.values() for facet in stage.provides}
    for stage in STAGES.values():
        assert stage.requires | stage.after <= provided, stage.name
        assert all(isinstance(f, Facet) for f in stage.requires | stage.provides)


@pytest.mark.parametrize(("stages", "message"), [
    (("decode", "extract", "segment", "language", "provenance"),
     r"'provenance' needs repaired, which no earlier stage provides"),
    (("decode", "extract", "segment", "repair", "language", "provenance", "chrome", "metadata"),
     r"'chrome' needs metadata, which 'metadata' provides: put 'chrome' after 'metadata'"),
    (("decode", "extract", "segment", "repair", "language", "provenance", "chrome"),
     r"'chrome' needs metadata, which no earlier stage provides"),
    (("decode", "extract", "segment", "repair", "language", "punctuation", "metadata"),
     r"'punctuation' must run after 'metadata'"),
    (("decode", "extract", "segment", "language", "repair"), r"'language' must run after 'repair'"),
])
def test_a_missing_or_misplaced_stage_is_refused_naming_it(stages, message):
    with pytest.raises(ConfigError, match=message):
        Pipeline(Config(stages=stages))


def test_a_stage_without_the_optional_ones_builds():
    Pipeline(Config(stages=("decode", "extract", "segment", "language", "punctuation")))


def test_config_has_a_section_per_stage_with_settings():
    sections = set(Config.model_fields) - {"stages", "rules", "limits", "flags", "batch"}
    assert sections == {name for name, stage in STAGES.items() if stage.settings_model}
    for name in sections:
        assert isinstance(getattr(Config(), name), STAGES[name].settings_model)


def test_stages_import_neither_the_pipeline_nor_the_config():
    code = ("import sys, cleaner.stages; "
            "print(sorted(m for m in ('cleaner.pipeline', 'cleaner.config') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_architecture_table_matches_the_stages():
    """docs/architecture.md lists each default stage with what it requires, comes after and
    provides, in the default order."""
    doc = Path(__file__).resolve().parents[2] / "docs" / "architecture.md"
    rows = [line.split("|")[1:5] for line in doc.read_text(encoding="utf-8").splitlines()
            if line.startswith("| ") and not line.startswith("| stage")]

    def facets(cell: str) -> set[str]:
        return {f.strip() for f in cell.split(",") if f.strip()}
    table = [(name.strip(), facets(req), facets(after), facets(prov))
             for name, req, after, prov in rows]
    assert table == [(name, {str(f) for f in STAGES[name].requires},
                      {str(f) for f in STAGES[name].after},
                      {str(f) for f in STAGES[name].provides}) for name in DEFAULT_STAGES]


def test_a_stage_registered_after_the_config_was_assembled_is_told_so():
    from cleaner.settings import Settings
    from cleaner.stages.base import Stage

    class LateSettings(Settings):
        level: int = 1

    class Late(Stage):
        name = "late"
        settings_model = LateSettings

    with pytest.raises(ConfigError, match="'late' are no section of Config"):
        Late(Config(), Pipeline(Config()).rules)


def test_a_pipeline_gives_one_of_its_stages_by_name():
    pipeline = Pipeline(Config(stages=("decode", "extract", "segment")))
    assert pipeline.stage("segment").name == "segment"
    with pytest.raises(KeyError, match="no stage 'chrome'"):
        pipeline.stage("chrome")
