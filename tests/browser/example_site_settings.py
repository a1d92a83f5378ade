"""The example site as `make demo` runs it, with what the browser tests need on top."""

from example_site.settings.dev import *  # noqa: F403

# Each test that sends the form comes from its own address (X-Forwarded-For), so that one
# of them can use up its limit and see the 429 page without blocking the others.
WAGTAIL_INTEGRATION_FEEDBACK_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
WAGTAIL_INTEGRATION_FEEDBACK_RATE_LIMIT = "2/h"
# A real person needs more than a second; the browser does not.
WAGTAIL_INTEGRATION_FEEDBACK_MIN_SECONDS = 0
# Small enough for a test to go over it with a page's own form.
WAGTAIL_INTEGRATION_FEEDBACK_MAX_REQUEST_BYTES = 16 * 1024
if "MAILERS" in globals():  # Django 6.1
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
else:
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
