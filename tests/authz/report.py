"""Readable failure output: the observed matrix, and tables of the cells that went wrong."""

import re

from .session import ROLES


def observed_table(observed):
    """One row per URL, one "GET/POST" cell per role: what AUTHZ_PRINT=1 prints."""
    keys = sorted({key for key, _, _ in observed})
    width = max(len(key) for key in keys)
    lines = ["URL".ljust(width) + " | " + " | ".join(role[:13].ljust(13) for role in ROLES)]
    for key in keys:
        cells = [f"{observed[(key, role, 'GET')].status}/{observed[(key, role, 'POST')].status}" for role in ROLES]
        lines.append(key.ljust(width) + " | " + " | ".join(cell.ljust(13) for cell in cells))
    return "\n".join(lines)


def failure_table(rows, header):
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    lines = [" | ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)) for row in rows]
    return "\n".join([" | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)), *lines])


def _standing_alone(text):
    """`text` not inside a longer run of letters and digits: a short name such as "DfE" is found as a name,
    never inside a random CSRF token (64 letters and digits, on every page with a form)."""
    return re.compile(rf"(?<![A-Za-z0-9]){re.escape(text)}(?![A-Za-z0-9])")


def leaks(observed, roles, texts, *, skip=lambda key: False):
    """(URL, role, method, status, text) for each text found in a response to one of `roles`."""
    patterns = [(text, _standing_alone(text)) for text in texts]
    return [
        (key, role, method, seen.status, text)
        for (key, role, method), seen in sorted(observed.items())
        if role in roles and not skip(key)
        for text, pattern in patterns
        if pattern.search(seen.body)
    ]
