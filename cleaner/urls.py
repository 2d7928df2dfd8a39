"""The site of a URL: its host without "www.", which scopes site rules and templates."""

from __future__ import annotations

from urllib.parse import urlsplit


def site_of(url: str | None) -> str | None:
    """
    >>> site_of("https://www.Example.com:8080/news/1"), site_of(None), site_of("not a url")
    ('example.com', None, None)
    """
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.removeprefix("www.")
