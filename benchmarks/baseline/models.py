"""The benchmark's baseline: a plain Wagtail page type per level with the same fields a
listing shows, and Wagtail's stock email form page with the feedback form's fields. The
concept has what a city would write by hand for an overview and an export: a routable page
that lists all measures below it, filtered by status and paged with Django's paginator, and
a CSV of them written with the csv module."""

import csv

from django.core.paginator import Paginator
from django.db import models
from django.http import HttpResponse
from django.template.response import TemplateResponse
from modelcluster.fields import ParentalKey
from wagtail.api import APIField
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page


class ListingPage(Page):
    """A page that lists its live children with a minimal template."""

    summary = models.TextField(blank=True)

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.get_children().live().public().specific()
        return context


class BaselineConceptPage(RoutablePageMixin, ListingPage):
    template = "baseline/listing_page.html"

    def measures(self):
        return BaselineMeasurePage.objects.descendant_of(self).live().public()

    @path("measures/")
    def overview(self, request):
        measures = self.measures().order_by("title")
        if request.GET.get("status"):
            measures = measures.filter(status=request.GET["status"])
        page = Paginator(measures, 10).get_page(request.GET.get("page"))
        return TemplateResponse(
            request, "baseline/overview.html", {"page": self, "measures": page}
        )

    @path("measures/csv/")
    def export(self, request):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        writer = csv.writer(response)
        writer.writerow(["id", "title", "status", "progress", "url"])
        for measure in self.measures().order_by("path"):
            writer.writerow(
                [measure.pk, measure.title, measure.status, measure.progress, measure.full_url]
            )
        return response


class BaselinePhasePage(ListingPage):
    template = "baseline/listing_page.html"


class BaselineGroupPage(ListingPage):
    template = "baseline/listing_page.html"


class BaselineMeasurePage(Page):
    summary = models.TextField(blank=True)
    body = RichTextField(blank=True)
    status = models.CharField(max_length=32, default="planned")
    progress = models.PositiveSmallIntegerField(null=True, blank=True)
    template = "baseline/measure_page.html"

    api_fields = [
        APIField("summary"),
        APIField("body"),
        APIField("status"),
        APIField("progress"),
    ]


class BaselineFormField(AbstractFormField):
    page = ParentalKey("BaselineFormPage", on_delete=models.CASCADE, related_name="form_fields")


class BaselineFormPage(AbstractEmailForm):
    template = "baseline/form_page.html"
    landing_page_template = "baseline/form_page_landing.html"
