"""The package's API router: feedback and measures, mounted under ``/integration/``."""

from ninja import Router

from . import feedback, measures

router = Router()
router.add_router("", feedback.router)
router.add_router("", measures.router)
