"""Evidence files leave the disk with their rows: a deleted or replaced file is removed after commit.

This is done with model signals, against the house rule, because an evidence row goes away by many
roads that call no service of ours: the admin's delete page and bulk action, an inline formset, a
CASCADE from a measure or a problem. Only the signals see them all. The file is removed once the
transaction commits (never when it rolls back), and only if no row still names it.
"""

from __future__ import annotations

import logging

from django.db import transaction

logger = logging.getLogger(__name__)


def remove_after_commit(storage, name: str, *, using: str) -> None:
    """Delete this stored file once the current transaction commits, unless a row still names it."""
    from rectify.models import Evidence

    def remove():
        if Evidence.objects.using(using).filter(file=name).exists():
            return
        try:
            storage.delete(name)
        except OSError:
            # The row is gone either way; a file left behind is logged, not turned into an error page.
            logger.warning("无法删除佐证材料文件 %s", name, exc_info=True)

    transaction.on_commit(remove, using=using)


def evidence_deleted(sender, instance, using, **kwargs):
    if instance.file:
        remove_after_commit(instance.file.storage, instance.file.name, using=using)


def evidence_saving(sender, instance, using, raw=False, **kwargs):
    """Note the file a row had before this save, so that post_save can remove it if it was replaced."""
    if raw or instance.pk is None:
        return
    stored = sender.objects.using(using).filter(pk=instance.pk).values_list("file", flat=True).first()
    instance._file_before_save = stored or ""


def evidence_saved(sender, instance, using, raw=False, **kwargs):
    before = instance.__dict__.pop("_file_before_save", "")
    if before and before != instance.file.name:
        remove_after_commit(instance.file.storage, before, using=using)
