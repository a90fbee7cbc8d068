"""Long lists a page at a time: Django's Paginator plus the links the GOV.UK pagination component shows.

    listing = paginate(request, queryset, per_page=25)
    rows = listing.rows                      # this page only, fetched with LIMIT/OFFSET
    {% include "includes/pagination.html" with pagination=listing %}

Hand `paginate` a queryset, not a list, and only one page of rows is read (a COUNT query and the
page's query, whatever the size of the list); build per-row summaries from `listing.rows`, after
paginating, so a request's work stays bounded. Lists already in memory (a dashboard's rows) page too.

A page number that is not a number, or is past the end, shows the first or the last page
(Paginator.get_page): an old or edited link never errors. Links keep every other query parameter
(filters, sorting, another table's page), so paging never loses what the person chose.
"""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator

PAGE_PARAMETER = "page"


@dataclass(frozen=True)
class PageLink:
    """A numbered item of the component, or an ellipsis (number None) where pages are left out."""

    number: int | None
    url: str = ""
    current: bool = False

    @property
    def is_ellipsis(self):
        return self.number is None


@dataclass
class Pagination:
    page: Page
    items: list
    previous_url: str = ""
    next_url: str = ""
    # The <nav> landmark's name: give each its own where a page has several (GOV.UK: "Pagination").
    label: str = "Pagination"

    @property
    def rows(self):
        return self.page.object_list

    @property
    def count(self):
        return self.page.paginator.count

    @property
    def is_paginated(self):
        return self.page.paginator.num_pages > 1

    @property
    def number(self):
        return self.page.number

    @property
    def num_pages(self):
        return self.page.paginator.num_pages

    @property
    def first_index(self):
        return self.page.start_index()

    @property
    def last_index(self):
        return self.page.end_index()


def _url(request, query, parameter, number, fragment):
    query = query.copy()
    if number == 1:
        query.pop(parameter, None)  # one address for the first page
    else:
        query[parameter] = str(number)
    encoded = query.urlencode()
    return f"{request.path}{'?' + encoded if encoded else ''}{'#' + fragment if fragment else ''}"


def paginate(request, object_list, *, per_page=25, parameter=PAGE_PARAMETER, fragment="", label="Pagination"):
    """One page of `object_list` (chosen by `?<parameter>=`) and the component's links; its rows are read now."""
    paginator = Paginator(object_list, per_page)
    page = paginator.get_page(request.GET.get(parameter))
    # Read the rows once, here: the template's `if` and `for`, and any summaries built from them, share them.
    page.object_list = list(page.object_list)
    others = request.GET.copy()
    others.pop(parameter, None)
    items = [
        PageLink(number=number, url=_url(request, others, parameter, number, fragment), current=number == page.number)
        if isinstance(number, int)
        else PageLink(number=None)  # Paginator.ELLIPSIS
        for number in paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)
    ]
    return Pagination(
        page=page,
        items=items,
        previous_url=_url(request, others, parameter, page.number - 1, fragment) if page.has_previous() else "",
        next_url=_url(request, others, parameter, page.number + 1, fragment) if page.has_next() else "",
        label=label,
    )
