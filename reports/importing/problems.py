"""What a refused report file says: every problem with its place in the file, and nothing imported.

A place is a JSON path counted from 0, as JSON tools count (`assessments[1].ratings[3].area`), or in a
workbook the sheet, row and column (`Sheet ratings, row 5, column area`). Values typed in the file are
echoed in quotes, cut short when long; the list shown to a person stops after MAX_LISTED problems.
"""

from dataclasses import dataclass

from common.errors import ServiceError
from common.names import MAX_MESSAGES, first_messages, listed, shorten

MAX_LISTED = MAX_MESSAGES

PROBLEMS_FOUND = "The file has {count} problem{s}. Nothing was imported: fix {them} and import the file again"
MORE_PROBLEMS = "And {count} more problem{s}"


@dataclass(frozen=True)
class Problem:
    place: str  # "" when it is about the file as a whole
    message: str

    def __str__(self):
        return f"{self.place}: {self.message}" if self.place else self.message


class ReportImportError(ServiceError):
    """The file was refused; `problems` lists every one (a Problem each), in the order of the file.

    Its `message` is a list shown on the upload form's file field, so the one error summary lists it:
    the file's one problem, or how many there are followed by the first MAX_LISTED with their places.
    """

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__(listed_messages(self.problems), field="file")

    def __str__(self):
        return "; ".join(str(problem) for problem in self.problems)


def plural(count, word="problem"):
    return f"{count} {word}{'' if count == 1 else 's'}"


def listed_messages(problems, limit=MAX_LISTED):
    if len(problems) == 1 and not problems[0].place:
        return [problems[0].message]
    count = len(problems)
    messages = [PROBLEMS_FOUND.format(count=count, s="" if count == 1 else "s", them="it" if count == 1 else "them")]
    return messages + first_messages((str(problem) for problem in problems), limit, more=MORE_PROBLEMS)


def shown(value):
    """A value from the file, quoted and cut short, for a message: "Measuring impakt", 2013."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return f'"{shorten(value)}"'


def shown_list(values):
    """Values from the file for a message, each quoted and cut short: "a", "b" and 12 more."""
    return listed(values, show=shown)


def json_place(path):
    """("assessments", 1, "ratings", 3, "area") → assessments[1].ratings[3].area"""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text
