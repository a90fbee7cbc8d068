"""A small, strict RFC 5545 reader for the tests: it refuses what a calendar client might choke on."""

import re

NAME = re.compile(r"^[A-Z][A-Z0-9-]*$")
UTC_DATETIME = re.compile(r"^\d{8}T\d{6}Z$")
DATE = re.compile(r"^\d{8}$")


class ICalError(AssertionError):
    pass


def unescape(value):
    out, chars = [], iter(value)
    for char in chars:
        if char != "\\":
            if char in ",;":
                raise ICalError(f"unescaped {char!r} in TEXT value {value!r}")
            out.append(char)
            continue
        following = next(chars, "")
        if following in ("n", "N"):
            out.append("\n")
        elif following in ("\\", ";", ","):
            out.append(following)
        else:
            raise ICalError(f"bad escape \\{following} in {value!r}")
    return "".join(out)


def _physical_lines(raw: bytes):
    if not raw.endswith(b"\r\n"):
        raise ICalError("the file must end with CRLF")
    lines = raw[:-2].split(b"\r\n")
    for line in lines:
        if b"\n" in line or b"\r" in line:
            raise ICalError(f"bare CR or LF in {line!r}")
        if len(line) > 75:
            raise ICalError(f"line longer than 75 octets: {line!r}")
    return [line.decode("utf-8") for line in lines]


def _unfold(lines):
    logical = []
    for line in lines:
        if line[:1] in (" ", "\t"):
            if not logical:
                raise ICalError("continuation before the first line")
            logical[-1] += line[1:]
        else:
            logical.append(line)
    return logical


def _split(line):
    head, sep, value = line.partition(":")
    if not sep:
        raise ICalError(f"no colon in {line!r}")
    name, *params = head.split(";")
    if not NAME.match(name):
        raise ICalError(f"bad property name {name!r}")
    parameters = {}
    for param in params:
        key, eq, param_value = param.partition("=")
        if not eq or not NAME.match(key):
            raise ICalError(f"bad parameter {param!r}")
        parameters[key] = param_value
    return name, parameters, value


def parse(raw: bytes):
    """Return a list of events (dicts of NAME → (params, value)) after checking the calendar's shape."""
    stack, calendar, events, current = [], {}, [], None
    for line in _unfold(_physical_lines(raw)):
        name, params, value = _split(line)
        if name == "BEGIN":
            stack.append(value)
            if value == "VEVENT":
                current = {}
            continue
        if name == "END":
            if not stack or stack.pop() != value:
                raise ICalError(f"END:{value} does not match")
            if value == "VEVENT":
                events.append(current)
                current = None
            continue
        target = current if current is not None else calendar
        if name in target:
            raise ICalError(f"{name} twice")
        target[name] = (params, value)
    if stack:
        raise ICalError(f"unclosed {stack}")
    if calendar.get("VERSION", (None, None))[1] != "2.0" or "PRODID" not in calendar:
        raise ICalError("VCALENDAR needs VERSION:2.0 and PRODID")
    for event in events:
        for required in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            if required not in event:
                raise ICalError(f"VEVENT without {required}")
        if not UTC_DATETIME.match(event["DTSTAMP"][1]):
            raise ICalError("DTSTAMP must be a UTC date-time")
        for prop in ("DTSTART", "DTEND"):
            if prop in event:
                params, value = event[prop]
                pattern = DATE if params.get("VALUE") == "DATE" else UTC_DATETIME
                if not pattern.match(value):
                    raise ICalError(f"{prop} {value!r} does not match its VALUE type")
        for prop in ("SUMMARY", "LOCATION", "DESCRIPTION"):
            if prop in event:
                event[prop] = (event[prop][0], unescape(event[prop][1]))
    return events
