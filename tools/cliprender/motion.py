"""Motions keyed over time: keyframes of poses and fault weights, eased in between."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from .body import rot_x
from .pose import NAN, POSE_FIELDS, BodyDims, Pose, leg_ik


@dataclass
class Key:
    """One keyframe: a pose reached at ``t`` seconds, the faults present (0..1) and labels."""

    t: float
    pose: Pose
    faults: dict[str, float] = field(default_factory=dict)
    phase: str = ""
    side: str = ""  # working leg during this phase: "left" | "right" | ""
    ease: bool = True  # smoothstep toward the next key (False: linear)


@dataclass
class Event:
    t: float
    kind: str  # "rep"
    side: str


@dataclass
class Motion:
    keys: list[Key] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    sweeps: list[tuple[float, float]] = field(default_factory=list)  # an arch sweep's start, end

    @property
    def t(self) -> float:
        return self.keys[-1].t if self.keys else 0.0

    def add(
        self,
        dt: float,
        pose: Pose,
        phase: str = "",
        side: str = "",
        faults: dict[str, float] | None = None,
        ease: bool = True,
    ) -> Pose:
        self.keys.append(
            Key(self.t + dt if self.keys else 0.0, pose, dict(faults or {}), phase, side, ease)
        )
        return pose

    def hold(
        self, dt: float, phase: str | None = None, faults: dict[str, float] | None = None
    ) -> None:
        last = self.keys[-1]
        self.add(
            dt,
            last.pose,
            phase if phase is not None else last.phase,
            last.side,
            faults if faults is not None else last.faults,
        )

    def rep(self, side: str) -> None:
        self.events.append(Event(self.t, "rep", side))


def ease(x: float) -> float:
    """Smoothstep: zero velocity at both keys."""
    x = min(max(x, 0.0), 1.0)
    return x * x * (3 - 2 * x)


def _legs_to_angles(p: Pose, dims: BodyDims) -> Pose:
    """The same pose with IK legs replaced by their solved thigh/shin angles."""
    kw = {}
    for side, sign in (("l", 1.0), ("r", -1.0)):
        iu, ih = getattr(p, f"{side}_ik_u"), getattr(p, f"{side}_ik_h")
        if math.isnan(iu):
            continue
        off = rot_x(p.base + p.tilt) @ (dims.hip_offset * np.array([sign, 1, 1]))
        th, sh = leg_ik(iu - (p.u - off[1]), ih - (p.h + off[2]), dims)
        kw.update(
            {f"{side}_thigh": th, f"{side}_shin": sh, f"{side}_ik_u": NAN, f"{side}_ik_h": NAN}
        )
    return p.replace(**kw) if kw else p


def sample(motion: Motion, t: float, dims: BodyDims) -> tuple[Pose, dict[str, float], Key]:
    """Pose and fault weights at time t, and the key that ends the current segment (its
    ``phase`` and ``side`` label the segment)."""
    keys = motion.keys
    if t <= keys[0].t:
        return keys[0].pose, dict(keys[0].faults), keys[0]
    if t >= keys[-1].t:
        return keys[-1].pose, dict(keys[-1].faults), keys[-1]
    i = max(j for j, k in enumerate(keys) if k.t < t)
    a, b = keys[i], keys[i + 1]
    x = (t - a.t) / max(b.t - a.t, 1e-9)
    x = ease(x) if a.ease else min(max(x, 0.0), 1.0)
    pa, pb = a.pose, b.pose
    for side in ("l", "r"):
        ia, ib = math.isnan(getattr(pa, f"{side}_ik_u")), math.isnan(getattr(pb, f"{side}_ik_u"))
        if ia != ib:
            pa, pb = _legs_to_angles(pa, dims), _legs_to_angles(pb, dims)
            break
    va, vb = pa.as_array(), pb.as_array()
    pose = Pose.from_array(va + (vb - va) * x)
    faults = {
        k: a.faults.get(k, 0.0) + (b.faults.get(k, 0.0) - a.faults.get(k, 0.0)) * x
        for k in set(a.faults) | set(b.faults)
    }
    return pose, faults, b


__all__ = ["Key", "Event", "Motion", "sample", "ease", "POSE_FIELDS"]
