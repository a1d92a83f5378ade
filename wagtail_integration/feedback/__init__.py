"""The feedback app: a feedback form page built on Wagtail's form builder, its submissions, site
settings, spam defences, rate limit, notifications, retention and its API router.

Add ``"wagtail_integration.feedback"`` to ``INSTALLED_APPS`` after ``"wagtail_integration"``.
Its modules depend on the content app; the content app never imports this package.
"""
