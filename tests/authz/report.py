"""Readable failure output: the observed matrix, and tables of the cells that went wrong."""

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


def leaks(observed, roles, texts, *, skip=lambda key: False):
    """(URL, role, method, status, text) for each text found in a response to one of `roles`."""
    return [
        (key, role, method, seen.status, text)
        for (key, role, method), seen in sorted(observed.items())
        if role in roles and not skip(key)
        for text in texts
        if text in seen.body
    ]
