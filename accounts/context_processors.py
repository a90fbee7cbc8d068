from django.conf import settings

from accounts import access


def service(request):
    """What every page needs: the service name and the signed-in person's navigation."""
    user = getattr(request, "user", None)
    return {
        "service_name": settings.SERVICE_NAME,
        "navigation": access.navigation_for(user, request.path) if user else [],
    }
