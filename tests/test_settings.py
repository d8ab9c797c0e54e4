"""Settings come from the environment: each case runs in a fresh interpreter with a clean environment."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "SECRET_KEY": secrets.token_urlsafe(50),
    "DEBUG": "0",
    "ALLOWED_HOSTS": "archive.example.org",
}


def run_python(args, **environment):
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], **environment},
        capture_output=True,
        text=True,
        timeout=120,
    )


def database_settings(**environment):
    script = "import json; from archive import settings; print(json.dumps(settings.DATABASES['default']))"
    result = run_python(["-c", script], **environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_without_a_secret_key_and_debug_off_the_site_refuses_to_start():
    result = run_python(["-c", "import archive.wsgi"])
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_without_a_secret_key_runserver_refuses_to_start():
    result = run_python(["manage.py", "runserver", "--noreload", "127.0.0.1:0"], ALLOWED_HOSTS="localhost")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_commands_that_sign_nothing_run_without_a_secret_key(tmp_path):
    document = tmp_path / "call.txt"
    document.write_text("Foreign Minister Elmar Mammadyarov met Sergey Lavrov in Baku on 3 December 2019.")
    result = run_python(["manage.py", "extract", str(document)])
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["document"] == "call.txt"


def test_debug_on_brings_a_development_key_and_local_hosts():
    script = "from archive import settings as s; print(s.SECRET_KEY.startswith('django-insecure'), s.DEBUG)"
    result = run_python(["-c", script], DEBUG="1")
    assert result.stdout.split() == ["True", "True"]


def test_without_database_url_the_database_is_an_sqlite_file_beside_manage_py():
    database = database_settings(**PRODUCTION)
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert Path(database["NAME"]) == ROOT / "db.sqlite3"


def test_a_postgres_database_url_selects_postgresql():
    database = database_settings(
        **PRODUCTION, DATABASE_URL="postgres://archive:pa%40ss@db.example.org:5433/archive_prod"
    )
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["PORT"], database["NAME"]) == ("db.example.org", 5433, "archive_prod")
    assert (database["USER"], database["PASSWORD"]) == ("archive", "pa@ss")


def test_hosts_and_trusted_origins_are_comma_separated_lists():
    script = "import json; from archive import settings as s; print(json.dumps([s.ALLOWED_HOSTS, s.CSRF_TRUSTED_ORIGINS]))"
    result = run_python(
        ["-c", script],
        **{
            **PRODUCTION,
            "ALLOWED_HOSTS": "a.example.org, b.example.org",
            "CSRF_TRUSTED_ORIGINS": "https://a.example.org",
        },
    )
    assert json.loads(result.stdout) == [["a.example.org", "b.example.org"], ["https://a.example.org"]]


def test_the_deployment_check_is_clean_under_production_settings():
    result = run_python(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
