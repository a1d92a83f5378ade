"""Indicators: whether the plan works. IATI's shape of a result: an indicator with a baseline,
a target and actual values per period (a year, or a half-year), each with an optional
comparison value (e.g. the whole population).

An indicator belongs to a working group, or to the concept for cross-cutting ones. Editors
keep indicators as snippets (Wagtail's snippet chooser and listing), with their values
inline; titles, definitions, sources and notes are translated with wagtail-localize, while
the numbers, periods, unit and direction are one truth in every language.
"""

import copy
import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .measures import MeasurePage

# "2024" for a year, "2024-H1" / "2024-H2" for its halves.
PERIOD_PATTERN = re.compile(r"^(?P<year>[12][0-9]{3})(?:-H(?P<half>[12]))?$")
# The pages an indicator may belong to.
OWNER_PAGE_TYPES = [
    "wagtail_integration.WorkingGroupPage",
    "wagtail_integration.IntegrationConceptPage",
]
# Values are stored with up to 10 digits before and 4 after the decimal point.
VALUE_DIGITS, VALUE_PLACES = 14, 4
# The synchronized fields of an indicator: one truth in every language.
NUMBER_FIELDS = (
    "unit",
    "code",
    "direction",
    "baseline_period",
    "baseline_value",
    "target_period",
    "target_value",
)


class IndicatorUnit(models.TextChoices):
    PERCENT = "percent", _("percent")
    COUNT = "count", pgettext_lazy("indicator unit", "count")
    RATE_PER_1000 = "rate_per_1000", _("rate per 1,000")
    EUROS = "euros", _("euros")


class IndicatorDirection(models.TextChoices):
    HIGHER_IS_BETTER = "higher", _("higher is better")
    LOWER_IS_BETTER = "lower", _("lower is better")


def owner_models() -> tuple[type, ...]:
    """The page models an indicator may belong to."""
    from .concept import IntegrationConceptPage  # both import this module's package
    from .groups import WorkingGroupPage

    return (WorkingGroupPage, IntegrationConceptPage)


def period_key(period: str) -> tuple[int, int]:
    """(year, half) of a period, for sorting: a year sorts before its halves."""
    match = PERIOD_PATTERN.match(period or "")
    if match is None:
        raise ValueError(period)
    return int(match["year"]), int(match["half"] or 0)


def exact_text(value) -> str:
    """A stored number as exact text without trailing zeros: "70", "65.5" (JSON numbers
    would round some decimals)."""
    return format(Decimal(value).normalize(), "f")


def period_value(period: str, value) -> dict | None:
    """A baseline or target for the API: its period and value (as text, exact), or None."""
    if not period or value is None:
        return None
    return {"period": period, "value": exact_text(value)}


def validate_period(value: str) -> None:
    """A period is a year ("2024") or a half-year ("2024-H1", "2024-H2")."""
    if not PERIOD_PATTERN.match(value or ""):
        raise ValidationError(
            _('Enter a year such as "2024", or a half-year such as "2024-H1" or "2024-H2".'),
            code="invalid_period",
        )


def in_language_of(versions: list, locale_id: int, source_locale_id: int):
    """Of the language versions of one indicator (its values prefetched), the one in
    `locale_id` (else the source), carrying the source's numbers and values.

    wagtail-localize copies synchronized fields into a translation only when the translation
    is next synced; a value added in the source (by an editor or the CSV import) would be
    missing from the other languages until then. So the numbers are always read from the
    source, and only the texts from the translation: its notes where it has the value, else
    the source's note, marked with the source's language (``note_language``).
    """
    source = next((v for v in versions if v.locale_id == source_locale_id), versions[0])
    shown = next((v for v in versions if v.locale_id == locale_id), source)
    if shown is source:
        return shown
    for name in NUMBER_FIELDS:
        setattr(shown, name, getattr(source, name))
    notes = {value.period: value.note for value in shown.values.all()}
    series = []
    for value in source.values.all():
        value = copy.copy(value)
        if value.period in notes:
            value.note = notes[value.period]
        elif value.note:
            value.note_language = source.locale.language_code
        series.append(value)
    shown.source_series = sorted(series, key=lambda value: period_key(value.period))
    return shown


class IndicatorForm(WagtailAdminModelForm):
    """The indicator's editor form: with the unit percent, every value and comparison value
    of the inline rows lies within 0–100 too. Checked here, as modelcluster cleans the
    inline rows without their parent."""

    def is_valid(self) -> bool:
        valid = super().is_valid()
        if self.cleaned_data.get("unit") != IndicatorUnit.PERCENT:
            return valid
        for form in self.formsets["values"].forms:
            data = getattr(form, "cleaned_data", None) or {}
            if data.get("DELETE"):
                continue
            for name in ("value", "comparison_value"):
                value = data.get(name)
                if value is not None and not Decimal(0) <= value <= Decimal(100):
                    form.add_error(name, _("A percentage lies between 0 and 100."))
                    valid = False
        return valid


def value_field(verbose_name, help_text, **kwargs) -> models.DecimalField:
    return models.DecimalField(
        max_digits=VALUE_DIGITS,
        decimal_places=VALUE_PLACES,
        verbose_name=verbose_name,
        help_text=help_text,
        **kwargs,
    )


def period_field(verbose_name, help_text, **kwargs) -> models.CharField:
    return models.CharField(
        max_length=7,
        validators=[validate_period],
        verbose_name=verbose_name,
        help_text=help_text,
        **kwargs,
    )


class Indicator(TranslatableMixin, index.Indexed, ClusterableModel):
    """An indicator of the concept or of one working group, e.g. "Employment rate of people
    with a migration background"."""

    owner = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("belongs to"),
        help_text=_(
            "The working group whose work the indicator measures, or the concept for an "
            "indicator that concerns all groups."
        ),
    )
    title = models.CharField(
        max_length=255,
        verbose_name=pgettext_lazy("indicator", "title"),
        help_text=_('What is measured, e.g. "Employment rate of people from abroad".'),
    )
    definition = models.TextField(
        verbose_name=_("definition"),
        help_text=_("How the number is calculated: what is counted, and out of which group."),
    )
    unit = models.CharField(
        max_length=16,
        choices=IndicatorUnit.choices,
        verbose_name=_("unit"),
        help_text=_("The unit of every value, the baseline and the target."),
    )
    source = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=pgettext_lazy("indicator", "source"),
        help_text=_('Where the values come from, e.g. "Federal Employment Agency".'),
    )
    code = models.CharField(
        max_length=32,
        blank=True,
        verbose_name=_("code in an indicator set"),
        help_text=_(
            "The indicator's code in a published set, e.g. \"E1a\" of the Länder's "
            "integration monitoring; empty if it belongs to none."
        ),
    )
    direction = models.CharField(
        max_length=8,
        choices=IndicatorDirection.choices,
        default=IndicatorDirection.HIGHER_IS_BETTER,
        verbose_name=_("direction"),
        help_text=_("Whether a rising or a falling value means that things are improving."),
    )
    baseline_period = period_field(
        _("baseline period"),
        _('The year (or half-year) the baseline was measured, e.g. "2015".'),
        blank=True,
    )
    baseline_value = value_field(
        _("baseline value"),
        _("The value at the start, against which progress is judged."),
        null=True,
        blank=True,
    )
    target_period = period_field(
        _("target period"),
        _('By when the target should be reached, e.g. "2026".'),
        blank=True,
    )
    target_value = value_field(
        _("target value"),
        _("The value the plan aims for."),
        null=True,
        blank=True,
    )
    measures = ParentalManyToManyField(
        MeasurePage,
        blank=True,
        related_name="+",
        verbose_name=_("measures meant to move it"),
        help_text=_("The measures of the concept that should change this indicator."),
    )
    comparison_label = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("comparison series"),
        help_text=_(
            'What the comparison values describe, e.g. "Whole population"; empty if the '
            "values have none."
        ),
    )

    # wagtail-localize synchronizes keys to pages (it localizes pages at runtime): every
    # language version names the source owner, and `of_page` finds them by its translation
    # key.
    override_translatable_fields = [
        SynchronizedField("owner"),
        SynchronizedField("measures"),
        SynchronizedField("unit", overridable=False),
        SynchronizedField("code", overridable=False),
        SynchronizedField("direction", overridable=False),
        SynchronizedField("baseline_period", overridable=False),
        SynchronizedField("baseline_value", overridable=False),
        SynchronizedField("target_period", overridable=False),
        SynchronizedField("target_value", overridable=False),
    ]

    search_fields = [
        index.SearchField("title"),
        index.SearchField("definition"),
        index.SearchField("code"),
        index.AutocompleteField("title"),
        index.FilterField("locale_id"),
    ]

    base_form_class = IndicatorForm

    panels = [
        PageChooserPanel("owner", OWNER_PAGE_TYPES),
        FieldPanel("title"),
        FieldPanel("definition"),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("direction")]),
        FieldRowPanel([FieldPanel("source"), FieldPanel("code")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("baseline_period"), FieldPanel("baseline_value")]),
                FieldRowPanel([FieldPanel("target_period"), FieldPanel("target_value")]),
            ],
            heading=_("Baseline and target"),
        ),
        FieldPanel("comparison_label"),
        FieldPanel("measures", widget=forms.CheckboxSelectMultiple),
        InlinePanel(
            "values",
            heading=_("Values"),
            label=pgettext_lazy("indicator", "Value"),
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    @classmethod
    def of_page(cls, page) -> list["Indicator"]:
        """The indicators of a working group or concept page, in the page's language where
        they are translated (else in their source language), by title, with their values:
        two queries."""
        return cls.of_pages([page]).get(page.pk, [])

    @classmethod
    def of_pages(cls, pages) -> dict[int, list["Indicator"]]:
        """``of_page`` for several pages at once (a listing of the API): page id -> its
        indicators, two queries in all."""
        by_key = {page.translation_key: page for page in pages}
        candidates = (
            cls.objects.filter(owner__translation_key__in=by_key)
            .annotate(
                owner_key=models.F("owner__translation_key"),
                owner_locale=models.F("owner__locale_id"),
            )
            .select_related("locale")
            .prefetch_related("values")
            .order_by("pk")
        )
        versions: dict = {}
        for indicator in candidates:
            versions.setdefault((indicator.owner_key, indicator.translation_key), []).append(
                indicator
            )
        found: dict[int, list[Indicator]] = {page.pk: [] for page in pages}
        for (owner_key, _key), group in versions.items():
            page = by_key[owner_key]
            found[page.pk].append(in_language_of(group, page.locale_id, group[0].owner_locale))
        for indicators in found.values():
            indicators.sort(key=lambda indicator: indicator.title)
        return found

    @classmethod
    def of_measure(cls, measure) -> list["Indicator"]:
        """The indicators a measure is meant to move, in the measure's language where they
        are translated, with their owners and values: two queries."""
        candidates = (
            cls.objects.filter(measures__translation_key=measure.translation_key)
            .select_related("owner", "locale")
            .prefetch_related("values")
            .order_by("pk")
            .distinct()
        )
        versions: dict = {}
        for indicator in candidates:
            versions.setdefault(indicator.translation_key, []).append(indicator)
        chosen = [
            in_language_of(group, measure.locale_id, group[0].owner.locale_id)
            for group in versions.values()
        ]
        return sorted(chosen, key=lambda indicator: indicator.title)

    @classmethod
    def attach_measures(cls, indicators: list["Indicator"], ids_only=False) -> list["Indicator"]:
        """Give each of `indicators` its live, public measures meant to move it, in tree
        order, as ``measures_read`` (their page ids only, with `ids_only`): three queries for
        all of them (the view restrictions, the links, the measures), two with `ids_only`.

        Read through the link table rather than ``prefetch_related("measures")``: the
        measures' manager builds its tree subqueries anew for every indicator's related
        manager, a fifth of a page's rendering with ten indicators."""
        shown = Page.objects.live().public().values("pk")
        links = (
            cls.measures.through.objects.filter(
                indicator_id__in=[indicator.pk for indicator in indicators],
                measurepage_id__in=shown,
            )
            .order_by("measurepage__path")
            .values_list("indicator_id", "measurepage_id")
        )
        by_indicator: dict[int, list] = {indicator.pk: [] for indicator in indicators}
        for indicator_id, measure_id in links:
            by_indicator[indicator_id].append(measure_id)
        if not ids_only:
            wanted = {pk for ids in by_indicator.values() for pk in ids}
            found = MeasurePage.objects.in_bulk(wanted) if wanted else {}
            by_indicator = {
                key: [found[pk] for pk in ids if pk in found] for key, ids in by_indicator.items()
            }
        for indicator in indicators:
            indicator.measures_read = by_indicator[indicator.pk]
        return indicators

    @classmethod
    def with_source_numbers(cls, indicators: list["Indicator"]) -> list["Indicator"]:
        """`indicators` (owners and values prefetched), the translated ones carrying the
        numbers and values of their source (``in_language_of``): two queries for the sources
        of all of them (with their values), none if none is translated."""
        translated = [i for i in indicators if i.locale_id != i.owner.locale_id]
        if not translated:
            return indicators
        sources = {
            source.translation_key: source
            for source in cls.objects.filter(
                translation_key__in={i.translation_key for i in translated},
                locale_id=models.F("owner__locale_id"),
            )
            .select_related("locale")
            .prefetch_related("values")
        }
        for indicator in translated:
            source = sources.get(indicator.translation_key)
            if source is not None:
                in_language_of([indicator, source], indicator.locale_id, source.locale_id)
        return indicators

    def latest_value(self) -> "IndicatorValue | None":
        series = self.series()
        return series[-1] if series else None

    def as_data(self, language: str) -> dict:
        """The indicator for the API and the exports; its summary in `language`."""
        from ..indicator_charts import summary_sentence  # it imports this module

        series = self.series()
        return {
            "id": self.pk,
            "title": self.title,
            "definition": self.definition,
            "unit": self.unit,
            "source": self.source,
            "code": self.code,
            "direction": self.direction,
            "baseline": period_value(self.baseline_period, self.baseline_value),
            "target": period_value(self.target_period, self.target_value),
            "comparison_label": self.comparison_label,
            "summary": summary_sentence(self, series, language),
            "values": [
                {
                    "period": value.period,
                    "value": exact_text(value.value),
                    "comparison_value": (
                        exact_text(value.comparison_value)
                        if value.comparison_value is not None
                        else None
                    ),
                    "note": value.note,
                }
                for value in series
            ],
        }

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.owner_id and not issubclass(self.owner.specific_class, owner_models()):
            errors["owner"] = _("Choose a working group or an integration concept.")
        if (self.baseline_value is None) != (not self.baseline_period):
            errors["baseline_value"] = _("Give the baseline's period and value together.")
        if (self.target_value is None) != (not self.target_period):
            errors["target_value"] = _("Give the target's period and value together.")
        if (
            self.baseline_period
            and self.target_period
            and PERIOD_PATTERN.match(self.baseline_period)
            and PERIOD_PATTERN.match(self.target_period)
            and period_key(self.target_period) <= period_key(self.baseline_period)
        ):
            errors["target_period"] = _("The target's period must come after the baseline's.")
        if self.unit == IndicatorUnit.PERCENT:
            for name in ("baseline_value", "target_value"):
                value = getattr(self, name)
                if value is not None and not Decimal(0) <= value <= Decimal(100):
                    errors.setdefault(name, _("A percentage lies between 0 and 100."))
        if errors:
            raise ValidationError(errors)

    def series(self) -> list["IndicatorValue"]:
        """The values in the order of their periods (read once: prefetched by listings);
        for a translation shown by ``of_pages``, the source's values (``in_language_of``)."""
        if hasattr(self, "source_series"):
            return self.source_series
        return sorted(self.values.all(), key=lambda value: period_key(value.period))


class IndicatorValue(TranslatableMixin, Orderable):
    """The indicator's value in one period, with an optional comparison value and a note."""

    indicator = ParentalKey(
        Indicator,
        on_delete=models.CASCADE,
        related_name="values",
        verbose_name=_("indicator"),
        help_text=_("The indicator this value belongs to."),
    )
    period = period_field(
        pgettext_lazy("indicator value", "period"),
        _('A year such as "2024", or a half-year such as "2024-H1".'),
    )
    value = value_field(pgettext_lazy("indicator value", "value"), _("The value in this period."))
    comparison_value = value_field(
        _("comparison value"),
        _("The value of the comparison series in the same period, e.g. the whole population."),
        null=True,
        blank=True,
    )
    note = models.CharField(
        max_length=500,
        blank=True,
        verbose_name=pgettext_lazy("indicator value", "note"),
        help_text=_('Anything a reader should know, e.g. "New method of counting from 2020".'),
    )

    override_translatable_fields = [
        SynchronizedField("period", overridable=False),
        SynchronizedField("value", overridable=False),
        SynchronizedField("comparison_value", overridable=False),
    ]

    panels = [
        FieldRowPanel([FieldPanel("period"), FieldPanel("value"), FieldPanel("comparison_value")]),
        FieldPanel("note"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = pgettext_lazy("indicator", "value")
        verbose_name_plural = pgettext_lazy("indicator", "values")
        unique_together = [("translation_key", "locale"), ("indicator", "period")]

    def __str__(self) -> str:
        return f"{self.period}: {self.value}"

    def clean(self) -> None:
        super().clean()
        # The indicator as the editor's form sets it (the inline's forms are cleaned with
        # their parent in memory), so a unit changed to percent checks the values too.
        try:
            indicator = self.indicator
        except ObjectDoesNotExist:
            return
        if indicator.unit != IndicatorUnit.PERCENT:
            return
        errors = {}
        for name in ("value", "comparison_value"):
            value = getattr(self, name)
            if value is not None and not Decimal(0) <= value <= Decimal(100):
                errors[name] = _("A percentage lies between 0 and 100.")
        if errors:
            raise ValidationError(errors)
