"""docker-compose.yml and the Dockerfile, checked by reading them (no Docker engine runs here)."""

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import dj_database_url
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


@pytest.fixture(scope="module")
def dockerfile():
    """The Dockerfile's instructions as (INSTRUCTION, arguments), continuation lines joined."""
    text = re.sub(r"\\\n", " ", (ROOT / "Dockerfile").read_text())
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [tuple(line.split(None, 1)) for line in lines]


def interpolate(value, environ):
    """Compose's ${VAR}, ${VAR:-default} and ${VAR:?message} substitution, as `docker compose` does."""

    def substitute(match):
        name, operator, rest = match.group(1), match.group(2), match.group(3)
        if environ.get(name):
            return environ[name]
        if operator == ":-":
            return rest
        if operator == ":?":
            raise LookupError(f"{name}: {rest}")
        return ""

    return re.sub(r"\$\{(\w+)(?:(:-|:\?)([^}]*))?\}", substitute, str(value))


def web_environment(compose, environ):
    return {
        name: interpolate(value, environ) for name, value in compose["services"]["web"]["environment"].items()
    }


def test_two_services_a_database_and_the_web_app(compose):
    assert set(compose["services"]) == {"db", "web"}
    assert compose["services"]["db"]["image"] == "postgres:15"
    assert compose["services"]["web"]["build"] == "."
    assert "8000:8000" in compose["services"]["web"]["ports"]


def test_the_database_keeps_its_data_on_a_named_volume(compose):
    volume, mount = compose["services"]["db"]["volumes"][0].split(":")
    assert mount == "/var/lib/postgresql/data"
    assert volume in compose["volumes"]


def test_the_database_has_a_health_check_and_the_web_app_waits_for_it(compose):
    db = compose["services"]["db"]
    check = " ".join(db["healthcheck"]["test"])
    assert "pg_isready" in check
    assert f"-U {db['environment']['POSTGRES_USER']}" in check
    assert f"-d {db['environment']['POSTGRES_DB']}" in check
    assert compose["services"]["web"]["depends_on"] == {"db": {"condition": "service_healthy"}}


def test_the_web_app_reaches_the_compose_database(compose):
    db = compose["services"]["db"]["environment"]
    parsed = dj_database_url.parse(web_environment(compose, {"SECRET_KEY": "k"})["DATABASE_URL"])
    assert parsed["ENGINE"] == "django.db.backends.postgresql"
    assert (parsed["HOST"], parsed["PORT"], parsed["NAME"], parsed["USER"]) == (
        "db",
        5432,
        db["POSTGRES_DB"],
        db["POSTGRES_USER"],
    )
    assert parsed["PASSWORD"] == interpolate(db["POSTGRES_PASSWORD"], {})
    chosen = web_environment(compose, {"SECRET_KEY": "k", "POSTGRES_PASSWORD": "s3cret"})["DATABASE_URL"]
    assert dj_database_url.parse(chosen)["PASSWORD"] == "s3cret"


def test_the_web_app_runs_in_production_mode_and_needs_a_secret_key(compose):
    environment = web_environment(compose, {"SECRET_KEY": "k"})
    assert environment["DEBUG"] == "0"
    assert environment["ALLOWED_HOSTS"] and environment["CSRF_TRUSTED_ORIGINS"]
    with pytest.raises(LookupError, match="SECRET_KEY"):
        web_environment(compose, {})


def test_every_variable_given_to_the_web_app_is_one_the_settings_read(compose):
    # archive/settings.py names each variable it reads (DATABASE_URL through dj_database_url).
    settings_source = (ROOT / "archive" / "settings.py").read_text()
    for name in compose["services"]["web"]["environment"]:
        assert re.search(rf"\b{name}\b", settings_source), name


def test_the_compose_environment_gives_working_production_settings(compose):
    environment = web_environment(compose, {"SECRET_KEY": "a-long-random-production-key-" * 2})
    script = (
        "import json; from archive import settings as s; "
        "print(json.dumps([s.DEBUG, s.ALLOWED_HOSTS, s.CSRF_TRUSTED_ORIGINS, s.DATABASES['default']['HOST']]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], **environment},
        capture_output=True,
        text=True,
        check=True,
    )
    debug, hosts, origins, host = json.loads(result.stdout)
    assert (debug, host) == (False, "db")
    assert "localhost" in hosts and "http://localhost:8000" in origins


def test_the_web_command_migrates_collects_static_files_then_serves(compose):
    command = compose["services"]["web"]["command"]
    assert command[:2] == ["sh", "-c"]
    steps = [step.strip() for step in command[2].split("&&")]
    assert steps[0] == "python manage.py migrate --no-input"
    assert steps[1] == "python manage.py collectstatic --no-input"
    assert steps[2].startswith("exec gunicorn archive.wsgi:application")


def test_the_dockerfile_builds_the_project_on_python_311_and_serves_the_same_way(compose, dockerfile):
    instructions = dict(dockerfile)
    assert instructions["FROM"] == "python:3.11-slim"
    assert any(op == "RUN" and "pip install ." in args for op, args in dockerfile)
    assert instructions["EXPOSE"] == "8000"
    image_command = json.loads(instructions["CMD"])
    compose_command = shlex.split(compose["services"]["web"]["command"][2].split("&&")[-1])
    assert compose_command == ["exec", *image_command]
    assert image_command[:2] == ["gunicorn", "archive.wsgi:application"]
    assert "0.0.0.0:8000" in image_command


def test_the_wsgi_application_gunicorn_serves_exists():
    from archive import wsgi

    assert callable(wsgi.application)


def test_the_build_context_leaves_out_local_state():
    ignored = (ROOT / ".dockerignore").read_text().split()
    for path in (".git", ".venv", "db.sqlite3", "staticfiles"):
        assert path in ignored
