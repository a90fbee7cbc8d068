"""Form widgets shared by the apps."""

from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe


def _option(option):
    attrs = flatatt(option["attrs"]) if option["attrs"] else ""
    return f'<option value="{escape(str(option["value"]))}"{attrs}>{escape(str(option["label"]))}</option>'


class Select(forms.Select):
    """A <select> written in Python, for choices that grow with the data (every department).

    Django renders each <option> through a template of its own: about 0.08 ms an option, so a filter
    listing 200 departments cost more than the rest of its page. Same markup, same attributes
    (crispy-forms-gds's `govuk-select` class, `aria-describedby`), every value escaped. Named `Select`
    because crispy-forms-gds picks the GOV.UK class (`govuk-select`) from the widget's class name.
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = []
        for group_name, options, _index in widget["optgroups"]:
            options = "".join(_option(option) for option in options)
            parts.append(f'<optgroup label="{escape(str(group_name))}">{options}</optgroup>' if group_name else options)
        return mark_safe(  # noqa: S308 - names, values and labels escaped above; flatatt escapes attributes
            f'<select name="{escape(widget["name"])}"{flatatt(widget["attrs"])}>{"".join(parts)}</select>'
        )


class Textarea(forms.Textarea):
    """A <textarea> that refuses over-long text instead of cutting it: the GOV.UK character count.

    Django copies a field's `max_length` into the `maxlength` attribute, and a browser then silently cuts
    pasted text at the limit, mid-sentence. This widget drops the attribute and marks the textarea for
    GOV.UK Frontend's character count (`templates/gds/field.html` wraps it and says the limit); the form
    refuses the text with an error that says the limit, keeping every character typed. Named `Textarea`
    because crispy-forms-gds picks the GOV.UK class (`govuk-textarea`) from the widget's class name.
    """

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        if widget_attrs.pop("maxlength", None) is not None:
            classes = widget_attrs.get("class", "")
            widget_attrs["class"] = f"{classes} govuk-js-character-count".strip()
        return context
