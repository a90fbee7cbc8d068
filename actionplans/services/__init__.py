"""Every write that carries a business rule: one function per transition, keyword-only, atomic.

Refusals (common.errors): `NotAllowed` when the person's role does not allow it at all (the 403 page),
`ServiceError` when the plan's state or the input does not (an error on the form, on `field` when a
field is the thing to fix), `StaleVersion` when someone saved first. Messages are module constants.
Who changed what is recorded through common.history.
"""
