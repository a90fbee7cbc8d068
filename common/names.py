"""How names and other values typed by people are compared, and how they are echoed back in messages.

Published reports capitalise and space names inconsistently, so names are compared normalised. An
import's error messages repeat what the file said so the person can find it; a file can say a great
deal (10,000 headings of 100 characters each), so every echoed value is shortened and every echoed
list stops after a few items: a refused file never turns into a page of megabytes.
"""

import re

MAX_ECHO = 60  # characters of one value repeated in a message
MAX_LISTED = 5  # values named in one message ("a, b, c, d, e and 12 more")
MAX_MESSAGES = 50  # messages shown for one refused file


def normalise_name(text):
    """Names match case- and space-insensitively ("Development Area" == "development  area")."""
    return re.sub(r"\s+", " ", (text or "").strip()).casefold()


def shorten(value, limit=MAX_ECHO):
    """A value from a file, for a message: on one line, at most `limit` characters ("Measuring imp…")."""
    # Cut before splitting, so a 5 MB cell costs no more than a short one.
    text = " ".join(str(value)[: limit * 4].split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def listed(values, limit=MAX_LISTED, *, show=shorten):
    """Values for a message, each shown by `show`: "a, b, c, d, e and 12 more" after `limit` of them."""
    values = list(values)
    text = ", ".join(show(value) for value in values[:limit])
    rest = len(values) - limit
    return f"{text} and {rest:,} more" if rest > 0 else text


def first_messages(messages, limit=MAX_MESSAGES, *, more="And {count} more"):
    """The first `limit` messages of a refused file, then one saying how many are not shown."""
    messages = list(messages)
    if len(messages) <= limit:
        return messages
    rest = len(messages) - limit
    return [*messages[:limit], more.format(count=f"{rest:,}", s="" if rest == 1 else "s")]
