"""The library face of batch cleaning: `clean_many` and the Ray Data UDF `clean_batch`."""

from __future__ import annotations

import time

from cleaner.api import clean
from cleaner.batch.execute import cleaning
from cleaner.batch.io.readers import ErrorRow, JsonFields
from cleaner.batch.stream import COLUMNS, clean_batch, clean_many
from cleaner.record import ArticleRecord
from tests.batch.helpers import article


def test_one_outcome_per_input_in_order():
    items = [article(1), article(2).encode(), {"id": 3, "text": article(3)}, {"id": "x"},
             {"html": "<html><body><p>" + article(4) + "</p></body></html>"}, ["no"]]
    outcomes = list(clean_many(items))
    assert [type(o).__name__ for o in outcomes] == [
        "ArticleRecord", "ArticleRecord", "ArticleRecord", "ErrorRow", "ArticleRecord", "ErrorRow"]
    assert outcomes[0] == clean(article(1))
    assert outcomes[2].id == "3"
    assert outcomes[3] == ErrorRow("x", {"index": 3}, "missing_text",
                                   "no 'text' or 'html' field (see --text-field/--html-field)")


def test_it_is_lazy():
    def endless():
        n = 0
        while True:
            n += 1
            yield article(n)
    stream = clean_many(endless())
    assert isinstance(next(stream), ArticleRecord) and isinstance(next(stream), ArticleRecord)


def test_field_names_and_time_limit(monkeypatch):
    real_clean = cleaning.clean
    monkeypatch.setattr(cleaning, "clean", lambda source, **kw: (
        time.sleep(3) if "SLOW" in source else None) or real_clean(source, **kw))
    docs = [{"key": "a", "body": "SLOW " + article(1)}, {"key": "b", "body": article(2)}]
    slow, fine = clean_many(docs, timeout=0.2, fields=JsonFields(id="key", text="body"))
    assert (slow.id, slow.error) == ("a", "timeout")
    assert (fine.id, type(fine)) == ("b", ArticleRecord)


def test_clean_batch_maps_columns_to_columns():
    batch = {"id": ["a", "b", "c"], "text": [article(1), None, article(3)],
             "url": ["https://x.test/1", None, None]}
    out = clean_batch(batch)
    assert list(out) == list(COLUMNS)
    assert all(len(column) == 3 for column in out.values())
    assert out["id"] == ["a", "b", "c"]
    assert out["url"][0] == "https://x.test/1"
    assert out["error"] == [None, "missing_text", None]
    assert out["text"][1] is None and out["text"][0] == clean(article(1)).text
    assert isinstance(out["edits"][0], list) and isinstance(out["edits"][0][0], dict)


def test_clean_batch_of_nothing():
    assert clean_batch({"text": []}) == {name: [] for name in COLUMNS}
