"""Evidence downloads: public only when marked public on a published problem; staff through the admin."""

import pytest
from django.core.files.base import ContentFile
from django.http import Http404
from django.test import RequestFactory
from django.urls import reverse

from rectify.downloads import evidence_file
from rectify.models import Evidence, Measure

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _evidence(measure, *, public):
    evidence = Evidence(measure=measure, title="会议纪要", is_public=public)
    evidence.file.save("minutes.pdf", ContentFile(b"%PDF-1.4 minutes"), save=True)
    return evidence


def _public_get(pk):
    return evidence_file(RequestFactory().get(f"/evidence/{pk}/"), pk=pk)


def test_public_evidence_downloads_as_an_attachment(imported_seeds):
    evidence = _evidence(Measure.objects.first(), public=True)
    response = _public_get(evidence.pk)
    assert b"".join(response.streaming_content) == b"%PDF-1.4 minutes"
    assert response["Content-Disposition"].startswith("attachment")


def test_private_evidence_and_evidence_on_draft_reports_are_not_public(imported_seeds):
    measure = Measure.objects.first()
    private = _evidence(measure, public=False)
    with pytest.raises(Http404):
        _public_get(private.pk)
    public = _evidence(measure, public=True)
    measure.issue.report.is_published = False
    measure.issue.report.save()
    with pytest.raises(Http404):
        _public_get(public.pk)


def test_staff_download_follows_the_unit_scope(client, unit_editor, two_units):
    own, other = two_units
    mine = _evidence(Measure.objects.filter(issue__inspection__unit=own).first(), public=False)
    theirs = _evidence(Measure.objects.filter(issue__inspection__unit=other).first(), public=False)
    client.force_login(unit_editor)
    assert client.get(reverse("admin:rectify_evidence_download", args=[mine.pk])).status_code == 200
    assert client.get(reverse("admin:rectify_evidence_download", args=[theirs.pk])).status_code == 403


def test_problem_page_lists_public_evidence_through_the_url_and_hides_private(client, imported_seeds):
    measure = Measure.objects.first()
    public = _evidence(measure, public=True)
    private = Evidence(measure=measure, title="内部底稿", is_public=False)
    private.file.save("draft.pdf", ContentFile(b"%PDF-1.4 draft"), save=True)
    page = client.get(reverse("issue_detail", args=[measure.issue_id])).content.decode()
    assert f'href="{reverse("evidence_file", args=[public.pk])}"' in page and "会议纪要" in page
    assert "内部底稿" not in page and reverse("evidence_file", args=[private.pk]) not in page
    assert client.get(reverse("evidence_file", args=[public.pk])).status_code == 200
    assert client.get(reverse("evidence_file", args=[private.pk])).status_code == 404
