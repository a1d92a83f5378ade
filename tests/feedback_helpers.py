"""Helpers that act like a resident's browser on the feedback form."""

from bs4 import BeautifulSoup

from wagtail_integration.feedback import spam


def fetch_form(client, page) -> dict:
    """GET the form and return the values a browser would send back untouched."""
    response = client.get(page.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    token = soup.find("input", {"name": spam.TOKEN_FIELD})["value"]
    return {spam.TOKEN_FIELD: token, spam.HONEYPOT_FIELD: "", "topic": "general"}


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
