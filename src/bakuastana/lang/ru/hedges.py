"""Russian hedges: the words before a figure that say it is approximate or a bound ("более", "около")."""

from __future__ import annotations

_HEDGES: dict[str, tuple[str, ...]] = {
    "more_than": ("более чем", "более", "свыше", "больше чем", "больше", "чуть более", "чуть больше",
                  "немногим более"),
    "at_least": ("не менее чем", "не менее", "не меньше"),
    "less_than": ("менее чем", "менее", "меньше чем", "меньше", "чуть менее", "чуть меньше"),
    "at_most": ("не более чем", "не более", "не больше"),
    "about": ("около", "порядка", "примерно", "приблизительно"),
    "up_to": ("до", "вплоть до"),
    "almost": ("почти",),
    "only": ("всего", "лишь", "только", "всего лишь"),
}

# A change's hedge stands before its preposition: "вырос почти на 10 %", "сократился более чем на 1,2 млн тонн"
# (as "почти в 5 раз" before "в" of a multiple, which the multiple reads).
CHANGE_PREPOSITION = "на"

HEDGES: dict[str, tuple[str, ...]] = {
    hedge: forms if hedge == "up_to" else (*forms, *(f"{form} {CHANGE_PREPOSITION}" for form in forms))
    for hedge, forms in _HEDGES.items()}
