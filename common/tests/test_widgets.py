"""common.widgets.Select writes the same markup as Django's Select, faster."""

import pytest
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout
from django import forms
from django.template import Context, Template
from django.test.html import parse_html

from common import widgets

CHOICES = [
    ("", "Any"),
    ("education", "Department for Education"),
    ('a"b<c>', "<b>\"Evil\" & 'co'</b>"),
    ("Groups", [("x", "In a group"), ("y", "Also <grouped>")]),
]


@pytest.mark.parametrize("value", ["", "education", 'a"b<c>', "y", "unknown", None])
def test_the_markup_equals_djangos(value):
    attrs = {"class": "govuk-select", "id": "id_department", "aria-describedby": "hint error"}
    ours = widgets.Select(choices=CHOICES).render("department", value, attrs=attrs)
    djangos = forms.Select(choices=CHOICES).render("department", value, attrs=attrs)
    assert parse_html(ours) == parse_html(djangos)
    assert "<b>" not in ours


def test_crispy_forms_gds_gives_it_the_gov_uk_class():
    class Filter(forms.Form):
        department = forms.ChoiceField(choices=CHOICES[:2], required=False, widget=widgets.Select)

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.helper = FormHelper()
            self.helper.form_tag = False
            self.helper.layout = Layout(Field.select("department"))

    html = Template("{% load crispy_forms_tags %}{% crispy form %}").render(Context({"form": Filter()}))
    assert '<select name="department" class="govuk-select" id="id_department">' in html
