"""The error summary's links, for the one error summary (templates/gds/layout/error_summary.html)."""

from django import forms, template

from common.widgets import Textarea

register = template.Library()


@register.simple_tag
def error_links(form):
    """(anchor, message) pairs for the error summary, each pointing at the input to fix.

    GOV.UK: the summary moves focus to the element whose id is in the link, so radios and checkboxes
    are linked to their first item and dates to the part in error. Errors of hidden fields (a page
    sent without its version) and errors about the whole form go to the first field; a refused stale
    save (VersionedForm.conflict) goes to the other person's version shown on the page.
    """
    visible = form.visible_fields()
    first = _anchor(visible[0]) if visible else "main-content"
    general = "conflict" if getattr(form, "conflict", None) else first
    links = [(general, error) for error in form.non_field_errors()]
    links += [(first, error) for field in form.hidden_fields() for error in field.errors]
    for field in visible:
        if not field.errors:
            continue
        subwidget_errors = [
            (f"{field.auto_id}_{index}", error)
            for index, subfield in enumerate(getattr(field.field, "fields", []))
            for error in getattr(subfield.widget, "errors", [])
        ]
        shown = {error for _, error in subwidget_errors}
        links += subwidget_errors
        anchor = f"{field.auto_id}_0" if subwidget_errors else _anchor(field)
        links += [(anchor, error) for error in field.errors if error not in shown]
    return links


def _anchor(field):
    widget = field.field.widget
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return f"{field.auto_id}_1"  # crispy-forms-gds numbers radios and checkboxes from 1
    return field.auto_id


@register.simple_tag
def character_limit(field, max_characters=None):
    """The GOV.UK character count's limit for a field: the layout's, else a long-text field's max_length.

    Every `common.widgets.Textarea` with a `max_length` gets the character count without each form
    repeating its limit in the layout (templates/gds/field.html).
    """
    if max_characters:
        return max_characters
    if isinstance(field.field.widget, Textarea):
        return getattr(field.field, "max_length", None) or ""
    return ""
