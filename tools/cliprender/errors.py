"""Exceptions of the clip renderer."""


class CliprenderError(Exception):
    """Base class: a problem the user can fix (bad scenario, missing dependency)."""


class ScenarioError(CliprenderError):
    """A scenario in the TOML list is invalid."""
