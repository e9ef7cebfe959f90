"""The layering of rectify's modules, read from the source (bench/import_graph.py prints the graph).

Imports inside functions count: a late import hides a dependency from start-up, not from the design.
"""

import pytest

from bench.import_graph import ROOT, cycles, import_graph, layers, reachable

GRAPH = import_graph()

# The write side: what reads report files and stores them.
IMPORTER = "rectify.importer"
# What serves the public pages and open data: it reads the archive and never imports reports.
READ_SIDE = ["rectify.views", "rectify.api", "rectify.feeds", "rectify.exports"]
# What models.py must stay below: it is the base every other layer stands on.
ABOVE_MODELS = [IMPORTER, "rectify.views", "rectify.api", "rectify.admin", "rectify.admin_views"]


def under(name: str, package: str) -> bool:
    return name == package or name.startswith(f"{package}.")


def test_the_graph_reads_every_kind_of_import(tmp_path):
    package = tmp_path / "rectify"
    (package / "importer").mkdir(parents=True)
    (package / "tests").mkdir()
    files = {
        "__init__.py": "",
        "models.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from rectify import views\n",
        "views.py": "import os\nfrom rectify import models\n\ndef page():\n    from .importer.text import clean\n",
        "api.py": "from .models import Report\nimport rectify.views as views\n",
        "importer/__init__.py": "",
        "importer/text.py": "from ..models import Report\n",
        "importer/load.py": "from . import text\n",
        "tests/test_x.py": "from rectify import api\n",
    }
    for name, text in files.items():
        (package / name).write_text(text)

    graph = import_graph(tmp_path)

    assert graph == {
        "rectify": set(),
        "rectify.models": set(),  # for the type checker only
        "rectify.views": {"rectify.models", "rectify.importer.text"},  # the second one late
        "rectify.api": {"rectify.models", "rectify.views"},
        "rectify.importer": set(),
        "rectify.importer.text": {"rectify.models"},
        "rectify.importer.load": {"rectify.importer.text"},
    }
    assert import_graph(tmp_path, late=False)["rectify.views"] == {"rectify.models"}
    assert cycles(graph) == []
    # models -> api -> views -> importer.text -> models
    looped = {**graph, "rectify.models": {"rectify.api"}}
    assert cycles(looped) == [["rectify.api", "rectify.importer.text", "rectify.models", "rectify.views"]]
    assert layers(graph)[0] == ["rectify", "rectify.importer", "rectify.models"]


def test_the_graph_covers_the_package_but_not_its_tests_or_migrations():
    sources = [p.relative_to(ROOT) for p in (ROOT / "rectify").rglob("*.py")]
    expected = [p for p in sources if not {"tests", "migrations"} & set(p.parts)]

    assert len(GRAPH) == len(expected)
    assert {"rectify.models", "rectify.views", "rectify.importer.load", "rectify.urls"} <= set(GRAPH)
    assert not any(".tests" in name or ".migrations" in name for name in GRAPH)


def test_no_module_imports_itself_through_others():
    assert cycles(GRAPH) == []


def test_models_stand_below_the_importer_the_views_the_api_and_the_admin():
    found = sorted(name for name in reachable(GRAPH, "rectify.models") if any(under(name, p) for p in ABOVE_MODELS))

    assert found == []


@pytest.mark.parametrize("module", READ_SIDE)
def test_the_public_read_side_does_not_import_the_importer(module):
    # Through any path, the models included: a public page never loads the parser.
    assert sorted(name for name in reachable(GRAPH, module) if under(name, IMPORTER)) == []
