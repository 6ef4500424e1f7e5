"""The web layer: HTTP API with OpenAPI and the browser UI (``rasd serve``)."""

from rasd.web.app import create_app

__all__ = ["create_app"]
