"""Keep pydantic out of start-up: plain coercion for the CLI's str, bool, Path and enum parameters.

typer 0.29 coerces every parameter that is not a flag through a pydantic TypeAdapter, built on first use.
Importing pydantic and building those adapters costs about as much as importing pint: without this module a
`check --json` of the seed store takes 44 % longer (benchmarks/README.md). For the plain annotations this CLI
uses, the value is plain too (a str as given, a bool, an enum member by its value, a Path of a non-empty text);
anything else, and any value it does not accept, goes to typer's own coercion, so errors read as they always
have. Only typer's public names are used: each parameter's `type_descriptor` and `get_runtime_param()`, whose
result answers `coerce(value, param=..., ctx=...)`. pyproject.toml pins the typer range this was tested with,
and tests/test_perf_paths.py fails when typer changes them.
"""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import Any


def install(command) -> None:
    """Give every eligible parameter of `command` (and of its subcommands) the plain coercion; `--help`, made
    on first use (and coerced even when not given), gets it then."""
    for item in commands(command):
        for param in getattr(item, "params", ()):
            plain(param)
        if hasattr(item, "get_help_option"):
            item.get_help_option = _with_plain_help(item.get_help_option)


def plain(param) -> None:
    """Give one parameter the plain coercion, if its annotation is eligible and it has not got it yet."""
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is not None and eligible(descriptor) and not isinstance(param.get_runtime_param, _Bound):
        param.get_runtime_param = _Bound(PlainCoercion(param.get_runtime_param))


def _with_plain_help(original):
    def get_help_option(ctx):
        option = original(ctx)
        if option is not None:
            plain(option)
        return option

    return get_help_option


class _Bound:
    """What stands for a parameter's get_runtime_param: called, it gives the plain coercion."""

    def __init__(self, coercion: PlainCoercion) -> None:
        self.coercion = coercion

    def __call__(self) -> PlainCoercion:
        return self.coercion


def commands(command):
    """A command and, depth first, every subcommand of it."""
    yield command
    for sub in getattr(command, "commands", {}).values():
        yield from commands(sub)


def eligible(descriptor) -> bool:
    """A str, bool, enum or Path annotation with no parser, file mode or path constraint of its own."""
    annotation, info = descriptor.annotation, descriptor.parameter_info
    if getattr(info, "parser", None) is not None or getattr(descriptor, "file_annotation", None) is not None:
        return False
    if annotation in (str, bool, int, list[str]):  # list[str]: an option given many times
        return True
    if not isinstance(annotation, type):
        return False
    if issubclass(annotation, Enum):
        return True
    return issubclass(annotation, Path) and _unconstrained_path(info)


def _unconstrained_path(info) -> bool:
    return (getattr(info, "path_type", None) is None and not getattr(info, "exists", True)
            and getattr(info, "file_okay", False) and getattr(info, "dir_okay", False)
            and not getattr(info, "writable", True) and not getattr(info, "resolve_path", True)
            and not getattr(info, "allow_dash", True))


class PlainCoercion:
    """A parameter's coercion: plain where the value is plain, else typer's own (`typers`: the parameter's
    original get_runtime_param, called only then, so pydantic is imported only then)."""

    def __init__(self, typers) -> None:
        self.typers = typers

    def coerce(self, value: Any, param, ctx) -> Any:
        plain = _plain(value, param)
        if plain is not _UNDECIDED:
            return plain
        return self.typers().coerce(value, param=param, ctx=ctx)


_UNDECIDED = object()


def _plain(value: Any, param) -> Any:
    """The coerced value where it is plain to see, else _UNDECIDED."""
    annotation = param.type_descriptor.annotation
    if annotation == list[str] and getattr(param, "multiple", False):
        if value is None or (isinstance(value, (list, tuple)) and all(type(item) is str for item in value)):
            return () if value is None else list(value)  # as typer gives them
        return _UNDECIDED
    if getattr(param, "multiple", False) or getattr(param, "nargs", 1) != 1:
        return _UNDECIDED
    if value is None:
        return None
    if annotation is str or annotation is bool:
        return value if type(value) is annotation else _UNDECIDED
    if annotation is int:  # plain when within the option's min and max; anything else gets typer's checks
        number = value if type(value) is int else (
            int(value) if isinstance(value, str) and value.isascii() and value.isdigit() else None)
        info = param.type_descriptor.parameter_info
        low, high = getattr(info, "min", None), getattr(info, "max", None)
        if number is None or (low is not None and number < low) or (high is not None and number > high):
            return _UNDECIDED
        return number
    if issubclass(annotation, Enum):
        if isinstance(value, annotation):
            return value
        return next((member for member in annotation if member.value == value), _UNDECIDED)
    if isinstance(value, str) and value:
        path = annotation(value)
        try:
            os.stat(path)
        except OSError:
            return path
        return path if os.access(path, os.R_OK) or not param.type_descriptor.parameter_info.readable else _UNDECIDED
    return _UNDECIDED
