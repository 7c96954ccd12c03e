"""Routers, one module per noun of the URL space; each handler validates, calls one Desk method, returns."""

from api.routes import documents, generate, retrieval, rules, service

ROUTERS = (service.router, retrieval.router, documents.router, rules.router, generate.router)

__all__ = ["ROUTERS"]
