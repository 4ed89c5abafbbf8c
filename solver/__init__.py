"""The CP-SAT model of a month's plan: model, search, starting plans, bound and the reasons of
what stays open. The independent checker lives in :mod:`roster.checking`."""
