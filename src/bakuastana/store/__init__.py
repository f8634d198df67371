"""The fact store: its fields and model, loading YAML or JSON safely with every place kept, validating, its schema."""
