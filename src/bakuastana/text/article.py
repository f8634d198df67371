"""An article's text: decoding, line/column mapping, and finding quotes tolerant to re-flow and typography."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from bakuastana.errors import BadInput
from bakuastana.lang import lexicons

if TYPE_CHECKING:
    from bakuastana.text.figures import Figure
    from bakuastana.text.names import LearnedAcronym

MAX_ARTICLE_BYTES = 1024 * 1024  # news is far shorter; a check of 1 MB stays within seconds (docs/robustness.md)
# Format characters (right-to-left and zero-width marks, the soft hyphen, a byte-order mark) and combining marks
# (a stress mark, U+0301) that a pasted text carries invisibly: quotes and figures are read as if they were not
# there ("12\u0301 млн" as "12 млн", not as 12 with no scale).
_INVISIBLE_RANGES = ((0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x180E, 0x180E), (0x200B, 0x200F),
                     (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x206F), (0xFEFF, 0xFEFF), (0x0300, 0x036F),
                     (0x0483, 0x0489), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE00, 0xFE0F),
                     (0xFE20, 0xFE2F))
_INVISIBLE_CLASS = "".join(f"\\u{low:04x}-\\u{high:04x}" for low, high in _INVISIBLE_RANGES)
INVISIBLE = re.compile(f"[{_INVISIBLE_CLASS}]")
# Typographic variants that an editor's tools swap freely, and each language's spelling variants ("ё" as "е"):
# all compare as their plain form.
_TYPOGRAPHY = str.maketrans({
    "«": '"', "»": '"', "„": '"', "“": '"', "”": '"', "‟": '"', "″": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'",
    "–": "-", "—": "-", "‒": "-", "―": "-", "‐": "-", "‑": "-", "−": "-",
    **{variant: plain for lexicon in lexicons() for variant, plain in lexicon.spelling_variants.items()},
    "\u00a0": " ", "\u202f": " ", "\u2009": " ",
    **{chr(code): None for low, high in _INVISIBLE_RANGES for code in range(low, high + 1)},
})
_SPACE_RE = re.compile(r"\s+")
# What fold_with_map changes besides one character for another: a whitespace run but a lone space (invisible
# marks inside it included) becomes one space, and an invisible mark goes; then the characters the typography
# table changes into another, each into one.
_SPACE_RUN = re.compile(r"[^\S ]\s*| \s+")
_TYPOGRAPHIC = re.compile("[" + "".join(re.escape(chr(code)) for code, plain in _TYPOGRAPHY.items() if plain) + "]")


@cache
def _folded_run() -> re.Pattern:
    """_SPACE_RUN with invisible marks: compiled for a text that has one (~0.5 ms, where most texts have none)."""
    return re.compile(rf"[^\S ][\s{_INVISIBLE_CLASS}]*| [\s{_INVISIBLE_CLASS}]+|[{_INVISIBLE_CLASS}]+")


# A hard-wrapped text (an e-mailed release, a PDF copy) has no line longer than this.
WRAP_WIDTH = 120

@dataclass
class Article:
    """The text of an article and where each line starts; `note` says how it was decoded, if unusual."""

    path: str
    text: str
    note: str | None = None
    _line_starts: list[int] = field(default_factory=list, repr=False)
    _folded: tuple[str, list[int]] | None = field(default=None, repr=False)
    _folded_lower: str | None = field(default=None, repr=False)
    _figures: tuple[Figure, ...] | None = field(default=None, repr=False, compare=False)
    _acronyms: tuple[LearnedAcronym, ...] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._line_starts = [0] + [m.end() for m in re.finditer(r"\n", self.text)]
        self.text = unwrapped(self.text)  # offsets unchanged: lines and columns are the file's

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def folded(self) -> tuple[str, list[int]]:
        """The text with typography folded and whitespace runs collapsed, and a map back to offsets."""
        if self._folded is None:
            self._folded = fold_with_map(self.text)
        return self._folded

    def figures(self) -> tuple[Figure, ...]:
        """Every figure of the text (`text.figures.extract_figures`), read once: drafting and checking the same
        article share them."""
        if self._figures is None:
            from bakuastana.text.figures import extract_figures  # it reads this module's INVISIBLE and unwrapped

            self._figures = tuple(extract_figures(self.text, unwrap=False))  # self.text is unwrapped already
        return self._figures

    def acronyms(self) -> tuple[LearnedAcronym, ...]:
        """The acronyms the text defines (`text.names.learn_acronyms`), read once: the draft's names and T101
        share them."""
        if self._acronyms is None:
            from bakuastana.text.names import learn_acronyms

            self._acronyms = tuple(learn_acronyms(self.text))
        return self._acronyms

    def folded_lower(self) -> str:
        if self._folded_lower is None:
            self._folded_lower = self.folded()[0].lower()
        return self._folded_lower

    def find(self, quote: str, start: int = 0) -> tuple[int, int] | None:
        """Where `quote` stands in the article (re-flowed lines, quotes and dashes tolerated), or None."""
        folded, offsets = self.folded()
        needle = fold_text(quote).strip()
        if not needle:
            return None
        position = folded.find(needle, start)
        if position < 0:
            position = self.folded_lower().find(needle.lower(), start)
            if position < 0:
                return None
        end = position + len(needle) - 1
        return offsets[position], offsets[end] + 1


def unwrapped(text: str) -> str:
    """The text with the line breaks of a hard-wrapped paragraph made spaces, offset for offset: a figure, a
    name or a phrase split by a wrap ("470\nmillion") reads as written on one line. A text is taken as
    hard-wrapped when no line with a space is longer than WRAP_WIDTH (a URL alone on its line may be); a break
    is a wrap when the next line's first word would not have fitted on the line before it (the wrap width being
    the longest line that has a space), and neither line is blank. A shorter line ends a paragraph or a
    heading, and keeps its break."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    width = max((len(line.rstrip()) for line in lines if " " in line.strip()), default=0)
    if width > WRAP_WIDTH:
        return text
    joined = []
    for line, following in pairwise(lines):
        words = following.split(None, 1)
        wraps = bool(line.strip() and words) and len(line.rstrip()) + 1 + len(words[0]) > width
        joined.append(line + (" " if wraps else "\n"))
    joined.append(lines[-1])
    return "".join(joined)


def fold_text(text: str) -> str:
    """The text with typography folded and whitespace runs collapsed: `fold_with_map`'s text, without the map
    (three regex passes: str.translate over the table costs ~50 ns a character)."""
    return _SPACE_RE.sub(" ", _typography_folded(INVISIBLE.sub("", text)))


def _typography_folded(text: str) -> str:
    """The text with each character the typography table changes (but deletes) changed, one for one."""
    return _TYPOGRAPHIC.sub(lambda char: _TYPOGRAPHY[ord(char.group())], text)


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Fold typography and whitespace; return the folded text and, per folded char, its source offset (only the
    runs `_SPACE_RUN` or `_folded_run` find change the length: the text between them is copied whole)."""
    parts: list[str] = []
    offsets: list[int] = []
    position = 0
    for run in (_SPACE_RUN if INVISIBLE.search(text) is None else _folded_run()).finditer(text):
        start = run.start()
        parts.append(text[position:start])
        offsets.extend(range(position, start))
        if text[start].isspace():
            parts.append(" ")
            offsets.append(start)
        position = run.end()
    parts.append(text[position:])
    offsets.extend(range(position, len(text)))
    return _typography_folded("".join(parts)), offsets


def read_article(path: str | Path) -> Article:
    """Read an article: UTF-8, or clearly Windows-1251 (with a note); anything else is refused."""
    path = Path(path)
    try:
        if path.is_dir():
            raise BadInput("is a folder, expected an article text file", str(path))
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise BadInput(f"article is larger than {MAX_ARTICLE_BYTES // (1024 * 1024)} MB", str(path))
        with path.open("rb") as handle:  # bounded: a device such as /dev/zero reports size 0
            data = handle.read(MAX_ARTICLE_BYTES + 1)
        if len(data) > MAX_ARTICLE_BYTES:
            raise BadInput(f"article is larger than {MAX_ARTICLE_BYTES // (1024 * 1024)} MB", str(path))
    except FileNotFoundError:
        raise BadInput("no such article file", str(path)) from None
    except PermissionError:
        raise BadInput("cannot read article: permission denied", str(path)) from None
    except OSError as exc:
        raise BadInput(f"cannot read article: {exc.strerror or exc}", str(path)) from None
    return Article(str(path), *decode_article(data, str(path)))


def decode_article(data: bytes, path: str) -> tuple[str, str | None]:
    if not data.strip():
        raise BadInput("article is empty", path, 1, 1)
    head = data[:8192]
    controls = sum(1 for byte in head if byte < 32 and byte not in b"\t\n\r\f\v\x1b")
    if b"\x00" in head or controls > max(2, len(head) // 100):  # UTF-16 Cyrillic has no NUL, but 0x04 in pairs
        raise BadInput("binary data where an article text was expected", path, 1, 1)
    try:
        return data.decode("utf-8-sig").replace("\r\n", "\n"), None
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if _looks_like_cp1251(data):
        return data.decode("cp1251").replace("\r\n", "\n"), "decoded as Windows-1251 (not UTF-8)"
    line = data[: utf8_error.start].count(b"\n") + 1
    column = utf8_error.start - (data.rfind(b"\n", 0, utf8_error.start) + 1) + 1
    raise BadInput("article is neither UTF-8 nor clearly Windows-1251 text", path, line, column)


def _looks_like_cp1251(data: bytes) -> bool:
    """Mostly Cyrillic letters (0xC0-0xFF) among the high bytes, and no control bytes: clearly cp1251."""
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        return False
    if any(ord(c) < 32 and c not in "\n\r\t" for c in text):
        return False
    high = [c for c in text if ord(c) > 127]
    if not high:
        return False
    cyrillic = sum(1 for c in high if "\u0400" <= c <= "\u04ff")
    if cyrillic / len(high) <= 0.9:
        return False
    # Latin-1 accents (é, ö, ß) also land on Cyrillic letters, but inside Latin words ("cafй", "Grцяe");
    # KOI8-R swaps the cases ("фПЧБТ", "СОСТАВИЛ"). Russian words are Cyrillic throughout, mostly lower case,
    # and a capital follows a small letter almost never.
    words = [w for w in re.findall(r"[^\W\d_]+", text) if any("\u0400" <= c <= "\u04ff" for c in w)]
    odd = sum(1 for w in words if any(c.isascii() for c in w) or re.search(r"[а-я][А-Я]", w))
    letters = [c for w in words for c in w if c.isalpha()]
    capitals = sum(1 for c in letters if c.isupper())
    return odd <= len(words) // 10 and capitals <= len(letters) * 6 // 10
