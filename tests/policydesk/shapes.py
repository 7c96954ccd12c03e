"""The shape of a JSON value as comparable data: every path, the key order of every object found
there, and the JSON types of every value found there (array elements merged under ``[]``).

Values themselves are left out: they depend on the corpus and on retrieval tuning, while the shape
is the contract external checks rely on (same keys, same order, same types, null kept apart from
absent)."""

from __future__ import annotations

from typing import Any

#: Keys whose content is free-form by design (JSON Schemas, rule inputs/outputs): only their own
#: type is pinned, not what is inside.
OPAQUE_KEYS = frozenset({"input_schema", "example", "inputs", "outputs", "excluded_by", "unverified"})

_TYPES = ((bool, "boolean"), (int, "integer"), (float, "number"), (str, "string"), (list, "array"), (dict, "object"))


def json_type(value: Any) -> str:
    if value is None:
        return "null"
    for python_type, name in _TYPES:  # bool before int: True is an int in Python
        if isinstance(value, python_type):
            return name
    raise TypeError(f"not a JSON value: {value!r}")


def shape(value: Any) -> dict[str, list[str]]:
    """``{path: sorted descriptors}``; an object's descriptor is its keys in order, ``{a,b,c}``."""
    found: dict[str, set[str]] = {}
    _walk(value, "$", found)
    return {path: sorted(kinds) for path, kinds in sorted(found.items())}


def _walk(value: Any, path: str, found: dict[str, set[str]]) -> None:
    kind = json_type(value)
    if kind == "object":
        found.setdefault(path, set()).add("{" + ",".join(value) + "}")
        for key, item in value.items():
            if key in OPAQUE_KEYS:
                found.setdefault(f"{path}.{key}", set()).add(json_type(item))
            else:
                _walk(item, f"{path}.{key}", found)
        return
    found.setdefault(path, set()).add(kind)
    if kind == "array":
        for item in value:
            _walk(item, f"{path}[]", found)


def differences(
    pinned: dict[str, list[str]],
    now: dict[str, list[str]],
    nullable: tuple[str, ...] = (),
    any_order: bool = False,
) -> list[str]:
    """Every way ``now`` departs from ``pinned``: a path that vanished, an object that lost a key or
    (unless ``any_order``) reordered the keys it had, a value of a type never seen there before.
    Gaining a field is no departure: the contract is that JSON shapes only gain fields.

    A scalar at a path ending in one of ``nullable`` may also be null: the field is optional in the
    code, and whether this corpus happened to give a null there is not part of the contract."""
    out = []
    for path in sorted(set(pinned) | set(now)):
        if path not in now:
            out.append(f"{path}: gone (was {pinned[path]})")
        elif path not in pinned:
            continue  # a gained field
        else:
            was, is_ = set(pinned[path]), set(now[path])
            objects_was = {d for d in was if d.startswith("{")}
            objects_now = {d for d in is_ if d.startswith("{")}
            lost = [d for d in objects_now if not any(_only_gained(d, w, any_order) for w in objects_was)]
            if lost:
                out.append(f"{path}: keys {sorted(objects_now)} (was {sorted(objects_was)})")
            scalars_was = {d for d in was if not d.startswith("{")}
            if path.endswith(nullable) and scalars_was and scalars_was <= _SCALARS:
                scalars_was.add("null")
            if {d for d in is_ if not d.startswith("{")} - scalars_was:
                out.append(f"{path}: types {sorted(is_)} (was {sorted(was)})")
    return out


_SCALARS = frozenset({"boolean", "integer", "number", "string", "null"})


def _only_gained(now: str, was: str, any_order: bool) -> bool:
    """``now`` holds every key of ``was`` (in the same order, unless ``any_order``), and perhaps more."""
    now_keys, was_keys = now[1:-1].split(","), was[1:-1].split(",")
    kept = [k for k in now_keys if k in was_keys]
    return set(was_keys) <= set(now_keys) and (any_order or kept == was_keys)


def object_keys(shapes: dict[str, list[str]], path: str) -> list[str]:
    """The keys, in order, of the one kind of object found at ``path``."""
    (descriptor,) = [d for d in shapes[path] if d.startswith("{")]
    return descriptor[1:-1].split(",")
