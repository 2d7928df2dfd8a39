"""`Config`: which stages run and their typed settings, validated when loaded.

`Config` is assembled from the stage registry (`cleaner.stages.base`): `stages`, `[rules]`,
one section per registered stage that has a `settings_model` (named as the stage), and
`[limits]`, `[flags]` and `[batch]`. Every model forbids unknown keys, so a typo fails at
load time with its location instead of being silently ignored. Thresholds carry the benchmark that justified them (see
README). A config is immutable and hashable by its JSON form, which keys the pipeline cache.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from pydantic import ValidationError, create_model

from cleaner.batch.settings import BatchSettings
from cleaner.errors import ConfigError, first_problem
from cleaner.settings import FlagSettings, LimitsSettings, RulesSettings, Settings
from cleaner.stages import DEFAULT_STAGES
from cleaner.stages.base import STAGES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["DEFAULT_STAGES", "Config", "FlagSettings", "LimitsSettings", "RulesSettings",
           "Settings"]


class ConfigBase(Settings):
    """What every `Config` does: load and validate files and mappings, key the cache."""

    @classmethod
    def from_dict(cls, data: dict[str, Any], where: str = "config",
                  base_dir: Path | None = None) -> Config:
        """Validate a mapping; the paths it gives (rule files, a templates file) are made
        relative to `base_dir`."""
        try:
            config = cls.model_validate(data)
        except ValidationError as exc:
            raise ConfigError(f"{where}: {first_problem(exc, '(top level)')}") from None
        if base_dir is None:
            return config
        moved = {name: section.relative_to(base_dir) for name, section in config
                 if isinstance(section, Settings)}
        updates = {name: section for name, section in moved.items()
                   if section is not getattr(config, name)}
        return config.model_copy(update=updates) if updates else config

    @classmethod
    def from_file(cls, path: str | Path) -> Config:
        """Load `cleaner.toml`, or the `[tool.cleaner]` table of a `pyproject.toml`."""
        path = Path(path)
        data = _read_toml(path)
        if path.name == "pyproject.toml":
            data = data.get("tool", {}).get("cleaner", {})
        return cls.from_dict(data, where=str(path), base_dir=path.resolve().parent)

    @classmethod
    def discover(cls, folder: str | Path = ".") -> Config:
        """`cleaner.toml` in `folder`, else `[tool.cleaner]` in its `pyproject.toml`, else defaults."""
        folder = Path(folder)
        if (folder / "cleaner.toml").is_file():
            return cls.from_file(folder / "cleaner.toml")
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "cleaner" in _read_toml(pyproject).get("tool", {}):
            return cls.from_file(pyproject)
        return cls()

    def cache_key(self) -> str:
        return self.model_dump_json()


def _sections() -> dict[str, Any]:
    """The fields of `Config`: the order of stages, the rules, each registered stage's
    settings (in the order stages were registered), the limits, the flags' thresholds, and
    `cleaner run`'s batch settings."""
    fields: dict[str, Any] = {"stages": (tuple[str, ...], DEFAULT_STAGES),
                              "rules": (RulesSettings, RulesSettings())}
    for name, stage in STAGES.items():
        if stage.settings_model is not None:
            fields[name] = (stage.settings_model, stage.settings_model())
    fields["limits"] = (LimitsSettings, LimitsSettings())
    fields["flags"] = (FlagSettings, FlagSettings())
    fields["batch"] = (BatchSettings, BatchSettings())
    return fields


Config = create_model("Config", __base__=ConfigBase, __module__=__name__, **_sections())
Config.__doc__ = """Everything that decides what `clean()` does. `Config()` is the default
pipeline."""


def _read_toml(path: Path) -> dict[str, Any]:
    """A TOML file as a mapping; any problem is a ConfigError naming the file."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text: {exc.reason} at byte {exc.start}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
