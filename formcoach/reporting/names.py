"""How a measure's unit-suffixed name reads on a page: its unit and a title."""

from __future__ import annotations

UNITS = {"_deg": "deg", "_l": "torso lengths", "_legs": "leg lengths", "_s": "s"}


def unit_of(measure: str) -> str:
    """The unit of a measure by its suffix: `trunk_inclination_deg` reads in deg."""
    return next((unit for suffix, unit in UNITS.items() if measure.endswith(suffix)), "")


def title_of(measure: str) -> str:
    """A measure's name as a title: `lumbar_arch_depth_l` -> "Lumbar arch depth"."""
    name = measure
    for suffix in UNITS:
        name = name.removesuffix(suffix)
    return name.replace("_", " ").capitalize()
