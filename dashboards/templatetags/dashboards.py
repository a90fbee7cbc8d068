from django import template

from dashboards.html import render_table

register = template.Library()


@register.simple_tag
def dashboard_table(table, heat=False):
    """{% dashboard_table page.heatmap heat=True %}: the table and its cells (see dashboards/html.py)."""
    return render_table(table, heat=heat)
