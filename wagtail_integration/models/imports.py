"""An uploaded CSV file of measures or of indicator values, kept between its preview and its
application.

The file is stored so that "apply" changes exactly what the preview showed, without the
editor uploading it twice, and across server processes. An import belongs to the editor who
uploaded it and is applied at most once; unapplied imports are deleted after a day.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

KEPT_UNAPPLIED = timedelta(days=1)


class Upload(models.Model):
    """One uploaded file of an import, with who uploaded it and whether it was applied."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("uploaded by"),
        help_text=_("The editor who uploaded the file; only they can apply it."),
    )
    file_name = models.CharField(
        max_length=255,
        verbose_name=_("file name"),
        help_text=_("The name of the uploaded file."),
    )
    content = models.TextField(
        verbose_name=pgettext_lazy("measures import", "content"),
        help_text=_("The file's text, decoded."),
    )
    uploaded_at = models.DateTimeField(
        default=timezone.now,
        verbose_name=_("uploaded at"),
        help_text=_("When the file was uploaded."),
    )
    applied_at = models.DateTimeField(
        null=True,
        blank=True,
        verbose_name=_("applied at"),
        help_text=_("When the changes were saved; empty while only previewed."),
    )
    result = models.JSONField(
        default=dict,
        blank=True,
        verbose_name=_("result"),
        help_text=_("What applying the file changed: how many rows of each kind."),
    )

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.file_name

    @classmethod
    def delete_stale(cls) -> None:
        """Delete the imports that were never applied and are older than a day."""
        cls.objects.filter(
            applied_at__isnull=True, uploaded_at__lt=timezone.now() - KEPT_UNAPPLIED
        ).delete()


class MeasureImport(Upload):
    """One upload of the measures import (``measure_import``)."""

    concept = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("concept"),
        help_text=_("The integration concept whose measures the file updates."),
    )

    class Meta:
        verbose_name = _("measures import")
        verbose_name_plural = _("measures imports")


class IndicatorValuesImport(Upload):
    """One upload of the indicator values import (``indicator_import``)."""

    concept = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("concept"),
        help_text=_("The integration concept whose indicators' values the file updates."),
    )

    class Meta:
        verbose_name = _("indicator values import")
        verbose_name_plural = _("indicator values imports")
