"""The benchmark's baseline: a plain Wagtail page type per level with the same fields a
listing shows, and Wagtail's stock email form page with the feedback form's fields."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.api import APIField
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
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


class BaselineConceptPage(ListingPage):
    template = "baseline/listing_page.html"


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
