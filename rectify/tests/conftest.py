import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "fixtures" / "reports"
EXPECTED = ROOT / "fixtures" / "expected"
SEEDS = sorted(p.stem for p in REPORTS.glob("*.txt"))


def seed_path(prefix: str) -> Path:
    return next(REPORTS.glob(f"{prefix}*.txt"))


def golden(stem: str) -> dict:
    return json.loads((EXPECTED / f"{stem}.json").read_text(encoding="utf-8"))


@pytest.fixture
def imported_seeds(db):
    """The five seed reports imported, as `make run` does."""
    from django.core.management import call_command

    call_command("import_reports", str(REPORTS), verbosity=0)
