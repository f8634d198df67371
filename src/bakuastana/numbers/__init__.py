"""Numbers: exact intervals, written precision and hedges, units, and the expression language."""
