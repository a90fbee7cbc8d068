"""Every URL pattern the resolver knows, with its namespaced name (or its route when it has no name)."""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver


@dataclass(frozen=True)
class Pattern:
    key: str  # "namespace:name", or "<unnamed> route" for a pattern without a name
    route: str
    namespace: str
    arguments: tuple  # the names of the route's arguments, in order


def _arguments(pattern):
    converters = getattr(pattern.pattern, "converters", None)
    if converters:
        return tuple(converters)
    regex = pattern.pattern.regex
    return tuple(regex.groupindex) if regex.groupindex else ()


def url_patterns(patterns=None, prefix="", namespace=""):
    """Walk the resolver recursively, keeping namespaces (nested ones joined with ':')."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    found = []
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            found.extend(url_patterns(entry.url_patterns, route, inner))
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
            key = name or f"<unnamed> {route}"
            found.append(Pattern(key=key, route=route, namespace=namespace, arguments=_arguments(entry)))
    return found
