"""The shape the code keeps: migrations freeze their literals, the hub is for Django only."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROJECT_PACKAGES = ("cms", "home", "network_pages", "search")


def _imported_modules(path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            yield node.module
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)


@pytest.mark.parametrize(
    "migration",
    sorted(ROOT.glob("*/migrations/0*.py")),
    ids=lambda path: f"{path.parent.parent.name}/{path.name}",
)
def test_migrations_import_no_project_module(migration):
    """A data migration holds the literals it needs: renaming a role later cannot rewrite it."""
    imported = [
        name for name in _imported_modules(migration) if name.split(".")[0] in PROJECT_PACKAGES
    ]
    assert imported == []


def test_domain_code_never_imports_the_models_hub():
    offenders = []
    for path in (ROOT / "network_pages").rglob("*.py"):
        if (
            "migrations" in path.parts
            or path.name == "models.py"
            and path.parent.name == "network_pages"
        ):
            continue
        if "network_pages.models" in _imported_modules(path):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


ACCESS_MAY_IMPORT = (
    "network_pages.access",
    "network_pages.core",
    "network_pages.accounts.models",
    "network_pages.files.models",
    "network_pages.notifications",
)


def test_the_access_policy_imports_no_domain():
    """Domains register their rules with the policy; the policy knows none of them."""
    imported = {
        name
        for path in (ROOT / "network_pages" / "access").rglob("*.py")
        for name in _imported_modules(path)
        if name.startswith("network_pages")
    }
    assert {name for name in imported if not name.startswith(ACCESS_MAY_IMPORT)} == set()
