"""Words about the exercises, from their declarations: `formcoach exercises` and the
commented example config (examples/formcoach.toml).

Everything here is read from each checker's spec and thresholds dataclass,
so the text cannot disagree with what the coach does. Pure: strings out.
"""

from __future__ import annotations

import json
import textwrap

from formcoach.coaching.checks import SETUP_CODES
from formcoach.coaching.session import SETUP_TEXTS
from formcoach.exercises.base import Checker, ExerciseSpec
from formcoach.exercises.config import CUES, Catalog, Config, Setting, checker_for, settings_of

WIDTH = 88
EXAMPLE_PATH = "examples/formcoach.toml"
REGENERATE = f"formcoach exercises --example-config > {EXAMPLE_PATH}"


def camera_setup(spec: ExerciseSpec) -> str:
    """Where to put the camera for this exercise's checks."""
    if spec.view != "side":
        return f"{spec.view} view"
    height = "low, near the floor" if spec.posture == "floor" else "at hip height"
    return f"side view (camera side-on {height}, 2-3 m away, whole body in view)"


def counting_text(spec: ExerciseSpec) -> str:
    if spec.counting == "hold":
        return f"holds of {spec.hold_target_s:g} s of good form, {spec.sets_per_side} per side"
    return f"reps, {spec.sets_per_side} per side"


def describe_all(catalog: Catalog, config: Config | None = None) -> str:
    """A few lines per exercise: what it is, the camera, what it counts and checks."""
    blocks = []
    for name in catalog:
        spec = checker_for(name, catalog[name], config).spec
        blocks.append(
            "\n".join(
                [
                    f"{name}  {spec.title}",
                    *_indent(spec.summary),
                    *_indent(f"camera: {camera_setup(spec)}"),
                    *_indent(f"counts: {counting_text(spec)}; side = {spec.side_meaning}"),
                    *_indent(f"checks: {', '.join(spec.priority) or '-'}"),
                ]
            )
        )
    blocks.append(
        "Details and thresholds: formcoach exercises NAME. "
        f"Tune them with --config FILE (see {EXAMPLE_PATH})."
    )
    return "\n\n".join(blocks) + "\n"


def describe_one(name: str, catalog: Catalog, config: Config | None = None) -> str:
    """One exercise in detail: each check with its cue and the numbers that decide it."""
    checker = checker_for(name, catalog[name], config)
    spec = checker.spec
    settings = settings_of(checker)
    values = _values(name, checker, config)
    changed = {s.key for s in settings if values[s.key] != s.default}
    lines = [
        f"{name}: {spec.title}",
        *textwrap.wrap(spec.summary, WIDTH),
        "",
        f"Camera:  {camera_setup(spec)}",
        f"Counts:  {counting_text(spec)}; side = {spec.side_meaning}",
        "",
        "Checks, most urgent first (code, cue, and the thresholds that decide it):",
    ]
    used: set[str] = set()
    for code in spec.priority:
        lines.append(f"  {code}")
        lines += _indent(f'"{spec.cue_texts.get(code, code)}"', 6)
        for s in settings:
            if code in s.faults:
                lines += _setting_lines(s, values[s.key], s.key in changed, 6)
                used.add(s.key)
    lines += ["", "Set-up cues, before any form check:"]
    lines += [f'  {code}  "{SETUP_TEXTS[code]}"' for code in SETUP_CODES]
    rest = [s for s in settings if s.key not in used]
    if rest:
        lines += ["", "Other settings:"]
        for s in rest:
            lines += _setting_lines(s, values[s.key], s.key in changed, 2)
    source = f"; values marked * come from {config.source}" if changed and config else ""
    lines += [
        "",
        f"Change any of these with --config FILE, table [{name}], cue texts in "
        f"[{name}.{CUES}]{source}.",
    ]
    return "\n".join(lines) + "\n"


def example_config(catalog: Catalog) -> str:
    """The commented example config: every key of every exercise, at its default."""
    out = [
        "# formcoach configuration: tune the exercises' thresholds, targets and cue texts.",
        "#",
        "# Use it with --config PATH on `formcoach analyze`, `live`, `check-clips` and",
        "# `exercises`. Each [table] is one exercise; every key it accepts is listed",
        "# below, commented out, at its default, with what it means and the range it",
        "# accepts. Uncomment and change only what you need: the rest keep their",
        "# defaults. Angles are in degrees, times in seconds.",
        "#",
        "# Generated from the exercise definitions; to regenerate it:",
        f"#     {REGENERATE}",
    ]
    for name in catalog:
        checker = catalog[name]()
        spec = checker.spec
        out += [
            "",
            "# " + "-" * 76,
            *_comment(f"{name}: {spec.title}, {camera_setup(spec)}"),
            *_comment(f"counts {counting_text(spec)}; side = {spec.side_meaning}"),
            f"[{name}]",
        ]
        for s in settings_of(checker):
            out += [""] + _comment(f"{s.help} ({_range(s)})")
            out.append(f"# {s.key} = {_toml_number(s.default, s.integer)}")
        out += ["", f"[{name}.{CUES}]"]
        out += [f"# {code} = {json.dumps(text)}" for code, text in spec.cue_texts.items()]
    return "\n".join(out) + "\n"


def _values(name: str, checker: Checker, config: Config | None) -> dict[str, float]:
    """Each setting's value in effect: the config's, else the default."""
    overrides = config.overrides_for(name) if config is not None else None
    chosen = overrides.values if overrides is not None else {}
    return {s.key: chosen.get(s.key, s.default) for s in settings_of(checker)}


def _setting_lines(s: Setting, value: float, changed: bool, indent: int) -> list[str]:
    mark = " *" if changed else ""
    head = f"{s.key} = {_toml_number(value, s.integer)}{mark}"
    return _indent(f"{head}: {s.help} ({_range(s)})", indent)


def _range(s: Setting) -> str:
    return f"allowed: {s.low:g} to {s.high:g}"


def _toml_number(value: float, integer: bool) -> str:
    return str(int(value)) if integer else repr(float(value))


def _indent(text: str, by: int = 4) -> list[str]:
    pad = " " * by
    return textwrap.wrap(text, WIDTH, initial_indent=pad, subsequent_indent=pad + "  ")


def _comment(text: str) -> list[str]:
    return textwrap.wrap(text, WIDTH - 2, initial_indent="# ", subsequent_indent="# ")
