"""System checks: a production site without its static manifest is reported before it serves 500s."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from rectify.checks import check_static_manifest

MANIFEST_STORAGE = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


@pytest.fixture
def production_static(settings, tmp_path):
    """The static files as DJANGO_ENV=production has them, collected into an empty folder."""
    settings.DEBUG = False
    settings.STORAGES = MANIFEST_STORAGE
    settings.STATIC_ROOT = tmp_path / "staticfiles"
    return settings.STATIC_ROOT


@pytest.mark.django_db
def test_production_without_collectstatic_fails_the_check(client, production_static):
    # What a site started without collectstatic serves: every HTML page is a 500.
    client.raise_request_exception = False
    assert client.get("/").status_code == 500

    errors = check_static_manifest()
    assert [error.id for error in errors] == ["rectify.E007"]
    assert "collectstatic" in errors[0].hint
    with pytest.raises(SystemCheckError, match="rectify.E007"):
        call_command("check")
    with pytest.raises(SystemCheckError, match="rectify.E007"):
        call_command("check", deploy=True)


@pytest.mark.django_db
def test_production_after_collectstatic_passes_the_check_and_serves_pages(client, production_static):
    call_command("collectstatic", interactive=False, verbosity=0)

    assert check_static_manifest() == []
    response = client.get("/")
    assert response.status_code == 200
    # Pages name the hashed files the manifest lists.
    assert b"/static/rectify/site." in response.content and b"site.css" not in response.content


def test_development_storage_needs_no_manifest(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "empty"
    assert settings.STORAGES["staticfiles"]["BACKEND"] == "django.contrib.staticfiles.storage.StaticFilesStorage"

    assert check_static_manifest() == []


def test_debug_with_manifest_storage_needs_no_manifest(settings, tmp_path):
    # With DEBUG on, the manifest storage serves unhashed names and never reads the manifest.
    settings.DEBUG = True
    settings.STORAGES = MANIFEST_STORAGE
    settings.STATIC_ROOT = tmp_path / "empty"

    assert check_static_manifest() == []
