"""Staff workflow, round 2: Issue.responsible_department, closure requests (销号) with their files,
reminder preferences and the record of reminders sent.

The problem's new column is added with ALTER TABLE ... ADD COLUMN ... DEFAULT, as 0015 did: Django's
AddField on SQLite would rebuild rectify_issue, which the search view and the triggers depend on.
"""

import django.db.models.deletion
import rectify.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('rectify', '0020_report_original'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    "ALTER TABLE rectify_issue ADD COLUMN responsible_department varchar(300) NOT NULL DEFAULT ''",
                    "ALTER TABLE rectify_issue DROP COLUMN responsible_department",
                )
            ],
            state_operations=[
                migrations.AddField(
                    model_name='issue',
                    name='responsible_department',
                    field=models.CharField(blank=True, max_length=300, verbose_name='责任部门'),
                ),
            ],
        ),
        migrations.CreateModel(
            name='ClosureRequest',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('statement', models.TextField(verbose_name='整改完成情况说明')),
                ('submitted_at', models.DateTimeField(auto_now_add=True, verbose_name='申请时间')),
                ('state', models.CharField(choices=[('pending', '待审核'), ('approved', '已通过'), ('returned', '已退回')], default='pending', max_length=20, verbose_name='审核状态')),
                ('reviewed_at', models.DateTimeField(blank=True, null=True, verbose_name='审核时间')),
                ('review_comment', models.TextField(blank=True, verbose_name='审核意见（退回原因）')),
                ('issue', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='closure_requests', to='rectify.issue', verbose_name='问题')),
                ('reviewed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='reviewed_closure_requests', to=settings.AUTH_USER_MODEL, verbose_name='审核人')),
                ('status_change', models.OneToOneField(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='closure_request', to='rectify.statuschange', verbose_name='销号的状态变更')),
                ('submitted_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='closure_requests', to=settings.AUTH_USER_MODEL, verbose_name='申请人')),
            ],
            options={
                'verbose_name': '整改销号申请',
                'verbose_name_plural': '整改销号申请',
                'ordering': ['-submitted_at', '-id'],
                'permissions': [('review_closurerequest', '可以审核整改销号申请')],
            },
        ),
        migrations.CreateModel(
            name='ClosureEvidence',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('file', models.FileField(upload_to=rectify.models.evidence_upload_to, validators=[rectify.models.validate_evidence_file], verbose_name='文件')),
                ('title', models.CharField(max_length=200, verbose_name='名称')),
                ('uploaded_at', models.DateTimeField(auto_now_add=True, verbose_name='上传时间')),
                ('request', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='files', to='rectify.closurerequest', verbose_name='销号申请')),
            ],
            options={
                'verbose_name': '销号佐证材料',
                'verbose_name_plural': '销号佐证材料',
                'ordering': ['request', 'id'],
            },
        ),
        migrations.CreateModel(
            name='StaffPreference',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('receives_reminders', models.BooleanField(default=True, help_text='每日汇总：转为黄色、红色预警或被退回重新整改的问题。', verbose_name='接收期限提醒邮件')),
                ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='staff_preference', to=settings.AUTH_USER_MODEL, verbose_name='工作人员')),
            ],
            options={
                'verbose_name': '提醒设置',
                'verbose_name_plural': '提醒设置',
            },
        ),
        migrations.CreateModel(
            name='ReminderSent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('yellow', '转为黄色预警'), ('red', '转为红色预警（已逾期）'), ('returned', '退回重新整改')], max_length=20, verbose_name='提醒类型')),
                ('change', models.CharField(max_length=50, verbose_name='变化')),
                ('recipients', models.JSONField(blank=True, default=list, verbose_name='收件人')),
                ('sent_at', models.DateTimeField(verbose_name='发送时间')),
                ('issue', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reminders_sent', to='rectify.issue', verbose_name='问题')),
            ],
            options={
                'verbose_name': '已发送的期限提醒',
                'verbose_name_plural': '已发送的期限提醒',
                'ordering': ['-sent_at', 'issue'],
                'constraints': [models.UniqueConstraint(fields=('issue', 'kind', 'change'), name='unique_reminder_per_change')],
            },
        ),
    ]
