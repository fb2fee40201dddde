"""Choreographies: each exercise turns a scenario's motion steps into keyframes.

A step is a TOML table ``{ do = "NAME", s = SECONDS, ... }``; ``do`` names a method
``step_NAME`` of the exercise's choreographer. Faults are switched on by a step's
``fault = "code"`` (strength from the step's ``strength`` or the scenario's).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, ClassVar

from .errors import ScenarioError
from .motion import Motion
from .planner import Planner
from .pose import Pose

logger = logging.getLogger(__name__)


@dataclass
class Choreographer:
    plan: Planner
    strength: float = 1.0
    arms: str = "knee"
    m: Motion = field(default_factory=Motion)
    pose: Pose | None = None

    faults_allowed: ClassVar[tuple[str, ...]] = ()
    default_steps: ClassVar[tuple[dict[str, Any], ...]] = ()
    default_arms: ClassVar[str] = "hang"

    def steps_for(self, form: str) -> list[dict[str, Any]]:
        """The default motion, with the scenario's fault (if any) on every working step."""
        steps = [dict(s) for s in self.default_steps]
        if form != "good":
            if form not in self.faults_allowed:
                raise ScenarioError(f"form {form!r} is not 'good' or one of {list(self.faults_allowed)}")
            for s in steps:
                if s.get("faultable"):
                    s["fault"] = form
        for s in steps:
            s.pop("faultable", None)
        return steps

    def props(self, scene_mod, mat_rgb) -> list:
        """Extra meshes (mat, bed, table) this exercise needs."""
        if mat_rgb is None:
            return []
        return [scene_mod._box([1.8, 0.6, 0.006], [0.1, 0.0, 0.003], mat_rgb, rough=0.9)]

    def summary(self, sc) -> str:
        form = "good form" if sc.form == "good" else f"{sc.form.replace('_', ' ')} (strength {sc.strength:g})"
        return f"{sc.exercise.replace('-', ' ')}, {form}, working side {sc.side}, camera {sc.camera.view}"

    @property
    def side(self) -> str:
        return self.plan.side

    def other_side(self) -> str:
        return "right" if self.plan.side == "left" else "left"

    def key(self, dt: float, pose: Pose, phase: str, faults: dict[str, float] | None = None) -> None:
        self.pose = self.m.add(dt, pose, phase, self.side, faults)

    def run(self, steps: list[dict[str, Any]]) -> Motion:
        for step in steps:
            step = dict(step)
            name = step.pop("do")
            fn = getattr(self, f"step_{name.replace('-', '_')}", None)
            if fn is None:
                valid = sorted(a[5:] for a in dir(self) if a.startswith("step_"))
                raise ScenarioError(f"unknown motion step {name!r} for {type(self).__name__}; valid: {valid}")
            fault = step.get("fault")
            if fault is not None and fault not in self.faults_allowed:
                raise ScenarioError(f"fault {fault!r} is not one of {list(self.faults_allowed)}")
            fn(**step)
        return self.m

    # shared steps
    def step_wait(self, s: float = 1.0) -> None:
        self.m.hold(s)

    def step_switch(self, s: float = 0.0) -> None:
        """Swap the working leg for the steps that follow."""
        self.plan.side = self.other_side()
        if s:
            self.m.hold(s)

    def step_leave(self, s: float = 3.0, dist: float = 4.0) -> None:
        """Walk forward out of the picture, then the empty room for the rest of ``s``."""
        start_t = self.m.t
        p = self.plan.stand(self.pose.u, arms="hang")
        self.key(1.0, p, "leave")
        self.pose = self.plan.walk(self.m, p, dist)
        rest = s - (self.m.t - start_t)
        if rest > 0:
            self.m.hold(rest, phase="empty")


class KneelingHipFlexor(Choreographer):
    faults_allowed = ("lower_back_arch", "trunk_lean_forward", "front_knee_past_ankle")
    default_steps = ({"do": "enter", "s": 2.5}, {"do": "hold", "s": 7.5, "faultable": True}, {"do": "stand_up", "s": 2.0})
    default_arms = "knee"

    def good(self, **kw) -> Pose:
        base = dict(back_thigh=-14.0, front_shin=3.0, tilt=-8.0, trunk=-3.0, arms=self.arms)
        base.update(kw)
        return self.plan.kneel(0.0, **base)

    def faulty(self, fault: str | None, strength: float) -> tuple[Pose, dict[str, float]]:
        s = strength
        if fault == "lower_back_arch":
            return self.good(tilt=-8.0 + 32.0 * s, trunk=-3.0 - 4.0 * s, back_thigh=-14.0 - 4 * s), {fault: 1.0}
        if fault == "trunk_lean_forward":
            return self.good(trunk=-3.0 + 30.0 * s, tilt=-8.0 + 22.0 * s, back_thigh=-14.0 + 12 * s), {fault: 1.0}
        if fault == "front_knee_past_ankle":
            return self.good(front_shin=3.0 + 27.0 * s, back_thigh=-14.0 - 6 * s), {fault: 1.0}
        return self.good(), {}

    def step_stand(self, s: float = 1.0) -> None:
        self.key(s if self.pose else 0.0, self.plan.stand(-0.25, arms="hang"), "stand")
        if self.pose and s and len(self.m.keys) == 1:
            self.m.hold(s)

    def step_enter(self, s: float = 2.5, fault: str | None = None, strength: float | None = None) -> None:
        """From standing, step the front foot forward and lower the working knee to the floor."""
        if self.pose is None:
            self.key(0.0, self.plan.stand(-0.25, arms="hang"), "stand")
            self.m.hold(0.4)
        kneel, faults = self.faulty(fault, self.strength if strength is None else strength)
        p0 = self.pose
        o, w = self.plan.o, self.plan.w
        front_u = getattr(kneel, f"{o}_ik_u")
        step = self.plan.step_pose(p0, o, front_u, lift=0.08, frac=0.6).replace(u=p0.u + 0.12)
        self.key(0.3 * s, step, "enter")
        lunge = self.plan.lunge_bottom(front_u, getattr(p0, f"{w}_ik_u") - 0.15, knee_gap=0.25, arms="hang",
                                       front=o, trunk=5.0)
        self.key(0.35 * s, lunge, "enter")
        self.key(0.35 * s, kneel, "hold", faults)

    def step_hold(self, s: float = 8.0, fault: str | None = None, strength: float | None = None,
                  fault_from: float | None = None, fault_s: float | None = None) -> None:
        """Hold; with ``fault``, the fault comes in at ``fault_from`` s into the hold for ``fault_s`` s
        (whole hold if not given), blending over 0.8 s."""
        if fault is None or fault_from is None:
            pose, faults = self.faulty(fault, self.strength if strength is None else strength)
            if fault is not None and self.pose is not None:
                self.key(min(1.0, s / 4), pose, "hold", faults)
                s -= min(1.0, s / 4)
            self.key(s, pose, "hold", faults)
            return
        good, _ = self.faulty(None, 1.0)
        bad, faults = self.faulty(fault, self.strength if strength is None else strength)
        dur = fault_s if fault_s is not None else s - fault_from - 0.8
        ramp = 0.8
        self.key(fault_from, good, "hold", {})
        self.key(ramp, bad, "hold", faults)
        self.key(max(dur - ramp, 0.1), bad, "hold", faults)
        self.key(ramp, good, "hold", {})
        rest = s - fault_from - dur - ramp
        if rest > 0:
            self.key(rest, good, "hold", {})

    def step_stand_up(self, s: float = 2.0) -> None:
        p = self.pose
        o, w = self.plan.o, self.plan.w
        front_u = getattr(p, f"{o}_ik_u")
        lunge = self.plan.lunge_bottom(front_u, p.u - 0.45, knee_gap=0.25, arms="hang", front=o, trunk=8.0)
        self.key(0.5 * s, lunge, "stand_up")
        stand = self.plan.stand(front_u - 0.05, arms="hang")
        self.key(0.5 * s, stand, "stand")


class Lunge(Choreographer):
    faults_allowed = ("lower_back_arch", "trunk_lean_forward", "front_knee_past_ankle", "lunge_too_shallow")
    default_steps = ({"do": "stand", "s": 1.0}, {"do": "reps", "n": 3, "alternate": True, "faultable": True})
    default_arms = "hang"

    def bottom(self, front_u: float, back_u: float, fault: str | None, s: float, front: str) -> tuple[Pose, dict[str, float]]:
        kw: dict[str, Any] = dict(knee_gap=0.09, trunk=3.0, tilt=-2.0, arms=self.arms, front=front)
        faults: dict[str, float] = {}
        if fault == "front_knee_past_ankle":
            kw["front_shin"] = 8.0 + 28.0 * s
            faults[fault] = 1.0
        elif fault == "trunk_lean_forward":
            kw.update(trunk=3.0 + 32.0 * s, tilt=-2.0 + 20.0 * s)
            faults[fault] = 1.0
        elif fault == "lower_back_arch":
            kw.update(tilt=-2.0 + 30.0 * s, trunk=-4.0 * s)
            faults[fault] = 1.0
        elif fault == "lunge_too_shallow":
            kw["knee_gap"] = 0.09 + 0.30 * s
            faults[fault] = 1.0
        return self.plan.lunge_bottom(front_u, back_u, **kw), faults

    def step_stand(self, s: float = 1.0, u: float = 0.0) -> None:
        first = self.pose is None
        self.key(0.0 if first else s, self.plan.stand(u, arms=self.arms), "stand")
        if first:
            self.m.hold(s)

    def step_reps(self, n: int = 3, alternate: bool = True, kind: str = "forward", fault: str | None = None,
                  strength: float | None = None, step: float = 0.85, rep_s: float = 3.0, rest_s: float = 0.4,
                  fault_reps: list[int] | None = None) -> None:
        """``n`` lunges per leg (alternating legs, or all on the working leg first when not).
        ``kind``: forward | reverse. ``fault_reps`` (1-based, counting every rep) limits the fault."""
        s = self.strength if strength is None else strength
        order = []
        for i in range(n):
            if alternate:
                order += [self.plan.w, self.plan.o]
            else:
                order.append(self.plan.w)
        if not alternate:
            order += [self.plan.o] * n
        for k, front in enumerate(order, start=1):
            f_here = fault if (fault and (fault_reps is None or k in fault_reps)) else None
            self._one(front, kind, f_here, s, step, rep_s)
            if rest_s:
                self.m.hold(rest_s, phase="stand")

    def _one(self, front: str, kind: str, fault: str | None, s: float, step: float, rep_s: float) -> None:
        p0 = self.pose
        side = "left" if front == "l" else "right"
        back = "r" if front == "l" else "l"
        u0 = p0.u
        if kind == "forward":
            front_u, back_u = u0 + step, u0
            if fault == "front_knee_past_ankle":
                front_u = u0 + step * 0.75
            moving = front
        else:
            front_u, back_u = u0, u0 - step
            moving = back
        bottom, faults = self.bottom(front_u, back_u, fault, s, front)
        air = self.plan.step_pose(p0, moving, front_u if moving == front else back_u, lift=0.1, frac=0.55)
        air = air.replace(u=u0 + (0.12 if kind == "forward" else -0.12), h=self.plan.standing_h() - 0.02)
        land = bottom.replace(h=bottom.h + 0.28 * (self.plan.standing_h() - bottom.h))
        self.m.add(0.16 * rep_s, air, "descend", side)
        self.m.add(0.14 * rep_s, land, "descend", side, faults if fault == "lunge_too_shallow" else {})
        self.m.add(0.22 * rep_s, bottom, "bottom", side, faults)
        self.m.rep(side)
        self.m.hold(0.06 * rep_s)
        self.m.add(0.2 * rep_s, land, "ascend", side, faults if fault == "lunge_too_shallow" else {})
        back_air = self.plan.step_pose(land, moving, u0, lift=0.1, frac=0.5).replace(u=u0 + (0.1 if kind == "forward" else -0.1))
        self.m.add(0.12 * rep_s, back_air, "ascend", side)
        self.pose = self.m.add(0.1 * rep_s, self.plan.stand(u0, arms=self.arms), "stand", side)


EXERCISES: dict[str, type[Choreographer]] = {
    "kneeling-hip-flexor": KneelingHipFlexor,
    "lunge": Lunge,
}
