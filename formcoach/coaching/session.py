"""The coach: pose frames in, per-frame results and a session record out.

The same `CoachSession` serves live coaching, video analysis and the
regression tests; only where frames come from and where results go differ.
It is deterministic and takes time from the frames' timestamps.
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter, deque
from dataclasses import dataclass, field

from formcoach.coaching.baseline import PersonalBaseline
from formcoach.coaching.checks import (
    BODY_NOT_VISIBLE,
    NO_PERSON,
    SETUP_CODES,
    TURN_SIDEWAYS,
    Assessment,
    Check,
)
from formcoach.coaching.cues import Cue, CueEvent, CueScheduler, CueTiming
from formcoach.coaching.debounce import Debounced, DebouncedSet
from formcoach.coaching.holds import Hold, HoldTracker
from formcoach.coaching.reps import Rep
from formcoach.coaching.sides import BOTH
from formcoach.coaching.trust import PoseTrust
from formcoach.core.continuity import LegLabels
from formcoach.core.landmarks import Landmark
from formcoach.core.pose import Pose, PoseFrame
from formcoach.core.smoothing import LandmarkSmoother
from formcoach.core.view import View, classify_view
from formcoach.exercises.base import Checker, ExerciseSpec, Findings

SETUP_TEXTS = {
    NO_PERSON: "Step into the camera's view",
    BODY_NOT_VISIBLE: "Step back so your whole body is in view",
    TURN_SIDEWAYS: "Turn sideways to the camera",
}
SIDES = ("left", "right")
# Faults are confirmed after this long present, cleared after this long absent.
FAULT_CONFIRM_S = 0.2
FAULT_CLEAR_S = 0.3
VIEW_WINDOW_S = 1.0
GATE_HOLD_S = 1.0  # a baseline-relative check stays silent this long after its gate fired
FRAME_MARGIN = 0.02  # landmarks may sit this far (share of the frame) outside it
VISIBLE = 0.5
SETTLING = "settling into the position"


def _timing_for(spec: ExerciseSpec, timing: CueTiming) -> CueTiming:
    """The cue timing with the exercise's own time for a cue judged at a rep's end."""
    if spec.rep_cue_s is None:
        return timing
    return dataclasses.replace(timing, flash_s=spec.rep_cue_s)


@dataclass(frozen=True)
class FrameResult:
    index: int
    time_s: float
    width: int
    height: int
    pose: Pose | None  # smoothed landmarks
    view: View | None
    setup: str | None  # the set-up problem this frame, if any
    assessment: Assessment
    present: frozenset[str]  # faults confirmed present (set-up codes included)
    cue: Cue | None
    ack: str | None
    events: tuple[CueEvent, ...]
    hold: Hold | None
    side: str | None  # the working side now (hold's or rep's vote), if known
    reps: dict[str, int]
    good_form_s: dict[str, float]


@dataclass
class SessionRecord:
    """What a session leaves behind: the material of report.json."""

    exercise: str
    cues: list[Cue]
    holds: list[Hold]
    reps: list[Rep]
    frames: int = 0
    pose_frames: int = 0
    usable_frames: int = 0
    leg_swaps_fixed: int = 0
    view_counts: Counter[str] = field(default_factory=Counter)
    facing_counts: Counter[str] = field(default_factory=Counter)
    check_counts: dict[str, Counter[str]] = field(default_factory=dict)
    silent_reasons: dict[str, Counter[str]] = field(default_factory=dict)
    first_time_s: float | None = None
    last_time_s: float | None = None
    findings: Findings | None = None  # an assessment's conclusion (the Thomas test)


class CoachSession:
    def __init__(
        self, checker: Checker, timing: CueTiming | None = None, smooth: bool = True
    ) -> None:
        self.checker = checker
        spec = checker.spec
        self.scheduler = CueScheduler(
            texts=SETUP_TEXTS | spec.cue_texts,
            priority=SETUP_CODES + spec.priority,
            timing=_timing_for(spec, timing or CueTiming()),
        )
        self._faults = DebouncedSet(FAULT_CONFIRM_S, FAULT_CLEAR_S)
        self._trust = PoseTrust()
        self._settled = Debounced(spec.settle_s, 0.0) if spec.settle_s else None
        self._smoother = LandmarkSmoother() if smooth else None
        self._labels = LegLabels()  # the raw poses' leg labels, made consistent
        self._views: deque[tuple[float, str, int | None]] = deque()
        self.holds = (
            HoldTracker(leave_after_s=spec.hold_ends_after_s) if spec.counting == "hold" else None
        )
        self.reps = checker.rep_counter()
        self.record = SessionRecord(
            exercise=spec.name,
            cues=self.scheduler.history,
            holds=self.holds.holds if self.holds else [],
            reps=self.reps.reps if self.reps else [],
        )
        self._completed_holds: set[int] = set()
        keep_across_reps = None if spec.counting == "reps" else 1.5
        self._gated: dict[str, tuple[float, str | None]] = {}
        self._baselines = [
            (
                limit,
                PersonalBaseline(
                    settle_s=limit.settle_s
                    if limit.settle_s is not None
                    else (0.5 if keep_across_reps else 0.2),
                    window_s=limit.window_s if limit.window_s is not None else 1.0,
                    reset_after_s=keep_across_reps,
                ),
            )
            for limit in checker.relative_limits()
        ]

    # -- per frame -------------------------------------------------------
    def process(self, frame: PoseFrame) -> FrameResult:
        t = frame.time_s
        rec = self.record
        rec.frames += 1
        rec.first_time_s = t if rec.first_time_s is None else rec.first_time_s
        rec.last_time_s = t
        rec.pose_frames += frame.pose is not None
        pose, view, setup = self._prepare(frame)
        assessment = Assessment()
        if setup is None and pose is not None and view is not None and view.facing is not None:
            assessment = self.checker.assess(pose, view.facing)
            rec.usable_frames += 1
            assessment = self._gate_untrusted(t, assessment)
        assessment = self._hold_off_while_settling(t, assessment)
        assessment = self._judge_relative(t, assessment)
        self._count_checks(assessment)
        raw = set(assessment.faults) | ({setup} if setup else set())
        present = self._faults.update(raw, t)
        since = {
            code: t if (began := self._faults.since(code)) is None else began for code in present
        }
        events = self.scheduler.update(t, since, self._current_side())
        events += self._count(t, assessment, present)
        return FrameResult(
            index=frame.index,
            time_s=t,
            width=frame.width,
            height=frame.height,
            pose=pose,
            view=view,
            setup=setup,
            assessment=assessment,
            present=present,
            cue=self.scheduler.current,
            ack=self.scheduler.ack_showing(t),
            events=tuple(events),
            hold=self.holds.current if self.holds else None,
            side=self._current_side(),
            reps=self._reps_per_side(),
            good_form_s=self._good_form_per_side(),
        )

    def carry_baselines_from(self, earlier: CoachSession) -> None:
        """Start from the settled baselines an earlier session of this exercise kept.

        Only those kept across reps (rep exercises): a hold takes its own anew.
        For a person who paused between reps long enough to end a recognised
        part, so that their first rep after the pause is judged against the
        same back as before it, not a new baseline taken from an arched rep.
        """
        for (limit, mine), (theirs_limit, theirs) in zip(
            self._baselines, earlier._baselines, strict=False
        ):
            if limit == theirs_limit and mine.reset_after_s is None and theirs.value is not None:
                mine.value = theirs.value

    def finish(self) -> SessionRecord:
        """Close open cues and holds at the last frame's time; returns the record."""
        end = self.record.last_time_s or 0.0
        self.scheduler.close(end)
        if self.holds:
            self.holds.close(end)
            self.record.findings = self.checker.conclude(self.record.holds)
        return self.record

    # -- steps -----------------------------------------------------------
    def _prepare(self, frame: PoseFrame) -> tuple[Pose | None, View | None, str | None]:
        """Smooth the pose, judge the view, and name any set-up problem."""
        raw = frame.pose
        if raw is None:
            self._labels.reset()
            return None, None, NO_PERSON
        pose, fixed = self._labels.fix(raw, frame.time_s)
        self.record.leg_swaps_fixed += fixed
        if self._smoother is not None:
            pose = pose.with_xy(self._smoother(pose.xy, frame.time_s, frame.height))
        if not self._body_in_frame(pose, frame.width, frame.height):
            return pose, None, BODY_NOT_VISIBLE
        view = self._stable_view(
            classify_view(pose, floor=self.checker.spec.posture == "floor"), frame.time_s
        )
        self.record.view_counts[view.kind] += 1
        if view.facing is not None:
            self.record.facing_counts["right" if view.facing > 0 else "left"] += 1
        needed = self.checker.spec.view
        if needed == "side" and view.kind in ("front", "oblique"):
            return pose, view, TURN_SIDEWAYS
        return pose, view, None

    def _body_in_frame(self, pose: Pose, width: int, height: int) -> bool:
        required = list(self.checker.spec.required) or list(Landmark)
        xy = pose.xy[required]
        mx, my = FRAME_MARGIN * width, FRAME_MARGIN * height
        inside = (
            (xy[:, 0] >= -mx).all()
            and (xy[:, 0] <= width + mx).all()
            and (xy[:, 1] >= -my).all()
            and (xy[:, 1] <= height + my).all()
        )
        legs_seen = pose.visible(Landmark.LEFT_KNEE, threshold=VISIBLE) or pose.visible(
            Landmark.RIGHT_KNEE, threshold=VISIBLE
        )
        return bool(inside and legs_seen)

    def _stable_view(self, view: View, time_s: float) -> View:
        """The majority view and facing over the last second: one frame never flips them."""
        self._views.append((time_s, view.kind, view.facing))
        while self._views and self._views[0][0] < time_s - VIEW_WINDOW_S:
            self._views.popleft()
        kinds = Counter(kind for _, kind, _ in self._views)
        facings = Counter(f for _, _, f in self._views if f is not None)
        kind = kinds.most_common(1)[0][0]
        facing = facings.most_common(1)[0][0] if facings else None
        return View(kind, facing, view.yaw_from_side_deg)  # type: ignore[arg-type]

    def _judge_relative(self, t: float, a: Assessment) -> Assessment:
        """Judge the checker's baseline-relative measures (e.g. the arch depth)."""
        if not self._baselines:
            return a
        checks = list(a.checks)
        for limit, baseline in self._baselines:
            value = a.measures.get(limit.measure)
            if value is not None and not math.isfinite(value):
                value = None
            base = baseline.update(t, value, a.in_position)
            own = [c for c in checks if c.code == limit.code]
            silenced = [c for c in own if c.status == "silent"]
            if silenced:
                self._gated[limit.code] = (t, silenced[0].reason)
            if value is None or silenced:
                continue  # gated: the checker's own silent reason stands
            gated_at, reason = self._gated.get(limit.code, (-math.inf, None))
            if t - gated_at < GATE_HOLD_S:
                # A gate that flickers (a hand brushing the back) keeps the check
                # silent a moment longer, so an in-between frame is not judged.
                checks = [c for c in checks if c.code != limit.code]
                checks.append(Check(limit.code, "silent", reason=reason))
                continue
            rose = base is not None and value - base > limit.rise
            faulty = rose or value > limit.ceiling or any(c.status == "fault" for c in own)
            checks = [c for c in checks if c.code != limit.code]
            checks.append(Check(limit.code, "fault" if faulty else "ok", value=value))
            if base is not None:
                a.measures[f"{limit.measure}_baseline"] = base
        return dataclasses.replace(a, checks=tuple(checks))

    def _hold_off_while_settling(self, t: float, a: Assessment) -> Assessment:
        """Silence the checks until the position has been held `spec.settle_s`."""
        if self._settled is None or self._settled.update(a.in_position, t):
            return a
        silent = tuple(Check(c.code, "silent", reason=SETTLING) for c in a.checks)
        return dataclasses.replace(a, checks=silent)

    def _gate_untrusted(self, t: float, a: Assessment) -> Assessment:
        """Silence the checks whose landmarks cannot be trusted this frame (coaching/trust.py).

        Nor does such a frame move the rep counter: a far leg guessed out of
        place must not count as a rep.
        """
        if not a.reads:
            return a
        reason = self._trust.update(self._labels.previous, t, [Landmark(j) for j in a.reads])
        if reason is None:
            return a
        silent = tuple(Check(c.code, "silent", reason=reason) for c in a.checks)
        return dataclasses.replace(a, checks=silent, rep_signal=None)

    def _count_checks(self, assessment: Assessment) -> None:
        for check in assessment.checks:
            self.record.check_counts.setdefault(check.code, Counter())[check.status] += 1
            if check.status == "silent" and check.reason:
                self.record.silent_reasons.setdefault(check.code, Counter())[check.reason] += 1

    def _count(self, t: float, a: Assessment, present: frozenset[str]) -> list[CueEvent]:
        """Advance holds and reps; returns acknowledgements to speak."""
        events: list[CueEvent] = []
        form_faults = frozenset(present)
        if self.holds is not None:
            # A hold keeps the measures of the frames whose checks all passed (none
            # silenced as untrusted): an assessment reads them (the Thomas test).
            kept = self.checker.hold_measures
            passed = all(c.status == "ok" for c in a.checks)
            measures = (
                {k: a.measures[k] for k in kept if k in a.measures} if kept and passed else None
            )
            started, _ = self.holds.update(t, a.in_position, a.working_leg, form_faults, measures)
            if started is not None and not form_faults:
                events.append(self.scheduler.acknowledge(t, "Good position, hold it there"))
            hold = self.holds.current
            target = self.checker.spec.hold_target_s
            if hold is not None and target and hold.good_form_s >= target:
                done = (
                    None
                    if id(hold) in self._completed_holds
                    else self.checker.hold_done_text(hold, self.holds.holds)
                )
                if done is not None:
                    self._completed_holds.add(id(hold))
                    events.append(self.scheduler.acknowledge(t, done))
        if self.reps is not None:
            rep = self.reps.update(t, a.rep_signal, a.working_leg, form_faults, a.measures)
            if rep is not None:
                rep_faults = self.checker.rep_faults(rep)
                rep.faults |= rep_faults
                # a fault already cued during the rep is not said again at its end
                cued = {c.code for c in self.scheduler.history if c.start_s >= rep.start_s}
                for code in sorted(rep_faults - cued, key=self.scheduler.rank_of)[:1]:
                    events += self.scheduler.flash(code, t, rep.side)
        return events

    # -- running totals --------------------------------------------------
    def _current_side(self) -> str | None:
        if self.holds is not None and self.holds.current is not None:
            return self.holds.current.side
        if self.reps is not None and self.reps.current is not None:
            return self.reps.current.side
        return None

    def _sides(self) -> tuple[str, ...]:
        return SIDES + (BOTH,) if self.checker.spec.bilateral else SIDES

    def _reps_per_side(self) -> dict[str, int]:
        counts = dict.fromkeys(self._sides(), 0)
        if self.reps is not None:
            for rep in self.reps.reps:
                if rep.side in counts:
                    counts[rep.side] += 1
        elif self.holds is not None:
            target = self.checker.spec.hold_target_s
            for hold in self.holds.holds:
                if hold.side in counts and hold.good_form_s >= target:
                    counts[hold.side] += 1
        return counts

    def _good_form_per_side(self) -> dict[str, float]:
        totals = dict.fromkeys(self._sides(), 0.0)
        if self.holds is not None:
            for hold in self.holds.holds:
                if hold.side in totals:
                    totals[hold.side] += hold.good_form_s
        return totals
