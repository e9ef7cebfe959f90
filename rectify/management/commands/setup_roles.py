"""Create the staff groups 巡察办, 单位填报员 and 只读 with their permissions (safe to run again)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from rectify.roles import setup_roles


class Command(BaseCommand):
    help = "创建或更新后台角色：巡察办（全部编辑、发布）、单位填报员（只报送本单位进展）、只读。"

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                counts = setup_roles()
        except LookupError as exc:
            raise CommandError(str(exc)) from exc
        if options["verbosity"] >= 1:
            for name, count in counts.items():
                self.stdout.write(self.style.SUCCESS(f"{name}：{count} 项权限"))
