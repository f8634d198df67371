"""Article text: reading files, extracting figures, names and acronyms, Russian grammar."""
