"""The rules: each a small unit with a stable code, registered in `rules.base.RULES`."""
