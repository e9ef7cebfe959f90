"""System checks for what makes every page fail in production although `check --deploy` is clean."""

from django.conf import settings
from django.contrib.staticfiles.storage import ManifestFilesMixin
from django.core import checks
from django.core.files.storage import storages


def check_static_manifest(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Report a manifest static storage without its manifest (collectstatic not run).

    With DEBUG off, ManifestStaticFilesStorage looks every {% static %} up in staticfiles.json and
    raises for a missing entry, so without collectstatic every HTML page is a 500. Not tagged
    `staticfiles`: collectstatic runs only those checks, and it is what writes the manifest.
    """
    storage = storages["staticfiles"]
    if settings.DEBUG or not isinstance(storage, ManifestFilesMixin):
        return []
    if storage.manifest_storage.exists(storage.manifest_name):
        return []
    manifest = storage.manifest_storage.path(storage.manifest_name)
    return [
        checks.Error(
            f"静态文件清单 {manifest} 不存在：生产设置下每个页面都会出错（500）。",
            hint="先运行 `manage.py collectstatic --noinput`（`make serve` 会先运行它），再启动服务。",
            id="rectify.E007",
        )
    ]
