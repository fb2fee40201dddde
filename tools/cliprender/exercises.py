"""Choreographies: each exercise turns a scenario's motion steps into keyframes.

A step is a TOML table ``{ do = "NAME", s = SECONDS, ... }``; ``do`` names a method
``step_NAME`` of the exercise's choreographer. Faults are switched on by a step's
``fault = "code"`` (strength from the step's ``strength`` or the scenario's).
"""

from __future__ import annotations

import logging
import math
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
                raise ScenarioError(
                    f"form {form!r} is not 'good' or one of {list(self.faults_allowed)}"
                )
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
        form = (
            "good form"
            if sc.form == "good"
            else f"{sc.form.replace('_', ' ')} (strength {sc.strength:g})"
        )
        ex = sc.exercise.replace("-", " ")
        return f"{ex}, {form}, working side {sc.side}, camera {sc.camera.view}"

    @property
    def side(self) -> str:
        return self.plan.side

    def other_side(self) -> str:
        return "right" if self.plan.side == "left" else "left"

    def key(
        self, dt: float, pose: Pose, phase: str, faults: dict[str, float] | None = None
    ) -> None:
        self.pose = self.m.add(dt, pose, phase, self.side, faults)

    def run(self, steps: list[dict[str, Any]]) -> Motion:
        for step in steps:
            step = dict(step)
            name = step.pop("do")
            fn = getattr(self, f"step_{name.replace('-', '_')}", None)
            if fn is None:
                valid = sorted(a[5:] for a in dir(self) if a.startswith("step_"))
                raise ScenarioError(
                    f"unknown motion step {name!r} for {type(self).__name__}; valid: {valid}"
                )
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
    faults_allowed = (
        "lower_back_arch",
        "trunk_lean_forward",
        "front_knee_past_ankle",
        "front_knee_behind_ankle",
    )
    default_steps = (
        {"do": "enter", "s": 2.5},
        {"do": "hold", "s": 7.5, "faultable": True},
        {"do": "stand_up", "s": 2.0},
    )
    default_arms = "knee"

    def good(self, **kw) -> Pose:
        base = dict(back_thigh=-14.0, front_shin=3.0, tilt=-8.0, trunk=-3.0, arms=self.arms)
        base.update(kw)
        return self.plan.kneel(0.0, **base)

    def faulty(self, fault: str | None, strength: float) -> tuple[Pose, dict[str, float]]:
        s = strength
        if fault == "lower_back_arch":
            return self.good(
                tilt=-8.0 + 32.0 * s, trunk=-3.0 - 4.0 * s, back_thigh=-14.0 - 4 * s
            ), {fault: 1.0}
        if fault == "trunk_lean_forward":
            return self.good(
                trunk=-3.0 + 30.0 * s, tilt=-8.0 + 22.0 * s, back_thigh=-14.0 + 12 * s
            ), {fault: 1.0}
        if fault == "front_knee_past_ankle":
            return self.good(front_shin=3.0 + 27.0 * s, back_thigh=-14.0 - 6 * s), {fault: 1.0}
        if fault == "front_knee_behind_ankle":  # front foot too far out: the shin slopes back
            return self.good(front_shin=3.0 - 38.0 * s, back_thigh=-14.0 + 4 * s), {fault: 1.0}
        return self.good(), {}

    def step_stand(self, s: float = 1.0) -> None:
        self.key(s if self.pose else 0.0, self.plan.stand(-0.25, arms="hang"), "stand")
        if self.pose and s and len(self.m.keys) == 1:
            self.m.hold(s)

    def step_enter(
        self, s: float = 2.5, fault: str | None = None, strength: float | None = None
    ) -> None:
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
        lunge = self.plan.lunge_bottom(
            front_u, getattr(p0, f"{w}_ik_u") - 0.15, knee_gap=0.25, arms="hang", front=o, trunk=5.0
        )
        self.key(0.35 * s, lunge, "enter")
        self.key(0.35 * s, kneel, "enter", faults)

    def step_hold(
        self,
        s: float = 8.0,
        fault: str | None = None,
        strength: float | None = None,
        fault_from: float | None = None,
        fault_s: float | None = None,
    ) -> None:
        """Hold; with ``fault``, the fault comes in ``fault_from`` s into the hold for ``fault_s`` s
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

    def step_sweep(
        self,
        s: float = 8.0,
        lo: float = -15.0,
        hi: float = 30.0,
        cycles: int = 1,
        arch_from: float = 12.0,
    ) -> None:
        """Sweep the pelvic tilt lo -> hi -> lo (``cycles`` times) with the lower back taking it
        up so the chest stays upright; ``lower_back_arch`` is true while tilt >= ``arch_from``."""
        n = 12 * cycles
        start = self.m.t
        for k in range(1, n + 1):
            ph = 2 * math.pi * k / 12
            tilt = lo + (hi - lo) * 0.5 * (1 - math.cos(ph))
            pose = self.good(tilt=tilt, trunk=-3.0 - 4.0 * max(0.0, tilt) / 30.0)
            faults = {"lower_back_arch": 1.0} if tilt >= arch_from else {}
            self.m.add(s / n, pose, "hold", self.side, faults, ease=False)
        self.m.sweeps.append((start, self.m.t))
        self.pose = self.m.keys[-1].pose

    def step_stand_up(self, s: float = 2.0) -> None:
        p = self.pose
        o = self.plan.o
        front_u = getattr(p, f"{o}_ik_u")
        lunge = self.plan.lunge_bottom(
            front_u, p.u - 0.45, knee_gap=0.25, arms="hang", front=o, trunk=8.0
        )
        self.key(0.5 * s, lunge, "stand_up")
        stand = self.plan.stand(front_u - 0.05, arms="hang")
        self.key(0.5 * s, stand, "stand")


class Lunge(Choreographer):
    faults_allowed = (
        "lower_back_arch",
        "trunk_lean_forward",
        "front_knee_past_ankle",
        "lunge_too_shallow",
    )
    default_steps = (
        {"do": "stand", "s": 1.0},
        {"do": "reps", "n": 3, "alternate": True, "faultable": True},
    )
    default_arms = "hang"

    def bottom(
        self, front_u: float, back_u: float, fault: str | None, s: float, front: str
    ) -> tuple[Pose, dict[str, float]]:
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
            return self.shallow(front_u, back_u, s, front), {fault: 1.0}
        return self.plan.lunge_bottom(front_u, back_u, **kw), faults

    def shallow(
        self, front_u: float, back_u: float, s: float, front: str, part: float = 1.0
    ) -> Pose:
        """A short-stepped lunge that stops high (planner ``shallow_lunge``): at strength 1
        the front knee bends to 128 deg and the back knee to 141 deg, the hips drop ~8 cm.
        ``part`` < 1: that share of the bend, for the step's landing."""
        s = min(s, 1.0)
        fk = 180.0 - part * 52.0 * s
        bk = 180.0 - part * 40.5 * s
        return self.plan.shallow_lunge(
            front_u,
            back_u,
            front_knee=fk,
            back_knee=bk,
            trunk=3.0,
            tilt=-2.0,
            heel_lift=10.0 + 25.0 * part,
            arms=self.arms,
            front=front,
        )

    def step_stand(self, s: float = 1.0, u: float = 0.0) -> None:
        first = self.pose is None
        self.key(0.0 if first else s, self.plan.stand(u, arms=self.arms), "stand")
        if first:
            self.m.hold(s)

    def step_reps(
        self,
        n: int = 3,
        alternate: bool = True,
        kind: str = "forward",
        fault: str | None = None,
        strength: float | None = None,
        step: float = 0.85,
        rep_s: float = 3.0,
        rest_s: float = 0.4,
        fault_reps: list[int] | None = None,
    ) -> None:
        """``n`` lunges per leg (alternating legs, or all on the working leg first when not).
        ``kind``: forward | reverse. ``fault_reps`` (1-based, all reps counted) limits the fault."""
        s = self.strength if strength is None else strength
        order = []
        for _ in range(n):
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

    def _one(
        self, front: str, kind: str, fault: str | None, s: float, step: float, rep_s: float
    ) -> None:
        p0 = self.pose
        side = "left" if front == "l" else "right"
        back = "r" if front == "l" else "l"
        u0 = p0.u
        if fault == "lunge_too_shallow":
            step *= 0.65  # a short step
        if kind == "forward":
            front_u, back_u = u0 + step, u0
            if fault == "front_knee_past_ankle":
                front_u = u0 + step * 0.75
            moving = front
        else:
            front_u, back_u = u0, u0 - step
            moving = back
        bottom, faults = self.bottom(front_u, back_u, fault, s, front)
        air = self.plan.step_pose(
            p0, moving, front_u if moving == front else back_u, lift=0.1, frac=0.55
        )
        air = air.replace(
            u=u0 + (0.12 if kind == "forward" else -0.12), h=self.plan.standing_h() - 0.02
        )
        land = bottom.replace(h=bottom.h + 0.28 * (self.plan.standing_h() - bottom.h))
        if fault == "lunge_too_shallow":
            land = self.shallow(front_u, back_u, s, front, part=0.45)
        # The landing (and, for an arch, the step back) carry the bottom's posture, so the
        # fault is labelled there too: an arched back is arched from landing until the feet
        # are back together, not only at the bottom key.
        carried = faults if fault in ("lunge_too_shallow", "lower_back_arch") else {}
        self.m.add(0.16 * rep_s, air, "descend", side)
        self.m.add(0.14 * rep_s, land, "descend", side, carried)
        self.m.add(0.22 * rep_s, bottom, "bottom", side, faults)
        self.m.rep(side)
        self.m.hold(0.06 * rep_s)
        self.m.add(0.2 * rep_s, land, "ascend", side, carried)
        back_air = self.plan.step_pose(land, moving, u0, lift=0.1, frac=0.5).replace(
            u=u0 + (0.1 if kind == "forward" else -0.1)
        )
        if fault == "lunge_too_shallow":
            # the foot that stays planted takes the weight flat again, the hips back up
            stay = back if moving == front else front
            back_air = back_air.replace(
                h=self.plan.standing_h() - 0.02,
                **{
                    f"{stay}_ik_u": getattr(p0, f"{stay}_ik_u"),
                    f"{stay}_ik_h": getattr(p0, f"{stay}_ik_h"),
                    f"{stay}_foot": 0.0,
                    f"{stay}_toes": 0.0,
                },
            )
        self.m.add(
            0.12 * rep_s, back_air, "ascend", side, faults if fault == "lower_back_arch" else {}
        )
        self.pose = self.m.add(0.1 * rep_s, self.plan.stand(u0, arms=self.arms), "stand", side)


class StandingHipFlexor(Choreographer):
    """Staggered-stance stretch; the working leg is the stretched (back) leg."""

    faults_allowed = ("back_knee_bent", "lower_back_arch", "trunk_lean_forward")
    default_steps = (
        {"do": "stand", "s": 1.0},
        {"do": "enter", "s": 2.0},
        {"do": "hold", "s": 7.0, "faultable": True},
        {"do": "exit", "s": 1.5},
    )
    default_arms = "hang"

    def stance(self, fault: str | None, s: float) -> tuple[Pose, dict[str, float]]:
        kw: dict[str, Any] = dict(back_knee=176.0, tilt=-6.0, trunk=0.0, arms=self.arms)
        faults: dict[str, float] = {}
        if fault == "back_knee_bent":
            kw["back_knee"] = 176.0 - 40.0 * s
        elif fault == "lower_back_arch":
            kw.update(tilt=-6.0 + 30.0 * s, trunk=-5.0 * s)
        elif fault == "trunk_lean_forward":
            kw.update(trunk=28.0 * s, tilt=-6.0 + 18.0 * s)
        if fault:
            faults[fault] = 1.0
        return self.plan.split_stance(0.50, -0.62, **kw), faults

    def step_stand(self, s: float = 1.0) -> None:
        first = self.pose is None
        self.key(0.0 if first else s, self.plan.stand(0.0, arms=self.arms), "stand")
        if first:
            self.m.hold(s)

    def step_enter(
        self, s: float = 2.0, fault: str | None = None, strength: float | None = None
    ) -> None:
        target, faults = self.stance(fault, self.strength if strength is None else strength)
        mid = self.plan.step_pose(self.pose, self.plan.o, 0.50, lift=0.08, frac=0.6).replace(u=0.1)
        self.key(0.4 * s, mid, "enter")
        self.key(0.6 * s, target, "enter", faults)

    def step_hold(
        self,
        s: float = 7.0,
        fault: str | None = None,
        strength: float | None = None,
        fault_from: float | None = None,
        fault_s: float | None = None,
    ) -> None:
        st = self.strength if strength is None else strength
        good, _ = self.stance(None, st)
        if fault is None:
            self.key(s, good, "hold")
            return
        bad, faults = self.stance(fault, st)
        if fault_from is None:
            self.key(min(1.0, s / 4), bad, "hold", faults)
            self.key(s - min(1.0, s / 4), bad, "hold", faults)
            return
        dur = fault_s if fault_s is not None else s - fault_from - 0.8
        self.key(fault_from, good, "hold")
        self.key(0.8, bad, "hold", faults)
        self.key(max(dur - 0.8, 0.1), bad, "hold", faults)
        self.key(0.8, good, "hold")
        rest = s - fault_from - dur - 0.8
        if rest > 0:
            self.key(rest, good, "hold")

    def step_exit(self, s: float = 1.5) -> None:
        mid = self.plan.step_pose(self.pose, self.plan.w, 0.0, lift=0.08, frac=0.6).replace(u=0.0)
        self.key(0.5 * s, mid, "exit")
        self.key(0.5 * s, self.plan.stand(0.50, arms=self.arms), "stand")


class GluteBridge(Choreographer):
    """Lying bridge: lift the hips into a line with shoulders and knees, hold, lower. Bilateral."""

    faults_allowed = ("hips_sagging", "hips_too_high")
    default_steps = (
        {"do": "lie", "s": 1.0},
        {"do": "reps", "n": 3, "hold_s": 2.0, "faultable": True},
    )
    floor = True

    def top(self, fault: str | None, s: float) -> tuple[Pose, dict[str, float]]:
        d = self.dims_
        feet_u = 0.40
        # a straight shoulder-hip-knee line: the hips at the height the knees give
        base = self.plan.supine(feet_u=feet_u)
        line_h = self._line_height(base)
        h = line_h
        tilt = 0.0
        faults: dict[str, float] = {}
        if fault == "hips_sagging":
            h = d.hip_lie + (line_h - d.hip_lie) * (1.0 - 0.55 * s)
            faults[fault] = 1.0
        elif fault == "hips_too_high":
            h = line_h + 0.07 * s
            tilt = 18.0 * s  # the lower back arches to get there
            faults[fault] = 1.0
        trunk = self.plan.bridge_trunk(h)
        p = self.plan.supine(h=h, feet_u=feet_u, trunk=trunk, tilt=trunk + tilt)
        # arms stay flat on the floor beside the body while the chest tilts
        p = p.replace(la_flex=trunk - 4.0, ra_flex=trunk - 4.0)
        return p, faults

    @property
    def dims_(self):
        return self.plan.dims

    def _line_height(self, p: Pose) -> float:
        """Hip height that puts shoulder, hip and knee on one line (solved numerically)."""
        lo, hi = self.dims_.hip_lie, self.dims_.hip_lie + 0.45
        for _ in range(30):
            mid = 0.5 * (lo + hi)
            trunk = self.plan.bridge_trunk(mid)
            q = self.plan.supine(h=mid, feet_u=0.40, trunk=trunk, tilt=trunk)
            j = self.plan.joints(q)
            sh = 0.5 * (j["upperarm01.L"] + j["upperarm01.R"])
            hip = 0.5 * (j["upperleg01.L"] + j["upperleg01.R"])
            kn = 0.5 * (j["lowerleg01.L"] + j["lowerleg01.R"])
            # knee above the shoulder-hip line -> hips too low
            v = hip - sh
            w = kn - sh
            cross = v[0] * w[1] - v[1] * w[0]
            if cross > 0:
                lo = mid
            else:
                hi = mid
        return 0.5 * (lo + hi)

    def step_lie(self, s: float = 1.0) -> None:
        self.key(0.0, self.plan.supine(feet_u=0.40), "rest")
        self.m.hold(s)

    def step_reps(
        self,
        n: int = 4,
        hold_s: float = 1.8,
        up_s: float = 0.9,
        down_s: float = 0.9,
        rest_s: float = 0.5,
        fault: str | None = None,
        strength: float | None = None,
        fault_reps: list[int] | None = None,
    ) -> None:
        st = self.strength if strength is None else strength
        low = self.plan.supine(feet_u=0.40)
        for k in range(1, n + 1):
            f = fault if (fault and (fault_reps is None or k in fault_reps)) else None
            top, faults = self.top(f, st)
            self.key(up_s, top, "lift", faults)
            self.m.rep("both")
            self.key(hold_s, top, "hold", faults)
            self.key(down_s, low, "rest")
            if rest_s:
                self.m.hold(rest_s)

    def step_hold(
        self, s: float = 8.0, fault: str | None = None, strength: float | None = None
    ) -> None:
        top, faults = self.top(fault, self.strength if strength is None else strength)
        self.key(1.0, top, "lift", faults)
        self.m.rep("both")
        self.key(s - 1.0, top, "hold", faults)
        self.key(1.0, self.plan.supine(feet_u=0.40), "rest")

    def props(self, scene_mod, mat_rgb) -> list:
        return _mat(scene_mod, mat_rgb, -1.2, 0.7)


def _mat(scene_mod, rgb, u0: float, u1: float, width: float = 0.62) -> list:
    if rgb is None:
        return []
    return [scene_mod._box([u1 - u0, width, 0.006], [0.5 * (u0 + u1), 0.0, 0.003], rgb, rough=0.9)]


class BirdDog(Choreographer):
    """Hands and knees; extend one arm and the opposite leg. The working leg is the extended leg."""

    faults_allowed = ("leg_above_hip", "back_sagging", "limb_not_extended")
    default_steps = ({"do": "set", "s": 1.0}, {"do": "reps", "n": 3, "faultable": True})

    def base(self, fault: str | None = None, s: float = 1.0) -> Pose:
        tilt = 22.0 * s if fault == "back_sagging" else 0.0
        return self.plan.quadruped(tilt=tilt, head=8.0)

    def extended(self, leg: str, fault: str | None, s: float) -> tuple[Pose, dict[str, float]]:
        p = self.base(fault, s)
        arm = "ra" if leg == "l" else "la"
        chest = p.base + p.trunk
        thigh, shin, elbow = -88.0, 88.0, 4.0
        faults: dict[str, float] = {}
        if fault == "leg_above_hip":
            thigh, shin = -88.0 - 25.0 * s, 88.0 + 25.0 * s
            p = p.replace(tilt=p.tilt + 12.0 * s)
        elif fault == "limb_not_extended":
            thigh, shin, elbow = -60.0, 120.0, 70.0 * s
        if fault:
            faults[fault] = 1.0
        p = p.replace(
            **{
                f"{leg}_thigh": thigh,
                f"{leg}_shin": shin,
                f"{leg}_foot": -95.0,
                f"{leg}_abd": 0.0,
                f"{arm}_flex": chest + 85.0,
                f"{arm}_elbow": elbow,
                f"{arm}_abd": 6.0,
            }
        )
        return p, faults

    def step_set(self, s: float = 1.0) -> None:
        self.key(0.0, self.base(), "rest")
        self.m.hold(s)

    def step_reps(
        self,
        n: int = 3,
        alternate: bool = True,
        fault: str | None = None,
        strength: float | None = None,
        out_s: float = 0.8,
        hold_s: float = 0.6,
        back_s: float = 0.7,
        fault_reps: list[int] | None = None,
    ) -> None:
        st = self.strength if strength is None else strength
        order = []
        for _ in range(n):
            order += [self.plan.w, self.plan.o] if alternate else [self.plan.w]
        if not alternate:
            order += [self.plan.o] * n
        for k, leg in enumerate(order, start=1):
            f = fault if (fault and (fault_reps is None or k in fault_reps)) else None
            side = "left" if leg == "l" else "right"
            p, faults = self.extended(leg, f, st)
            self.m.add(out_s, p, "extend", side, faults)
            self.m.rep(side)
            self.m.add(hold_s, p, "extend", side, faults)
            self.pose = self.m.add(
                back_s,
                self.base(f if f == "back_sagging" else None, st),
                "rest",
                side,
                faults if f == "back_sagging" else {},
            )

    def props(self, scene_mod, mat_rgb) -> list:
        return _mat(scene_mod, mat_rgb, -0.8, 0.9)


class DeadBug(Choreographer):
    """On the back, hips and knees at 90, arms up; lower the opposite arm and leg.
    Working leg = the lowered leg."""

    faults_allowed = ("lower_back_arch", "knees_not_over_hips")
    default_steps = ({"do": "set", "s": 1.0}, {"do": "reps", "n": 3, "faultable": True})

    def table(self, fault: str | None = None, s: float = 1.0) -> tuple[Pose, dict[str, float]]:
        thigh = 180.0 - 38.0 * s if fault == "knees_not_over_hips" else 180.0
        p = self.plan.supine(knees="straight", arms="up")
        p = p.replace(
            h=self.plan.dims.hip_lie,
            l_thigh=thigh,
            r_thigh=thigh,
            l_shin=-90.0,
            r_shin=-90.0,
            l_foot=60.0,
            r_foot=60.0,
            l_abd=3.0,
            r_abd=3.0,
        )
        return p, ({fault: 1.0} if fault == "knees_not_over_hips" else {})

    def lowered(self, leg: str, fault: str | None, s: float) -> tuple[Pose, dict[str, float]]:
        p, faults = self.table(fault, s)
        arm = "ra" if leg == "l" else "la"
        p = p.replace(
            **{
                f"{leg}_thigh": 102.0,
                f"{leg}_shin": -100.0,
                f"{leg}_foot": 70.0,
                f"{arm}_flex": 168.0,
                f"{arm}_elbow": 3.0,
            }
        )
        if fault == "lower_back_arch":
            p = p.replace(tilt=20.0 * s, trunk=-4.0 * s)
            faults = {fault: 1.0}
        return p, faults

    def step_set(self, s: float = 1.0) -> None:
        p, faults = self.table()
        self.key(0.0, p, "rest", faults)
        self.m.hold(s)

    def step_reps(
        self,
        n: int = 3,
        alternate: bool = True,
        fault: str | None = None,
        strength: float | None = None,
        down_s: float = 0.9,
        hold_s: float = 0.3,
        up_s: float = 0.8,
        fault_reps: list[int] | None = None,
    ) -> None:
        st = self.strength if strength is None else strength
        order = []
        for _ in range(n):
            order += [self.plan.w, self.plan.o] if alternate else [self.plan.w]
        if not alternate:
            order += [self.plan.o] * n
        for k, leg in enumerate(order, start=1):
            f = fault if (fault and (fault_reps is None or k in fault_reps)) else None
            side = "left" if leg == "l" else "right"
            p, faults = self.lowered(leg, f, st)
            self.m.add(down_s, p, "extend", side, faults)
            self.m.rep(side)
            self.m.add(hold_s, p, "extend", side, faults)
            back, bf = self.table(f if f == "knees_not_over_hips" else None, st)
            self.pose = self.m.add(up_s, back, "rest", side, bf)

    def props(self, scene_mod, mat_rgb) -> list:
        return _mat(scene_mod, mat_rgb, -1.3, 0.8)


class March(Choreographer):
    """Standing march: knee to hip height, pause 2 s, lower. Working leg = the lifted leg."""

    faults_allowed = ("knee_below_hip", "no_pause", "trunk_lean_back")
    default_steps = ({"do": "stand", "s": 1.0}, {"do": "reps", "n": 2, "faultable": True})
    default_arms = "hang"

    def lifted(self, leg: str, fault: str | None, s: float) -> tuple[Pose, dict[str, float]]:
        base = self.plan.stand(0.0, arms=self.arms)
        thigh = 92.0 if fault != "knee_below_hip" else 92.0 - 42.0 * s
        kw: dict[str, Any] = {
            f"{leg}_ik_u": float("nan"),
            f"{leg}_ik_h": float("nan"),
            f"{leg}_thigh": thigh,
            f"{leg}_shin": 2.0,
            f"{leg}_foot": -5.0,
        }
        if fault == "trunk_lean_back":
            kw.update(trunk=-16.0 * s, tilt=-10.0 * s)
        p = base.replace(**kw)
        return p, ({fault: 1.0} if fault else {})

    def step_stand(self, s: float = 1.0) -> None:
        first = self.pose is None
        self.key(0.0 if first else s, self.plan.stand(0.0, arms=self.arms), "stand")
        if first:
            self.m.hold(s)

    def step_reps(
        self,
        n: int = 2,
        alternate: bool = True,
        fault: str | None = None,
        strength: float | None = None,
        up_s: float = 0.6,
        pause_s: float = 2.0,
        down_s: float = 0.6,
        rest_s: float = 0.2,
        fault_reps: list[int] | None = None,
    ) -> None:
        st = self.strength if strength is None else strength
        order = []
        for _ in range(n):
            order += [self.plan.w, self.plan.o] if alternate else [self.plan.w]
        if not alternate:
            order += [self.plan.o] * n
        stand = self.plan.stand(0.0, arms=self.arms)
        for k, leg in enumerate(order, start=1):
            f = fault if (fault and (fault_reps is None or k in fault_reps)) else None
            side = "left" if leg == "l" else "right"
            up, faults = self.lifted(leg, f, st)
            self.m.add(up_s, up, "lift", side, faults if f != "no_pause" else {})
            self.m.rep(side)
            pause = 0.1 if f == "no_pause" else pause_s
            self.m.add(pause, up, "pause", side, faults)
            self.pose = self.m.add(down_s if f != "no_pause" else 0.5, stand, "stand", side)
            if rest_s:
                self.m.hold(rest_s)


class LegSwing(Choreographer):
    """Standing on one leg, the working leg swings forward and back; counted per forward swing."""

    faults_allowed = ("trunk_rocking",)
    default_steps = (
        {"do": "stand", "s": 0.8},
        {"do": "swings", "n": 4, "faultable": True},
        {"do": "switch", "s": 0.6},
        {"do": "swings", "n": 4, "faultable": True},
    )
    default_arms = "hang"

    def _pose(self, leg: str, thigh: float, trunk: float) -> Pose:
        base = self.plan.stand(0.0, arms=self.arms)
        # the knee bends most as the leg passes under the body, so the foot clears the floor
        knee = 6.0 + 30.0 * math.exp(-(((thigh - 8.0) / 22.0) ** 2))
        return base.replace(
            **{
                f"{leg}_ik_u": float("nan"),
                f"{leg}_ik_h": float("nan"),
                f"{leg}_thigh": thigh,
                f"{leg}_shin": knee - thigh,
                f"{leg}_foot": 0.25 * max(0.0, thigh) + 5.0,
                f"{leg}_abd": 3.0,
            },
            trunk=trunk,
            tilt=0.5 * trunk,
        )

    def step_stand(self, s: float = 0.8) -> None:
        first = self.pose is None
        self.key(0.0 if first else s, self.plan.stand(0.0, arms=self.arms), "stand")
        if first:
            self.m.hold(s)

    def step_swings(
        self,
        n: int = 5,
        fault: str | None = None,
        strength: float | None = None,
        front: float = 55.0,
        back: float = -28.0,
        period: float = 1.1,
    ) -> None:
        """``n`` full swings (forward and back) as a sampled pendulum; a rep per forward swing."""
        st = self.strength if strength is None else strength
        leg = self.plan.w
        rock = 14.0 * st if fault == "trunk_rocking" else 1.5
        faults = {fault: 1.0} if fault else {}
        side = self.side
        mid, amp = 0.5 * (front + back), 0.5 * (front - back)
        steps = 8
        # ease in from standing to the back end of the swing
        self.m.add(period / 2, self._pose(leg, back, rock), "swing", side, faults)
        for k in range(1, n * steps + 1):
            ph = math.pi * (1 + 2 * k / steps)  # starts at the back end (cos = -1)
            thigh = mid + amp * math.cos(ph)
            trunk = -rock * math.cos(ph)
            last = k == n * steps
            self.pose = self.m.add(
                period / steps,
                self._pose(leg, thigh, trunk),
                "swing",
                side,
                faults,
                ease=False if not last else True,
            )
            if k % steps == steps // 2:
                self.m.rep(side)
        self.pose = self.m.add(period / 2, self.plan.stand(0.0, arms=self.arms), "stand", side)


class BedStretch(Choreographer):
    """Lying on the back at the end of a bed, the working leg hanging off the end,
    the other foot on the bed."""

    faults_allowed = ()
    default_steps = (
        {"do": "set", "s": 0.8},
        {"do": "lower", "s": 2.0},
        {"do": "hold", "s": 8.0},
        {"do": "raise", "s": 1.8},
    )
    bed_h = 0.52
    hug = False

    def lying(self, hang: float, reading: str = "normal") -> Pose:
        d = self.plan.dims
        w, o = self.plan.w, self.plan.o
        # Hips at the end of the bed, the other knee bent to ~84 deg with its foot 0.40 m
        # toward the end: that foot rests in the air just past the bed's end. Putting it on
        # the bed beside the buttock (feet_u=-0.12) folds the knee to ~15 deg, which no
        # one can do; a foot truly on the bed needs the hips further up, and then the
        # stretched thigh lies on the bed. The sample clips are rendered with 0.40.
        p = self.plan.supine(h=self.bed_h + d.hip_lie, feet_u=0.40, base_h=self.bed_h)
        p = p.replace(u=-0.05)
        # hanging leg: from horizontal (hang=0) down to the reading's angles (hang=1)
        thigh_end, shin_end = 72.0, 6.0
        if reading == "tight_iliopsoas":
            thigh_end, shin_end = 104.0, 8.0
        elif reading == "tight_rectus_femoris":
            thigh_end, shin_end = 76.0, -42.0
        thigh = 90.0 + (thigh_end - 90.0) * hang
        shin = -90.0 + (shin_end + 90.0) * hang
        p = p.replace(
            **{
                f"{w}_ik_u": float("nan"),
                f"{w}_ik_h": float("nan"),
                f"{w}_thigh": thigh,
                f"{w}_shin": shin,
                f"{w}_foot": 30.0 * (1 - hang) + 5.0,
                f"{w}_abd": 4.0,
            }
        )
        if self.hug:
            p = p.replace(
                **{
                    f"{o}_ik_u": float("nan"),
                    f"{o}_ik_h": float("nan"),
                    f"{o}_thigh": 215.0,
                    f"{o}_shin": -65.0,
                    f"{o}_foot": 20.0,
                    f"{o}_abd": 8.0,
                }
            )
            j = self.plan.joints(p)
            knee = j["lowerleg01" + (".L" if o == "l" else ".R")]
            p = self.plan.set_arms(p, "reach", (knee[0] - 0.06, knee[1] + 0.02))
        return p

    def step_set(self, s: float = 0.8, reading: str = "normal") -> None:
        self.key(0.0, self.lying(0.0, reading), "rest")
        self.m.hold(s)

    def step_lower(self, s: float = 2.0, reading: str = "normal") -> None:
        self.key(s, self.lying(1.0, reading), "enter")

    def step_hold(self, s: float = 8.0, reading: str = "normal") -> None:
        self.key(s, self.lying(1.0, reading), "hold")

    def step_raise(self, s: float = 1.8, reading: str = "normal") -> None:
        self.key(s, self.lying(0.0, reading), "rest")

    def props(self, scene_mod, mat_rgb) -> list:
        h = self.bed_h
        return [
            scene_mod._box(
                [2.0, 1.4, h - 0.2], [-1.0, 0.0, 0.1 + (h - 0.2) / 2], (0.92, 0.92, 0.9), rough=0.95
            ),
            scene_mod._box([2.04, 1.44, 0.2], [-1.0, 0.0, 0.1], (0.35, 0.25, 0.18)),
            scene_mod._box(
                [0.5, 0.5, 0.12], [-1.72, 0.0, h + 0.06], (0.95, 0.95, 0.95), rough=0.95
            ),
        ]


class ThomasTest(BedStretch):
    """Modified Thomas test on a firm table: hug one knee, let the tested (working) leg hang.
    ``reading``: normal | tight_iliopsoas | tight_rectus_femoris."""

    bed_h = 0.74
    hug = True

    def props(self, scene_mod, mat_rgb) -> list:
        h = self.bed_h
        out = [scene_mod._box([1.9, 0.7, 0.08], [-0.95, 0.0, h - 0.04], (0.45, 0.32, 0.22))]
        for du in (-1.8, -0.1):
            for dw in (-0.3, 0.3):
                out.append(
                    scene_mod._box(
                        [0.06, 0.06, h - 0.08], [du, dw, (h - 0.08) / 2], (0.3, 0.3, 0.32)
                    )
                )
        out.append(
            scene_mod._box([1.85, 0.65, 0.03], [-0.95, 0.0, h + 0.015], (0.25, 0.4, 0.5), rough=0.9)
        )
        return out


class TablePsoas(Choreographer):
    """Standing beside a table, the working leg straight on the table behind,
    the standing knee slightly bent."""

    faults_allowed = ("trunk_lean_forward", "back_leg_bent")
    default_steps = (
        {"do": "set", "s": 1.5},
        {"do": "hold", "s": 8.0, "faultable": True},
        {"do": "wait", "s": 1.0},
    )
    default_arms = "hang"

    def table_h(self) -> float:
        return self._stance_h() - 0.095

    def _stance_h(self) -> float:
        return self.plan.standing_h(knee_bend=12.0)

    def stance(
        self, fault: str | None, s: float, settle: float = 1.0
    ) -> tuple[Pose, dict[str, float]]:
        d = self.plan.dims
        w, o = self.plan.w, self.plan.o
        p = Pose(u=0.0, h=self._stance_h(), head=0.0, tilt=-4.0, trunk=0.0)
        thigh, shin, trunk, tilt = -88.0 * settle - 60.0 * (1 - settle), 88.0, 0.0, -4.0
        faults: dict[str, float] = {}
        if fault == "trunk_lean_forward":
            trunk, tilt = 30.0 * s, 14.0 * s
            faults[fault] = 1.0
        elif fault == "back_leg_bent":
            shin = 88.0 + 70.0 * s
            faults[fault] = 1.0
        p = p.replace(
            trunk=trunk,
            tilt=tilt,
            **{
                f"{w}_thigh": thigh,
                f"{w}_shin": shin,
                f"{w}_foot": -140.0,
                f"{o}_ik_u": 0.04,
                f"{o}_ik_h": d.ankle_h,
                f"{o}_foot": 0.0,
            },
        )
        return self.plan.set_arms(p, self.arms), faults

    def step_set(self, s: float = 1.5) -> None:
        p, _ = self.stance(None, 1.0, settle=0.7)
        self.key(0.0, p, "enter")
        p, _ = self.stance(None, 1.0)
        self.key(s, p, "enter")

    def step_hold(
        self,
        s: float = 8.0,
        fault: str | None = None,
        strength: float | None = None,
        fault_from: float | None = None,
        fault_s: float | None = None,
    ) -> None:
        st = self.strength if strength is None else strength
        good, _ = self.stance(None, st)
        if fault is None:
            self.key(s, good, "hold")
            return
        bad, faults = self.stance(fault, st)
        ff = 2.0 if fault_from is None else fault_from
        dur = fault_s if fault_s is not None else s - ff - 0.8
        self.key(ff, good, "hold")
        self.key(0.8, bad, "hold", faults)
        self.key(max(dur - 0.8, 0.1), bad, "hold", faults)
        self.key(0.8, good, "hold")
        rest = s - ff - dur - 0.8
        if rest > 0:
            self.key(rest, good, "hold")

    def props(self, scene_mod, mat_rgb) -> list:
        h = self.table_h()
        out = [scene_mod._box([1.1, 0.7, 0.05], [-0.95, 0.0, h - 0.025], (0.55, 0.4, 0.26))]
        for du in (-1.45, -0.45):
            for dw in (-0.3, 0.3):
                out.append(
                    scene_mod._box(
                        [0.05, 0.05, h - 0.05], [du, dw, (h - 0.05) / 2], (0.4, 0.3, 0.2)
                    )
                )
        return out


class ConstructiveRest(Choreographer):
    """Lying on the back, knees bent, feet flat; stay still. position_lost: the legs slide out."""

    faults_allowed = ("position_lost",)
    default_steps = ({"do": "hold", "s": 5.0}, {"do": "hold", "s": 7.0, "faultable": True})

    def step_hold(
        self, s: float = 8.0, fault: str | None = None, strength: float | None = None
    ) -> None:
        st = self.strength if strength is None else strength
        p = self.plan.supine(feet_u=0.42)
        if fault is None:
            if self.pose is None:
                self.key(0.0, p, "hold")
            self.key(s, p, "hold")
            return
        # the feet slide away and the knees drop open
        lost = p.replace(
            l_ik_u=0.42 + 0.32 * st,
            r_ik_u=0.42 + 0.32 * st,
            l_abd=6.0 + 22.0 * st,
            r_abd=6.0 + 22.0 * st,
        )
        if self.pose is None:
            self.key(0.0, p, "hold")
        self.key(1.0, p, "hold")
        self.key(1.6, lost, "hold", {fault: 1.0})
        self.key(max(s - 2.6, 0.1), lost, "hold", {fault: 1.0})

    def props(self, scene_mod, mat_rgb) -> list:
        return _mat(scene_mod, mat_rgb, -1.3, 0.7)


class DeskSit(Choreographer):
    """Sitting on a stool (as at a desk, forearms forward), then standing up and walking a
    few steps: the sitting/standing clip for ``formcoach desk``. No faults; "side" is unused."""

    faults_allowed = ()
    default_steps = (
        {"do": "sit", "s": 7.0},
        {"do": "stand_up", "s": 2.0},
        {"do": "walk", "dist": 1.2},
        {"do": "wait", "s": 3.0},
    )
    seat_below_hip = 0.09  # the stool's top under the hip pivots (the buttocks' thickness)

    def sitting(self) -> Pose:
        """Thighs level, shins upright, feet flat under the knees, trunk a little forward."""
        d = self.plan.dims
        h = d.ankle_h + d.shank - float(d.hip_offset[2])
        feet_u = d.thigh
        p = Pose(u=0.0, h=h, tilt=-6.0, trunk=6.0, head=4.0)
        p = p.replace(
            l_ik_u=feet_u, l_ik_h=d.ankle_h, r_ik_u=feet_u, r_ik_h=d.ankle_h, l_abd=4.0, r_abd=4.0
        )
        return p.replace(la_flex=38.0, ra_flex=38.0, la_abd=10.0, ra_abd=10.0, la_elbow=75.0,
                         ra_elbow=75.0)  # fmt: skip

    def step_sit(self, s: float = 7.0) -> None:
        p = self.sitting()
        self.key(0.0 if self.pose is None else 1.0, p, "sit")
        self.key(s, p.replace(head=-2.0), "sit")

    def step_stand_up(self, s: float = 2.0) -> None:
        """Lean forward over the feet, push up, stand tall with the feet where they were."""
        p = self.pose
        feet_u = p.l_ik_u
        lean = p.replace(u=0.12, h=p.h + 0.06, trunk=42.0, tilt=10.0, head=-10.0)
        lean = self.plan.set_arms(lean, "hang")
        self.key(0.45 * s, lean, "stand_up")
        self.key(0.55 * s, self.plan.stand(feet_u, arms="hang"), "stand")

    def step_walk(self, dist: float = 1.2) -> None:
        """A few steps forward, ending on both feet."""
        p = self.plan.walk(self.m, self.pose, dist, phase="walk")
        feet_u = max(p.l_ik_u, p.r_ik_u)
        self.key(0.5, self.plan.stand(feet_u, arms="hang"), "stand")

    def props(self, scene_mod, mat_rgb) -> list:
        p = self.sitting()
        top = p.h + float(self.plan.dims.hip_offset[2]) - self.seat_below_hip
        seat = 0.04
        out = [scene_mod._box([0.38, 0.38, seat], [-0.02, 0.0, top - seat / 2], (0.42, 0.3, 0.2))]
        for du in (-0.17, 0.13):
            for dw in (-0.15, 0.15):
                out.append(
                    scene_mod._box(
                        [0.04, 0.04, top - seat], [du, dw, (top - seat) / 2], (0.2, 0.2, 0.22)
                    )
                )
        return out


EXERCISES: dict[str, type[Choreographer]] = {
    "kneeling-hip-flexor": KneelingHipFlexor,
    "lunge": Lunge,
    "standing-hip-flexor": StandingHipFlexor,
    "glute-bridge": GluteBridge,
    "bird-dog": BirdDog,
    "dead-bug": DeadBug,
    "march": March,
    "leg-swing": LegSwing,
    "bed-stretch": BedStretch,
    "thomas-test": ThomasTest,
    "table-psoas": TablePsoas,
    "constructive-rest": ConstructiveRest,
    "desk": DeskSit,
}
