"""The OpenAPI document, with each generator's real input schema in place of "any JSON object".

The generator routes take the JSON body as a plain dict (the generator validates it and names the bad
field in Chinese), so FastAPI alone would describe it as ``object``. Once the Desk is up, the
generator's own JSON Schema is copied in: its ``$defs`` move to ``components/schemas`` under a
per-kind prefix and every reference is rewritten, so /docs shows the real forms and contract tests
generate valid bodies.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI

DEFS_PREFIX = "#/$defs/"
COMPONENTS_PREFIX = "#/components/schemas/"


def install_openapi(app: FastAPI, kinds: dict[str, str], body_paths: Callable[[str], list[str]]) -> None:
    """Wrap ``app.openapi``: FastAPI's document plus the generator input schemas once the Desk is up."""
    stock = app.openapi
    enriched = False

    def openapi() -> dict[str, Any]:
        nonlocal enriched
        if enriched:
            return app.openapi_schema  # type: ignore[return-value]
        app.openapi_schema = None
        spec = stock()
        desk = getattr(app.state, "desk", None)
        if desk is None:  # before startup: the generic document, not cached
            app.openapi_schema = None
            return spec
        components = spec.setdefault("components", {}).setdefault("schemas", {})
        for kind in kinds:
            body = inline_defs(desk.generator_schema(kind), kind.capitalize(), components)
            for path in body_paths(kind):
                spec["paths"][path]["post"]["requestBody"]["content"]["application/json"]["schema"] = body
        enriched = True
        return spec

    app.openapi = openapi  # type: ignore[method-assign]


def inline_defs(schema: dict[str, Any], prefix: str, components: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with its ``$defs`` moved into ``components`` as ``{prefix}{Name}``."""
    schema = copy.deepcopy(schema)
    defs = schema.pop("$defs", {})
    renamed = {f"{DEFS_PREFIX}{name}": f"{COMPONENTS_PREFIX}{prefix}{name}" for name in defs}

    def rewrite(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: renamed.get(v, v) if isinstance(v, str) else rewrite(v) for k, v in node.items()}
        if isinstance(node, list):
            return [rewrite(v) for v in node]
        return node

    for name, definition in defs.items():
        components[f"{prefix}{name}"] = rewrite(definition)
    return rewrite(schema)
