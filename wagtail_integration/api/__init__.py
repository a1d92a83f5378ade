"""Headless access: API field serializers and the feedback endpoint."""
