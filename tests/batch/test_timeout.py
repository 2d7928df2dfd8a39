"""A document over the time limit becomes a "timeout" error row and its shard goes on."""

from __future__ import annotations

import signal
import threading
import time

import pytest

from cleaner.batch.execute import cleaning
from cleaner.batch.execute.cleaning import DocumentTimeout, clean_item, ready_config, time_limit
from cleaner.batch.io.readers import ErrorRow, SourceItem
from cleaner.config import Config
from cleaner.record import ArticleRecord
from tests.batch.helpers import article, rows, write_jsonl


@pytest.fixture
def slow_clean(monkeypatch):
    """`clean()` that takes 5 s on sources containing SLOW."""
    real_clean = cleaning.clean

    def clean(source, **kwargs):
        if "SLOW" in source:
            time.sleep(5)
        return real_clean(source, **kwargs)
    monkeypatch.setattr(cleaning, "clean", clean)


def test_a_slow_document_becomes_a_timeout_row_and_the_next_is_cleaned(slow_clean):
    config = ready_config(Config().cache_key())  # as a worker does: loading is not timed
    origin = {"path": "feed.jsonl", "line": 2}
    started = time.monotonic()
    row = clean_item(SourceItem("SLOW " + article(1), origin, "text", "d2"), config, 0.2)
    assert time.monotonic() - started < 2
    assert row == ErrorRow("d2", origin, "timeout", "cleaning took longer than the limit of 0.2 s")
    fine = clean_item(SourceItem(article(2), origin, "text"), config, 0.2)
    assert isinstance(fine, ArticleRecord)


def test_the_alarm_and_its_handler_are_restored():
    previous = signal.getsignal(signal.SIGALRM)
    with time_limit(5):
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 0
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is previous
    with pytest.raises(DocumentTimeout), time_limit(0.01):
        time.sleep(1)
    assert signal.getsignal(signal.SIGALRM) is previous


def test_off_the_main_thread_there_is_no_limit():
    finished = []

    def work():
        with time_limit(0.01):
            time.sleep(0.05)
        finished.append(True)
    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert finished == [True]


def test_timeout_in_a_worker_process(tmp_path, cli, fast_config):
    """A 10 MB document of 40,000 stories takes a second or more even with warm caches (a
    short one takes milliseconds); with --timeout 0.2 it is cut off."""
    huge = "\n".join(" ".join(article(n + k).replace("\n", " ") for k in range(4))
                     for n in range(0, 40_000, 4))
    feed = write_jsonl(tmp_path / "feed.jsonl", [
        {"id": "small-1", "text": article(1)}, {"id": "huge", "text": huge},
        {"id": "small-2", "text": article(2)}])
    out = tmp_path / "out"
    result = cli("run", feed, "-o", out, "--workers", "1", "--timeout", "0.2",
                 "--config", fast_config, "-q")
    assert result.exit_code == 0
    assert [r["id"] for r in rows(out, "records")] == ["small-1", "small-2"]
    (error,) = rows(out, "errors")
    assert (error["id"], error["error"], error["origin"]["line"]) == ("huge", "timeout", 2)
