"""Helpers for page tests."""


def html(response):
    return response.content.decode()


def assert_error_page(response, *messages):
    page = html(response)
    assert response.status_code == 200
    assert "govuk-error-summary" in page and "<title>Error: " in page
    for message in messages:
        assert message in page.replace("&#x27;", "'"), message
    return page


def action_data(**overrides):
    data = {
        "description": "Write the retention schedule",
        "owner_text": "Departmental Records Officer",
        "owner_user": "",
        "priority": "high",
        "due_date_0": "31",
        "due_date_1": "3",
        "due_date_2": "2027",
    }
    data.update(overrides)
    return data
