"""Notifications through django-tasks-db, the task backend of production: the task is stored
with the submission, and the worker sends each notification once."""

import pytest
from django.db import transaction
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from wagtail_integration.feedback.models import FeedbackSubmission
from wagtail_integration.feedback.notifications import send_notification

from .feedback_helpers import fetch_form

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def database_tasks(settings, instant_feedback):
    settings.TASKS = DATABASE_TASKS
    return settings


def send_form(client, page, **values):
    data = fetch_form(client, page)
    data.update({"message": "Mehr Sprachkurse am Abend, bitte.", "consent": "on", **values})
    return client.post(page.url, data), data


def run_worker() -> None:
    """What django-tasks-db's `db_worker` does with each ready task: claim it, run it, record
    the outcome. (The command itself takes SQLite's lock with BEGIN EXCLUSIVE, which cannot
    run inside a test's transaction; tests/test_production_stack.py runs the real command.)"""
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
    )
    for task in DBTaskResult.objects.ready().order_by("enqueued_at"):
        task.claim(worker.worker_id)
        worker.run_task(task)


def test_a_post_stores_its_notification_as_a_task_and_sends_nothing_itself(
    client, feedback_page, database_tasks, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response, _ = send_form(client, feedback_page)

    assert response.status_code == 303
    submission = FeedbackSubmission.objects.get()
    (task,) = DBTaskResult.objects.all()
    assert task.task_path == send_notification.module_path
    assert task.args_kwargs == {"args": [submission.pk], "kwargs": {}}
    assert task.status == "READY"
    assert callbacks == []  # queued in the submission's transaction, not after it
    assert mailoutbox == []


def test_the_worker_sends_each_notification_exactly_once(
    client, feedback_page, database_tasks, mailoutbox
):
    send_form(client, feedback_page, message="Nachricht eins")
    send_form(client, feedback_page, message="Nachricht zwei")

    run_worker()
    run_worker()

    bodies = [email.body for email in mailoutbox]
    assert len(bodies) == 2
    assert sum("Nachricht eins" in body for body in bodies) == 1
    assert sum("Nachricht zwei" in body for body in bodies) == 1
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}


def test_a_post_sent_twice_stores_one_submission_and_one_task(
    client, feedback_page, database_tasks, mailoutbox
):
    first, data = send_form(client, feedback_page)
    second = client.post(feedback_page.url, data)

    assert first.status_code == second.status_code == 303
    assert FeedbackSubmission.objects.count() == 1
    assert DBTaskResult.objects.count() == 1


def test_a_submission_rolled_back_takes_its_task_with_it(
    client, feedback_page, database_tasks, mailoutbox
):
    class Aborted(Exception):
        pass

    with pytest.raises(Aborted), transaction.atomic():
        send_form(client, feedback_page)
        assert DBTaskResult.objects.count() == 1
        raise Aborted

    assert FeedbackSubmission.objects.count() == 0
    assert DBTaskResult.objects.count() == 0
    run_worker()
    assert mailoutbox == []


def test_without_a_tasks_setting_the_notification_is_sent_after_the_commit(
    client, feedback_page, instant_feedback, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send_form(client, feedback_page)
    assert mailoutbox == []
    assert DBTaskResult.objects.count() == 0

    for callback in callbacks:
        callback()

    assert len(mailoutbox) == 1
