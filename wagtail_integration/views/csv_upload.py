"""What the imports' admin views share: the upload form, which refuses an unreadable file at
once, and applying an uploaded file at most once."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import conf, csv_upload


class UploadForm(forms.Form):
    """A CSV file that can be read as a whole and names the `required_columns`; its
    cleaned value is (file name, text)."""

    required_columns: tuple[str, ...] = ()

    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy(
            "A file in the format of this concept's CSV export (UTF-8 or Windows-1252, "
            "separated by commas or semicolons)."
        ),
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        if uploaded.size > conf.import_max_bytes():
            raise forms.ValidationError(
                _("The file is larger than %(megabytes)s MB.")
                % {"megabytes": conf.import_max_bytes() // (1024 * 1024) or 1}
            )
        try:
            text = csv_upload.decode(uploaded.read())
            csv_upload.read_rows(text, self.required_columns)  # header, size, CSV syntax
            return uploaded.name[:255], text
        except csv_upload.ImportFileError as error:
            raise forms.ValidationError(str(error)) from None


def apply_once(upload, apply_plan, result_fields: tuple[str, ...]):
    """Run `apply_plan()` and mark `upload` applied, in one transaction; store the result's
    `result_fields`. The claim is a conditional UPDATE, the transaction's first statement:
    of two submits at once (a double click, a reused form) only one finds the upload
    unapplied, on SQLite (where SELECT ... FOR UPDATE is a no-op) as on PostgreSQL; the
    other applies nothing (403)."""
    uploads = type(upload).objects
    with transaction.atomic():
        claimed = uploads.filter(pk=upload.pk, applied_at__isnull=True).update(
            applied_at=timezone.now()
        )
        if not claimed:
            raise PermissionDenied
        result = apply_plan()
        uploads.filter(pk=upload.pk).update(
            result={name: getattr(result, name) for name in result_fields}
        )
    return result
