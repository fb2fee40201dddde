"""NAME.expect.toml: what the coach must and must not say about a clip, from its truth."""

from __future__ import annotations

from dataclasses import dataclass

from .motion import Motion

FAULT_CODES = {
    "kneeling-hip-flexor": [
        "lower_back_arch",
        "trunk_lean_forward",
        "front_knee_past_ankle",
        "front_knee_behind_ankle",
        "lunge_too_shallow",
    ],
    "lunge": [
        "front_knee_past_ankle",
        "trunk_lean_forward",
        "lower_back_arch",
        "lunge_too_shallow",
    ],
    "standing-hip-flexor": ["back_knee_bent", "lower_back_arch", "trunk_lean_forward"],
    "glute-bridge": ["hips_sagging", "hips_too_high"],
    "bird-dog": ["leg_above_hip", "back_sagging", "limb_not_extended"],
    "dead-bug": ["lower_back_arch", "knees_not_over_hips"],
    "march": ["knee_below_hip", "no_pause", "trunk_lean_back"],
    "leg-swing": ["trunk_rocking"],
    "table-psoas": ["trunk_lean_forward", "back_leg_bent"],
    "constructive-rest": ["position_lost"],
    "bed-stretch": [],
    "thomas-test": [],
}
SETUP_CODES = ["turn_sideways", "no_person"]
# Every fault episode expects its own cue (the coach cues each rep's fault as the rep
# ends, and a fault that comes back after being fixed); turn_sideways is expected once.
REPEAT_S = 0.0
HOLD_EXERCISES = {
    "kneeling-hip-flexor",
    "standing-hip-flexor",
    "glute-bridge",
    "bed-stretch",
    "table-psoas",
    "constructive-rest",
    "thomas-test",
}
REP_EXERCISES = {"lunge", "bird-dog", "dead-bug", "march", "leg-swing", "glute-bridge"}


@dataclass
class Episode:
    code: str
    start: float
    end: float


def episodes(times: list[float], faults: list[list[str]]) -> list[Episode]:
    out: list[Episode] = []
    open_: dict[str, float] = {}
    last_t = times[-1] if times else 0.0
    for t, fs in zip(times, faults, strict=True):
        for c in list(open_):
            if c not in fs:
                out.append(Episode(c, open_.pop(c), t))
        for c in fs:
            open_.setdefault(c, t)
    for c, s in open_.items():
        out.append(Episode(c, s, last_t))
    return sorted(out, key=lambda e: (e.start, e.code))


def _window_end(e: Episode, duration: float) -> float:
    """The cue may start until 1.5 s after the episode ends, at least 3 s and at most 6 s in."""
    return min(duration, max(e.start + 3.0, min(e.end + 1.5, e.start + 6.0)))


def _toml_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return repr(round(float(v), 2)) if isinstance(v, float) else str(v)
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(v, list):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    raise TypeError(v)


def build(
    exercise: str,
    view: str,
    summary: str,
    times: list[float],
    faults: list[list[str]],
    phases: list[str],
    sides: list[str],
    motion: Motion,
    fps: float,
    overrides: dict,
) -> str:
    eps = episodes(times, faults)
    duration = times[-1] if times else 0.0
    present = {e.code for e in eps}
    codes = FAULT_CODES.get(exercise, []) + SETUP_CODES
    must_not = [c for c in codes if c not in present]
    if view != "side":
        # no side-view form judgement is possible: the coach must not cue form faults either
        must_not = [c for c in codes if c != "turn_sideways" and c not in present]
    lines = [
        f"exercise = {_toml_value(exercise)}",
        f"view = {_toml_value(view)}",
        f"summary = {_toml_value(summary)}",
        f"duration_s = {round(duration, 2)}",
        f"must_not_cue = {_toml_value(overrides.get('must_not_cue', must_not))}",
    ]
    for k, v in overrides.items():
        if k != "must_not_cue":
            lines.append(f"{k} = {_toml_value(v)}")
    if motion.sweeps:  # where the arch sweep runs: `formcoach accuracy` ranks the arch over it
        lines.append(f"arch_sweep_s = {_toml_value([round(t, 2) for t in motion.sweeps[0]])}")
    last_cue: dict[str, float] = {}
    for e in eps:
        prev = last_cue.get(e.code)
        if prev is not None and (e.code == "turn_sideways" or e.start - prev < REPEAT_S):
            continue
        last_cue[e.code] = e.start
        lines += [
            "",
            "[[must_cue]]",
            f"code = {_toml_value(e.code)}",
            f"from_s = {round(e.start, 2)}",
            f"to_s = {round(_window_end(e, duration), 2)}",
        ]
    reps_left = sum(1 for ev in motion.events if ev.kind == "rep" and ev.side == "left")
    reps_right = sum(1 for ev in motion.events if ev.kind == "rep" and ev.side == "right")
    reps_both = sum(1 for ev in motion.events if ev.kind == "rep" and ev.side == "both")
    if exercise in REP_EXERCISES and (reps_left or reps_right) and "reps" not in overrides:
        lines += ["", "[reps]", f"left = {reps_left}", f"right = {reps_right}"]
    elif exercise in REP_EXERCISES and reps_both and "reps" not in overrides:
        lines += ["", "[reps]  # both legs together", f"total = {reps_both}"]
    if exercise in HOLD_EXERCISES and view == "side":
        dt = 1.0 / fps
        good = {"left": 0.0, "right": 0.0}
        for ph, sd, fs in zip(phases, sides, faults, strict=True):
            if ph == "hold" and sd in good and not [c for c in fs if c not in ("turn_sideways",)]:
                good[sd] += dt
        lines += [
            "",
            "[good_form_s]",
            f"left = {round(good['left'], 1)}",
            f"right = {round(good['right'], 1)}",
            "tolerance_s = 3.0",
        ]
    return "\n".join(lines) + "\n"
