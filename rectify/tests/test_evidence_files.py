"""Evidence files leave the disk with their rows: deleted by any road, or replaced, after commit only."""

from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

from rectify.models import Evidence, Issue, Measure

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj\n"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _evidence(measure, title="会议纪要") -> tuple[Evidence, Path]:
    evidence = Evidence(measure=measure, title=title, is_public=False)
    evidence.file.save("minutes.pdf", ContentFile(PDF), save=True)
    return evidence, Path(evidence.file.path)


def test_deleting_evidence_in_the_admin_removes_its_file(
    admin_client, imported_seeds, django_capture_on_commit_callbacks
):
    evidence, stored = _evidence(Measure.objects.first())
    assert stored.exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("admin:rectify_evidence_delete", args=[evidence.pk]), {"post": "yes"})

    assert response.status_code == 302 and not Evidence.objects.exists()
    assert not stored.exists()


def test_the_bulk_delete_action_removes_every_file(admin_client, imported_seeds, django_capture_on_commit_callbacks):
    measure = Measure.objects.first()
    stored = [_evidence(measure, f"纪要{i}")[1] for i in range(3)]

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("admin:rectify_evidence_changelist"),
            {
                "action": "delete_selected",
                "_selected_action": list(Evidence.objects.values_list("pk", flat=True)),
                "post": "yes",
            },
        )

    assert not Evidence.objects.exists()
    assert not any(path.exists() for path in stored)


def test_a_problem_holding_evidence_cannot_be_deleted_and_its_file_stays(
    imported_seeds, django_capture_on_commit_callbacks
):
    # Evidence is staff work: its measure is PROTECTed, so no cascade takes a file with it.
    from django.db.models import ProtectedError

    measure = Measure.objects.first()
    _, stored = _evidence(measure)

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ProtectedError):
        Issue.objects.filter(pk=measure.issue_id).delete()

    assert stored.exists()


def test_replacing_the_file_removes_the_old_one(admin_client, imported_seeds, django_capture_on_commit_callbacks):
    evidence, old = _evidence(Measure.objects.first())

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:rectify_evidence_change", args=[evidence.pk]),
            {
                "measure": evidence.measure_id,
                "title": evidence.title,
                "file": SimpleUploadedFile("minutes-v2.pdf", PDF + b"v2"),
            },
        )

    assert response.status_code == 302
    evidence.refresh_from_db()
    assert Path(evidence.file.path).read_bytes() == PDF + b"v2"
    assert not old.exists()


def test_saving_without_a_new_file_keeps_the_file(imported_seeds, django_capture_on_commit_callbacks):
    evidence, stored = _evidence(Measure.objects.first())

    with django_capture_on_commit_callbacks(execute=True):
        evidence.title = "会议纪要（修订）"
        evidence.save()

    assert stored.exists()


def test_a_delete_that_is_rolled_back_keeps_the_file(imported_seeds, django_capture_on_commit_callbacks):
    evidence, stored = _evidence(Measure.objects.first())
    pk = evidence.pk

    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        evidence.delete()
        transaction.set_rollback(True)

    assert not callbacks and stored.exists() and Evidence.objects.filter(pk=pk).exists()


def test_a_file_another_row_still_names_is_kept(imported_seeds, django_capture_on_commit_callbacks):
    evidence, stored = _evidence(Measure.objects.first())
    twin = Evidence.objects.create(measure=evidence.measure, title="副本", file=evidence.file.name)

    with django_capture_on_commit_callbacks(execute=True):
        evidence.delete()

    assert stored.exists()
    with django_capture_on_commit_callbacks(execute=True):
        twin.delete()
    assert not stored.exists()
