"""The independent checker: every hard rule and every penalty of a plan file, recomputed from the office data and the plan alone (shares no code with the solver)."""
