"""An optional summary in plain language, for readers who find the main text hard."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

PLAIN_LANGUAGE_FEATURES = ["bold", "ol", "ul", "link"]


class PlainLanguageMixin(models.Model):
    """Adds a plain-language summary ("Einfache Sprache") shown in a marked box."""

    plain_language_summary = RichTextField(
        blank=True,
        features=PLAIN_LANGUAGE_FEATURES,
        verbose_name=_("summary in plain language"),
        help_text=_(
            "Optional. The most important points in short sentences and everyday words, "
            "for readers who are still learning the language."
        ),
    )

    plain_language_panel = FieldPanel("plain_language_summary")

    class Meta:
        abstract = True
