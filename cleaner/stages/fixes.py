"""repair and punctuation: the two stages made of named text fixes (see `cleaner.text`)."""

from __future__ import annotations

from cleaner.document import Document
from cleaner.errors import ConfigError
from cleaner.pipeline import Stage
from cleaner.record import Edit
from cleaner.text.edits import Fix, apply_fixes


class FixStage(Stage):
    """Applies its module's `FIXES` in order to every block; an emptied block is removed."""

    fixes: dict[str, Fix]

    def __init__(self, config, rules) -> None:
        super().__init__(config, rules)
        disabled = set(getattr(config, self.name).disable)
        unknown = disabled - set(self.fixes)
        if unknown:
            raise ConfigError(f"{self.name}.disable: unknown fix {', '.join(sorted(unknown))} "
                              f"(known: {', '.join(self.fixes)})")
        self.active = [(n, f) for n, f in self.fixes.items() if n not in disabled]

    def __call__(self, doc: Document) -> Document:
        blocks, edits = [], []
        language = doc.meta.language
        for block in doc.blocks:
            text, changes = apply_fixes(block.text, self.active, language, self.name, block.position)
            edits.extend(changes)
            if text:
                blocks.append(block.with_text(text) if changes else block)
            else:
                edits.append(Edit(stage=self.name, rule=f"{self.name}.empty", action="remove",
                                  before=block.text, position=block.position))
        if not edits:
            return doc
        return doc.with_edits(edits, blocks=tuple(blocks))
