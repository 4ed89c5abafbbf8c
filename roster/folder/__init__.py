"""Reading and validating an office folder: YAML with line numbers, the poll and visit CSVs,
cross-file checks and plain messages. Imports only the domain."""
