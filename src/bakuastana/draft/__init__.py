"""`init`: a draft fact store for a new article, every figure bound to a unique quote, with guesses and TODOs."""

# reading: the article read once (sentences, periods, measures); facts: a fact per figure (values, quotes);
# names; ids; draft: the entry point, a Draft as data; writer: its YAML. The words come from each language's
# lang/<code>/drafting.py, joined in vocabulary. Nothing here reads or writes a file: the command does.

from bakuastana.draft.draft import Draft, draft_store
from bakuastana.draft.writer import draft_yaml

__all__ = ["Draft", "draft_store", "draft_yaml"]
