"""What a check keeps and how it grades it: rule selection from the options and from `[tool.bakuastana]` in
pyproject.toml or a bakuastana.toml found upward from the checked file, per-rule severities, per-path ignores,
inline markers in the article, and the severity threshold."""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field, replace
from fractions import Fraction
from pathlib import Path

from bakuastana.errors import BadInput

CONFIG_FILES = ("bakuastana.toml", "pyproject.toml")  # in each folder, looked for in this order
KEYS = ("select", "extend-select", "ignore", "severity", "per-path-ignores", "level", "show-infos",
        "about-tolerance")
LEVELS = ("info", "warning", "error")
# `bakuastana: ignore[T103]` on a line; compiled (by re's cache) only for an article that has a marker
INLINE = r"bakuastana:\s*ignore\[([A-Za-z0-9_,\s-]+)\]"


@dataclass(frozen=True)
class Settings:
    """What is in force for one check: the rule codes to run (None: all), those ignored, severity overrides,
    per-path ignores (glob -> codes), the threshold, and the config file they came from."""

    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()
    severity: dict[str, str] = field(default_factory=dict)
    per_path_ignores: dict[str, frozenset[str]] = field(default_factory=dict)
    level: str = "info"
    show_infos: bool = False
    about_tolerance: Fraction | None = None
    config: Path | None = None

    def codes(self) -> frozenset[str] | None:
        """The codes the engine runs (None: every rule)."""
        if self.select is None and not self.ignore:
            return None
        from bakuastana.rules import RULES

        chosen = set(RULES) if self.select is None else set(self.select)
        return frozenset(chosen - self.ignore)

    def to_dict(self) -> dict:
        codes = self.codes()
        return {"config": None if self.config is None else str(self.config),
                "rules": sorted(codes) if codes is not None else "all",
                "ignore": sorted(self.ignore), "severity": dict(sorted(self.severity.items())),
                "per-path-ignores": {glob: sorted(codes) for glob, codes in self.per_path_ignores.items()},
                "level": self.level, "show-infos": self.show_infos,
                "about-tolerance": "10 % (default)" if self.about_tolerance is None
                else f"{float(self.about_tolerance * 100):g} %"}


def expand(items, where: str) -> set[str]:
    """Rule codes for a list of codes, prefixes ("T", "C10") or rule names, each item possibly comma-separated;
    BadInput naming `where` for one that matches no rule. The rule table is imported only when there is a word."""
    codes: set[str] = set()
    words = [word.strip() for item in items for word in str(item).split(",") if word.strip()]
    if not words:
        return codes
    from bakuastana.rules import RULES

    for word in words:
        found = {code for code, rule in RULES.items() if code.startswith(word.upper()) or rule.name == word.lower()}
        if not found:
            raise BadInput(f'{where}: unknown rule code, prefix or name "{word}" (see `bakuastana rules`)')
        codes |= found
    return codes


def find_config(start: Path) -> Path | None:
    """The first bakuastana.toml, or pyproject.toml with a [tool.bakuastana] table, in the folder of `start` or
    any folder above it."""
    folder = start.resolve()
    folder = folder if folder.is_dir() else folder.parent
    for place in (folder, *folder.parents):
        for name in CONFIG_FILES:
            path = place / name
            if path.is_file() and (name == "bakuastana.toml" or "[tool.bakuastana" in _read(path)):
                return path
    return None


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(f"cannot read the configuration: {exc}", str(path)) from None


def read_config(path: Path) -> dict:
    """The bakuastana table of a config file: [tool.bakuastana] (or, in bakuastana.toml, the top level)."""
    import tomllib  # only when a config file is found

    try:
        data = tomllib.loads(_read(path))
    except tomllib.TOMLDecodeError as exc:
        raise BadInput(f"not valid TOML: {exc}", str(path)) from None
    table = data.get("tool", {}).get("bakuastana")
    if table is None and path.name == "bakuastana.toml":
        table = data
    table = table or {}
    for key in table:
        if key not in KEYS:
            raise BadInput(f'unknown setting "{key}" (expected one of {", ".join(KEYS)})', str(path))
    return table


def settings(start: Path | None, *, select=(), extend_select=(), ignore=(), level: str | None = None,
             show_infos: bool = False, isolated: bool = False) -> Settings:
    """The settings in force: the config file found upward from `start` (none when `isolated`), then the
    command line's options over it (--select replaces the file's select; --extend-select and --ignore add)."""
    config = None if isolated or start is None else find_config(start)
    table = read_config(config) if config is not None else {}
    where = str(config) if config else ""
    chosen = expand(_list(table, "select", where), f"{where}: select") if "select" in table else None
    if select:
        chosen = expand(select, "--select")
    extra = expand(_list(table, "extend-select", where), f"{where}: extend-select") | expand(extend_select,
                                                                                              "--extend-select")
    if extra and chosen is not None:
        chosen |= extra
    ignored = expand(_list(table, "ignore", where), f"{where}: ignore") | expand(ignore, "--ignore")
    severity = {}
    for item, value in dict(table.get("severity", {})).items():
        if value not in LEVELS:
            raise BadInput(f'severity of {item}: "{value}" is not one of {", ".join(LEVELS)}', where)
        for code in expand([item], f"{where}: severity"):
            severity[code] = value
    paths = {glob: frozenset(expand(codes if isinstance(codes, list) else [codes], f"{where}: per-path-ignores"))
             for glob, codes in dict(table.get("per-path-ignores", {})).items()}
    level = level or table.get("level", "info")
    if level not in LEVELS:
        raise BadInput(f'level "{level}" is not one of {", ".join(LEVELS)}', where or "--level")
    tolerance = None if "about-tolerance" not in table else percent(table["about-tolerance"], where)
    return Settings(None if chosen is None else frozenset(chosen), frozenset(ignored), severity, paths, level,
                    show_infos or bool(table.get("show-infos", False)), tolerance, config)


def percent(value, where: str) -> Fraction:
    """A tolerance written "5 %", "5 percent" or as a fraction (0.05), as a fraction; BadInput otherwise."""
    from bakuastana.store.load import parse_tolerance

    text = str(value).strip()
    try:
        number = parse_tolerance(text) if text.endswith(("%", "percent")) else Fraction(text)
    except (ValueError, ZeroDivisionError):
        number = None
    if number is None or not 0 <= number < 1:
        raise BadInput(f'about-tolerance: "{value}" is not a percent below 100 (e.g. "5 %")', where)
    return number


def _list(table: dict, key: str, where: str) -> list:
    value = table.get(key, [])
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        raise BadInput(f"{key} is a list of rule codes, prefixes or names", where)
    return value


def apply(report, chosen: Settings) -> int:
    """Grade and filter the report's findings in place: severity overrides, ignores per path and inline markers
    in the article, then the threshold; returns how many were suppressed (not counting those below it)."""
    base = chosen.config.parent if chosen.config is not None else Path.cwd()
    markers = inline_markers(report.article_path) if report.article_path else {}
    kept, suppressed = [], 0
    rank = LEVELS.index(chosen.level)
    for finding in report.findings:
        if finding.code in chosen.severity:
            finding = replace(finding, severity=chosen.severity[finding.code])
        where = finding.where()
        if where is not None and (_path_ignores(chosen, where.path, base, finding.code)
                                  or finding.code in markers.get((where.path, where.line), ())):
            suppressed += 1
            continue
        if LEVELS.index(finding.severity) >= rank:
            kept.append(finding)
    report.findings[:] = kept
    return suppressed


def _path_ignores(chosen: Settings, path: str, base: Path, code: str) -> bool:
    if not chosen.per_path_ignores:
        return False
    candidates = {path, Path(path).name}
    if Path(path).resolve().is_relative_to(base.resolve()):
        candidates.add(Path(path).resolve().relative_to(base.resolve()).as_posix())
    return any(code in codes and any(fnmatch.fnmatch(name, glob) for name in candidates)
               for glob, codes in chosen.per_path_ignores.items())


def inline_markers(path: str) -> dict[tuple[str, int], frozenset[str]]:
    """(path, line) -> codes for each line of the article with `bakuastana: ignore[CODE, ...]` on it."""
    try:
        text = Path(path).read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return {}
    if "bakuastana:" not in text:
        return {}
    markers = {}
    for number, line in enumerate(text.splitlines(), 1):
        for match in re.finditer(INLINE, line):
            codes = expand(match.group(1).split(","), f"{path}:{number}")
            markers[(path, number)] = markers.get((path, number), frozenset()) | frozenset(codes)
    return markers
