from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The example city's home page; it links to the integration concept among its children."""

    intro = RichTextField(
        blank=True,
        verbose_name=_("introduction"),
        help_text=_("A welcome text shown at the top of the home page."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("home page")


class ContentPage(Page):
    """A plain page of the example city's site, e.g. its privacy notice."""

    body = RichTextField(
        blank=True,
        verbose_name=_("body"),
        help_text=_("The text of the page."),
    )

    content_panels = [*Page.content_panels, FieldPanel("body")]

    class Meta:
        verbose_name = _("content page")
