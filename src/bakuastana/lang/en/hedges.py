"""English hedges: the words before a figure that say it is approximate or a bound ("more than", "about")."""

from __future__ import annotations

HEDGES: dict[str, tuple[str, ...]] = {
    "more_than": ("more than", "over", "just over", "well over", "above"),
    "at_least": ("at least", "no less than", "no fewer than"),
    "less_than": ("less than", "fewer than", "under", "just under", "below"),
    "at_most": ("at most", "no more than"),
    "about": ("about", "around", "some", "approximately", "roughly", "an estimated", "circa"),
    "up_to": ("up to", "as many as"),
    "almost": ("nearly", "almost"),
    "only": ("only", "just"),
}
