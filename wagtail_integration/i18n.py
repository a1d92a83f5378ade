"""Languages of a page: its live translations and whether it lags behind its source.

Works with wagtail-localize, with Wagtail's own i18n (``wagtail.locales``), and without i18n,
where a page simply has no translations.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language, get_language_info, override
from wagtail.models import Locale, Page


@dataclass
class PageLanguage:
    """One language version of a page, as the language switcher shows it."""

    page: Page
    language_code: str
    name: str  # the language's own name for itself, e.g. "العربية"
    bidi: bool
    is_current: bool


def i18n_enabled() -> bool:
    return getattr(settings, "WAGTAIL_I18N_ENABLED", False)


def page_languages(page: Page, request: HttpRequest | None = None) -> list[PageLanguage]:
    """The live, public language versions of `page`, itself included, in the order of
    LANGUAGES.

    Empty when i18n is off or the page has no translation. One query, and one for the view
    restrictions unless `request` has read them already.
    """
    if not i18n_enabled():
        return []
    from .models.listings import private_sections  # the models import this module

    translations = list(
        page.get_translations(inclusive=True)
        .live()
        .exclude(private_sections(request))
        .select_related("locale")
    )
    if len(translations) < 2:
        return []
    order = [code for code, _name in settings.LANGUAGES]
    languages = []
    for translation in translations:
        code = translation.locale.language_code
        info = _language_info(code)
        languages.append(
            PageLanguage(
                page=translation,
                language_code=code,
                name=info["name_local"],
                bidi=info["bidi"],
                is_current=translation.pk == page.pk,
            )
        )
    return sorted(
        languages,
        key=lambda lang: (
            order.index(lang.language_code) if lang.language_code in order else len(order)
        ),
    )


def _language_info(code: str) -> dict:
    try:
        return get_language_info(code)
    except KeyError:
        return {"name_local": code, "bidi": False}


def source_page(page: Page, languages: list[PageLanguage]) -> Page | None:
    """The live page that `page` was translated from, or None if it is a source itself.

    `languages` are the page's language versions (see ``page_languages``). Only a real
    translation has a source (and can be out of date); the default locale plays no part: a
    concept written in German on a site whose default language is English is the source of
    its English version, never a translation of it.

    - wagtail-localize records each translation: a page is one only if a ``Translation``
      targets its ``translation_key`` in its locale, and its source is the version in that
      translation's source locale. A page no translation targets is a source.
    - Wagtail's own i18n (``wagtail.locales``) records no source. Its "Translate" action
      copies an existing version (``copy_for_translation``), so every translation is created
      after the page it was copied from: the version created first, the lowest id, is the
      source.

    One query.
    """
    if not languages:
        return None
    source_locale_id = _source_locale_id(page)
    if source_locale_id is None or source_locale_id == page.locale_id:
        return None
    return next((lang.page for lang in languages if lang.page.locale_id == source_locale_id), None)


def is_translation(page: Page) -> bool:
    """Whether `page` is a translation of a page in another locale (see `source_page` for
    how that is told; one query). A page without translations is its own source."""
    source_locale_id = _source_locale_id(page)
    return source_locale_id is not None and source_locale_id != page.locale_id


def _source_locale_id(page: Page) -> int | None:
    if apps.is_installed("wagtail_localize"):
        from wagtail_localize.models import Translation

        source_locale_id = (
            Translation.objects.filter(
                source__object_id=page.translation_key, target_locale_id=page.locale_id
            )
            .values_list("source__locale_id", flat=True)
            .first()
        )
    else:
        source_locale_id = (
            Page.objects.filter(translation_key=page.translation_key)
            .order_by("pk")
            .values_list("locale_id", flat=True)
            .first()
        )
    return source_locale_id


def stale_source(page: Page, languages: list[PageLanguage]) -> Page | None:
    """The source page if it was published after this translation was, else None."""
    source = source_page(page, languages)
    if source is None or not source.last_published_at or not page.last_published_at:
        return None
    return source if source.last_published_at > page.last_published_at else None


# Locale id -> language code. Listings ask for the language of every page; the locales of a
# site are few and rarely change, so they are read once and forgotten when one is saved.
_language_codes: dict[int, str] = {}


def forget_language_codes(**kwargs) -> None:
    _language_codes.clear()


def locale_language_code(locale_id: int) -> str:
    if locale_id not in _language_codes:
        _language_codes.update(Locale.objects.values_list("pk", "language_code"))
    return _language_codes.get(locale_id, settings.LANGUAGE_CODE)


def page_language(page: Page) -> str:
    """The language a page is written in: its locale's with Wagtail i18n, else the active one."""
    if i18n_enabled():
        return locale_language_code(page.locale_id)
    return get_language() or settings.LANGUAGE_CODE


def choice_label(page: Page, get_display: Callable[[], str]) -> str:
    """A choice's label (``get_display``, e.g. ``get_status_display``) in `page`'s language.

    The API answers in the page's language, whatever language the request is in.
    """
    with override(page_language(page)):
        return str(get_display())


def page_language_is_bidi(page: Page) -> bool:
    return bool(_language_info(page_language(page)).get("bidi"))


def text_direction(language_code: str) -> str:
    """The ``dir`` of a text in `language_code`: "rtl", "ltr", or "auto" for an unknown one."""
    if not language_code:
        return "auto"
    return "rtl" if _language_info(language_code).get("bidi") else "ltr"


def in_page_locale(target: Page | None, page: Page) -> Page | None:
    """`target`'s live translation in the locale of `page`; else `target` itself."""
    if target is None or not i18n_enabled() or target.locale_id == page.locale_id:
        return target
    translation = target.get_translation_or_none(page.locale)
    return translation if translation is not None and translation.live else target


def live_translations(pages: list[Page], model, locale_id: int) -> dict[int, Page]:
    """page id -> its live translation in the locale (else the page itself), for `pages` of
    `model`, in one query (``in_page_locale`` for many pages at once)."""
    keys = {page.translation_key for page in pages if page.locale_id != locale_id}
    translated = {}
    if keys:
        translated = {
            page.translation_key: page
            for page in model.objects.filter(translation_key__in=keys, locale_id=locale_id).live()
        }
    return {page.pk: translated.get(page.translation_key, page) for page in pages}
