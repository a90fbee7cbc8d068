"""Reads shared by pages, exports, reminders and reports: scoped by accounts.access, with fixed query counts."""
