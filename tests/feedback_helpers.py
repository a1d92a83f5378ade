"""Helpers that act like a resident's browser, or a front-end, on the feedback form."""

import json

from bs4 import BeautifulSoup
from django.test import RequestFactory

from wagtail_integration.feedback import spam

CSRF_FIELD = "csrfmiddlewaretoken"


def fetch_form(client, page) -> dict:
    """GET the form and return the values a browser would send back untouched."""
    response = client.get(page.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    token = soup.find("input", {"name": spam.TOKEN_FIELD})["value"]
    data = {spam.TOKEN_FIELD: token, spam.HONEYPOT_FIELD: "", "topic": "general"}
    csrf = soup.find("input", {"name": CSRF_FIELD})
    if csrf is not None:
        data[CSRF_FIELD] = csrf["value"]
    return data


def post_feedback(client, page, client_address: str = "127.0.0.1", **values):
    """Fetch the form, fill it like a resident would, and send it; None leaves a field out."""
    data = fetch_form(client, page)
    data.update({"message": "Mehr Sprachkurse am Abend, bitte.", "consent": "on"})
    data.update(values)
    return client.post(
        page.url,
        {name: value for name, value in data.items() if value is not None},
        REMOTE_ADDR=client_address,
    )


def post_expired_form(client, page, settings, message: str):
    """Send a filled-in form whose token has expired; the form comes back with a fresh one."""
    data = fetch_form(client, page)
    data.update(message=message, consent="on")
    settings.WAGTAIL_INTEGRATION_FEEDBACK_MAX_SECONDS = -1
    response = client.post(page.url, data)
    settings.WAGTAIL_INTEGRATION_FEEDBACK_MAX_SECONDS = 86400
    return response


def api_url(page) -> str:
    """The feedback API's URL for a page, as a Wagtail 7.4 host mounts it.

    `page` may also be any page id, as a client could put it in the URL.
    """
    return f"/api/standalone/integration/feedback/{getattr(page, 'pk', page)}/"


def valid_values(**values) -> dict:
    """Values the API accepts for the built-in fields, with `values` added or replaced."""
    return {"message": "Mehr Sprachkurse", "topic": "general", "consent": True, **values}


def post_json(client, url: str, payload, **headers):
    return client.post(url, json.dumps(payload), content_type="application/json", **headers)


def post_api(client, page, values: dict | None = None, token: str | None = None, **headers):
    """Send `values` (valid ones by default) to the feedback API with a fresh token."""
    body = {
        "token": token or spam.make_token(page),
        "values": valid_values() if values is None else values,
    }
    return post_json(client, api_url(page), body, **headers)


def request_from(address: str, **meta):
    """A feedback POST as it reaches the server from `address` (headers in `meta`)."""
    return RequestFactory().post("/", REMOTE_ADDR=address, **meta)
