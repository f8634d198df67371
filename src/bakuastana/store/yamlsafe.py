"""Safe YAML loading that keeps line and column of every value and refuses duplicates, aliases and bulk."""

from __future__ import annotations

from typing import Any

from bakuastana.errors import BadInput

MAX_BYTES = 20 * 1024 * 1024


class MarkedDict(dict):
    """A mapping that remembers where each key and value stood (1-based line, column)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.mark: tuple[int, int] = (1, 1)
        self.key_marks: dict[Any, tuple[int, int]] = {}
        self.value_marks: dict[Any, tuple[int, int]] = {}

    def where(self, key: Any) -> tuple[int, int]:
        return self.value_marks.get(key) or self.key_marks.get(key) or self.mark


class MarkedList(list):
    """A sequence that remembers where each item stood."""

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.mark: tuple[int, int] = (1, 1)
        self.item_marks: list[tuple[int, int]] = []

    def where(self, index: int) -> tuple[int, int]:
        return self.item_marks[index] if index < len(self.item_marks) else self.mark


def load_yaml(text: str, path: str) -> Any:
    """Parse YAML text into MarkedDict / MarkedList / scalars, or raise BadInput with path:line:col."""
    import yaml

    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise BadInput(f"file is larger than {MAX_BYTES // (1024 * 1024)} MB", path, 1, 1)

    class Loader(yaml.SafeLoader):
        def compose_node(self, parent, index):
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()
                raise BadInput("YAML aliases (*name) are not allowed in a fact store", path,
                               event.start_mark.line + 1, event.start_mark.column + 1)
            event = self.peek_event()
            if getattr(event, "anchor", None):
                raise BadInput("YAML anchors (&name) are not allowed in a fact store", path,
                               event.start_mark.line + 1, event.start_mark.column + 1)
            return super().compose_node(parent, index)

    try:
        loader = Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except BadInput:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(part for part in (exc.context, exc.problem) if part) or "invalid YAML"
        raise BadInput(f"YAML syntax error: {message}", path, mark.line + 1 if mark else None,
                       mark.column + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise BadInput(f"YAML error: {exc}", path) from None
    if node is None:
        raise BadInput("file is empty", path, 1, 1)
    return _convert(node, path, yaml, yaml.constructor.SafeConstructor())


def _mark(node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _convert(node, path: str, yaml, constructor) -> Any:
    if isinstance(node, yaml.MappingNode):
        result = MarkedDict()
        result.mark = _mark(node)
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise BadInput("mapping keys must be plain scalars", path, *_mark(key_node))
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise BadInput("YAML merge keys (<<) are not allowed in a fact store", path, *_mark(key_node))
            key = _scalar(key_node, path, yaml, constructor)
            if key in result.key_marks:
                first_line = result.key_marks[key][0]
                raise BadInput(f'duplicate key "{key}" (first on line {first_line}, again on line '
                               f"{_mark(key_node)[0]})", path, *_mark(key_node))
            result.key_marks[key] = _mark(key_node)
            result.value_marks[key] = _mark(value_node)
            result[key] = _convert(value_node, path, yaml, constructor)
        return result
    if isinstance(node, yaml.SequenceNode):
        result = MarkedList()
        result.mark = _mark(node)
        for item in node.value:
            result.item_marks.append(_mark(item))
            result.append(_convert(item, path, yaml, constructor))
        return result
    return _scalar(node, path, yaml, constructor)


def _scalar(node, path: str, yaml, constructor) -> Any:
    try:
        return constructor.construct_object(node, deep=True)
    except yaml.YAMLError as exc:
        raise BadInput(f"bad value: {getattr(exc, 'problem', exc)}", path, *_mark(node)) from None
