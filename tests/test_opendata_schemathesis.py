"""The API tested from its own OpenAPI document: schemathesis generates requests for every operation
(valid ones, and ones that break the document's rules) and checks each answer: never a server
error, a status code the document lists, the documented content type, a body matching its schema.

It calls the Django WSGI application in-process, with the test database holding a small archive.
Bounded and derandomized, so it takes seconds and gives the same run every time.
"""

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis import checks
from test_web_pages import build_archive

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_http")]


@pytest.fixture
def api_schema(settings, plain_http):
    settings.ALLOWED_HOSTS = ["localhost", "testserver"]
    build_archive()
    # The handler closes the database connection after each request, which would end the test's
    # transaction on PostgreSQL; Django's test Client keeps it open the same way.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    # A handler built now reads the test's settings (plain HTTP) when it loads its middleware.
    yield schemathesis.openapi.from_wsgi("/api/openapi.json", WSGIHandler())
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


schema = schemathesis.pytest.from_fixture("api_schema")

CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
]


@schema.parametrize()
@settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_api_operation_keeps_to_its_openapi_document(case):
    case.call_and_validate(checks=CHECKS)
