"""An optional start and end date, shared by phases and measures."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class DatePeriodMixin(models.Model):
    """Start and end date, both optional; the end may not lie before the start."""

    start_date = models.DateField(
        null=True,
        blank=True,
        verbose_name=_("start date"),
        help_text=_("The day it started or will start. Leave empty if not known yet."),
    )
    end_date = models.DateField(
        null=True,
        blank=True,
        verbose_name=_("end date"),
        help_text=_("The day it ended or will end. Leave empty if it is open-ended."),
    )

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": _("The end date cannot be before the start date.")},
                code="end_before_start",
            )
