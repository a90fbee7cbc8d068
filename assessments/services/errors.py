"""Domain errors raised by the assessment services; their messages are written for the person using the page."""


class TransitionError(Exception):
    """A change the rules refuse: wrong role, wrong department or wrong state."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class StaleVersionError(TransitionError):
    """Somebody saved a newer version while this person was editing; nothing was overwritten."""

    def __init__(self, message, *, current, changed_by, changed_at):
        super().__init__(message)
        self.current = current
        self.changed_by = changed_by
        self.changed_at = changed_at
