"""Keep pydantic out of start-up: plain coercion for the CLI's str, bool, Path and enum parameters.

typer 0.29 coerces every parameter that is not a flag through a pydantic TypeAdapter, built on first use.
Importing pydantic and building those adapters costs about as much as importing pint, more than a whole
`check` of the seed store. For the plain annotations this CLI uses, typer's own pydantic-free helpers (or the
plain constructor pydantic calls itself) give the same value; any other annotation, any parser or constraint,
and any value the plain path does not accept go to typer's adapter as before, so errors read as they always
have. tests/test_perf_paths.py checks both paths agree. Older typers without this machinery are left alone.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Any


def install(command) -> None:
    """Give every eligible parameter of `command` (and its subcommands) the plain coercion."""
    try:
        from typer._coercion import RuntimeParam, build_runtime_param
        from typer._param_types import coerce_cli_choice, coerce_cli_path
    except ImportError:  # another typer: nothing to do
        return

    class PlainRuntimeParam(RuntimeParam):
        def _coerce_value(self, value: Any, param, ctx) -> Any:
            annotation, info = self.annotation, self.parameter_info
            try:
                if (annotation is str and isinstance(value, str)) or (annotation is bool and isinstance(value, bool)):
                    return value
                if isinstance(annotation, type) and issubclass(annotation, Enum):
                    return coerce_cli_choice(value, choices=list(annotation), case_sensitive=info.case_sensitive,
                                             ctx=ctx)
                if isinstance(annotation, type) and issubclass(annotation, Path) and info.path_type is None:
                    if isinstance(value, str) and value:
                        value = annotation(value)
                    if isinstance(value, annotation):
                        return coerce_cli_path(value, info, path_type=annotation, param=param, ctx=ctx)
            except Exception:  # the adapter gives the error its usual words
                pass
            return build_runtime_param(param.type_descriptor)._coerce_value(value, param=param, ctx=ctx)

    def plain(param) -> None:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or getattr(param, "_runtime_param", "missing") is not None:
            return
        if _eligible(descriptor):
            param._runtime_param = PlainRuntimeParam(parameter_info=descriptor.parameter_info,
                                                     annotation=descriptor.annotation)

    for item in _commands(command):
        for param in getattr(item, "params", ()):
            plain(param)
        if hasattr(item, "get_help_option"):  # --help is made on first use: give it the plain path then
            item.get_help_option = _with_plain_help(item.get_help_option, plain)


def _with_plain_help(original, plain):
    def get_help_option(ctx):
        option = original(ctx)
        if option is not None:
            plain(option)
        return option

    return get_help_option


def _eligible(descriptor) -> bool:
    annotation, info = descriptor.annotation, descriptor.parameter_info
    if descriptor.file_annotation is not None or getattr(info, "parser", None) is not None:
        return False
    if annotation in (str, bool):
        return True
    if not isinstance(annotation, type):
        return False
    if issubclass(annotation, Enum):
        return True
    return issubclass(annotation, Path) and getattr(info, "path_type", None) is None


def _commands(command):
    yield command
    for sub in getattr(command, "commands", {}).values():
        yield from _commands(sub)
