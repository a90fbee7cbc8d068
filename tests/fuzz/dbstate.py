"""A fingerprint of everything the app stores, to prove that a request changed nothing."""

import hashlib

from django.apps import apps

APPS = ("accounts", "assessments", "actionplans", "reports", "network", "notifications")
# Signing in stamps these; they are bookkeeping, not a change anybody asked for.
VOLATILE = {("accounts", "user"): {"last_login"}}


def fingerprint():
    digest = hashlib.sha256()
    for model in apps.get_models():
        meta = model._meta
        if meta.app_label not in APPS or meta.proxy:
            continue
        skip = VOLATILE.get((meta.app_label, meta.model_name), set())
        names = sorted(f.attname for f in meta.concrete_fields if f.attname not in skip)
        rows = model._base_manager.order_by("pk").values_list(*names)
        digest.update(f"{meta.label}:{list(rows)!r}".encode())
    return digest.hexdigest()
