"""repair and punctuation: the two stages made of named text fixes (see `cleaner.text`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import ClassVar

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
    # For some fixes, a test of a whole document that is False only when the fix changes
    # none of its blocks (`cleaner.text.repair.QUICK_CHECKS`).
    quick_checks: ClassVar[Mapping[str, Callable[[str], bool]]] = {}
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
        idle = self.idle_fixes(doc)
        for block in doc.blocks:
            text, changes = self.fix_block(block.text, language, block.position, idle)
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

    def idle_fixes(self, doc: Document) -> frozenset[str]:
        """The active fixes whose quick check fails on the document's blocks, read as one
        text: one scan of the document instead of a call on each block."""
        checks = [(name, self.quick_checks[name]) for name, _ in self.active
                  if name in self.quick_checks]
        if not checks:
            return frozenset()
        text = "\n".join(block.text for block in doc.blocks)
        return frozenset(name for name, could_change in checks if not could_change(text))

    def fix_block(self, text: str, language: str | None, position: int,
                  idle: frozenset[str] = frozenset()) -> tuple[str, list[Edit]]:
        """The active fixes run on one block: its text and the edits that made it (the
        `idle` ones only once another has changed the text)."""
        return apply_fixes(text, self.active, language, self.name, position, idle)
