"""Translating pages the way wagtail-localize does it for an editor."""

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation
from wagtail_localize.operations import TranslationCreator


def translate(page: Page, locale: Locale, strings: dict[str, str], capture) -> Page:
    """Create or update the translation of `page` with `strings` (source text -> translation).

    `capture` is pytest-django's ``django_capture_on_commit_callbacks``: wagtail-localize
    publishes translations when the transaction commits.
    """
    with capture(execute=True):
        TranslationCreator(user=None, target_locales=[locale]).create_translations(page)
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale
    )
    po = translation.export_po()
    for entry in po:
        entry.msgstr = strings.get(entry.msgid, "")
    translation.import_po(po)
    with capture(execute=True):
        translation.save_target(publish=True)
    return page.get_translation(locale).specific


def sync(page: Page, capture) -> None:
    """What "Sync translated pages" does in the admin: refresh the source, update all targets."""
    translations = Translation.objects.filter(source__object_id=page.translation_key)
    for translation in translations:
        translation.source.update_from_db()
        with capture(execute=True):
            translation.save_target(publish=True)


def translate_tree(root: Page, locale: Locale, strings: dict[str, str], capture) -> None:
    """Translate `root` and every page below it, parents first."""
    for page in Page.objects.filter(path__startswith=root.path).order_by("path"):
        translate(page.specific, locale, strings, capture)


def translate_with_ancestors(page: Page, locale: Locale, strings: dict[str, str], capture) -> Page:
    """Translate `page` and the pages above it, top down: enough to open it in `locale`.

    Cheaper than translating the whole tree (each translation takes about a third of a
    second) for tests that need one page in another language.
    """
    for ancestor in page.get_ancestors(inclusive=True).filter(depth__gt=1):
        translated = translate(ancestor.specific, locale, strings, capture)
    return translated
