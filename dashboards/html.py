"""A dashboard Table as HTML, built in Python rather than a template loop.

A 200-department heatmap has thousands of cells; Django's template engine spends tens of
milliseconds on a loop that size, string building a few. The markup is the same GOV.UK table
the template would give: every value escaped, rating cells read out by name (the abbreviation
shown on the level's colour is aria-hidden), links on the cells that have them.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe


def _link(cell, text, css="govuk-link"):
    return f'<a class="{css}" href="{escape(cell.url)}">{text}</a>' if cell.url else text


def _rating(cell):
    level = f"app-level-{cell.level_id}" if cell.level_id else "app-rating--none"
    return (
        level,
        f'<span aria-hidden="true">{escape(cell.short)}</span>'
        f'<span class="govuk-visually-hidden">{escape(cell.text)}</span>',
    )


def _cell(cell, *, is_header, heat):
    if is_header:
        css = "govuk-table__header app-heat__department" if heat else "govuk-table__header"
        return f'<th scope="row" class="{css}">{_link(cell, escape(cell.text))}</th>'
    if cell.short:
        level, words = _rating(cell)
        if heat:
            inner = (
                f'<a href="{escape(cell.url)}">{words}</a>'
                if cell.url
                else f'<span class="app-heat__plain">{words}</span>'
            )
            return f'<td class="govuk-table__cell app-heat__cell {level}">{inner}</td>'
        return f'<td class="govuk-table__cell"><span class="app-rating {level}">{words}</span></td>'
    if cell.tag:
        tag = f'<strong class="govuk-tag govuk-tag--{cell.tag}">{escape(cell.text)}</strong>'
        return f'<td class="govuk-table__cell">{tag}</td>'
    css = "govuk-table__cell govuk-table__cell--numeric" if cell.numeric else "govuk-table__cell"
    span = f' colspan="{cell.span}"' if cell.span > 1 else ""
    return f'<td class="{css}"{span}>{_link(cell, escape(cell.text))}</td>'


def _head(table, heat):
    rows = []
    if table.header_groups:
        groups = "".join(
            f'<th scope="colgroup" colspan="{span}" class="govuk-table__header app-heat__theme">{escape(label)}</th>'
            if label
            else f'<td colspan="{span}" class="govuk-table__header"></td>'
            for label, span in table.header_groups
        )
        rows.append(f'<tr class="govuk-table__row">{groups}</tr>')
    cells = []
    for index, (header, numeric) in enumerate(table.header_cells):
        if heat and index in table.heat_columns:
            cells.append(
                f'<th scope="col" class="govuk-table__header app-heat__area">'
                f'<span class="app-heat__area-text">{escape(header)}</span></th>'
            )
        else:
            css = "govuk-table__header govuk-table__header--numeric" if numeric else "govuk-table__header"
            cells.append(f'<th scope="col" class="{css}">{escape(header)}</th>')
    rows.append(f'<tr class="govuk-table__row">{"".join(cells)}</tr>')
    return "".join(rows)


def render_table(table, *, heat=False):
    css = "govuk-table govuk-table--small-text-until-tablet"
    if heat:
        css += " app-heat"
    if table.compact:
        css += " app-table--compact"
    header_column = table.row_header
    body = "\n".join(
        '<tr class="govuk-table__row">'
        + "".join(_cell(cell, is_header=index == header_column, heat=heat) for index, cell in enumerate(row))
        + "</tr>"
        for row in table.rows
    )
    return mark_safe(  # noqa: S308 - every value above went through escape()
        f'<div class="app-table-scroll" id="{table.key}-table-wrapper" tabindex="0" role="region" '
        f'aria-label="{escape(table.caption)}">'
        f'<table class="{css}" id="{table.key}-table">'
        f'<caption class="govuk-table__caption govuk-table__caption--s">{escape(table.caption)}</caption>'
        f'<thead class="govuk-table__head">{_head(table, heat)}</thead>'
        f'<tbody class="govuk-table__body">\n{body}\n</tbody></table></div>'
    )
