"""The house rules about code that a reviewer should not have to check by eye (docs/architecture.md).

Every non-test, non-migration module of every app (a folder with apps.py; common/ is one) is parsed
with `ast` (nothing is imported, no database) and checked for:

- an import of another app's module inside a function: imports are module-level, so a cycle shows
  at start-up instead of hiding until the function runs;
- an import against the one-way graph (ALLOWED below, the graph of docs/architecture.md);
- an import of ima_portal (configuration only) other than its Celery app, `ima_portal.celery`;
- history attribution (`_history_user`, `_change_reason`, `_history_date`) outside common/history.py:
  services call save_with_history / delete_with_history / attribute_change instead;
- a form view choosing its data with `request.POST if request.method …`: common.requests.posted does;
- an app's own copy of a helper that common/ provides (run_service, posted, ConfirmForm, the history helpers);
- a task sent to the broker (`delay`, `apply_async`, `send_task`) anywhere but common/broker.py, whose
  task_publish bounds the wait and says whether it went.

A failure names every offending file:line.
"""

import ast
import configparser
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from accounts import access
from assessments.models import Assessment

ROOT = Path(__file__).resolve().parent.parent

# Which app may import which: imports run one way, down the flow (docs/architecture.md).
# Every app may import common/; common/ imports no app. An app is never listed as its own dependency.
ALLOWED = {
    "common": set(),
    "accounts": {"common"},
    "notifications": {"common", "accounts"},
    "assessments": {"common", "accounts", "notifications"},
    "actionplans": {"common", "accounts", "notifications", "assessments"},
    "reports": {"common", "accounts", "notifications", "assessments", "actionplans"},
    "network": {"common", "accounts", "notifications", "assessments", "actionplans"},
    # reports: the assessor's work queue lists reports just issued (dashboards/selectors/work_queue.py).
    "dashboards": {"common", "accounts", "notifications", "assessments", "actionplans", "reports", "network"},
    # The public site reads released reports and the network's published record; nothing imports it.
    "public": {"common", "accounts", "notifications", "assessments", "actionplans", "reports", "network"},
    # A department's own monitoring of its teams: it renders its letters with the reports app's PDF pipeline
    # (reports.rendering), so it sits above reports; nothing imports it but demo.
    "monitoring": {"common", "accounts", "notifications", "assessments", "actionplans", "reports"},
    # The read-only API reads through the selectors of the apps it shows (never reports' or dashboards').
    "api": {"common", "accounts", "notifications", "assessments", "actionplans", "network"},
    "demo": {
        "common",
        "accounts",
        "notifications",
        "assessments",
        "actionplans",
        "reports",
        "network",
        "dashboards",
        "monitoring",
        "api",
    },
}
CONFIGURATION = "ima_portal"
# The one part of the configuration package an app may import: the Celery app (to send and inspect tasks).
CONFIGURATION_ALLOWED = {"ima_portal.celery"}
HISTORY_MODULE = "common/history.py"
PUBLISH_MODULE = "common/broker.py"
PUBLISH_CALLS = {"delay", "apply_async", "send_task"}
HISTORY_ATTRIBUTES = {"_history_user", "_change_reason", "_history_date"}
# Helpers common/ provides once (notes/conventions: "no app-local run_service/refused", "no app-local
# _save/audited/save_with_history helpers", "ConfirmForm: one class; delete app copies").
COMMON_HELPERS = {
    "run_service": "common.requests.run_service",
    "refused": "common.requests.run_service (a refusal is a form error)",
    "posted": "common.requests.posted",
    "save_with_history": "common.history.save_with_history",
    "delete_with_history": "common.history.delete_with_history",
    "attribute_change": "common.history.attribute_change",
    "audited": "common.history.attribute_change",
    "_save": "common.history.save_with_history",
    "ConfirmForm": "common.forms.ConfirmForm",
}


@dataclass(frozen=True)
class Import:
    module: str  # absolute dotted name of what is imported, e.g. "assessments.models.Assessment"
    line: int
    in_function: bool


def discover_apps():
    return sorted(path.parent.name for path in ROOT.glob("*/apps.py"))


def _is_test_or_migration(relative):
    parts = relative.parts
    name = parts[-1]
    return (
        "tests" in parts
        or "migrations" in parts
        or name == "conftest.py"
        or name.startswith("test_")
        or name.endswith("_test.py")
    )


@cache
def app_modules():
    """{app: [(relative path, module dotted name), …]} for every checked file."""
    modules = {}
    for app in discover_apps():
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT)
            if _is_test_or_migration(relative):
                continue
            parts = relative.with_suffix("").parts
            dotted = ".".join(parts[:-1] if relative.name == "__init__.py" else parts)
            modules.setdefault(app, []).append((relative, dotted))
    return modules


@cache
def parsed(relative):
    return ast.parse((ROOT / relative).read_text(encoding="utf-8"), filename=str(relative))


def _package_of(relative, dotted):
    return dotted if relative.name == "__init__.py" else dotted.rpartition(".")[0]


def _resolve(node, relative, dotted):
    """The absolute module names an import statement names."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level == 0:
        base = node.module or ""
    else:
        package = _package_of(relative, dotted).split(".")
        package = package[: len(package) - (node.level - 1)] if node.level > 1 else package
        base = ".".join([*package, node.module] if node.module else package)
    # `from ima_portal import celery` may import the module ima_portal.celery: name what each alias reaches.
    return [f"{base}.{alias.name}" for alias in node.names]


class _ImportCollector(ast.NodeVisitor):
    def __init__(self, relative, dotted):
        self.relative, self.dotted = relative, dotted
        self.depth = 0
        self.found = []

    def _function(self, node):
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _function

    def _import(self, node):
        for module in _resolve(node, self.relative, self.dotted):
            self.found.append(Import(module, node.lineno, self.depth > 0))

    visit_Import = visit_ImportFrom = _import


@cache
def imports_of(relative, dotted):
    collector = _ImportCollector(relative, dotted)
    collector.visit(parsed(relative))
    return tuple(collector.found)


def top_level(module):
    return module.split(".", 1)[0]


def first_party():
    return {*discover_apps(), CONFIGURATION}


def every_import():
    """(app, relative path, Import) for every import statement of every checked file."""
    for app, modules in app_modules().items():
        for relative, dotted in modules:
            for found in imports_of(relative, dotted):
                yield app, relative, found


def report(problems):
    return f"{len(problems)} found:\n" + "\n".join(sorted(problems, key=_sort_key))


def _sort_key(problem):
    location, _, _ = problem.partition(" ")
    path, _, line = location.rpartition(":")
    return (path, int(line) if line.isdigit() else 0, problem)


# ----------------------------------------------------------------------------------------------
# The checker itself: it must see the apps, or every other test passes for nothing.


def test_every_app_is_checked_and_placed_in_the_graph():
    apps = discover_apps()
    assert {"common", "accounts", "assessments", "actionplans", "reports"} <= set(apps)
    assert all(app_modules().get(app) for app in apps), "an app with no module to check"
    unplaced = sorted(set(apps) - set(ALLOWED))
    assert not unplaced, f"apps missing from ALLOWED (place them in the graph, and in docs/architecture.md): {unplaced}"
    assert not sorted(set(ALLOWED) - set(apps)), "ALLOWED names an app that no longer exists"


def test_every_folder_of_tests_is_in_the_suite():
    """pytest collects only its testpaths: an app's tests left out of pytest.ini never run, in CI or anywhere."""
    ini = configparser.ConfigParser()
    ini.read(ROOT / "pytest.ini")
    testpaths = set(ini["pytest"]["testpaths"].split())
    with_tests = {path.parent.name for path in ROOT.glob("*/tests") if path.is_dir() and path.parent.name != ".venv"}
    assert not sorted(with_tests - testpaths), "folders of tests missing from testpaths in pytest.ini"


def test_the_allowed_graph_runs_one_way():
    """No cycle: if a may import b, b may never (even indirectly) import a."""

    def reachable(app):
        seen, todo = set(), list(ALLOWED[app])
        while todo:
            other = todo.pop()
            if other not in seen:
                seen.add(other)
                todo.extend(ALLOWED.get(other, ()))
        return seen

    cycles = sorted(app for app in ALLOWED if app in reachable(app))
    assert not cycles, f"the graph has a cycle through {cycles}"


def test_the_checker_sees_imports_inside_functions_and_relative_imports():
    source = "from . import models\nfrom ..common import x\ndef f():\n    import accounts.models\n"
    tree = ast.parse(source)
    collector = _ImportCollector(Path("reports/views/pages.py"), "reports.views.pages")
    collector.visit(tree)
    assert [(i.module, i.in_function) for i in collector.found] == [
        ("reports.views.models", False),
        ("reports.common.x", False),
        ("accounts.models", True),
    ]


# ----------------------------------------------------------------------------------------------
# (a) imports of another app are module-level


def test_no_function_imports_another_apps_module():
    problems = [
        f"{relative}:{found.line} imports {found.module} inside a function (move it to the top of the module)"
        for app, relative, found in every_import()
        if found.in_function and top_level(found.module) in first_party() - {app}
    ]
    assert not problems, report(problems)


# ----------------------------------------------------------------------------------------------
# (b) imports run one way


def test_apps_import_only_the_apps_below_them():
    apps = set(discover_apps())
    problems = [
        f"{relative}:{found.line} {app} imports {found.module}; {app} may import only "
        f"{', '.join(sorted(ALLOWED.get(app, ()))) or 'no app'}"
        for app, relative, found in every_import()
        if top_level(found.module) in apps - {app} and top_level(found.module) not in ALLOWED.get(app, set())
    ]
    assert not problems, report(problems)


# ----------------------------------------------------------------------------------------------
# (c) ima_portal is configuration only


def _allowed_configuration_import(module):
    return any(module == allowed or module.startswith(f"{allowed}.") for allowed in CONFIGURATION_ALLOWED)


def test_nothing_imports_the_configuration_package_but_its_celery_app():
    problems = [
        f"{relative}:{found.line} imports {found.module}; ima_portal is configuration only "
        f"(use django.conf.settings, or move the code into an app or common/)"
        for _app, relative, found in every_import()
        if top_level(found.module) == CONFIGURATION and not _allowed_configuration_import(found.module)
    ]
    assert not problems, report(problems)


# ----------------------------------------------------------------------------------------------
# (d) history is attributed through common/history.py only


def _history_attribute_uses(tree):
    uses = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in HISTORY_ATTRIBUTES:
            uses.add((node.lineno, node.attr))
        elif isinstance(node, ast.Constant) and node.value in HISTORY_ATTRIBUTES:
            uses.add((node.lineno, node.value))  # setattr(obj, "_history_user", …)
    return sorted(uses)


def test_history_is_attributed_only_by_common_history():
    problems = [
        f"{relative}:{line} uses {name} (use common.history: save_with_history, delete_with_history "
        f"or attribute_change)"
        for modules in app_modules().values()
        for relative, _dotted in modules
        if relative.as_posix() != HISTORY_MODULE
        for line, name in _history_attribute_uses(parsed(relative))
    ]
    assert not problems, report(problems)


# ----------------------------------------------------------------------------------------------
# (e) one way to read a form post


def _mentions(node, attributes):
    return any(isinstance(child, ast.Attribute) and child.attr in attributes for child in ast.walk(node))


def _posted_by_hand(tree):
    """`request.POST if request.method == "POST" else None` and its variants (FILES, a form built from them)."""
    posted = {"POST", "FILES"}
    for node in ast.walk(tree):
        if not (isinstance(node, ast.IfExp) and _mentions(node.test, {"method"})):
            continue
        if _mentions(node.body, posted) or _mentions(node.orelse, posted):
            yield node.lineno


def _configuration_modules():
    for path in sorted((ROOT / CONFIGURATION).rglob("*.py")):
        relative = path.relative_to(ROOT)
        if not _is_test_or_migration(relative):
            yield relative


def test_form_views_read_the_post_through_common_requests_posted():
    files = [relative for modules in app_modules().values() for relative, _dotted in modules]
    files += list(_configuration_modules())
    problems = [
        f"{relative}:{line} picks request.POST by request.method (use common.requests.posted(request))"
        for relative in files
        for line in _posted_by_hand(parsed(relative))
    ]
    assert not problems, report(problems)


@pytest.mark.parametrize(
    "source",
    [
        'form = F(request.POST if request.method == "POST" else None)',
        'form = F(request.POST, request.FILES) if request.method == "POST" else F()',
    ],
)
def test_the_checker_recognises_a_hand_picked_post(source):
    assert list(_posted_by_hand(ast.parse(source))) == [1]


# ----------------------------------------------------------------------------------------------
# (f) one copy of each shared helper


def test_apps_do_not_redefine_the_helpers_of_common():
    problems = [
        f"{relative}:{node.lineno} defines {node.name} (use {COMMON_HELPERS[node.name]})"
        for app, modules in app_modules().items()
        if app != "common"
        for relative, _dotted in modules
        for node in ast.walk(parsed(relative))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) and node.name in COMMON_HELPERS
    ]
    assert not problems, report(problems)


# ----------------------------------------------------------------------------------------------
# (h) one way to send a task: a broker that hangs must not hold a page (docs/security.md, "Hung broker")


def _publishes(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in PUBLISH_CALLS:
            yield node.lineno, node.func.attr


def test_tasks_are_sent_only_through_common_broker():
    files = [relative for modules in app_modules().values() for relative, _dotted in modules]
    files += list(_configuration_modules())
    problems = [
        f"{relative}:{line} calls {name} (use common.broker.task_publish)"
        for relative in files
        if relative.as_posix() != PUBLISH_MODULE
        for line, name in _publishes(parsed(relative))
    ]
    assert not problems, report(problems)


@pytest.mark.parametrize(
    "source", ["send_email.delay(to=a)", "render_report_job.apply_async(args=[1])", "app.send_task('x')"]
)
def test_the_checker_recognises_a_task_sent_directly(source):
    assert [line for line, _name in _publishes(ast.parse(source))] == [1]


# ----------------------------------------------------------------------------------------------
# (g) the assessment words accounts/access.py spells out are the model's


def test_access_names_the_assessment_model_choices():
    assert access.SELF_ASSESSMENT == Assessment.Type.SELF_ASSESSMENT
    assert access.DRAFT == Assessment.Status.DRAFT
    assert access.PUBLISHED == Assessment.Status.PUBLISHED
