"""Personal API tokens on the person's account: list, create (the secret shown once), revoke with confirmation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from common.forms import ConfirmForm
from common.requests import posted, run_service

from .forms import TokenForm
from .models import ApiToken
from .services import token_create, token_revoke


@login_required
@require_GET
def token_list(request):
    tokens = ApiToken.objects.filter(user=request.user)
    return render(request, "api/token_list.html", {"tokens": tokens})


@login_required
@require_http_methods(["GET", "POST"])
def token_new(request):
    form = TokenForm(posted(request))
    if form.is_valid():
        result, ok = run_service(form, token_create, user=request.user, **form.cleaned_data)
        if ok:
            token, secret = result
            # Shown once, in this response: never stored, never put in a URL or the session.
            return render(request, "api/token_created.html", {"token": token, "secret": secret})
    return render(request, "api/token_new.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def token_revoke_view(request, pk):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    if not token.is_usable:
        messages.error(request, f"The token ‘{token.name}’ is already {token.state.lower()}.")
        return redirect("api_tokens:list")
    form = ConfirmForm(posted(request), submit_label="Revoke token", warning=True)
    if form.is_valid():
        _, ok = run_service(form, token_revoke, token=token, by=request.user)
        if ok:
            messages.success(request, f"The token ‘{token.name}’ is revoked. Tools using it can no longer sign in.")
            return redirect("api_tokens:list")
    return render(request, "api/token_revoke.html", {"form": form, "token": token})
