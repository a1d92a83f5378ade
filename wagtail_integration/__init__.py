"""Publish a city's integration concept on a Wagtail site."""

__version__ = "0.1.0.dev0"
