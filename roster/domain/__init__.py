"""The domain: the office's models, the month and its sessions, the forecast, the one error
type and atomic file writing. Imports nothing of the project above it."""
