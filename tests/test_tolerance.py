"""The tolerance of "about" reaches every value read with it: the store's, and a figure the article writes anew."""

from fractions import Fraction

from bakuastana.analysis.engine import CheckOptions, analyse
from bakuastana.store.load import parse_store
from bakuastana.text.article import Article

STORE = """\
schema: bakuastana.facts/1
source: {{published: 2025-10-21}}
facts:
  - id: trains_2024
    topic: transit
    label: Container trains 2024
    kind: count
    value: 380 train
    hedge: about
    figure: около 380 поездов
    quote: прошло около 380 поездов
{extra}"""


def _override(store_text: str, tolerance: Fraction | None):
    store = parse_store(store_text)
    article = Article("draft.txt", "В 2024 году прошло около 400 поездов.\n")  # the draft changed the figure
    reading = analyse(store, article, CheckOptions(about_tolerance=tolerance)).reading
    return reading.overrides["trains_2024"].interval


def test_a_changed_about_figure_takes_the_configured_tolerance():
    assert (_override(STORE.format(extra=""), None).lo, _override(STORE.format(extra=""), None).hi) == (360, 440)
    interval = _override(STORE.format(extra=""), Fraction(1, 20))
    assert (interval.lo, interval.hi) == (380, 420)


def test_a_facts_own_tolerance_wins_for_the_figure_the_article_writes():
    interval = _override(STORE.format(extra="    tolerance: 2 percent\n"), Fraction(1, 20))
    assert (interval.lo, interval.hi) == (392, 408)
