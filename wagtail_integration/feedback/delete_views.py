"""Deleting the feedback submissions selected in the listing of all language versions of a form.

The feedback listing shows the submissions of every language version of a form (the pages of
one translation key) that the user may see. Wagtail's delete view looks only at the submissions
of the page in its URL, so it would skip the other versions' rows without a word.
"""

from wagtail.contrib.forms.views import DeleteSubmissionsView

from .admin_views import highest_submission_id, visible_submissions


def selected_submission_ids(values: list[str]) -> list[int]:
    """The selected values that can be submission ids; any other value matches no row.

    A number beyond the database's integer range is dropped too: the database would refuse
    it (SQLite raises ``OverflowError``) rather than match nothing.
    """
    highest = highest_submission_id()
    numbers = [int(value) for value in values if value.isascii() and value.isdigit()]
    return [number for number in numbers if number <= highest]


class DeleteFeedbackSubmissionsView(DeleteSubmissionsView):
    """Wagtail's delete view (confirm page on GET, delete on POST) for every row the listing shows.

    Wagtail's ``dispatch`` already refuses a user who may not see the form page in the URL.
    Each selected row must also belong to a language version the user may see, the rule of
    the listing; a selected row of any other page is neither shown nor deleted.
    """

    template_name = "wagtail_integration_feedback/admin/feedback_confirm_delete.html"

    def get_queryset(self):
        ids = selected_submission_ids(self.request.GET.getlist("selected-submissions"))
        return (
            visible_submissions(self.request.user, self.page)
            .filter(pk__in=ids)
            .order_by("submit_time", "pk")
        )
