"""Open data out: the indicators of a concept (its own and its working groups') as CSV, one
row per value, and as JSON, one object per indicator with its values
(``<concept URL>indicators/csv/``, ``.../json/``), in the concept's language where the
indicators are translated. Content pages like the others: public, cached, with an ETag.
"""

import csv
import io

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.text import slugify

from .. import i18n
from ..indicator_data import INDICATOR_COLUMN_NAMES
from ..models import WorkingGroupPage
from ..models.indicators import Indicator, exact_text
from .exports import CSV_CONTENT_TYPE, JSON_CONTENT_TYPE


def concept_indicators(concept) -> list[tuple]:
    """(owner page, indicator) for the concept's own indicators and those of its live working
    groups, in tree order: three queries."""
    owners = [concept, *WorkingGroupPage.objects.descendant_of(concept).live().order_by("path")]
    by_page = Indicator.of_pages(owners)
    return [(owner, indicator) for owner in owners for indicator in by_page[owner.pk]]


def export_file_name(concept, extension: str) -> str:
    slug = slugify(concept.slug) or "concept"
    return f"{slug}-indicators-{i18n.page_language(concept)}.{extension}"


def optional(value) -> str:
    return "" if value is None else exact_text(value)


def indicators_csv(request: HttpRequest, concept) -> HttpResponse:
    """Every value of every indicator as a CSV row (UTF-8 with a byte order mark)."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(INDICATOR_COLUMN_NAMES)
    for owner, indicator in concept_indicators(concept):
        for value in indicator.series():
            writer.writerow(
                [
                    indicator.pk,
                    str(indicator.translation_key),
                    indicator.code,
                    indicator.title,
                    owner.pk,
                    owner.title,
                    indicator.unit,
                    indicator.direction,
                    value.period,
                    exact_text(value.value),
                    optional(value.comparison_value),
                    value.note,
                    indicator.baseline_period,
                    optional(indicator.baseline_value),
                    indicator.target_period,
                    optional(indicator.target_value),
                    indicator.locale.language_code,
                ]
            )
    response = HttpResponse(
        buffer.getvalue().encode("utf-8", "surrogatepass"), content_type=CSV_CONTENT_TYPE
    )
    response["Content-Disposition"] = f'attachment; filename="{export_file_name(concept, "csv")}"'
    response["Content-Language"] = i18n.page_language(concept)
    return response


def indicators_json(request: HttpRequest, concept) -> HttpResponse:
    """Every indicator as a JSON object with its owner and values (numbers as exact text)."""
    language = i18n.page_language(concept)
    rows = [
        {**indicator.as_data(language), "owner_id": owner.pk, "owner": owner.title}
        for owner, indicator in concept_indicators(concept)
    ]
    response = JsonResponse(
        rows,
        safe=False,
        json_dumps_params={"ensure_ascii": False, "indent": 1},
        content_type=JSON_CONTENT_TYPE,
    )
    response["Content-Language"] = language
    return response
