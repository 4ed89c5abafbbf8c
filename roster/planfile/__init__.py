"""The plan file: its schema, reading and writing, an index of a plan, its decisions (facts)
and the history of earlier plans. Imports only the domain."""
