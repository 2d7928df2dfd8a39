"""repair and punctuation: the two stages made of named text fixes (see `cleaner.text`)."""

from __future__ import annotations

from cleaner.document import Document
from cleaner.errors import ConfigError
from cleaner.record import Edit
from cleaner.settings import Settings
from cleaner.stages.base import Stage
from cleaner.text.edits import Fix, apply_fixes


class FixSettings(Settings):
    """For the repair and punctuation stages: fix names (see `cleaner rules list`) to skip."""

    disable: tuple[str, ...] = ()


class FixStage(Stage):
    """Applies its module's `FIXES` in order to every block; an emptied block is removed.
    Each fix is the catalog entry `<stage>.<name>` and the removal `<stage>.empty`: what
    `[rules] disable` switches off is skipped."""

    fixes: dict[str, Fix]
    settings_model = FixSettings

    def __init__(self, config, rules) -> None:
        super().__init__(config, rules)
        disabled = set(self.settings.disable)
        unknown = disabled - set(self.fixes)
        if unknown:
            raise ConfigError(f"{self.name}.disable: unknown fix {', '.join(sorted(unknown))} "
                              f"(known: {', '.join(self.fixes)})")
        # `[<stage>] disable` names a fix by its name, `[rules] disable` by its catalog id.
        self.active = [(n, f) for n, f in self.fixes.items()
                       if n not in disabled and rules.enabled(f"{self.name}.{n}")]
        self.removes_empty = rules.enabled(f"{self.name}.empty")

    def __call__(self, doc: Document) -> Document:
        blocks, edits = [], []
        language = doc.meta.language
        for block in doc.blocks:
            text, changes = self.fix_block(block.text, language, block.position)
            if text:
                edits.extend(changes)
                blocks.append(block.with_text(text) if changes else block)
            elif self.removes_empty:
                edits.extend(changes)
                edits.append(Edit(stage=self.name, rule=f"{self.name}.empty", action="remove",
                                  before=block.text, position=block.position))
            else:  # `<stage>.empty` is off: the block stays as it was, unfixed
                blocks.append(block)
        if not edits:
            return doc
        return doc.with_edits(edits, blocks=tuple(blocks))

    def fix_block(self, text: str, language: str | None, position: int) -> tuple[str, list[Edit]]:
        """The active fixes run on one block: its text and the edits that made it."""
        return apply_fixes(text, self.active, language, self.name, position)
