"""The feedback form's machinery: form building, spam defences, storage, notification, purge.

This package is the only writer of feedback submissions.
"""
