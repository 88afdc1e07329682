"""yuqi: the command layer and the application jobs on top of the pipeline packages."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("yuqi")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
