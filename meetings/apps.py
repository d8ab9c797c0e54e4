from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


def _record_changed(sender, **kwargs):
    from meetings.models import DataVersion, bump_data_version

    if sender is not DataVersion and sender._meta.app_label == "meetings":
        bump_data_version()


class MeetingsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "meetings"
    verbose_name = "Diplomatic meetings"

    def ready(self):
        # Any saved or deleted record (ingest, the admin, merges) moves the data version on, so
        # cached pages and ETags change with it (meetings/web/caching.py).
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(_record_changed, dispatch_uid="meetings-data-version")
