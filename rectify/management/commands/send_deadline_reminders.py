"""Send the daily deadline reminder digests (run from cron once a day; see docs/admin.md)."""

from django.core.management.base import BaseCommand, CommandError

from rectify import reminders


class Command(BaseCommand):
    help = "向单位填报员和巡察办发送整改期限提醒（转为黄色、红色预警或被退回的问题），每项变化只发一次。"

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="只列出谁会收到什么，不发送、不记录。")

    def handle(self, *args, dry_run=False, verbosity=1, **options):
        changes = reminders.pending_changes()
        digests = reminders.plan_digests(changes)
        if dry_run or verbosity >= 2:
            for digest in digests:
                self.stdout.write(f"{'、'.join(digest.to)}：{digest.subject}")
                for change in digest.changes:
                    self.stdout.write(f"  - {change.issue.inspection.unit.name} · {change.issue}（{change.detail}）")
        if dry_run:
            self.stdout.write(f"（试运行）{len(changes)} 项变化，{len(digests)} 封邮件；未发送，未记录。")
            return
        result = reminders.send_digests(digests)
        if verbosity:
            self.stdout.write(self.style.SUCCESS(f"已发送 {result.digests} 封提醒邮件，记录 {result.changes} 项变化。"))
        if result.failures:
            raise CommandError("部分邮件发送失败（下次运行会重试）：\n" + "\n".join(result.failures))
