"""The example site's production settings, as `make load` runs them (benchmarks/stack.py).

Only what a load test must change: the rate limit is raised (each simulated client sends
about ten posts) and the minimum fill time is off (the simulated clients answer at once).
"""

import os

from example_site.settings.production import *  # noqa: F403

WAGTAIL_INTEGRATION_FEEDBACK_RATE_LIMIT = os.environ.get("WI_LOAD_RATE_LIMIT", "1000/h")
WAGTAIL_INTEGRATION_FEEDBACK_MIN_SECONDS = 0
