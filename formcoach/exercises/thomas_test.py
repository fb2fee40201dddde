"""Modified Thomas test: a screening of hip flexor length, not a workout.

Set-up (exercises.md, [003]): lying on the back at the end of a firm table,
one knee hugged to the chest (lower back flat), the tested leg hanging off
the end, relaxed. The coach guides the set-up with cues (hug a knee, let
the other leg hang, hug closer), then, once the position has been steady
for a while, reads per side the hanging thigh's angle against the table
line and the hanging knee's flexion, and gives the reading, left against
right. The side is the tested (hanging) leg.

Readings and their thresholds:
- thigh above the table line by more than `iliopsoas_thigh_above_deg`
  (default 5 deg) -> iliopsoas (one-joint hip flexors) likely tight. The
  clinical criterion is the thigh resting on the table, hip at 0 deg or
  below (Kendall et al., Muscles: Testing and Function, 1993: the normal
  pattern is the thigh touching the table with the knee flexed about 80 deg;
  the review in BMC Sports Sci Med Rehabil 2021, doi:10.1186/s13102-021-
  00242-y, table 4: hip angle > 0 deg = short one-joint hip flexors). The
  5 deg margin covers MediaPipe's ~3-4 deg mean angle error in side views
  (pose-quirks.md).
- thigh down but knee flexion below `rectus_knee_flexion_below_deg`
  (default 70 deg) -> rectus femoris (two-joint hip flexor) likely tight.
  Kendall's normal is about 80 deg of knee flexion, the same review's
  cut-off 67 deg (knee angle < 67 deg = short two-joint hip flexors); 70
  sits between the textbook normal and the measured cut-off. On rendered
  bodies a normal hanging leg read 76-77 deg and a tight rectus femoris 30.
- otherwise neither.
The table line is the image horizontal: the camera must be level (no roll).

It is a screening, not a diagnosis: the test's validity depends on the
pelvis staying flat (Vigotsky et al., PeerJ 2016, 4:e2325, found poor
validity when pelvic tilt is not controlled), which the landmarks cannot
see; pain during the test is a red flag.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from formcoach.coaching.checks import Assessment, Check
from formcoach.coaching.holds import Hold
from formcoach.coaching.steady import SteadyReading, steady_reading
from formcoach.core.landmarks import SIDES, side_landmark
from formcoach.core.measures import trunk_elevation_deg
from formcoach.core.pose import Pose
from formcoach.exercises.base import Checker, ExerciseSpec, Findings, limit
from formcoach.exercises.floor import FLOOR_BODY, TRUNK, hanging_leg, leg_landmarks, legs_on_floor

HUG_KNEE = "hug_knee"
LET_LEG_HANG = "let_leg_hang"
THIGH = "thigh_above_table_deg"
KNEE = "knee_flexion_deg"

NORMAL = "normal"
TIGHT_ILIOPSOAS = "tight_iliopsoas"
TIGHT_RECTUS_FEMORIS = "tight_rectus_femoris"
READING_TEXTS = {
    NORMAL: "neither muscle likely tight",
    TIGHT_ILIOPSOAS: "iliopsoas likely tight",
    TIGHT_RECTUS_FEMORIS: "rectus femoris likely tight",
}
CAVEAT = (
    "A screening, not a diagnosis: the reading assumes the lower back stayed flat on the "
    "table, which the camera cannot check. Stop if the test hurts, and see a professional "
    "for pain, numbness or a reading that worries you."
)

SPEC = ExerciseSpec(
    name="thomas-test",
    title="Modified Thomas test (screening)",
    summary="on the back at the end of a firm table, hug one knee, let the other leg hang; "
    "reads hip flexor tightness per side",
    view="side",
    counting="hold",
    side_meaning="the tested leg (hanging off the table)",
    cue_texts={
        HUG_KNEE: "Hug one knee to your chest, lower back flat on the table",
        LET_LEG_HANG: "Let the other leg hang off the end of the table, relaxed",
    },
    priority=(HUG_KNEE, LET_LEG_HANG),
    hold_target_s=5.0,
    sets_per_side=1,
    required=FLOOR_BODY,
    posture="floor",
)


@dataclass(frozen=True)
class ThomasThresholds:
    iliopsoas_thigh_above_deg: float = limit(
        5.0,
        "reading: the hanging thigh this far above the table line -> iliopsoas likely tight "
        "(clinical criterion 0 deg, + MediaPipe's error)",
        0.0,
        20.0,
    )
    rectus_knee_flexion_below_deg: float = limit(
        70.0,
        "reading: with the thigh down, knee flexion below this -> rectus femoris likely tight "
        "(Kendall's normal ~80 deg; review cut-off 67 deg)",
        45.0,
        100.0,
    )
    hug_min_hip_flexion_deg: float = limit(
        100.0,
        "the hugged hip flexed at least this much (knee to the chest flattens the lower back)",
        60.0,
        150.0,
        faults=(HUG_KNEE,),
    )
    raised_thigh_min_deg: float = limit(
        60.0, "in position: the other thigh raised at least this much toward the chest", 20.0, 120.0
    )
    hanging_shin_max_deg: float = limit(
        -25.0,
        "in position: the tested shin points down at least this steeply (a tight rectus "
        "femoris holds the knee half straight: the shin read -47 with the knee bent 30)",
        -90.0,
        -10.0,
    )
    hanging_thigh_max_deg: float = limit(
        45.0, "in position: the tested thigh at most this far above the table line", 10.0, 60.0
    )
    lying_max_trunk_deg: float = limit(
        20.0, "in position: the trunk within this many degrees of the table line", 5.0, 45.0
    )
    steady_window_s: float = limit(
        1.0, "steady: measures judged over this many seconds...", 0.3, 5.0
    )
    steady_range_deg: float = limit(4.0, "...must stay within this range (degrees)", 1.0, 15.0)
    min_steady_s: float = limit(
        2.0, "a side is read once its position has been steady this long", 0.5, 30.0
    )


@dataclass(frozen=True)
class SideReading:
    thigh_above_table_deg: float
    knee_flexion_deg: float
    reading: str
    steady_s: float

    def as_dict(self) -> dict[str, Any]:
        return {
            THIGH: round(self.thigh_above_table_deg, 1),
            KNEE: round(self.knee_flexion_deg, 1),
            "reading": self.reading,
            "text": READING_TEXTS[self.reading],
            "steady_s": round(self.steady_s, 1),
        }

    def sentence(self) -> str:
        thigh, knee = self.thigh_above_table_deg, self.knee_flexion_deg
        where = "above" if thigh > 0 else "below"
        return (
            f"thigh {abs(thigh):.0f} deg {where} the table line, knee bent {knee:.0f} deg: "
            f"{READING_TEXTS[self.reading]}"
        )


def classify(thigh_above_table_deg: float, knee_flexion_deg: float, t: ThomasThresholds) -> str:
    """The reading for one side's steady measures."""
    if thigh_above_table_deg > t.iliopsoas_thigh_above_deg:
        return TIGHT_ILIOPSOAS
    if knee_flexion_deg < t.rectus_knee_flexion_below_deg:
        return TIGHT_RECTUS_FEMORIS
    return NORMAL


class ThomasTestChecker(Checker):
    spec = SPEC
    thresholds_type = ThomasThresholds
    measure_names = (THIGH, KNEE, "hugged_hip_flexion_deg", "trunk_elevation_deg")
    hold_measures = (THIGH, KNEE)

    def __init__(self, thresholds: ThomasThresholds = ThomasThresholds()) -> None:
        self.t = thresholds

    def assess(self, pose: Pose, facing: int) -> Assessment:
        t = self.t
        hang = hanging_leg(legs_on_floor(pose, facing, belly_up=True))
        trunk = trunk_elevation_deg(pose, facing)
        lying = abs(trunk) <= t.lying_max_trunk_deg
        knee_up = hang.rest.thigh_elevation_deg >= t.raised_thigh_min_deg
        in_position = lying and hang.hanging(
            t.hanging_shin_max_deg, t.hanging_thigh_max_deg, t.raised_thigh_min_deg
        )
        hugged = hang.rest.hip_flexion_deg >= t.hug_min_hip_flexion_deg
        checks: tuple[Check, ...] = ()
        if in_position:
            checks = (
                Check(HUG_KNEE, "ok" if hugged else "fault", value=hang.rest.hip_flexion_deg),
            )
        elif lying:  # the set-up, step by step
            checks = (Check(HUG_KNEE, "fault") if not knee_up else Check(LET_LEG_HANG, "fault"),)
        return Assessment(
            measures={
                THIGH: hang.leg.thigh_elevation_deg,
                KNEE: 180.0 - hang.leg.knee_angle_deg,
                "hugged_hip_flexion_deg": hang.rest.hip_flexion_deg,
                "trunk_elevation_deg": trunk,
            },
            checks=checks,
            working_leg=hang.side,
            in_position=in_position,
            anchors={
                THIGH: side_landmark(hang.side, "hip"),
                KNEE: side_landmark(hang.side, "knee"),
            },
            reads=TRUNK + leg_landmarks(hang.side) if in_position else (),
        )

    # -- the reading -------------------------------------------------------
    def read_hold(self, hold: Hold) -> SideReading | None:
        """The hold's reading, once its position has been steady for `min_steady_s`."""
        t = self.t
        steady: SteadyReading | None = steady_reading(
            hold.samples, (THIGH, KNEE), t.steady_window_s, t.steady_range_deg
        )
        if steady is None or steady.steady_s < t.min_steady_s:
            return None
        thigh, knee = steady.values[THIGH], steady.values[KNEE]
        return SideReading(thigh, knee, classify(thigh, knee, t), steady.steady_s)

    def readings(self, holds: list[Hold]) -> dict[str, SideReading]:
        """Per side, the reading of its steadiest hold."""
        out: dict[str, SideReading] = {}
        for hold in holds:
            reading = self.read_hold(hold) if hold.side in SIDES else None
            if reading is not None and (
                hold.side not in out or reading.steady_s > out[hold.side].steady_s
            ):
                out[hold.side] = reading  # type: ignore[index]
        return out

    def hold_done_text(self, hold: Hold, holds: list[Hold]) -> str | None:
        reading = self.read_hold(hold)
        if reading is None:
            return None
        side = hold.side or "this"
        text = f"{side.capitalize()} leg: {reading.sentence()}."
        others = {s: r for s, r in self.readings(holds).items() if s != hold.side}
        return text + (" " + compare(self.readings(holds)) if others else " Now the other leg.")

    def conclude(self, holds: list[Hold]) -> Findings:
        readings = self.readings(holds)
        report: dict[str, Any] = {
            s: (readings[s].as_dict() if s in readings else None) for s in SIDES
        }
        if len(readings) == 2:
            report["left_minus_right"] = {
                THIGH: round(
                    readings["left"].thigh_above_table_deg
                    - readings["right"].thigh_above_table_deg,
                    1,
                ),
                KNEE: round(
                    readings["left"].knee_flexion_deg - readings["right"].knee_flexion_deg, 1
                ),
            }
        report["thresholds"] = {
            "iliopsoas_thigh_above_deg": self.t.iliopsoas_thigh_above_deg,
            "rectus_knee_flexion_below_deg": self.t.rectus_knee_flexion_below_deg,
        }
        report["caveat"] = CAVEAT
        lines = ["Thomas test (a screening, not a diagnosis):"]
        for side in SIDES:
            r = readings.get(side)
            lines.append(
                f"  {side}: {r.sentence()} (steady {r.steady_s:.0f} s)"
                if r
                else f"  {side}: not measured (the position was never steady for long enough)"
            )
        if len(readings) == 2:
            lines.append("  " + compare(readings))
        lines.append("  " + CAVEAT)
        return Findings({"thomas_test": report}, tuple(lines))


def compare(readings: dict[str, SideReading]) -> str:
    """Left against right, in words."""
    left, right = readings["left"], readings["right"]
    thigh = left.thigh_above_table_deg - right.thigh_above_table_deg
    knee = left.knee_flexion_deg - right.knee_flexion_deg
    return (
        f"Left vs right: the left thigh rests {abs(thigh):.0f} deg "
        f"{'higher' if thigh > 0 else 'lower'}, the left knee bends {abs(knee):.0f} deg "
        f"{'more' if knee > 0 else 'less'}."
    )
