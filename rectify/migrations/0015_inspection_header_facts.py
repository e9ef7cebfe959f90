"""Inspection.inspection_type (巡察 or 巡视) and inspector_level; Report.fact_lines (where each header fact was read).

The inspection's columns are added with ALTER TABLE ... ADD COLUMN ... DEFAULT, as 0008 did: Django's AddField
on SQLite rebuilds a table whose new column is NOT NULL, and a rebuilt table loses its triggers (the data
version's among them). fact_lines is nullable, which SQLite adds in place.
"""

import re

from django.db import migrations, models

ADD_COLUMNS = [
    "ALTER TABLE rectify_inspection ADD COLUMN inspection_type varchar(4) NOT NULL DEFAULT ''",
    "ALTER TABLE rectify_inspection ADD COLUMN inspector_level varchar(20) NOT NULL DEFAULT ''",
]
DROP_COLUMNS = [
    "ALTER TABLE rectify_inspection DROP COLUMN inspector_level",
    "ALTER TABLE rectify_inspection DROP COLUMN inspection_type",
]

LEVEL = re.compile(r"(中央|省委|自治区党委|市委|州委|盟委|地委|县委|区委|旗委|党工委)")


def read_stored_inspectors(apps, schema_editor):
    """Fill both facts for inspections imported before the parser read them, from the group's name."""
    Inspection = apps.get_model("rectify", "Inspection")
    changed = []
    for inspection in Inspection.objects.only("id", "inspector"):
        kind = re.search(r"巡[察视]", inspection.inspector or "")
        level = LEVEL.search(inspection.inspector or "")
        if kind or level:
            inspection.inspection_type = kind.group() if kind else ""
            inspection.inspector_level = level.group(1) if level else ""
            changed.append(inspection)
    Inspection.objects.bulk_update(changed, ["inspection_type", "inspector_level"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("rectify", "0014_problem_history"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunSQL(ADD_COLUMNS, DROP_COLUMNS)],
            state_operations=[
                migrations.AddField(
                    model_name="inspection",
                    name="inspection_type",
                    field=models.CharField(
                        blank=True,
                        choices=[("巡察", "巡察"), ("巡视", "巡视")],
                        help_text="报告所写：巡察或巡视",
                        max_length=4,
                        verbose_name="巡察或巡视",
                    ),
                ),
                migrations.AddField(
                    model_name="inspection",
                    name="inspector_level",
                    field=models.CharField(
                        blank=True,
                        help_text="派出巡察组的党委，如：中央、省委、市委、县委",
                        max_length=20,
                        verbose_name="巡察（巡视）机构层级",
                    ),
                ),
            ],
        ),
        migrations.AddField(
            model_name="report",
            name="fact_lines",
            field=models.JSONField(
                blank=True,
                null=True,
                help_text='各项开头事实读自原文第几行，如 {"inspection.feedback_date": 3}',
                verbose_name="事实出处",
            ),
        ),
        migrations.RunPython(read_stored_inspectors, migrations.RunPython.noop),
    ]
