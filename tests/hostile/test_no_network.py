"""No stage ever touches the network, not even with `url=` given: proved with sockets disabled."""

from __future__ import annotations

import socket

import pytest
import trafilatura

from cleaner import clean

URL = "https://news.example.com/2024/03/03/council-budget"
STORY = ("The council approved the new budget on Monday after a long debate, and members "
         "said the plan would fund schools and roads for the next five years. ")
PAGE = f"""<!DOCTYPE html><html lang="en"><head>
<title>Council approves budget | Example News</title>
<link rel="canonical" href="{URL}"><meta property="og:url" content="{URL}">
<meta property="og:image" content="https://cdn.example.com/a.jpg">
<meta http-equiv="refresh" content="30; url=https://news.example.com/">
<script type="application/ld+json">{{"@type": "NewsArticle", "url": "{URL}",
 "author": {{"@type": "Person", "name": "Jane Doe", "url": "https://example.com/jane"}},
 "datePublished": "2024-03-03", "image": "https://cdn.example.com/b.jpg"}}</script>
<script src="https://cdn.example.com/app.js"></script>
<link rel="stylesheet" href="https://cdn.example.com/site.css"></head>
<body><nav><a href="https://news.example.com/">Home</a></nav>
<article><h1>Council approves budget</h1><img src="https://cdn.example.com/c.jpg">
<p>{STORY * 3}</p><iframe src="https://video.example.com/embed/1"></iframe>
<p>{STORY * 2}</p></article></body></html>"""


@pytest.fixture
def no_network(monkeypatch):
    """Every way out of the process raises, and is recorded."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network access in a test")

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    for name in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refuse)
    return attempts


def test_the_guard_catches_a_fetch(no_network):
    """The test would see a fetch: trafilatura's own fetch_url is refused and recorded."""
    assert trafilatura.fetch_url(URL) is None
    assert no_network


@pytest.mark.parametrize("source, content_type", [
    (PAGE, "html"), (PAGE, "auto"), (PAGE.encode("utf-8"), "auto"),
    (URL, "html"), (URL, "text"), (URL, "auto"),   # a "document" that is only a URL
    ("<html><body><p>" + STORY + "</p></body></html>", "html"),
])
def test_cleaning_with_a_url_never_opens_a_socket(no_network, source, content_type):
    record = clean(source, url=URL, content_type=content_type)
    assert record.url == URL
    assert no_network == []


def test_the_page_is_still_cleaned_without_network(no_network):
    record = clean(PAGE, url=URL, content_type="html")
    assert "budget" in record.text and record.date == "2024-03-03"
    assert no_network == []
