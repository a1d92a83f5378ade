"""gunicorn's configuration for the example site in production (docs/deployment.md).

Run from this folder: ``gunicorn -c gunicorn.conf.py``. Every value can be set from the
environment; the defaults suit one machine behind a reverse proxy on the same host.
"""

import multiprocessing
import os

wsgi_app = "example_site.wsgi:application"
raw_env = [
    "DJANGO_SETTINGS_MODULE="
    + os.environ.get("DJANGO_SETTINGS_MODULE", "example_site.settings.production")
]
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Synchronous workers: a page is rendered in one piece of CPU work, and the slow parts
# (mail) run in the task worker, not in the request.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
keepalive = 5
# A worker is replaced after so many requests, which bounds what a slow leak could grow to.
max_requests = 2000
max_requests_jitter = 200
# Only the proxy on this machine may say a request came over HTTPS.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# The access log names no client address (gunicorn's default format starts with it):
# the site stores no IP addresses, in its logs neither.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None  # empty: no access log
access_log_format = '"%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
