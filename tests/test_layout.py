"""The app's layout as a specification: rooms by job, imports pointing down the data flow only
(text → extraction → ingest → records → search and pages; the editors' workbench beside them),
a docstring on every room, and no module grown into two jobs."""

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1] / "meetings"
ROOMS = ("extraction", "ingest", "search", "web", "opendata", "admin")
MAX_MODULE_LINES = 450


def modules(folder=APP):
    return sorted(path for path in folder.rglob("*.py") if "migrations" not in path.parts)


def room_of(path):
    parts = path.relative_to(APP).parts
    return parts[0] if len(parts) > 1 and parts[0] in ROOMS else None


def imported_modules(path):
    """Every module `path` imports, as an absolute dotted name (relative imports resolved)."""
    package = ".".join(("meetings", *path.relative_to(APP).parent.parts))
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module
            names.append(module)
            names.extend(f"{module}.{alias.name}" for alias in node.names)
    return names


def imports_of_room(room):
    return {
        (str(path.relative_to(APP)), name) for path in modules(APP / room) for name in imported_modules(path)
    }


def test_the_app_shows_its_rooms_and_few_loose_modules():
    folders = {path.name for path in APP.iterdir() if path.is_dir() and not path.name.startswith("__")}
    assert set(ROOMS) <= folders
    loose = [path.name for path in APP.glob("*.py")]
    assert len(loose) <= 6, loose


@pytest.mark.parametrize("room", ROOMS)
def test_every_room_says_what_it_is_for_and_what_it_may_use(room):
    docstring = ast.get_docstring(ast.parse((APP / room / "__init__.py").read_text(encoding="utf-8")))
    assert docstring and len(docstring) > 80
    assert "import" in docstring.lower() or "django" in docstring.lower()


def test_extraction_imports_nothing_of_django_or_of_the_other_rooms():
    offending = {
        (path, name)
        for path, name in imports_of_room("extraction")
        if name.split(".")[0] == "django"
        or (name.startswith("meetings.") and not name.startswith("meetings.extraction"))
    }
    assert not offending


@pytest.mark.parametrize("room", ["search", "ingest"])
def test_search_and_ingest_never_import_the_pages_opendata_or_admin(room):
    forbidden = ("meetings.web", "meetings.opendata", "meetings.admin")
    offending = {(path, name) for path, name in imports_of_room(room) if name.startswith(forbidden)}
    assert not offending


def test_views_never_parse_text():
    offending = {
        (path, name) for path, name in imports_of_room("web") if name.startswith("meetings.extraction")
    }
    assert not offending


def test_the_records_import_no_room():
    names = [name for path in modules(APP / "models") for name in imported_modules(path)]
    assert names  # the records are read
    assert not [name for name in names if name.startswith(tuple(f"meetings.{room}" for room in ROOMS))]


def test_management_commands_are_thin_wrappers():
    for path in (APP / "management" / "commands").glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 150, path.name


@pytest.mark.parametrize("path", modules(), ids=lambda path: str(path.relative_to(APP)))
def test_no_module_holds_two_jobs(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_MODULE_LINES
