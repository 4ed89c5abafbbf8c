"""The CP-SAT model of a month's plan and its solver-free checker."""
