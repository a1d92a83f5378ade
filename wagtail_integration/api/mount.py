"""Where the package's API routers are served: Wagtail's API v3 and the package's own API."""

from ninja import Router

PREFIX = "/integration/"


def mount_router(router: Router) -> None:
    """Serve `router` under ``/integration/``, as Wagtail's own apps mount theirs.

    Each app of the package calls this from its ``AppConfig.ready()``, before the host's URLconf
    reads the APIs' URLs. The router joins Wagtail's API v3 (Wagtail 8 and later) and the
    package's own API (``wagtail_integration.api.urls``), which sites on Wagtail 7.4 include.
    """
    if getattr(router, "mounted_by_wagtail_integration", False):
        return  # ready() may run again in tests
    from .standalone import api as own_api

    own_api.add_router(PREFIX, router)
    try:
        from wagtail.api.v3.api import api as wagtail_api
    except ImportError:  # Wagtail before 8 has no API v3
        pass
    else:
        wagtail_api.add_router(PREFIX, router)
    router.mounted_by_wagtail_integration = True
