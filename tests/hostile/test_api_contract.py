"""`clean()` raises nothing but documented CleanerErrors, whatever its arguments and input, and
keeps to its own time limit when asked."""

from __future__ import annotations

import signal
import time

import pytest

from cleaner import Config, ConfigError, InputError, StageError, clean
from cleaner.batch.execute.cleaning import DocumentTimeout, time_limit
from cleaner.ci.trace import trace
from cleaner.config import LimitsSettings
from cleaner.errors import TimeLimitError
from cleaner.stages import segment

STORY = "The council approved the new budget on Monday after a long debate, officials said."
SLOW = "<html><body><p>" + "word<br>" * 150_000 + "</p></body></html>"  # seconds to clean


@pytest.mark.parametrize("kwargs, error, message", [
    ({"url": 42}, InputError, "url must be a str or None, not int"),
    ({"id": b"x"}, InputError, "id must be a str or None, not bytes"),
    ({"url": "https://x.test/\ud800"}, InputError, "url is not valid Unicode"),
    ({"content_type": ["html"]}, InputError, "content_type must be one of"),
    ({"config": {"limits": {}}}, ConfigError, "config must be a Config or None, not dict"),
])
def test_unusable_arguments_are_documented_errors(kwargs, error, message):
    with pytest.raises(error, match=message):
        clean(STORY, **kwargs)


@pytest.mark.parametrize("source", [
    f"\ud800{STORY}\udfff", f"{STORY}\ud83d\ude00", f"\x00{STORY}\x00", "\ud800", "\x00" * 10])
def test_invalid_unicode_and_nul_characters_give_a_record_that_is_valid_json(source):
    record = clean(source)
    assert "\ud800" not in record.text and "\x00" not in record.text
    assert record.model_dump_json()  # a lone surrogate would fail here


@pytest.mark.parametrize("raised, error, message", [
    (RecursionError, InputError, "nested too deeply"),
    (MemoryError, InputError, "needs more memory"),
    (ValueError, StageError, "ValueError: boom")])
def test_a_library_failure_becomes_a_cleaner_error(monkeypatch, raised, error, message):
    def fail(text):
        raise raised("boom")
    monkeypatch.setattr(segment, "split_blocks", fail)
    with pytest.raises(error, match=message):
        clean(STORY)


def test_timeout_seconds_stops_a_slow_document():
    config = Config(limits=LimitsSettings(timeout_seconds=0.3))
    start = time.monotonic()
    with pytest.raises(TimeLimitError, match=r"longer than the limit of 0.3 s \(limits.timeout"):
        clean(SLOW, config=config)
    assert time.monotonic() - start < 2.5
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert clean(STORY, config=config).text == STORY


def test_inside_the_batch_limit_the_batch_limit_rules():
    """With the batch's own timer running, `clean()` leaves it alone: the batch's limit fires
    and the batch sees its own timeout, not a TimeLimitError."""
    config = Config(limits=LimitsSettings(timeout_seconds=30))
    with pytest.raises(DocumentTimeout), time_limit(0.3):
        clean(SLOW, config=config)


def test_trace_keeps_the_time_limit_and_errors_of_clean(monkeypatch):
    """`cleaner diff` and `check` trace a document: the same limit and errors as `clean()`."""
    config = Config(limits=LimitsSettings(timeout_seconds=0.3))
    with pytest.raises(TimeLimitError, match=r"limits.timeout_seconds"):
        trace(SLOW, config=config)

    def fail(text):
        raise MemoryError
    monkeypatch.setattr(segment, "split_blocks", fail)
    with pytest.raises(InputError, match="more memory"):
        trace(STORY)
