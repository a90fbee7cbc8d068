from .meetings import next_meeting

__all__ = ["next_meeting"]
