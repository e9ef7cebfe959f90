"""Daily deadline reminders: one digest per unit editor and per unit for the office, never twice for a change."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from rectify import progress, reminders
from rectify.models import DueBasis, Issue, IssueStatus, ReminderKind, ReminderSent, StaffPreference
from rectify.settings import email_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(office_user, unit_editor):
    office_user.email, unit_editor.email = "office@example.org", "editor@example.org"
    office_user.save()
    unit_editor.save()
    return office_user, unit_editor


@pytest.fixture
def quiet_archive(two_units):
    """No warnings but those a test sets: every problem completed, so digests hold only what the test did."""
    Issue.objects.update(status=IssueStatus.COMPLETED)


def _due_in(issue, days):
    Issue.objects.filter(pk=issue.pk).update(
        status=IssueStatus.IN_PROGRESS,
        due_date=timezone.localdate() + datetime.timedelta(days=days),
        due_basis=DueBasis.STAFF,
    )
    issue.refresh_from_db()
    return issue


def _messages_to(address):
    return [message for message in mail.outbox if address in message.to]


def test_editor_and_office_get_one_digest_each_and_nothing_twice(people, two_units, quiet_archive):
    office, editor = people
    own, other = two_units
    yellow = _due_in(Issue.objects.filter(inspection__unit=own).first(), 5)
    red = _due_in(Issue.objects.filter(inspection__unit=own).last(), -1)
    elsewhere = _due_in(Issue.objects.filter(inspection__unit=other).first(), -3)

    call_command("send_deadline_reminders", verbosity=0)
    [to_editor] = _messages_to(editor.email)
    assert yellow.title in to_editor.body and red.title in to_editor.body and elsewhere.title not in to_editor.body
    assert "转为黄色预警" in to_editor.body and "转为红色预警" in to_editor.body
    assert reverse("admin:rectify_issue_change", args=[red.pk]) in to_editor.body
    to_office = _messages_to(office.email)
    assert len(to_office) == 2  # one per unit
    assert {own.name in m.subject for m in to_office} == {True, False}
    assert set(ReminderSent.objects.values_list("issue_id", "kind")) == {
        (yellow.pk, ReminderKind.YELLOW),
        (red.pk, ReminderKind.RED),
        (elsewhere.pk, ReminderKind.RED),
    }

    mail.outbox.clear()
    call_command("send_deadline_reminders", verbosity=0)
    assert mail.outbox == []


def test_a_problem_turning_red_after_yellow_is_reported_again(people, two_units, quiet_archive):
    _, editor = people
    issue = _due_in(Issue.objects.filter(inspection__unit=two_units[0]).first(), 5)
    call_command("send_deadline_reminders", verbosity=0)
    mail.outbox.clear()
    later = timezone.localdate() + datetime.timedelta(days=6)  # the deadline has passed
    digests = reminders.plan_digests(reminders.pending_changes(today=later))
    assert [(c.issue, c.kind) for d in digests if editor.email in d.to for c in d.changes] == [
        (issue, ReminderKind.RED)
    ]


def test_a_returned_update_is_reported_once(people, two_units, quiet_archive):
    office, editor = people
    issue = Issue.objects.filter(inspection__unit=two_units[0]).first()
    update = progress.submit_update(issue=issue, status=IssueStatus.COMPLETED, note="已整改", user=editor)
    progress.return_update(update=update, reviewer=office, comment="请补充佐证材料")
    call_command("send_deadline_reminders", verbosity=0)
    [to_editor] = _messages_to(editor.email)
    assert "退回重新整改" in to_editor.body and "请补充佐证材料" in to_editor.body
    assert ReminderSent.objects.get().change == f"progress:{update.pk}"
    mail.outbox.clear()
    call_command("send_deadline_reminders", verbosity=0)
    assert mail.outbox == []


def test_an_opted_out_user_gets_nothing_and_others_still_do(people, two_units, quiet_archive):
    office, editor = people
    StaffPreference.objects.create(user=editor, receives_reminders=False)
    _due_in(Issue.objects.filter(inspection__unit=two_units[0]).first(), -1)
    call_command("send_deadline_reminders", verbosity=0)
    assert _messages_to(editor.email) == [] and len(_messages_to(office.email)) == 1


def test_dry_run_says_who_would_get_what_and_sends_nothing(people, two_units, quiet_archive, capsys):
    _, editor = people
    issue = _due_in(Issue.objects.filter(inspection__unit=two_units[0]).first(), -1)
    call_command("send_deadline_reminders", "--dry-run")
    out = capsys.readouterr().out
    assert "editor@example.org" in out and "office@example.org" in out and issue.title in out
    assert mail.outbox == [] and not ReminderSent.objects.exists()


def test_users_opt_out_on_their_own_settings_page(client, people):
    _, editor = people
    client.force_login(editor)
    url = reverse("admin:rectify_staffpreference_mine")
    page = client.get(url)
    assert page.status_code == 200 and "editor@example.org" in page.content.decode()
    assert client.post(url, {}).status_code == 302  # the box unticked
    assert StaffPreference.objects.get(user=editor).receives_reminders is False
    client.post(url, {"receives_reminders": "on"})
    assert StaffPreference.objects.get(user=editor).receives_reminders is True


def test_dashboard_shows_what_the_last_digest_sent(client, people, two_units, quiet_archive):
    office, _ = people
    issue = _due_in(Issue.objects.filter(inspection__unit=two_units[0]).first(), -1)
    client.force_login(office)
    dashboard = reverse("admin:rectify_issue_dashboard")
    assert "尚未发送过提醒邮件" in client.get(dashboard).content.decode()
    call_command("send_deadline_reminders", verbosity=0)
    page = client.get(dashboard).content.decode()
    assert "最近一次提醒邮件" in page and "office@example.org" in page and "editor@example.org" in page
    assert reverse("admin:rectify_issue_change", args=[issue.pk]) in page


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}),
        (
            {"EMAIL_URL": "smtp+tls://mailer:p%40ss@smtp.example.org:587"},
            {
                "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "EMAIL_HOST": "smtp.example.org",
                "EMAIL_PORT": 587,
                "EMAIL_HOST_USER": "mailer",
                "EMAIL_HOST_PASSWORD": "p@ss",
                "EMAIL_USE_TLS": True,
                "EMAIL_USE_SSL": False,
            },
        ),
        (
            {"EMAIL_HOST": "mail.example.org", "EMAIL_PORT": "2525", "EMAIL_USE_TLS": "true"},
            {"EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend", "EMAIL_PORT": 2525, "EMAIL_USE_TLS": True},
        ),
    ],
)
def test_email_settings_come_from_the_environment(environ, expected):
    settings = email_settings(environ)
    assert {key: settings[key] for key in expected} == expected


def test_an_unknown_email_url_scheme_stops_the_start():
    with pytest.raises(ValueError, match="EMAIL_URL"):
        email_settings({"EMAIL_URL": "http://example.org"})
