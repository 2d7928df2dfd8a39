"""The same HTML pages as JSONL, WARC(.gz) and Parquet, for tests of the container formats."""

from __future__ import annotations

import io
import uuid
from pathlib import Path

import orjson

from tests.batch.helpers import story

# Every 10th page is Russian in windows-1251, its charset named only by the HTTP header.
_CYRILLIC = ("Городской совет утвердил новый бюджет в понедельник после долгих споров, "
             "сообщили чиновники. ")


def page(n: int) -> tuple[str, str]:
    """(HTML, charset) of page `n`: a headline, a story of four paragraphs, a footer."""
    if n % 10 == 9:
        body = "".join(f"<p>{_CYRILLIC * 3}{n} {i}</p>" for i in range(4))
        return (f"<html><head><title>Новости {n}</title></head><body><article><h1>Новости {n}"
                f"</h1>{body}</article></body></html>"), "windows-1251"
    paragraphs = "".join(f"<p>{line}</p>" for line in story(n).splitlines())
    return (f"<html><head><title>Story {n}</title></head><body><nav>Home | World | Sport</nav>"
            f"<article><h1>Story {n}</h1>{paragraphs}</article>"
            f"<footer>Share this article</footer></body></html>"), "utf-8"


def record_id(n: int) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'page-{n}')}"


def url(n: int) -> str:
    return f"https://news.test/{n}"


def pages_jsonl(path: Path, count: int) -> Path:
    path.write_bytes(b"".join(orjson.dumps({"id": record_id(n), "url": url(n),
                                            "html": page(n)[0]}) + b"\n"
                              for n in range(count)))
    return path


def pages_warc(path: Path, count: int, extra_records: bool = True) -> Path:
    """The pages as `response` records (gzip when the name ends in .gz), with a warcinfo,
    request records and a PNG response around them when `extra_records`."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=path.name.endswith(".gz"))
        if extra_records:
            writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for n in range(count):
            html, charset = page(n)
            headers = StatusAndHeaders("200 OK", [("Content-Type", f"text/html; charset={charset}")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url(n), "response", payload=io.BytesIO(html.encode(charset)),
                http_headers=headers, warc_headers_dict={"WARC-Record-ID": f"<{record_id(n)}>"}))
            if extra_records and n % 20 == 0:
                writer.write_record(writer.create_warc_record(
                    url(n), "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
        if extra_records:
            image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                "https://news.test/logo.png", "response", payload=io.BytesIO(b"\x89PNG" * 50),
                http_headers=image))
    return path


def pages_parquet(path: Path, count: int, row_group_size: int = 7, **names: str) -> Path:
    """The pages as a Parquet table (`id`, `url`, `html`, renamed by `names`)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = {"id": [record_id(n) for n in range(count)], "url": [url(n) for n in range(count)],
               "html": [page(n)[0] for n in range(count)]}
    table = pa.table({names.get(k, k): v for k, v in columns.items()})
    pq.write_table(table, path, row_group_size=row_group_size)
    return path
