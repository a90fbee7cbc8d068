"""How names typed by people are compared: published reports capitalise and space them inconsistently."""

import re


def normalise_name(text):
    """Names match case- and space-insensitively ("Development Area" == "development  area")."""
    return re.sub(r"\s+", " ", (text or "").strip()).casefold()
