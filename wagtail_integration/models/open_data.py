"""The site's open data settings: the licence and publisher of the measures' exports."""

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

# The licence German public bodies publish open data under by default (GovData's list).
DEFAULT_LICENCE_TITLE = "Datenlizenz Deutschland – Namensnennung – 2.0"
DEFAULT_LICENCE_NAME = "dl-by-de/2.0"
DEFAULT_LICENCE_URL = "https://www.govdata.de/dl-de/by-2-0"


class OpenDataSettings(BaseSiteSetting):
    """Per site: under which licence the measures' exports are published, and by whom."""

    licence_title = models.CharField(
        max_length=255,
        default=DEFAULT_LICENCE_TITLE,
        verbose_name=_("licence"),
        help_text=_("The licence of the exported data, as its full title."),
    )
    licence_name = models.CharField(
        max_length=100,
        blank=True,
        default=DEFAULT_LICENCE_NAME,
        verbose_name=_("licence identifier"),
        help_text=_(
            'A short identifier of the licence, e.g. "dl-by-de/2.0" or "CC-BY-4.0". '
            "Leave empty if it has none."
        ),
    )
    licence_url = models.URLField(
        blank=True,
        default=DEFAULT_LICENCE_URL,
        verbose_name=_("licence link"),
        help_text=_("Where the licence text can be read."),
    )
    publisher = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("publisher"),
        help_text=_(
            'Who publishes the data and is to be named when it is reused, e.g. "City of '
            "Trier\". Leave empty to use the site's name."
        ),
    )

    panels = [
        FieldPanel("licence_title"),
        FieldPanel("licence_name"),
        FieldPanel("licence_url"),
        FieldPanel("publisher"),
    ]

    class Meta:
        verbose_name = _("open data")
        verbose_name_plural = _("open data")


# Shown in the admin's settings menu where the host has Wagtail's site settings; the content
# app works without them (with the defaults above).
if apps.is_installed("wagtail.contrib.settings"):
    register_setting(icon="table")(OpenDataSettings)
