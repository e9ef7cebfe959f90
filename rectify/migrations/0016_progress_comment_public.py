# Review comments become internal unless the office marks them public; account names leave the
# public status history.

from django.db import migrations, models


def notes_without_accounts(apps, schema_editor):
    """Approvals used to write "<login>报送：<note>\n审核意见：<comment>" into the public history:
    keep the unit's own words only (who filed and reviewed, and the comment, stay on the update)."""
    ProgressUpdate = apps.get_model("rectify", "ProgressUpdate")
    StatusChange = apps.get_model("rectify", "StatusChange")
    approved = ProgressUpdate.objects.filter(status_change__isnull=False).values_list("status_change_id", "note")
    for change_id, note in approved.iterator():
        StatusChange.objects.filter(pk=change_id).exclude(note=note).update(note=note)


class Migration(migrations.Migration):
    dependencies = [
        ("rectify", "0015_inspection_header_facts"),
    ]

    operations = [
        migrations.AddField(
            model_name="progressupdate",
            name="comment_is_public",
            field=models.BooleanField(
                default=False,
                help_text="勾选后审核意见随整改状态在公开页面显示；默认仅内部可见。",
                verbose_name="审核意见公开",
            ),
        ),
        migrations.RunPython(notes_without_accounts, migrations.RunPython.noop),
    ]
