"""A mail backend that fails like an unreachable mail server (the one thing we fake)."""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend


class UnreachableMailServerBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPConnectError(421, "mail server unreachable")
