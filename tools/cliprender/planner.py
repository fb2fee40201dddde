"""Building blocks for choreographies: standing, stepping, kneeling, lying, walking away.

Every helper returns a :class:`~cliprender.pose.Pose`; the exercise modules string them
into a :class:`~cliprender.motion.Motion`. Leg letters: ``w`` is the working leg of the
scenario, ``o`` the other one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .body import Body, rot_x
from .pose import BodyDims, Pose, arm_ik, leg_ik, solve_rotations


@dataclass
class Planner:
    body: Body
    dims: BodyDims
    side: str  # working leg: "left" | "right"

    @property
    def w(self) -> str:
        return "l" if self.side == "left" else "r"

    @property
    def o(self) -> str:
        return "r" if self.side == "left" else "l"

    def sign(self, leg: str) -> float:
        return 1.0 if leg == "l" else -1.0

    # -- geometry -------------------------------------------------------------------------
    def hip_pivot(self, p: Pose, leg: str) -> tuple[float, float]:
        off = rot_x(p.base + p.tilt) @ (self.dims.hip_offset * np.array([self.sign(leg), 1, 1]))
        return p.u - off[1], p.h + off[2]

    def joints(self, p: Pose) -> dict[str, np.ndarray]:
        """Pivots of the pose in world sagittal (u, h) = (p.u - y, p.h + z) of model space."""
        rot, _ = solve_rotations(self.body, self.dims, p)
        pos = self.body.joint_positions(rot)
        return {k: np.array([p.u - v[1], p.h + v[2]]) for k, v in pos.items()}

    def standing_h(self, knee_bend: float = 0.0) -> float:
        d = self.dims
        reach = d.thigh * math.cos(math.radians(knee_bend)) + d.shank * math.cos(
            math.radians(knee_bend)
        )
        return d.ankle_h + 0.9985 * reach - d.hip_offset[2]

    # -- poses ----------------------------------------------------------------------------
    def stand(self, u: float, stance: float = 0.0, arms: str = "hang", **kw) -> Pose:
        """Standing tall, feet under the hips (``stance``: working foot ahead by metres)."""
        p = Pose(u=u, h=self.standing_h(), head=0.0)
        legs = {
            f"{self.w}_ik_u": u + stance / 2,
            f"{self.w}_ik_h": self.dims.ankle_h,
            f"{self.o}_ik_u": u - stance / 2,
            f"{self.o}_ik_h": self.dims.ankle_h,
        }
        p = p.replace(**legs)
        p = self.set_arms(p, arms)
        return p.replace(**kw)

    def set_arms(self, p: Pose, arms: str, target: tuple[float, float] | None = None) -> Pose:
        if arms == "hang":
            return p.replace(
                la_flex=4.0, ra_flex=4.0, la_abd=7.0, ra_abd=7.0, la_elbow=12.0, ra_elbow=12.0
            )
        if arms == "hips":
            return p.replace(
                la_flex=-25.0,
                ra_flex=-25.0,
                la_abd=40.0,
                ra_abd=40.0,
                la_elbow=110.0,
                ra_elbow=110.0,
            )
        if arms == "cross":  # hands on the chest
            return p.replace(
                la_flex=20.0, ra_flex=20.0, la_abd=15.0, ra_abd=15.0, la_elbow=135.0, ra_elbow=135.0
            )
        if arms == "reach" and target is not None:
            j = self.joints(p)
            kw = {}
            for arm, sfx in (("la", ".L"), ("ra", ".R")):
                sh = j["upperarm01" + sfx]
                flex, elbow = arm_ik(
                    target[0] - sh[0], target[1] - sh[1], p.trunk + p.base, self.dims
                )
                kw.update({f"{arm}_flex": flex, f"{arm}_elbow": elbow, f"{arm}_abd": 4.0})
            return p.replace(**kw)
        return p

    def kneel(
        self,
        u: float,
        back_thigh: float = -12.0,
        front_shin: float = 3.0,
        tilt: float = -8.0,
        trunk: float = -2.0,
        thor: float = 0.0,
        arms: str = "knee",
        head: float = 5.0,
    ) -> Pose:
        """Half-kneeling: the working leg's knee on the floor (the stretched hip), the other
        foot in front.
        ``u`` is where the hip-mid ends up; ``back_thigh`` < 0 puts the knee behind the hip."""
        d = self.dims
        p = Pose(u=u, tilt=tilt, trunk=trunk, thor=thor, head=head)
        off_h = (rot_x(tilt) @ d.hip_offset)[2]
        h = d.knee_floor + d.thigh * math.cos(math.radians(back_thigh)) - off_h
        p = p.replace(h=h)
        hu, hh = self.hip_pivot(p, self.o)
        s = math.radians(front_shin)
        c = (hh - d.ankle_h - d.shank * math.cos(s)) / d.thigh
        th = math.acos(max(-1.0, min(1.0, c)))
        ank_u = hu + d.thigh * math.sin(th) - d.shank * math.sin(s)
        b = self.w
        p = p.replace(
            **{
                f"{b}_thigh": back_thigh,
                f"{b}_shin": 86.0,
                f"{b}_foot": -160.0,
                f"{b}_toes": 0.0,
                f"{self.o}_ik_u": ank_u,
                f"{self.o}_ik_h": d.ankle_h,
                f"{self.o}_foot": 0.0,
            }
        )
        if arms == "knee":
            knee = self.joints(p)["lowerleg01" + (".L" if self.o == "l" else ".R")]
            return self.set_arms(p, "reach", (knee[0] - 0.02, knee[1] + 0.07))
        return self.set_arms(p, arms)

    def lunge_bottom(
        self,
        front_u: float,
        back_u: float,
        knee_gap: float = 0.08,
        front_shin: float | None = None,
        trunk: float = 2.0,
        tilt: float = -2.0,
        heel_lift: float = 60.0,
        arms: str = "hips",
        front: str | None = None,
    ) -> Pose:
        """Both feet planted (front flat, back on the ball of the foot), hips lowered until the
        back knee is ``knee_gap`` above the floor. The hips sit between the feet, or where the
        front shin gets ``front_shin`` degrees of forward lean."""
        d = self.dims
        p, f, bk, back_ank_u, back_ank_h = self._planted_split_stance(
            front_u, back_u, trunk, tilt, heel_lift, front
        )
        for _ in range(4):
            lo, hi = 0.2, self.standing_h()
            for _ in range(30):  # height: back knee at knee_floor + gap
                mid = 0.5 * (lo + hi)
                q = p.replace(h=mid)
                hu, hh = self.hip_pivot(q, bk)
                th, _s = leg_ik(back_ank_u - hu, back_ank_h - hh, d)
                kh = hh - d.thigh * math.cos(math.radians(th))
                if kh > d.knee_floor + knee_gap:
                    hi = mid
                else:
                    lo = mid
            p = p.replace(h=0.5 * (lo + hi))
            if front_shin is None:
                break
            lo, hi = back_u, front_u + 0.3
            for _ in range(30):  # fore-aft: front shin angle
                mid = 0.5 * (lo + hi)
                q = p.replace(u=mid)
                hu, hh = self.hip_pivot(q, f)
                _t, sh = leg_ik(front_u - hu, d.ankle_h - hh, d)
                if sh > front_shin:
                    hi = mid
                else:
                    lo = mid
            p = p.replace(u=0.5 * (lo + hi))
        return self.set_arms(p, arms)

    def _planted_split_stance(
        self,
        front_u: float,
        back_u: float,
        trunk: float,
        tilt: float,
        heel_lift: float,
        front: str | None,
    ) -> tuple[Pose, str, str, float, float]:
        """Standing-height hips between the feet, the front foot flat at ``front_u``, the back
        foot on its ball near ``back_u``. Returns the pose, the front and back leg names and the
        back ankle pivot (u, h)."""
        d = self.dims
        f = front or self.w
        bk = self.o if f == self.w else self.w
        back_ank_h, back_ank_u = self.raised_heel(back_u, heel_lift)
        p = Pose(u=0.5 * (front_u + back_u), h=self.standing_h(), tilt=tilt, trunk=trunk, head=0.0)
        p = p.replace(
            **{
                f"{f}_ik_u": front_u,
                f"{f}_ik_h": d.ankle_h,
                f"{f}_foot": 0.0,
                f"{bk}_ik_u": back_ank_u,
                f"{bk}_ik_h": back_ank_h,
                f"{bk}_foot": -heel_lift,
                f"{bk}_toes": heel_lift,
            }
        )
        return p, f, bk, back_ank_u, back_ank_h

    def knee_angle(self, p: Pose, leg: str, ank_u: float, ank_h: float) -> float:
        """Included knee angle (180 = straight) of ``leg`` reaching its ankle pivot to
        (``ank_u``, ``ank_h``) from the pose's hip pivot."""
        hu, hh = self.hip_pivot(p, leg)
        th, sh = leg_ik(ank_u - hu, ank_h - hh, self.dims)
        return 180.0 - abs(th + sh)

    def shallow_lunge(
        self,
        front_u: float,
        back_u: float,
        front_knee: float = 132.0,
        back_knee: float = 145.0,
        trunk: float = 3.0,
        tilt: float = -2.0,
        heel_lift: float = 35.0,
        arms: str = "hang",
        front: str | None = None,
    ) -> Pose:
        """Both feet planted (front flat, back on the ball of the foot) with the hips kept high:
        the hip pivot is placed (fore-aft and height) so that the front and back knees bend to
        ``front_knee`` and ``back_knee`` (included angles). For a short step and a part-way
        lunge, where :meth:`lunge_bottom`'s back-knee height does not pin the pose down."""
        d = self.dims
        p, f, bk, back_ank_u, back_ank_h = self._planted_split_stance(
            front_u, back_u, trunk, tilt, heel_lift, front
        )

        def at_u(u: float) -> Pose:
            """Hips at ``u``, lowered until the front knee bends to ``front_knee``."""
            lo, hi = d.ankle_h + 0.2, self.standing_h() + 0.1
            for _ in range(40):
                mid = 0.5 * (lo + hi)
                if self.knee_angle(p.replace(u=u, h=mid), f, front_u, d.ankle_h) > front_knee:
                    hi = mid
                else:
                    lo = mid
            return p.replace(u=u, h=0.5 * (lo + hi))

        lo, hi = back_u, front_u
        for _ in range(40):  # fore-aft: hips toward the front foot straighten the back knee
            mid = 0.5 * (lo + hi)
            if self.knee_angle(at_u(mid), bk, back_ank_u, back_ank_h) > back_knee:
                hi = mid
            else:
                lo = mid
        return self.set_arms(at_u(0.5 * (lo + hi)), arms)

    def raised_heel(self, ball_anchor_u: float, heel_lift: float) -> tuple[float, float]:
        """Ankle pivot (h, u) for a foot on its ball with the heel lifted by ``heel_lift`` degrees;
        ``ball_anchor_u`` is where the ankle would be with the foot flat."""
        d = self.dims
        r = 0.65 * d.foot_len  # ankle pivot to the ball of the foot
        a = math.radians(heel_lift)
        drop = d.ankle_h - 0.03  # height of the ankle pivot over the ball line
        base = math.atan2(drop, r)
        rr = math.hypot(r, drop)
        ball_u = ball_anchor_u + r
        return 0.03 + rr * math.sin(base + a), ball_u - rr * math.cos(base + a)

    def step_pose(
        self, p: Pose, leg: str, to_u: float, lift: float = 0.10, frac: float = 0.5
    ) -> Pose:
        """A foot in the air on its way from its current target to ``to_u``."""
        cu = getattr(p, f"{leg}_ik_u")
        return p.replace(
            **{
                f"{leg}_ik_u": cu + (to_u - cu) * frac,
                f"{leg}_ik_h": self.dims.ankle_h + lift,
                f"{leg}_foot": 8.0,
                f"{leg}_toes": 0.0,
            }
        )

    def walk(
        self,
        m,
        start: Pose,
        dist: float,
        stride: float = 0.55,
        step_time: float = 0.5,
        phase: str = "leave",
        yaw: float | None = None,
    ) -> Pose:
        """Walk along the facing direction by about ``dist`` metres: the rear foot swings to
        ``stride`` ahead of the other, the hips stay midway between the feet."""
        p = start if yaw is None else start.replace(yaw=yaw)
        direction = 1.0 if dist >= 0 else -1.0
        n = max(1, int(math.ceil(abs(dist) / stride)))
        h_walk = self.standing_h() - 0.03
        for _ in range(n):
            fl, fr = p.l_ik_u, p.r_ik_u
            swing = "l" if (fl - fr) * direction < 0 or (fl == fr and self.o == "l") else "r"
            stance = "r" if swing == "l" else "l"
            stance_u = getattr(p, f"{stance}_ik_u")
            new_u = stance_u + direction * stride
            mid = self.step_pose(p, swing, new_u, lift=0.10, frac=0.5)
            mid = mid.replace(
                u=0.5 * (stance_u + getattr(mid, f"{swing}_ik_u")),
                h=h_walk + 0.015,
                **{f"{stance}_foot": -5.0, f"{stance}_toes": 5.0},
            )
            m.add(step_time / 2, mid, phase)
            p = p.replace(
                u=0.5 * (stance_u + new_u),
                h=h_walk,
                **{
                    f"{swing}_ik_u": new_u,
                    f"{swing}_ik_h": self.dims.ankle_h,
                    f"{swing}_foot": 0.0,
                    f"{swing}_toes": 0.0,
                    f"{stance}_foot": -12.0,
                    f"{stance}_toes": 12.0,
                },
            )
            m.add(step_time / 2, p, phase)
        return p

    # -- more postures -----------------------------------------------------------------------
    def split_stance(
        self,
        front_u: float,
        back_u: float,
        back_knee: float = 176.0,
        tilt: float = -6.0,
        trunk: float = 0.0,
        heel_lift: float = 35.0,
        arms: str = "hips",
    ) -> Pose:
        """Staggered stance for the standing hip-flexor stretch: the working (stretched) leg
        behind, nearly straight (``back_knee`` included angle) on the ball of its foot."""
        d = self.dims
        bk, f = self.w, self.o
        back_h, back_au = self.raised_heel(back_u, heel_lift)
        p = Pose(u=back_u + 0.64, tilt=tilt, trunk=trunk, head=0.0)
        p = p.replace(
            **{
                f"{f}_ik_u": front_u,
                f"{f}_ik_h": d.ankle_h,
                f"{f}_foot": 0.0,
                f"{bk}_ik_u": back_au,
                f"{bk}_ik_h": back_h,
                f"{bk}_foot": -heel_lift,
                f"{bk}_toes": heel_lift,
            }
        )
        lo, hi = 0.3, self.standing_h() + 0.05
        for _ in range(40):  # height: the back knee reaches the wanted angle
            mid = 0.5 * (lo + hi)
            q = p.replace(h=mid)
            hu, hh = self.hip_pivot(q, bk)
            th, sh = leg_ik(back_au - hu, back_h - hh, d)
            knee = 180.0 - abs(th + sh)
            if knee > back_knee:
                hi = mid
            else:
                lo = mid
        p = p.replace(h=0.5 * (lo + hi))
        return self.set_arms(p, arms)

    def supine(
        self,
        h: float | None = None,
        knees: str = "bent",
        feet_u: float = 0.42,
        trunk: float = 0.0,
        tilt: float = 0.0,
        arms: str = "side",
        base_h: float = 0.0,
    ) -> Pose:
        """Lying on the back, head toward -u, hips at u = 0; ``knees``: bent | straight."""
        d = self.dims
        hh = base_h + d.hip_lie if h is None else h
        p = Pose(u=0.0, h=hh, base=-90.0, trunk=trunk, tilt=tilt, head=0.0)
        if knees == "bent":
            for leg in ("l", "r"):
                p = p.replace(
                    **{
                        f"{leg}_ik_u": feet_u,
                        f"{leg}_ik_h": base_h + d.ankle_h,
                        f"{leg}_foot": 0.0,
                        f"{leg}_abd": 6.0,
                    }
                )
        else:
            p = p.replace(
                l_thigh=90.0,
                l_shin=-90.0,
                r_thigh=90.0,
                r_shin=-90.0,
                l_foot=80.0,
                r_foot=80.0,
                l_abd=4.0,
                r_abd=4.0,
            )
        if arms == "side":
            p = p.replace(
                la_flex=0.0, ra_flex=0.0, la_abd=14.0, ra_abd=14.0, la_elbow=5.0, ra_elbow=5.0
            )
        elif arms == "up":
            p = p.replace(
                la_flex=90.0, ra_flex=90.0, la_abd=4.0, ra_abd=4.0, la_elbow=3.0, ra_elbow=3.0
            )
        return p

    def bridge_trunk(self, h: float, base_h: float = 0.0) -> float:
        """Trunk pitch (relative to lying) keeping the shoulders down with the hips at ``h``."""
        d = self.dims
        rise = (h - base_h - d.hip_lie) - 0.0
        return -math.degrees(math.asin(max(-1.0, min(1.0, rise / d.torso))))

    def quadruped(
        self, u: float = 0.0, tilt: float = 0.0, trunk_extra: float = 0.0, head: float = 70.0
    ) -> Pose:
        """On hands and knees: thighs vertical, shins on the floor, hands under the shoulders."""
        d = self.dims
        h = d.knee_floor + d.thigh - d.hip_offset[2] + 0.01
        palm_h = 0.035
        sh_h = palm_h + d.arm_upper + d.arm_fore - 0.02
        trunk = 0.0
        p = Pose(u=u, h=h, base=90.0, tilt=tilt, head=head)
        for _ in range(3):
            p = p.replace(trunk=trunk)
            j = self.joints(p)
            cur = 0.5 * (j["upperarm01.L"][1] + j["upperarm01.R"][1])
            trunk += math.degrees(math.asin(max(-1.0, min(1.0, (sh_h - cur) / d.torso)))) * -1.0
        p = p.replace(trunk=trunk + trunk_extra)
        for leg in ("l", "r"):
            p = p.replace(
                **{
                    f"{leg}_thigh": 0.0,
                    f"{leg}_shin": 88.0,
                    f"{leg}_foot": -160.0,
                    f"{leg}_abd": 3.0,
                }
            )
        j = self.joints(p)
        sh_u = 0.5 * (j["upperarm01.L"][0] + j["upperarm01.R"][0])
        return self.set_arms(p, "reach", (sh_u + 0.02, palm_h))
