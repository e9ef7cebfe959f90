"""Create a 单位填报员 (unit editor) for one unit in one step: account, staff status, group, unit scope."""

import getpass
import os

from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from rectify.models import Unit
from rectify.roles import UNIT_EDITOR, add_unit_editor, find_unit


class Command(BaseCommand):
    help = (
        "创建单位填报员并指派负责单位（工作人员身份、单位填报员组、单位范围）。"
        "密码：交互输入，或 --password-from-env 变量名，或 --no-password（先不设密码，由巡察办在后台设置）。"
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="登录用户名")
        parser.add_argument("unit", help="负责单位：全称、简称或编号")
        parser.add_argument("--email", default="", help="电子邮箱（接收每日整改期限提醒）")
        password = parser.add_mutually_exclusive_group()
        password.add_argument("--password-from-env", metavar="VARIABLE", help="从这个环境变量读取密码（适合脚本）")
        password.add_argument("--no-password", action="store_true", help="不设密码：账户暂时无法登录，稍后再设置")

    def handle(self, *args, username, unit, email, password_from_env=None, no_password=False, verbosity=1, **options):
        if not Group.objects.filter(name=UNIT_EDITOR).exists():
            raise CommandError("还没有“单位填报员”组：请先运行 python manage.py setup_roles")
        try:
            target = find_unit(unit)
        except Unit.DoesNotExist as exc:
            raise CommandError(str(exc)) from exc
        password = None if no_password else self._password(password_from_env)
        if password is not None:
            try:
                validate_password(password)
            except ValidationError as exc:
                raise CommandError("密码不符合要求：" + "；".join(exc.messages)) from exc
        user, created = add_unit_editor(username=username, unit=target, email=email, password=password)
        if verbosity:
            what = "已创建" if created else "已更新"
            self.stdout.write(self.style.SUCCESS(f"{what}单位填报员 {user.username}，负责单位：{target.name}"))
            if password is None and not user.has_usable_password():
                self.stdout.write(
                    "该账户还没有密码，暂时无法登录。设置密码："
                    f"python manage.py changepassword {user.username}，"
                    "或由巡察办在后台“用户”中打开该用户，点击密码下方的“重设密码”。"
                )

    def _password(self, variable):
        if variable:
            value = os.environ.get(variable, "")
            if not value:
                raise CommandError(f"环境变量 {variable} 没有设置或为空")
            return value
        if not self.stdin_is_interactive():
            raise CommandError("不是交互终端，无法输入密码：请用 --password-from-env 变量名 或 --no-password")
        first = getpass.getpass("密码：")
        if not first or first != getpass.getpass("再次输入密码："):
            raise CommandError("两次输入的密码不一致或为空，未作任何改动")
        return first

    def stdin_is_interactive(self) -> bool:
        import sys

        return sys.stdin.isatty()
