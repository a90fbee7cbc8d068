"""Query-count helpers: a page's count only means something if the page answered as it should."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def _listing(queries):
    return "\n".join(f"{number}. {query['sql']}" for number, query in enumerate(queries.captured_queries, start=1))


def page_queries(client, url, *, status=200, at_most=None):
    """GET `url` with `client` and return how many queries it ran.

    Fails unless the response's status is `status` (a 200 by default: an error page or a redirect to
    sign in is cheap, and would pass any count), and, with `at_most`, if it ran more queries than that.
    """
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == status, f"GET {url} answered {response.status_code}, not {status}"
    if at_most is not None:
        assert len(queries) <= at_most, (
            f"GET {url} ran {len(queries)} queries, more than {at_most}:\n{_listing(queries)}"
        )
    return len(queries)


def queries_of(callable_, *, at_most=None):
    """Call `callable_()` and return how many queries it ran (failing, with `at_most`, if more than that)."""
    with CaptureQueriesContext(connection) as queries:
        callable_()
    if at_most is not None:
        assert len(queries) <= at_most, f"{len(queries)} queries, more than {at_most}:\n{_listing(queries)}"
    return len(queries)
