"""Analysis: values, inferred relations and the check that runs every rule; calc, show and extract over a store."""
