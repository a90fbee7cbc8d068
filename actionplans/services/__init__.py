"""Every write that carries a business rule: one function per transition, keyword-only, atomic.

Refusals: `PermissionDenied` when the person may not do it at all (wrong role or department),
`ValidationError` when the plan's state or the input does not allow it. Messages are module constants.
"""
