from django.apps import AppConfig


class BaselineConfig(AppConfig):
    """What a city would build by hand with plain Wagtail: the benchmark's baseline."""

    name = "benchmarks.baseline"
    label = "baseline"
    default_auto_field = "django.db.models.BigAutoField"
