"""The JSON API tried with generated requests (issue 14, Quality): schemathesis reads the
OpenAPI document the app serves at ``/api/openapi.json`` and sends every operation a
bounded number of requests, valid ones and ones that break the schema, as a logged-in lead
with the session's CSRF token. None may answer 5xx.

Parametrised over every operation of the document: the pages' APIs are tried as they
land. Bounded and derandomised (the same requests every run); each operation gets a fresh
copy of the example office, so what one request writes cannot break the next operation.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from schema_office import BASE_URL, openapi_document
from schemathesis import Case
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.openapi import from_dict
from schemathesis.python.asgi import ASGIClient

MAX_EXAMPLES = 4
"""Generated requests per operation (each request reads the whole office folder: about
0.15 s of CPU; the run's budget is about 30 s)."""

CONFIG = SchemathesisConfig.from_dict(
    {
        "seed": 14,
        "generation": {
            "mode": "all",
            "max-examples": MAX_EXAMPLES,
            "deterministic": True,
            "database": "none",
        },
        "phases": {
            "examples": {"enabled": True},
            # The coverage phase adds dozens of boundary cases per operation: too slow
            # for the test suite's budget of 5 minutes on 2 cores.
            "coverage": {"enabled": False},
            "fuzzing": {"enabled": True},
            "stateful": {"enabled": False},
        },
    }
)

schema = from_dict(openapi_document(), config=CONFIG)


@schema.parametrize()
# A fresh office per operation, shared by that operation's requests: on purpose.
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
def test_no_request_makes_the_api_fail(
    case: Case[Any], api_app: FastAPI, api_client: tuple[ASGIClient, str]
) -> None:
    client, token = api_client
    response = case.call(
        base_url=BASE_URL, session=client, headers={"X-CSRF-Token": token}, app=api_app
    )
    case.validate_response(response, checks=[not_a_server_error])
