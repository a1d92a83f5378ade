"""Open data out: the measures of a concept as CSV and JSON, and the Frictionless data package
that describes both (``<concept URL>measures/csv/``, ``.../json/``, ``.../datapackage/``).

Every live, public measure of the concept, in the concept's language (the concept page of
another language exports that language). The exports are content pages like the others:
public, cached, with an ETag.
"""

import csv
import io
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Site

from .. import i18n
from ..indicator_data import indicator_table_schema
from ..models.open_data import OpenDataSettings
from ..open_data import COLUMN_NAMES, as_json_value, as_text, measure_rows, table_schema

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
JSON_CONTENT_TYPE = "application/json; charset=utf-8"


def export_file_name(concept, extension: str) -> str:
    """E.g. ``integrationskonzept-trier-measures-de.csv``."""
    slug = slugify(concept.slug) or "concept"
    return f"{slug}-measures-{i18n.page_language(concept)}.{extension}"


def measures_csv(request: HttpRequest, concept) -> HttpResponse:
    """The measures as CSV: UTF-8 with a byte order mark (so that spreadsheet programs read
    the umlauts right), comma-separated, one row per measure, the columns of
    ``open_data.COLUMNS``."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMN_NAMES)
    for row in measure_rows(concept, request):
        writer.writerow([as_text(row[name]) for name in COLUMN_NAMES])
    response = HttpResponse(
        buffer.getvalue().encode("utf-8", "surrogatepass"), content_type=CSV_CONTENT_TYPE
    )
    response["Content-Disposition"] = f'attachment; filename="{export_file_name(concept, "csv")}"'
    response["Content-Language"] = i18n.page_language(concept)
    return response


def measures_json(request: HttpRequest, concept) -> HttpResponse:
    """The measures as a JSON list of objects with the same fields as the CSV (the history
    as a list)."""
    rows = [
        {name: as_json_value(row[name]) for name in COLUMN_NAMES}
        for row in measure_rows(concept, request)
    ]
    response = JsonResponse(
        rows,
        safe=False,
        encoder=DjangoJSONEncoder,
        json_dumps_params={"ensure_ascii": False, "indent": 1},
        content_type=JSON_CONTENT_TYPE,
    )
    response["Content-Language"] = i18n.page_language(concept)
    return response


def licence(settings: OpenDataSettings) -> dict:
    """The data package's ``licenses`` entry for the site's open data settings."""
    described = {"title": settings.licence_title}
    if settings.licence_name:
        described["name"] = settings.licence_name
    if settings.licence_url:
        described["path"] = settings.licence_url
    return described


def measures_datapackage(request: HttpRequest, concept) -> HttpResponse:
    """A Frictionless data package descriptor of the measures' CSV and JSON exports and the
    indicators' CSV export: their addresses, their Table Schemas, the licence and publisher
    from the site's open data settings."""
    language = i18n.page_language(concept)
    site = Site.find_for_request(request) or concept.get_site()
    settings = OpenDataSettings.for_site(site) if site else OpenDataSettings()
    publisher = settings.publisher or (site.site_name if site else "") or concept.title
    with translation.override(language):
        schema = table_schema()
        title = _("Measures of %(concept)s") % {"concept": concept.title}
        description = _(
            "Every published measure of the integration concept, with status, progress, "
            "dates, working group, phase, decision and history."
        )
        csv_title = _("Measures (CSV)")
        json_title = _("Measures (JSON)")
        indicators_title = _("Indicators (CSV)")
        indicators_description = _(
            "Every value of every indicator of the concept and its working groups, one row "
            "per indicator and period, with baseline and target."
        )
        indicators_schema = indicator_table_schema()
    resource = {
        "profile": "tabular-data-resource",
        "schema": schema,
    }
    descriptor = {
        "profile": "tabular-data-package",
        "name": slugify(f"{concept.slug}-measures-{language}") or "measures",
        "title": title,
        "description": description,
        "homepage": concept.get_full_url(request),
        "language": language,
        "licenses": [licence(settings)],
        "contributors": [{"title": publisher, "role": "publisher"}] if publisher else [],
        "resources": [
            {
                "name": "measures-csv",
                "title": csv_title,
                "path": request.build_absolute_uri(concept.subpage_url("measures_csv", request)),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "header": True},
                **resource,
            },
            {
                "name": "measures-json",
                "title": json_title,
                "path": request.build_absolute_uri(concept.subpage_url("measures_json", request)),
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8",
                **resource,
            },
            {
                "name": "indicators-csv",
                "title": indicators_title,
                "description": indicators_description,
                "path": request.build_absolute_uri(concept.subpage_url("indicators_csv", request)),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "header": True},
                "profile": "tabular-data-resource",
                "schema": indicators_schema,
            },
        ],
    }
    response = HttpResponse(
        json.dumps(descriptor, ensure_ascii=False, indent=1),
        content_type=JSON_CONTENT_TYPE,
    )
    response["Content-Language"] = language
    return response
