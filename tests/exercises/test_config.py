"""Tests for formcoach.exercises.config: a user's TOML file tuning the exercises.

Good files change what they name and nothing else; bad files end in one
ConfigError line that names the file, the table and the key, and lists the
valid choices.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from poses import staggered_stance

from formcoach.coaching.reps import Rep
from formcoach.errors import ConfigError
from formcoach.exercises.config import Config, load_config, parse_config, settings_of
from formcoach.exercises.march import KNEE_BELOW_HIP
from formcoach.exercises.registry import CHECKERS, make_checker
from formcoach.exercises.split_stance import TRUNK_LEAN_FORWARD

SOURCE = "my.toml"


def parse(text: str) -> Config:
    return parse_config(text, SOURCE, CHECKERS)


@pytest.mark.parametrize(
    ("text", "name", "thresholds", "spec"),
    [
        pytest.param("", "lunge", {}, {}, id="empty file: all defaults"),
        pytest.param(
            "[lunge]\ntrunk_lean_forward_deg = 18\n",
            "lunge",
            {"trunk_lean_forward_deg": 18.0},
            {},
            id="an integer for a float threshold",
        ),
        pytest.param(
            "[standing-hip-flexor]\nhold_target_s = 20.5\nsets_per_side = 2\n"
            "back_knee_min_deg = 150.0\n",
            "standing-hip-flexor",
            {"back_knee_min_deg": 150.0},
            {"hold_target_s": 20.5, "sets_per_side": 2},
            id="hold target, sets and a threshold",
        ),
        pytest.param(
            '[march.cues]\nno_pause = "  Hold it up there  "\n',
            "march",
            {},
            {"cue_texts": {"no_pause": "Hold it up there"}},
            id="a cue text, trimmed",
        ),
        pytest.param(
            "[leg-swing]\ntrunk_rocking_deg = 4\nswing_reversal_deg = 3\n",
            "leg-swing",
            {"trunk_rocking_deg": 4.0, "swing_reversal_deg": 3.0},
            {},
            id="values at the low end of their ranges",
        ),
    ],
)
def test_a_good_file_changes_what_it_names(text, name, thresholds, spec):
    config = parse(text)
    checker = make_checker(name, config)
    default = make_checker(name)
    for field in (s.key for s in settings_of(default) if not s.on_spec):
        expected = thresholds.get(field, getattr(default.thresholds_type(), field))
        assert getattr(checker.t, field) == expected, field
    assert checker.spec.hold_target_s == spec.get("hold_target_s", default.spec.hold_target_s)
    assert checker.spec.sets_per_side == spec.get("sets_per_side", default.spec.sets_per_side)
    assert checker.spec.cue_texts == default.spec.cue_texts | spec.get("cue_texts", {})


def test_other_exercises_keep_their_defaults():
    config = parse("[lunge]\ntrunk_lean_forward_deg = 10\nsets_per_side = 4\n")
    for name in CHECKERS:
        if name != "lunge":
            assert make_checker(name, config).spec == make_checker(name).spec


def test_a_tuned_checker_judges_by_the_new_threshold():
    figure = staggered_stance(1, trunk_deg=15.0).pose()
    strict = make_checker(
        "standing-hip-flexor", parse("[standing-hip-flexor]\ntrunk_lean_forward_deg = 10\n")
    )
    assert strict.assess(figure, 1).faults == (TRUNK_LEAN_FORWARD,)
    assert make_checker("standing-hip-flexor").assess(figure, 1).faults == ()
    low_lift = Rep(start_s=0.0)  # the thigh up to 20 deg below horizontal, held 2.2 s
    for t, below in [(0.0, 50.0), (0.3, 20.0), (2.5, 20.0), (2.8, 50.0)]:
        low_lift.add(t, below, None)
    lenient = make_checker("march", parse("[march]\nknee_below_hip_deg = 25\n"))
    assert lenient.rep_faults(low_lift) == set()
    assert make_checker("march").rep_faults(low_lift) == {KNEE_BELOW_HIP}


LUNGE_KEYS = "valid keys: sets_per_side, trunk_lean_forward_deg"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("[lunge\n", [SOURCE, "not valid TOML", "line 1"], id="bad TOML, with line"),
        pytest.param(
            "[lunge]\ntrunk_lean_forward_deg = 20\ntrunk_lean_forward_deg = 21\n",
            ["not valid TOML", "line 3"],
            id="a key twice",
        ),
        pytest.param(
            "[squat]\n",
            [SOURCE, "unknown exercise [squat]", "valid exercises: kneeling-hip-flexor, lunge"],
            id="unknown exercise",
        ),
        pytest.param(
            "[lunges]\n", ["unknown exercise [lunges] (did you mean lunge?)"], id="a near miss"
        ),
        pytest.param(
            "lunge = 3\n", [SOURCE, "lunge must be a table", "got a number"], id="not a table"
        ),
        pytest.param(
            "[lunge]\ntrunk_lean = 20\n",
            [SOURCE, "[lunge] unknown key 'trunk_lean'", "did you mean", LUNGE_KEYS],
            id="unknown key",
        ),
        pytest.param(
            '[lunge]\ntrunk_lean_forward_deg = "20"\n',
            ["[lunge] trunk_lean_forward_deg must be a number, got a string '20'"],
            id="a number written as a string",
        ),
        pytest.param(
            "[lunge]\ntrunk_lean_forward_deg = true\n",
            ["must be a number, got a boolean"],
            id="a boolean for a number",
        ),
        pytest.param(
            "[lunge]\nsets_per_side = 2.5\n",
            ["[lunge] sets_per_side must be a whole number, got 2.5"],
            id="a fraction for a count",
        ),
        pytest.param(
            "[lunge]\ntrunk_lean_forward_deg = 75\n",
            ["[lunge] trunk_lean_forward_deg = 75 is out of range", "between 5 and 60"],
            id="above the range",
        ),
        pytest.param(
            "[kneeling-hip-flexor]\nhold_target_s = 0\n",
            ["[kneeling-hip-flexor] hold_target_s = 0 is out of range", "between 1 and 1800"],
            id="a hold of nothing",
        ),
        pytest.param(
            "[lunge]\nhold_target_s = 30\n",
            ["[lunge] hold_target_s does not apply: lunge counts reps"],
            id="a hold target for a rep exercise",
        ),
        pytest.param(
            '[march.cues]\npause = "Pause"\n',
            ["[march.cues] unknown cue 'pause'", "valid cues: trunk_lean_back, knee_below_hip"],
            id="unknown cue",
        ),
        pytest.param(
            '[march.cues]\nno_pause = ""\n',
            ["[march.cues] no_pause must be a non-empty string"],
            id="an empty cue text",
        ),
        pytest.param(
            "[march]\ncues = 3\n",
            ["[march] cues must be a table of cue texts"],
            id="cues not a table",
        ),
        pytest.param(
            "[lunge]\nrep_start_below_deg = 165\nrep_end_above_deg = 160\n",
            ["[lunge] values do not fit together", "160.0", "165.0"],
            id="a rep that ends before it starts",
        ),
        pytest.param(
            "[leg-swing]\nswing_min_range_deg = 10\nswing_reversal_deg = 20\n",
            ["[leg-swing] values do not fit together"],
            id="a swing smaller than its turn",
        ),
    ],
)
def test_a_bad_file_is_one_clear_line(text, expected):
    with pytest.raises(ConfigError) as info:
        parse(text)
    message = str(info.value)
    assert "\n" not in message
    for part in expected:
        assert part in message


def test_load_config_reads_a_file(tmp_path: Path):
    path = tmp_path / "formcoach.toml"
    path.write_text("[table-psoas]\nsets_per_side = 5\n", encoding="utf-8")
    config = load_config(path, CHECKERS)
    assert config.source == str(path)
    assert make_checker("table-psoas", config).spec.sets_per_side == 5


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        pytest.param(None, "config file not found", id="missing file"),
        pytest.param(b"\xff\xfe[lunge]", "cannot read config file", id="not UTF-8"),
        pytest.param(b"[lunge]\nsets_per_side = 0\n", "formcoach.toml: [lunge]", id="names it"),
    ],
)
def test_load_config_errors_name_the_file(tmp_path: Path, content, expected):
    path = tmp_path / "formcoach.toml"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ConfigError, match="formcoach.toml") as info:
        load_config(path, CHECKERS)
    assert expected in str(info.value)
