"""A frontend cache backend that records the URLs it is told to purge: a CDN is outside the
machine, so it is the one part of Wagtail's frontend cache that the tests replace."""

from wagtail.contrib.frontend_cache.backends import BaseBackend

PURGED: list[str] = []


class RecordingBackend(BaseBackend):
    def purge(self, url) -> None:
        PURGED.append(url)
