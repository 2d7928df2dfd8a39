"""One input item to exactly one outcome: an `ArticleRecord`, or an `ErrorRow` with the reason.

Each `clean()` call runs under a wall-clock limit (SIGALRM), so one pathological page costs
at most `timeout` seconds and becomes a "timeout" error row instead of stalling a shard.
"""

from __future__ import annotations

import functools
import re
from contextlib import AbstractContextManager
from typing import Any

from cleaner.api import Expired, clean, stable_id
from cleaner.api import time_limit as api_time_limit
from cleaner.batch.io.readers import ErrorRow, SourceItem, origin_site
from cleaner.config import Config
from cleaner.errors import CleanerError
from cleaner.record import ArticleRecord

Outcome = ArticleRecord | ErrorRow

_WARM_UP_TEXT = "Share this\nThe council approved the new budget on Monday after a long debate."
_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


class DocumentTimeout(Expired):
    """Raised by SIGALRM inside `clean()`. A BaseException, so `clean()` cannot wrap it as a
    StageError and it reaches `clean_item`."""


def time_limit(seconds: float | None) -> AbstractContextManager[None]:
    """Raise `DocumentTimeout` in the block after `seconds` of wall time (main thread only;
    see `cleaner.api.time_limit`)."""
    return api_time_limit(seconds, DocumentTimeout)


def clean_item(item: SourceItem | ErrorRow, config: Config | None,
               timeout: float | None) -> Outcome:
    """Clean one item within `timeout` seconds; every failure becomes an error row."""
    if isinstance(item, ErrorRow):
        return item
    try:
        with time_limit(timeout):
            return clean(item.source, url=item.url, content_type=item.content_type,
                         config=config, id=item.id, charset=item.charset,
                         site=origin_site(item.origin))
    except DocumentTimeout:
        return error_row(item, "timeout", f"cleaning took longer than the limit of {timeout:g} s")
    except CleanerError as exc:
        return error_row(item, error_kind(exc), str(exc))


def error_row(item: SourceItem, kind: str, message: str) -> ErrorRow:
    """An error row carrying the id the record would have had, so errors join to inputs."""
    return ErrorRow(item.id or stable_id(item.url, item.source), item.origin, kind, message)


def error_kind(exc: BaseException) -> str:
    """An exception's class as a snake_case error kind: DecodeError → "decode_error"."""
    return _CAMEL_BOUNDARY.sub("_", type(exc).__name__).lower()


def record_row(record: ArticleRecord, origin: dict[str, Any]) -> dict[str, Any]:
    """A record as an output row: its JSON fields, then `origin` (where the input came from)."""
    row = record.model_dump(mode="json")
    row["origin"] = origin
    return row


def outcome_row(outcome: Outcome, origin: dict[str, Any]) -> dict[str, Any]:
    return outcome.to_dict() if isinstance(outcome, ErrorRow) else record_row(outcome, origin)


@functools.lru_cache(maxsize=4)
def ready_config(config_json: str) -> Config:
    """The config of `config_json`, with its pipeline built and warmed up in this process.

    The first `clean()` loads rules and language profiles; doing it here keeps that time out
    of the first document's time limit.
    """
    config = Config.model_validate_json(config_json)
    clean(_WARM_UP_TEXT, config=config)
    return config
