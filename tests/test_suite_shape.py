"""The shape the test suite keeps (docs: LAYOUT.md, "Tests"): tests mirror the domain packages,
share builders through tests/factories only, and never read the date at import."""

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
MODULES = sorted(path for path in TESTS.rglob("*.py") if "__pycache__" not in path.parts)
CLOCK_READS = {"today", "now", "localdate", "localtime"}


def _relative(path):
    return str(path.relative_to(ROOT))


def test_the_domain_test_folders_mirror_the_packages_of_network_pages():
    folders = [path for path in (TESTS / "network_pages").iterdir() if path.is_dir()]
    folders = [path for path in folders if path.name != "__pycache__"]
    assert folders
    for folder in folders:
        assert (ROOT / "network_pages" / folder.name / "__init__.py").exists(), folder.name
        assert (folder / "__init__.py").exists(), folder.name


def _imported_modules(module):
    for node in ast.walk(ast.parse(module.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            yield node.module
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)


def test_test_modules_import_shared_helpers_from_the_factories_only():
    """A test module importing another one's helpers (or the conftest's) ties their tests
    together: shared builders live in tests/factories, shared fixtures in conftest.py files."""
    offenders = [
        f"{_relative(module)}: {name}"
        for module in MODULES
        for name in _imported_modules(module)
        if name.split(".")[0] == "tests" and not name.startswith("tests.factories")
    ]
    assert offenders == []


def _import_time_nodes(tree):
    """The nodes Python evaluates when the module is imported: not function bodies, but their
    decorators (parametrize lists) and default values."""
    pending = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            evaluated = node.decorator_list + node.args.defaults + node.args.kw_defaults
            pending += [child for child in evaluated if child is not None]  # None: no default
            continue
        if isinstance(node, ast.Lambda):
            continue
        yield node
        pending += list(ast.iter_child_nodes(node))


def test_no_module_reads_the_clock_at_import():
    """A date read at import is the machine's, and stale when the suite runs past midnight: take
    the `today` fixture (Europe/Paris) or freeze the clock instead."""
    offenders = [
        f"{_relative(module)}:{node.lineno}"
        for module in MODULES
        for node in _import_time_nodes(ast.parse(module.read_text()))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in CLOCK_READS
    ]
    assert offenders == []
