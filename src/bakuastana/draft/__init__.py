"""`init`: a draft fact store for a new article, every figure bound to a unique quote, with guesses and TODOs.

The package reads an article once (`reading`: its sentences, `periods`, `measures`), drafts a fact per figure
(`facts`, with `values`, `quotes`), lists its `names`, gives `ids`, and `writer` turns the `Draft` into YAML. The
words it reads are each language's `lang/<code>/drafting.py`, joined in `vocabulary`. It does no IO.
"""

from bakuastana.draft.draft import Draft, draft_store
from bakuastana.draft.writer import draft_yaml

__all__ = ["Draft", "draft_store", "draft_yaml"]
