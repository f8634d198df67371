"""Find every figure in a news text (amounts, percents, counts, ordinals, dates) with the words of the languages
in `bakuastana.lang`: `extract` is the entry point, `patterns` builds the readers from the lexicons, `digits`,
`words`, `dates`, `units` and `hedges` read the parts of a figure."""

from bakuastana.text.figures.dates import month_number
from bakuastana.text.figures.extract import extract_figures
from bakuastana.text.figures.figure import Figure

__all__ = ["Figure", "extract_figures", "month_number"]
