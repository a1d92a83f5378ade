"""A measure's history: each published change of its status or progress, with its date and
an optional public note and document (the evidence).

An entry is written when a measure is published with a status or progress other than its
latest entry's (``record_publication``, connected to Wagtail's ``page_published``), so the
history follows whatever publishes: the editor, a workflow's approval, a scheduled
publication, the CSV import, the API. Wagtail's revisions keep every draft as well; only what
residents could see is history.

A measure's languages share one history: the status is synchronized across its translations
(one truth for every language), so entries are found through the measure's
``translation_key``, and only the source page's publications record one (a translation
published before it was synced would otherwise record its older status as a step back).
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Page

from .. import i18n
from .measures import MeasurePage, MeasureStatus


class MeasureHistoryQuerySet(QuerySet):
    def of_measures(self, measures: QuerySet) -> "MeasureHistoryQuerySet":
        """The entries of `measures` (a queryset of measure pages, in any language), read by
        a subquery: one query however many measures."""
        return self.filter(measure_key__in=measures.order_by().values("translation_key"))

    def in_order(self) -> "MeasureHistoryQuerySet":
        return self.order_by("date", "recorded_at", "pk")

    def by_measure_key(self) -> dict:
        """The entries (with their documents) by the translation key of their measure,
        oldest first: one query for the histories of a whole listing."""
        by_key: dict = {}
        for entry in self.select_related("document").in_order():
            by_key.setdefault(entry.measure_key, []).append(entry)
        return by_key


class MeasureHistoryEntry(models.Model):
    """One published change of a measure's status or progress."""

    measure = models.ForeignKey(
        MeasurePage,
        on_delete=models.CASCADE,
        related_name="history_entries",
        verbose_name=_("measure"),
        help_text=_("The measure whose status or progress changed."),
    )
    # The measure's translation_key, copied so that every language version finds the
    # entries without a join (and a listing of many measures with one IN (subquery)).
    measure_key = models.UUIDField(
        db_index=True,
        editable=False,
        verbose_name=_("measure key"),
        help_text=_("The translation key the measure's language versions share."),
    )
    date = models.DateField(
        default=timezone.localdate,
        verbose_name=pgettext_lazy("measure history", "date"),
        help_text=_(
            "The day of the change; the day it was published unless you correct it, e.g. "
            "to the day of the decision."
        ),
    )
    status = models.CharField(
        max_length=32,
        choices=MeasureStatus.choices,
        verbose_name=pgettext_lazy("measure", "status"),
        help_text=_("The measure's status from this day on."),
    )
    progress = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        verbose_name=_("progress (%)"),
        help_text=_("The measure's progress from this day on, from 0 to 100 percent."),
    )
    note = models.TextField(
        blank=True,
        max_length=2000,
        verbose_name=_("public note"),
        help_text=_(
            "Shown with the change on the measure's page and in the open data, e.g. what "
            "was achieved or why the measure was stopped. Public: no personal data."
        ),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("evidence"),
        help_text=_("An optional document that backs the change, e.g. a report or a resolution."),
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=pgettext_lazy("measure history", "revision"),
        help_text=_("The published revision that made the change."),
    )
    recorded_at = models.DateTimeField(
        default=timezone.now,
        editable=False,
        verbose_name=_("recorded at"),
        help_text=_("When the change was published."),
    )

    objects = MeasureHistoryQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("status"), FieldPanel("progress")]),
        FieldPanel("note"),
        FieldPanel("document"),
    ]

    class Meta:
        verbose_name = _("measure history entry")
        verbose_name_plural = _("measure history")
        ordering = ["date", "recorded_at", "pk"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.get_status_display()}"

    def save(self, *args, **kwargs):
        self.measure_key = self.measure.translation_key
        super().save(*args, **kwargs)

    @property
    def note_language(self) -> str:
        """The language the note is written in: that of the page whose publication recorded
        the entry (notes are not translated)."""
        return i18n.locale_language_code(self.measure.locale_id)

    def as_data(self, request=None) -> dict:
        """The entry as the API and the exports carry it (labels in the active language; the
        document's address absolute when `request` is given)."""
        document_url = self.document.url if self.document_id and self.document else None
        if document_url and request is not None:
            document_url = request.build_absolute_uri(document_url)
        return {
            "date": self.date.isoformat(),
            "status": self.status,
            "status_label": str(MeasureStatus(self.status).label)
            if self.status in MeasureStatus.values
            else self.status,
            "progress": self.progress,
            "note": self.note,
            "document": document_url,
        }


def history_of(measure: Page) -> QuerySet:
    """The entries of `measure` (in any of its languages), oldest first."""
    return (
        MeasureHistoryEntry.objects.filter(measure_key=measure.translation_key)
        .select_related("document", "measure__locale")
        .in_order()
    )


def record_publication(sender, instance: MeasurePage, revision=None, **kwargs) -> None:
    """page_published: record the measure's status and progress if they changed (or it has
    no history yet). A translation records nothing: its status is its source's."""
    latest = (
        MeasureHistoryEntry.objects.filter(measure_key=instance.translation_key)
        .order_by("-date", "-recorded_at", "-pk")
        .values_list("status", "progress")
        .first()
    )
    if latest == (instance.status, instance.progress):
        return
    if i18n.is_translation(instance):
        return
    published_at = instance.last_published_at or timezone.now()
    MeasureHistoryEntry.objects.create(
        measure=instance,
        date=timezone.localdate(published_at),
        status=instance.status,
        progress=instance.progress,
        revision=revision,
        recorded_at=published_at,
    )
