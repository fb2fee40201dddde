"""Tests for formcoach.exercises.describe: `formcoach exercises` and the example config.

Both are generated from the exercises' declarations; these tests make sure
they say everything the declarations hold, and that examples/formcoach.toml
is exactly what the generator writes (so it cannot drift from the code).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from formcoach.exercises.config import CUES, parse_config, settings_of
from formcoach.exercises.describe import (
    REGENERATE,
    describe_all,
    describe_one,
    example_config,
)
from formcoach.exercises.registry import CHECKERS, make_checker

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "formcoach.toml"
NAMES = [pytest.param(name, id=name) for name in CHECKERS]


def test_the_list_names_every_exercise_with_its_camera_counting_and_checks():
    text = describe_all(CHECKERS)
    for name, factory in CHECKERS.items():
        spec = factory().spec
        block = text.split(f"{name}  {spec.title}", 1)[1].split("\n\n", 1)[0]
        assert "camera: side view" in block
        assert f"side = {spec.side_meaning}"[:40] in " ".join(block.split())
        assert ", ".join(spec.priority)[:30] in " ".join(block.split())


def check_blocks(text: str) -> dict[str, str]:
    """The 'Checks' section of `describe_one`, as text per fault code."""
    section = text.split("Checks, most urgent first", 1)[1].split("Set-up cues", 1)[0]
    blocks: dict[str, str] = {}
    code = None
    for line in section.splitlines()[1:]:
        if re.fullmatch(r"  [a-z_]+", line):
            code = line.strip()
            blocks[code] = ""
        elif code is not None:
            blocks[code] += " " + line.strip()
    return blocks


@pytest.mark.parametrize("name", NAMES)
def test_one_exercise_shows_each_check_with_its_cue_and_thresholds(name):
    checker = make_checker(name)
    text = describe_one(name, CHECKERS)
    blocks = check_blocks(text)
    assert list(blocks) == list(checker.spec.priority)
    for code, block in blocks.items():
        assert f'"{checker.spec.cue_texts[code]}"' in block
    for setting in settings_of(checker):
        assert f"{setting.key} = " in text
        for code in setting.faults:
            assert f"{setting.key} = " in blocks[code], (code, setting.key)


def test_values_from_a_config_are_shown_and_marked():
    config = parse_config("[march]\npause_min_s = 1.8\n", "mine.toml", CHECKERS)
    text = describe_one("march", CHECKERS, config)
    assert "pause_min_s = 1.8 *" in text
    assert "values marked * come from mine.toml" in " ".join(text.split())
    assert "knee_below_hip_deg = 15.0:" in text  # unchanged: no mark


def test_the_example_file_is_what_the_generator_writes():
    assert EXAMPLE.read_text(encoding="utf-8") == example_config(CHECKERS), (
        f"examples/formcoach.toml is out of date; regenerate it: {REGENERATE}"
    )


def uncommented(text: str) -> str:
    """The example with every `# key = value` line made live."""
    return re.sub(r"^# ([a-z_]+ = .+)$", r"\1", text, flags=re.MULTILINE)


def test_every_key_in_the_example_is_valid_and_at_its_default():
    config = parse_config(uncommented(example_config(CHECKERS)), "example", CHECKERS)
    assert set(config.exercises) == set(CHECKERS)
    for name, overrides in config.exercises.items():
        checker = make_checker(name)
        settings = settings_of(checker)
        assert set(overrides.values) == {s.key for s in settings}, name
        for s in settings:
            assert overrides.values[s.key] == s.default, (name, s.key)
        assert dict(overrides.cue_texts) == checker.spec.cue_texts
        assert f"[{name}.{CUES}]" in example_config(CHECKERS)


def test_the_example_as_shipped_changes_nothing():
    config = parse_config(example_config(CHECKERS), "example", CHECKERS)
    for name in CHECKERS:
        assert make_checker(name, config).spec == make_checker(name).spec
