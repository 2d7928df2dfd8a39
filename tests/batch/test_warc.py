"""WARC and WARC.gz input: HTML responses are documents, everything else is counted by reason,
a truncated file keeps what was read before the damage and says where it ended."""

from __future__ import annotations

import io

import pytest

from cleaner.batch.io import warc
from tests.batch.containers import page, pages_jsonl, pages_parquet, pages_warc, record_id, url
from tests.batch.helpers import manifest, rows

pytest.importorskip("fastwarc", reason="WARC input needs the 'warc' extra (in 'dev')")
pytest.importorskip("warcio", reason="the tests write WARC files with warcio (in 'dev')")

PAGES = 60


def records_without_source(output):
    return [{k: v for k, v in row.items() if k != "origin"} for row in rows(output, "records")]


def test_the_same_pages_as_jsonl_warc_and_parquet_give_the_same_records(tmp_path, cli):
    inputs = {"jsonl": pages_jsonl(tmp_path / "pages.jsonl", PAGES),
              "warc.gz": pages_warc(tmp_path / "pages.warc.gz", PAGES),
              "warc": pages_warc(tmp_path / "pages.warc", PAGES),
              "parquet": pages_parquet(tmp_path / "pages.parquet", PAGES)}
    found = {}
    for name, path in inputs.items():
        result = cli("run", path, "-o", tmp_path / name, "--workers", "0", "--shard-size", "25",
                     "-q")
        assert result.exit_code == 0, result.output
        found[name] = records_without_source(tmp_path / name)
    assert len(found["jsonl"]) == PAGES
    assert [r["id"] for r in found["warc.gz"]] == [record_id(n) for n in range(PAGES)]
    assert [r["url"] for r in found["warc.gz"]] == [url(n) for n in range(PAGES)]
    assert found["warc.gz"] == found["jsonl"] == found["warc"] == found["parquet"]
    assert found["jsonl"][9]["text"].startswith("Городской совет")  # windows-1251 by header
    sources = [r["origin"] for r in rows(tmp_path / "warc.gz", "records")]
    assert sources[0]["path"].endswith("pages.warc.gz") and sources[0]["offset"] > 0


def test_records_that_are_no_html_response_are_counted_by_reason_not_written(tmp_path, cli):
    path = pages_warc(tmp_path / "pages.warc.gz", 30)
    assert cli("run", path, "-o", tmp_path / "out", "--workers", "0", "-q").exit_code == 0
    found = manifest(tmp_path / "out")
    assert found["skipped_records"] == {"record_type:request": 2, "content_type:image/png": 1,
                                        "record_type:warcinfo": 1}
    assert found["counts"]["skipped_records"] == 4
    assert (found["counts"]["documents"], found["counts"]["records"]) == (30, 30)
    assert rows(tmp_path / "out", "errors") == []


def short_russian_page_warc(path, charset_header: str):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    html = "<html><body><p>Привет мир, всё хорошо</p></body></html>".encode("cp1251")
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", f"text/html; {charset_header}")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://news.test/ru", "response", payload=io.BytesIO(html), http_headers=headers))
    return path


@pytest.mark.parametrize(("header", "text"), [
    ("charset=windows-1251", "Привет мир, всё хорошо"),
    ("charset=x-unknown", "Ďđčâĺň ěčđ, âń¸ őîđîřî"),  # no usable header: detection guesses
])
def test_the_http_headers_charset_decodes_the_page(tmp_path, cli, header, text):
    """Too short for detection to tell windows-1251 from windows-1250: the header decides."""
    path = short_russian_page_warc(tmp_path / "ru.warc", header)
    assert cli("run", path, "-o", tmp_path / "out", "--workers", "0", "-q").exit_code == 0
    (record,) = rows(tmp_path / "out", "records")
    assert record["text"] == text


def test_a_truncated_warc_keeps_the_records_before_the_damage(tmp_path, cli):
    whole = pages_warc(tmp_path / "whole.warc.gz", 5, extra_records=False).read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[:len(whole) - 200])  # inside the last record
    result = cli("run", cut, "-o", tmp_path / "out", "--workers", "0", "-q", "--fail-on-error")
    assert result.exit_code == 1
    assert [r["id"] for r in rows(tmp_path / "out", "records")] == [record_id(n)
                                                                   for n in range(4)]
    (error,) = rows(tmp_path / "out", "errors")
    assert (error["id"], error["error"]) == (record_id(4), "truncated")
    assert "truncated" in error["message"] and "records before it were read" in error["message"]


def test_a_warc_file_that_is_no_warc_is_an_error_row_not_a_crash(tmp_path, cli):
    (tmp_path / "junk.warc").write_bytes(b"this is not a web archive\r\n" * 20)
    result = cli("run", tmp_path / "junk.warc", "-o", tmp_path / "out", "--workers", "0", "-q")
    assert result.exit_code == 0, result.output
    (error,) = rows(tmp_path / "out", "errors")
    assert error == {"id": None, "origin": {"path": str(tmp_path / "junk.warc")},
                     "error": "read_error", "message": "OSError: Invalid WARC header"}


def test_without_fastwarc_a_warc_input_is_refused_before_any_work(tmp_path, cli, monkeypatch):
    path = pages_warc(tmp_path / "pages.warc.gz", 2)
    monkeypatch.setattr(warc, "_fastwarc", lambda: None)
    result = cli("run", path, "-o", tmp_path / "out", "--workers", "0", "-q")
    assert result.exit_code == 2 and "pip install 'cleaner[warc]'" in result.output
    assert not (tmp_path / "out").exists()


def encoded_pages_warc(path):
    """Four responses as wget-like crawlers store them: gzip content coding in chunks, a
    corrupt gzip body, a brotli body, and a plain page."""
    import gzip

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    html = [page(n)[0].encode() for n in range(4)]
    packed = gzip.compress(html[0])
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(packed[i:i + 100]), packed[i:i + 100])
                       for i in range(0, len(packed), 100)) + b"0\r\n\r\n"
    bodies = [(chunked, [("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")]),
              (gzip.compress(html[1])[:30] + b"garbage" * 20, [("Content-Encoding", "gzip")]),
              (b"not really brotli", [("Content-Encoding", "br")]),
              (html[3], [])]
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for n, (body, headers) in enumerate(bodies):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                               *headers], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url(n), "response", payload=io.BytesIO(body), http_headers=http,
                warc_headers_dict={"WARC-Record-ID": f"<{record_id(n)}>"}))
    return path


def test_encoded_http_bodies_are_decoded_and_a_bad_one_is_one_error_row(tmp_path, cli):
    path = encoded_pages_warc(tmp_path / "encoded.warc.gz")
    assert cli("run", path, "-o", tmp_path / "out", "--workers", "0", "-q").exit_code == 0
    plain = pages_jsonl(tmp_path / "plain.jsonl", 4)
    assert cli("run", plain, "-o", tmp_path / "plain", "--workers", "0", "-q").exit_code == 0
    expected = records_without_source(tmp_path / "plain")
    assert records_without_source(tmp_path / "out") == [expected[0], expected[3]]
    errors = [(e["id"], e["error"]) for e in rows(tmp_path / "out", "errors")]
    assert errors == [(record_id(1), "invalid_http_body"), (record_id(2), "unsupported_encoding")]
