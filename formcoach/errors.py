"""The exceptions formcoach raises for things a user can fix.

The CLI turns any of these into a one-line message and a non-zero exit;
anything else is a bug and keeps its traceback.
"""


class FormcoachError(Exception):
    """Base class: a problem with the user's input, files or devices."""

    exit_code = 1


class UsageError(FormcoachError):
    """A wrong argument: unknown exercise, bad option value."""

    exit_code = 2


class ModelError(FormcoachError):
    """The pose model is missing, corrupt or cannot be built."""


class VideoError(FormcoachError):
    """A video file or camera that cannot be opened or read."""


class ConfigError(FormcoachError):
    """A configuration file that cannot be parsed or validated."""


class HistoryError(FormcoachError):
    """The session history database cannot be opened, read or written."""
