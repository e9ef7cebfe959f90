from django.apps import AppConfig
from django.core import checks
from django.db.backends.signals import connection_created
from django.db.models import signals


class RectifyConfig(AppConfig):
    name = "rectify"
    verbose_name = "巡察整改公开"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from rectify import caching, evidence_files
        from rectify.checks import check_static_manifest
        from rectify.search.index import check_index_paused
        from rectify.search.text import on_connection_created

        # The SQLite search triggers call a Python function; every connection must have it.
        connection_created.connect(on_connection_created, dispatch_uid="rectify_search_functions")
        # Writes to tables without a version trigger move the version on too (caching.version_untracked_writes).
        connection_created.connect(caching.on_connection_created, dispatch_uid="rectify_untracked_writes")
        # Files of deleted or replaced evidence are removed after commit (why signals: evidence_files).
        evidence = self.get_model("Evidence")
        signals.post_delete.connect(evidence_files.evidence_deleted, sender=evidence, dispatch_uid="evidence_deleted")
        signals.pre_save.connect(evidence_files.evidence_saving, sender=evidence, dispatch_uid="evidence_saving")
        signals.post_save.connect(evidence_files.evidence_saved, sender=evidence, dispatch_uid="evidence_saved")
        # Untagged: a plain `manage.py check` reports a paused index (see check_index_paused).
        checks.register(check_index_paused)
        checks.register(check_static_manifest)
