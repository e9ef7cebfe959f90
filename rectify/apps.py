from django.apps import AppConfig


class RectifyConfig(AppConfig):
    name = "rectify"
    verbose_name = "巡察整改公开"
    default_auto_field = "django.db.models.BigAutoField"
