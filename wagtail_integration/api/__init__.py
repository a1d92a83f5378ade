"""Headless access: API field serializers, the measures router, the package's own API."""
