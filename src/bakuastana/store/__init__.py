"""The fact store: loading YAML safely, validating it, and the model it becomes."""
