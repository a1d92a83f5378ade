"""What the package's API operations answer to invalid parameters, for honest OpenAPI schemas.

django-ninja answers invalid path or query parameters with 422 before an operation runs; the
package's own API (Wagtail 7.4) keeps django-ninja's body, Wagtail's API v3 replaces it with
an RFC 7807 problem document. Operations declare both.
"""

from typing import Any

from ninja import Field, Schema

# Page ids are Wagtail page ids, an AutoField: a 32-bit integer on every database Wagtail
# supports. Larger numbers name no page, and SQLite cannot even bind them (OverflowError).
MAX_PAGE_ID = 2_147_483_647


class ParameterError(Schema):
    """One invalid query parameter, as django-ninja (through pydantic) reports it."""

    type: str = Field(description="The kind of error, e.g. 'less_than_equal'.")
    loc: list[str | int] = Field(description="Where the error is, e.g. ['query', 'phase'].")
    msg: str = Field(description="What is wrong, in English.")
    ctx: dict[str, Any] | None = Field(
        None, description="The rule that was broken, e.g. {'le': 2147483647}."
    )


class InvalidParameters(Schema):
    """django-ninja's own answer to invalid parameters (the package's API on Wagtail 7.4)."""

    detail: list[ParameterError]


class InvalidParametersProblem(Schema):
    """Wagtail API v3's answer to invalid parameters: an RFC 7807 problem document."""

    type: str
    title: str
    status: int
    detail: str
    errors: list[ParameterError]
