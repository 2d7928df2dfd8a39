"""The built-in stages, in the order of the default pipeline; importing registers them."""

from cleaner.stages import (  # noqa: F401
    chrome,
    decode,
    extract,
    language,
    metadata,
    provenance,
    punctuation,
    repair,
    segment,
    top,
)
