"""Safe YAML loading that keeps line and column of every value and refuses duplicates, aliases and bulk."""

from __future__ import annotations

import re
from typing import Any

from bakuastana.errors import BadInput
from bakuastana.store.tree import MAX_NESTING, MarkedDict, MarkedList

__all__ = ["MAX_BYTES", "MarkedDict", "MarkedList", "load_yaml"]

MAX_BYTES = 20 * 1024 * 1024


def load_yaml(text: str, path: str) -> Any:
    """Parse YAML text into MarkedDict / MarkedList / scalars, or raise BadInput with path:line:col."""
    import yaml

    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise BadInput(f"file is larger than {MAX_BYTES // (1024 * 1024)} MB", path, 1, 1)
    if _libyaml_may_read(text, yaml):
        fast = _load_with_libyaml(text, yaml)
        if fast is not _FALLBACK:
            return fast
    if len(text) > MAX_SLOW and getattr(yaml, "CSafeLoader", None) is not None:
        _refuse_large(text, path, yaml)  # the pure-Python reader would take seconds a megabyte

    class Loader(yaml.SafeLoader):
        depth = 0

        def compose_node(self, parent, index):
            self.depth += 1
            try:
                return self._compose_checked(parent, index)
            finally:
                self.depth -= 1

        def _compose_checked(self, parent, index):
            if self.depth > MAX_NESTING:
                event = self.peek_event()
                raise BadInput(f"YAML nested too deeply (at most {MAX_NESTING} levels)", path,
                               event.start_mark.line + 1, event.start_mark.column + 1)
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
    except yaml.reader.ReaderError as exc:  # a character YAML refuses: no mark, but a position
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        character = exc.character if isinstance(exc.character, str) else chr(exc.character)
        raise BadInput(f"YAML does not allow the character U+{ord(character):04X} ({exc.reason})", path, line,
                       column) from None
    except yaml.YAMLError as exc:
        raise BadInput(f"YAML error: {exc}", path) from None
    if node is None:
        raise BadInput("file is empty", path, 1, 1)
    return _convert(node, path, yaml, yaml.constructor.SafeConstructor())


def _mark(node) -> tuple[int, int]:
    """1-based line and column of a node's content (past the opening quote of a quoted scalar)."""
    quoted = getattr(node, "style", None) in ("'", '"')
    return node.start_mark.line + 1, node.start_mark.column + 1 + quoted


def _convert(node, path: str, yaml, constructor) -> Any:
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in (_MAP_TAG, _SEQ_TAG):
        raise BadInput(f"YAML tag {node.tag.replace('tag:yaml.org,2002:', '!!')} is not allowed in a fact store",
                       path, *_mark(node))
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


MAX_SLOW = 256 * 1024  # characters: a store the libyaml path cannot read is read by PyYAML's pure-Python reader
#                       (about 6 s a megabyte) only up to this size


def _refuse_large(text: str, path: str, yaml) -> None:
    """BadInput for a store over MAX_SLOW characters that libyaml cannot read as a fact store: at the first
    character only the Python reader places (a tab, a byte-order mark, a character YAML refuses), else at
    libyaml's syntax error, else a refusal of the YAML features a store does not allow."""
    odd = re.search("[\t\ufeff]", text) or yaml.reader.Reader.NON_PRINTABLE.search(text)
    if odd:
        line = text.count("\n", 0, odd.start()) + 1
        column = odd.start() - (text.rfind("\n", 0, odd.start()) + 1) + 1
        raise BadInput(f"a store over {MAX_SLOW // 1024} KB must not hold the character U+{ord(odd.group()):04X} "
                       "(tab, byte-order mark or control character); remove it or split the store", path, line,
                       column)
    for number, line in enumerate(text.split("\n"), 1):
        if len(line) > MAX_SCALAR:
            raise BadInput(f"a line of more than {MAX_SCALAR} characters", path, number, 1)
    documents = 0
    resolver, constructor = yaml.resolver.Resolver(), yaml.constructor.SafeConstructor()
    frames: list[list] = []  # per open collection: [keys seen (None in a list), a key comes next]
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            place = (path, event.start_mark.line + 1, event.start_mark.column + 1)
            if isinstance(event, yaml.ScalarEvent):
                _check_built(event, resolver, constructor, yaml, place)
            opens = isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent))
            if opens and frames and frames[-1][0] is not None:
                keys, is_key = frames[-1]
                frames[-1][1] = not is_key
                if is_key and not isinstance(event, yaml.ScalarEvent):
                    raise BadInput("mapping keys must be plain scalars", *place)
                if is_key and event.value == "<<" and event.implicit[0]:
                    raise BadInput("YAML merge keys (<<) are not allowed in a fact store", *place)
                if is_key and event.value in keys:
                    raise BadInput(f'duplicate key "{event.value}"', *place)
                if is_key:
                    keys.add(event.value)
            if isinstance(event, yaml.CollectionStartEvent):
                frames.append([set() if isinstance(event, yaml.MappingStartEvent) else None, True])
            elif isinstance(event, yaml.CollectionEndEvent):
                frames.pop()
            if isinstance(event, yaml.AliasEvent):
                raise BadInput("YAML aliases (*name) are not allowed in a fact store", *place)
            if getattr(event, "anchor", None):
                raise BadInput("YAML anchors (&name) are not allowed in a fact store", *place)
            if isinstance(event, yaml.CollectionStartEvent) and event.tag not in (None, "!", _MAP_TAG, _SEQ_TAG):
                raise BadInput(f"YAML tag {event.tag.replace('tag:yaml.org,2002:', '!!')} is not allowed in a fact "
                               "store", *place)
            documents += isinstance(event, yaml.DocumentStartEvent)
            if documents > 1:
                raise BadInput("a fact store is one YAML document", *place)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(part for part in (exc.context, exc.problem) if part) or "invalid YAML"
        raise BadInput(f"YAML syntax error: {message}", path, mark.line + 1 if mark else None,
                       mark.column + 1 if mark else None) from None
    raise BadInput(f"a store over {MAX_SLOW // 1024} KB holds a value that cannot be built (a tag or a number YAML "
                   "cannot hold); it is not placed at this size", path, 1, 1)


def _check_built(event, resolver, constructor, yaml, place) -> None:
    """BadInput at a scalar event whose value cannot be built, as the Python path would refuse it."""
    tag = event.tag
    if tag is None or tag == "!":
        tag = resolver.resolve(yaml.ScalarNode, event.value, event.implicit)
    if tag in (_STR_TAG, _MERGE_TAG):  # (a merge key is refused as a key)
        _check_scalar(tag, event.value, BadInput, *place)
        return
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
    _scalar(node, place[0], yaml, constructor)


_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_NUMBER_TAGS = frozenset({"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"})
MAX_SCALAR = 100_000  # characters in one scalar (a quote, a note); the longest line is bounded the same way


def _scalar(node, path: str, yaml, constructor) -> Any:
    _check_scalar(node.tag, node.value, BadInput, path, *_mark(node))
    try:
        return constructor.construct_object(node, deep=True)
    except yaml.YAMLError as exc:
        raise BadInput(f"bad value: {getattr(exc, 'problem', exc)}", path, *_mark(node)) from None
    except (ValueError, TypeError, ArithmeticError, AttributeError, LookupError) as exc:  # a tagged or resolved value
        #   that cannot be built: !!float abc, !!timestamp abc, 2025-02-30, !!bool maybe
        kind = {"timestamp": "date", "int": "integer", "float": "number"}.get(node.tag.rsplit(":", 1)[-1], node.tag)
        detail = f" ({exc})" if isinstance(exc, ValueError) and kind == "date" else ""
        raise BadInput(f'bad value "{_shown(node.value)}": not a valid {kind}{detail}', path, *_mark(node)) from None


def _check_scalar(tag: str, text: str, error, *where) -> None:
    """Refuse, before construction, a scalar whose value would cost more than its size: a base-60 number
    (YAML 1.1 reads 1:30 as 90, in time quadratic in its length), or a number of more than 100 digits."""
    if tag in _NUMBER_TAGS and (":" in text or len(text) > 100):
        raise error(f'"{_shown(text)}" is read by YAML as a number it cannot hold'
                    f"{' (base 60: colons)' if ':' in text else ' (more than 100 digits)'}; quote it if it is text",
                    *where)
    if len(text) > MAX_SCALAR:
        raise error(f"a value of {len(text)} characters (at most {MAX_SCALAR})", *where)


def _shown(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


# The libyaml path -----------------------------------------------------------------------------------
#
# The pure-Python scanner and parser above cost most of a seed-store check and grow with every fact. When
# PyYAML has libyaml, its C parser produces the events and the loop below builds the same MarkedDict /
# MarkedList tree from them, with the same marks, tag resolution and scalar construction. Whenever the text
# is anything but plainly valid for a fact store (an anchor, an alias, a merge key, a duplicate key, a
# non-scalar key, several documents, a parse error, a character the Python reader refuses), it returns
# _FALLBACK and the Python path above runs instead, so every refusal keeps its exact message and place.
# tests/test_perf_paths.py checks both paths build equal trees with equal marks.

_FALLBACK = object()
_STR_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"


def _libyaml_may_read(text: str, yaml) -> bool:
    # libyaml takes tabs where PyYAML refuses them, characters PyYAML's reader refuses, and a byte-order mark
    # inside the text (PyYAML refuses one at the start of a later line; libyaml skips it)
    return (getattr(yaml, "CSafeLoader", None) is not None and "\t" not in text and "\ufeff" not in text
            and not yaml.reader.Reader.NON_PRINTABLE.search(text))


def _load_with_libyaml(text: str, yaml) -> Any:
    """The tree libyaml's events give for a text _libyaml_may_read, or _FALLBACK."""
    loader = yaml.CSafeLoader(text)
    try:
        return _compose_events(loader, yaml)
    except Exception:  # a parse or construction error: the Python path reports it as it always has
        return _FALLBACK
    finally:
        loader.dispose()


_CACHED_TAGS = frozenset({"tag:yaml.org,2002:null", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int",
                          "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp"})  # immutable values


class PlainScalars:
    """The values of plain (unquoted, untagged) scalars, resolved and constructed as PyYAML's SafeLoader does,
    each distinct text once where the value is immutable; raises what construction raises."""

    def __init__(self, loader, yaml) -> None:
        self.resolve = loader.resolve
        self.scalar_node = yaml.ScalarNode
        # A plain scalar whose first character starts no implicit resolver is a string (as `resolve` would
        # find); the resolvers and path resolvers are checked to be the usual ones, else every scalar is resolved.
        implicit = loader.yaml_implicit_resolvers
        self.may_resolve = (frozenset(implicit) if None not in implicit and not loader.yaml_path_resolvers
                            else None)
        self.constructor = yaml.constructor.SafeConstructor()
        self.constructed: dict[tuple[str, str], Any] = {}  # (tag, text) -> value, for immutable scalar types
        self.tags: dict[str, str] = {}  # text -> tag of a plain scalar (keys repeat in every item)

    def tag(self, text: str, implicit: tuple[bool, bool]) -> str:
        if self.may_resolve is None:
            return self.resolve(self.scalar_node, text, implicit)
        if not implicit[0] or (text and text[0] not in self.may_resolve):
            return _STR_TAG  # what `resolve` returns when no implicit resolver can match
        tag = self.tags.get(text)
        if tag is None:  # with no path resolvers, a plain scalar's tag depends on its text alone
            tag = self.tags[text] = self.resolve(self.scalar_node, text, implicit)
        return tag

    def value(self, tag: str, text: str, start=None, end=None, style=None) -> Any:
        if tag == _STR_TAG:
            return text
        _check_scalar(tag, text, ValueError)  # the Python path refuses it with its place
        cached = tag in _CACHED_TAGS
        value = self.constructed.get((tag, text), _FALLBACK) if cached else _FALLBACK
        if value is _FALLBACK:
            node = self.scalar_node(tag, text, start, end, style)
            value = self.constructor.construct_object(node, deep=True)
            if cached:
                self.constructed[(tag, text)] = value
        return value


def _compose_events(loader, yaml) -> Any:
    events = yaml.events
    scalar_event, mapping_start = events.ScalarEvent, events.MappingStartEvent
    sequence_start = events.SequenceStartEvent
    end_events = (events.MappingEndEvent, events.SequenceEndEvent)
    scalars = PlainScalars(loader, yaml)
    get_event = loader.get_event
    get_event()  # stream start
    event = get_event()
    if event.__class__ is events.StreamEndEvent:
        return _FALLBACK  # no document: the Python path says the file is empty
    event = get_event()  # the document's root
    root = None
    # stack entries: [container, pending key or no_key, the key's mark, in flow style]
    stack: list[list] = []
    top: list | None = None
    no_key = _FALLBACK
    while True:
        kind = event.__class__
        if kind in end_events:
            stack.pop()
            if not stack:
                break
            top = stack[-1]
            event = get_event()
            continue
        if event.anchor is not None or (kind is not scalar_event and kind is not mapping_start
                                        and kind is not sequence_start):
            return _FALLBACK  # an anchor, an alias or an unexpected event
        if len(stack) >= MAX_NESTING:
            return _FALLBACK  # too deep: the Python path refuses it with its place
        start = event.start_mark
        mark = (start.line + 1, start.column + 1)
        if kind is scalar_event:
            text = event.value
            style = event.style
            if style in ("'", '"'):
                mark = (mark[0], mark[1] + 1)  # point at the content, past the opening quote
            if not style and top is not None and top[3] and ("?" in text or not text):
                return _FALLBACK  # in flow context PyYAML ends a plain scalar at "?" and marks an empty one
                #                   elsewhere than libyaml
            if len(text) > MAX_SCALAR:
                return _FALLBACK
            tag = event.tag
            if tag is None or tag == "!":
                tag = scalars.tag(text, event.implicit)
            value = text if tag == _STR_TAG else scalars.value(tag, text, start, event.end_mark, style)
            opened = None
        else:
            if event.tag not in (None, "!", _MAP_TAG, _SEQ_TAG):
                return _FALLBACK  # !!set, !!omap, !custom: the Python path refuses the tag
            tag = None
            value = MarkedDict() if kind is mapping_start else MarkedList()
            value.mark = mark
            opened = value
        if top is None:
            root = value
        else:
            container = top[0]
            if container.__class__ is MarkedList:
                container.item_marks.append(mark)
                container.append(value)
            elif top[1] is no_key:
                if opened is not None or tag == _MERGE_TAG or value in container.key_marks:
                    return _FALLBACK
                top[1] = value
                top[2] = mark
            else:
                key = top[1]
                container.key_marks[key] = top[2]
                container.value_marks[key] = mark
                container[key] = value
                top[1] = no_key
        if opened is not None:
            top = [opened, no_key, None, bool(event.flow_style)]
            stack.append(top)
        elif top is None:
            break
        event = get_event()
    get_event()  # document end
    if get_event().__class__ is not events.StreamEndEvent:
        return _FALLBACK  # a second document: the Python path says so
    return root
