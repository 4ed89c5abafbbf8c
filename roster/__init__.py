"""roster: plans who staffs a volunteer advice office and tells everyone when they are on."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("roster")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0"

__all__ = ["__version__"]
