from django.apps import AppConfig
from django.core import checks
from django.db.backends.signals import connection_created


class RectifyConfig(AppConfig):
    name = "rectify"
    verbose_name = "巡察整改公开"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from rectify.checks import check_static_manifest
        from rectify.search import check_index_paused, on_connection_created

        # The SQLite search triggers call a Python function; every connection must have it.
        connection_created.connect(on_connection_created, dispatch_uid="rectify_search_functions")
        checks.register(check_index_paused, checks.Tags.database)
        checks.register(check_static_manifest)
