from rest_framework.pagination import PageNumberPagination


class ApiPagination(PageNumberPagination):
    """?page=N&page_size=M (at most 500); each list has a fixed order ending in the id, so pages never overlap."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500
