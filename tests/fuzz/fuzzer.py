"""Post hostile data to one discovered form and check the app answered as a GOV.UK service should."""

from django.db import transaction
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from .plausible import plausible
from .values import HOSTILE, RAW_MARKERS, SCRIPT, field_value, junk_files, junk_upload, upload

MISSING = object()
IGNORED = {"csrfmiddlewaretoken"}
CONFIRMATION = "govuk-panel--confirmation"


def offered(fields):
    """Every value the page offers for one field name (radio options, select options, its current value)."""
    values = []
    for form_field in fields:
        values.extend(value for value in form_field.values if value not in values)
    return values


def is_file(fields):
    return any(form_field.kind == "file" for form_field in fields)


def baseline(form):
    """What a person who changed nothing would send: checked or first options, current values."""
    data = {}
    for name, fields in form.fields.items():
        if name in IGNORED or is_file(fields):
            continue
        checked = [f.values[0] for f in fields if f.checked]
        if fields[0].kind == "checkbox":
            data[name] = checked
        else:
            values = offered(fields)
            data[name] = checked[0] if checked else next((v for v in values if v), values[0] if values else "")
    return data


def _field_strategy(fields):
    if is_file(fields):
        return st.one_of(st.just(MISSING), junk_upload, field_value([]))
    values = offered(fields)
    value = field_value(values)
    return st.one_of(
        st.just(MISSING),
        value,
        value,  # twice: most fields should carry something
        st.lists(value, min_size=2, max_size=3),  # a list where one value is expected
        junk_upload,  # a file where text is expected
    )


def _without_missing(data):
    return {name: value for name, value in data.items() if value is not MISSING}


def data_strategy(form):
    """Half the cases: a careful answer with one or two fields made hostile (so saves happen). The other
    half: every field chosen independently (so combinations nobody would type happen)."""
    strategies = {name: _field_strategy(fields) for name, fields in form.fields.items() if name not in IGNORED}
    careful = st.builds(lambda: plausible(form, IGNORED))
    changes = st.lists(st.sampled_from(sorted(strategies)), max_size=2, unique=True).flatmap(
        lambda names: st.fixed_dictionaries({name: strategies[name] for name in names})
    )
    targeted = st.tuples(careful, changes).map(lambda pair: _without_missing({**pair[0], **pair[1]}))
    chaotic = st.fixed_dictionaries(strategies).map(_without_missing)
    return st.one_of(targeted, chaotic) if strategies else st.just({})


def fixed_payloads(form):
    """Deterministic cases besides the generated ones: nothing at all, and each hostile value in every field."""
    names = [name for name in form.fields if name not in IGNORED]
    files = [name for name in names if is_file(form.fields[name])]
    payloads = [{}, plausible(form, IGNORED)]
    base = baseline(form)
    for value in (SCRIPT, "\x00", HOSTILE[6], "99999999999999999999999999999999", "-1", "' OR '1'='1' --"):
        payload = dict(base)
        payload.update({name: value for name in names if name not in files})
        payloads.append(payload)
    payloads.append({name: [SCRIPT, "\x00"] for name in names})
    for spec in junk_files() if files else []:
        payload = dict(base)
        payload.update({name: upload(*spec) for name in files})
        payloads.append(payload)
    return payloads


def check_response(response, form, data):
    """Never a 5xx; either a redirect after a save, a GOV.UK error summary, or a GOV.UK error page; all escaped.

    An import shows its result in place, in a GOV.UK confirmation panel (importing the same file again
    changes nothing), which counts as the page after a save.
    """
    where = f"POST {form.action} (form on {form.page}) with {_short(data)}"
    assert response.status_code < 500, f"{response.status_code} for {where}"
    if not response.get("Content-Type", "").startswith("text/html"):
        return
    html = response.content.decode(errors="replace")
    for marker in RAW_MARKERS:
        assert marker not in html, f"raw {marker!r} in the response to {where}"
    if response.status_code >= 400:
        assert "govuk-template" in html and "<h1" in html, f"not a GOV.UK error page: {response.status_code}, {where}"
    elif not response.redirect_chain and CONFIRMATION not in html:
        assert "govuk-error-summary" in html, f"200 without a redirect or an error summary for {where}"
        assert "<title>Error: " in html, f"an error summary without 'Error: ' in the <title> for {where}"


def _short(data):
    def one(value):
        text = repr(getattr(value, "name", value))
        return text if len(text) < 60 else text[:57] + "…'"

    return "{" + ", ".join(f"{name}: {one(value)}" for name, value in data.items()) + "}"


def _arrive(client, user, form):
    """Signed in as `user`; an anonymous visitor starts afresh on the page (a reset link keeps its token there)."""
    if user is None:
        client.cookies.clear()
        client.get(form.entry, follow=True)
    else:
        client.force_login(user)


def post_once(client, user, form, data):
    """One POST as `user`, rolled back afterwards so every case meets the same data."""
    with transaction.atomic():
        _arrive(client, user, form)
        response = client.post(form.action, data, follow=True)
        check_response(response, form, data)
        transaction.set_rollback(True)


def post_raw_once(client, user, form, body):
    """A body the test client would never build: bytes that are not UTF-8, a field name with no value."""
    with transaction.atomic():
        _arrive(client, user, form)
        response = client.post(form.action, body, content_type="application/x-www-form-urlencoded", follow=True)
        check_response(response, form, {"body": body})
        transaction.set_rollback(True)


RAW_BODIES = [b"%ff%fe%00=%ff&&=&\x00&" + b"a" * 10, b"field=%E2%82&field=%C0%AF", b"=" * 2000]


def fuzz_form(client, user, form, *, max_examples):
    for data in fixed_payloads(form):
        post_once(client, user, form, data)
    for body in RAW_BODIES:
        post_raw_once(client, user, form, body)

    @settings(
        max_examples=max_examples,
        deadline=None,
        database=None,
        phases=[Phase.generate],  # shrinking would blow the time budget; the failing case is printed as is
        suppress_health_check=list(HealthCheck),
    )
    @given(data=data_strategy(form))
    def generated(data):
        post_once(client, user, form, data)

    generated()
