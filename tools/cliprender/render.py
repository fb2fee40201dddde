"""Rendering one scenario into NAME.mp4, NAME.truth.csv and NAME.expect.toml."""

from __future__ import annotations

import csv
import logging
import math
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import numpy as np

from . import expect as expect_mod
from .body import Body, Phenotype
from .camera import VIEWS, Camera, make_camera, view_class
from .config import COLOURS, SKIN_TONES, Scenario, colour
from .definitions import relabel
from .errors import ScenarioError
from .exercises import EXERCISES, Choreographer
from .motion import Motion, sample
from .planner import Planner
from .pose import BodyDims, measure
from .posing import place
from .truth import frame_truth, header
from .webcam import H264Writer, WebcamLook, degrade

logger = logging.getLogger(__name__)
SUPERSAMPLE = 1.0  # pyrender already renders with 4x MSAA; supersampling on top cost 2x for little


def clip_seed(sc: Scenario) -> int:
    return (zlib.crc32(sc.name.encode()) + sc.seed) & 0x7FFFFFFF


def vertex_colours(body: Body, sc: Scenario) -> np.ndarray:
    c = sc.clothes
    skin = SKIN_TONES.get(sc.body.skin) or colour(sc.body.skin, "body.skin")
    top = colour(c.top, "clothes.top")
    pal = {
        "skin": skin,
        "hair": colour(sc.body.hair, "body.hair"),
        "shirt": top,
        "sleeve": top if c.sleeves in ("short", "long") else skin,
        "legs": colour(c.bottom, "clothes.bottom"),
        "shoe": colour(c.shoes, "clothes.shoes"),
        "eye": (0.08, 0.07, 0.07),
    }
    cols = np.array([pal[r] for r in body.vertex_region], np.float32)
    if c.sleeves == "long":
        fore = np.array([r == "skin" for r in body.vertex_region]) & _forearm_mask(body)
        cols[fore] = top
    if c.sleeves == "none":
        cols[np.array([r == "shirt" for r in body.vertex_region]) & _shoulder_mask(body)] = skin
    return cols


def _forearm_mask(body: Body) -> np.ndarray:
    v = body.rest_vertices
    wl, wr = body.head("wrist.L"), body.head("wrist.R")
    d = np.minimum(np.linalg.norm(v - wl, axis=1), np.linalg.norm(v - wr, axis=1))
    return (np.abs(v[:, 0]) > 0.2) & (d > 0.05)


def _shoulder_mask(body: Body) -> np.ndarray:
    v = body.rest_vertices
    return np.abs(v[:, 0]) > 0.16


@dataclass
class Framing:
    target: np.ndarray
    distance: float


def frame_subject(plan: Planner, motion: Motion, sc: Scenario) -> Framing:
    """Aim at the middle of where the person works (not where they walk off to)."""
    us, hs = [], []
    for k in motion.keys:
        if k.phase in ("leave", "empty"):
            continue
        j = plan.joints(_resolve_h(k.pose, plan))
        pts = np.array(
            [
                j[n]
                for n in (
                    "head",
                    "foot.L",
                    "foot.R",
                    "upperleg01.L",
                    "lowerleg01.L",
                    "lowerleg01.R",
                    "wrist.L",
                    "wrist.R",
                    "toe3-1.L",
                    "toe3-1.R",
                )
            ]
        )
        us += list(pts[:, 0])
        hs += list(pts[:, 1])
    u0, u1 = min(us) - 0.15, max(us) + 0.15
    h1 = max(hs) + 0.15
    target = np.array([0.5 * (u0 + u1), 0.0, max(0.35, 0.5 * (0.0 + h1) - 0.02)])
    if sc.camera.distance is not None:
        return Framing(target, sc.camera.distance)
    yf = math.radians(sc.camera.yfov)
    xf = 2 * math.atan(math.tan(yf / 2) * sc.width / sc.height)
    need_v = (h1 / 2 + 0.22) / math.tan(yf / 2)
    need_h = ((u1 - u0) / 2 + 0.35) / math.tan(xf / 2)
    dist = max(2.2, need_v, need_h)
    if (
        view_class(
            VIEWS.get(sc.camera.view, 0.0) if isinstance(sc.camera.view, str) else sc.camera.view
        )
        == "oblique"
    ):
        dist *= 1.15  # part of the body comes toward the camera: keep the feet in the picture
    return Framing(target, dist)


def _resolve_h(p, plan: Planner):
    if math.isnan(p.h):
        return p.replace(h=plan.dims.hip_h * 0.25)
    return p


class Stage(NamedTuple):
    """A scenario set up: the body, its choreographer, the motion, and the camera on it."""

    body: Body
    dims: BodyDims
    choreographer: Choreographer
    motion: Motion
    framing: Framing
    camera: Camera


def stage(sc: Scenario) -> Stage:
    """Set a scenario up (no pixels): what both rendering and silhouettes start from."""
    if sc.exercise not in EXERCISES:
        raise ScenarioError(
            f"{sc.name}: exercise {sc.exercise!r} has no choreography yet; have {sorted(EXERCISES)}"
        )
    b = sc.body
    body = Body(
        Phenotype(
            gender=b.sex,
            age=b.age,
            muscle=b.muscle,
            weight=b.weight,
            height=b.height,
            proportions=b.proportions,
        )
    )
    dims = measure(body)
    plan = Planner(body, dims, sc.side)
    ch = EXERCISES[sc.exercise](
        plan, strength=sc.strength, arms=sc.arms or EXERCISES[sc.exercise].default_arms
    )
    motion = ch.run(sc.motion or ch.steps_for(sc.form))
    plan.side = sc.side
    framing = frame_subject(plan, motion, sc)
    cam = make_camera(
        sc.camera.view,
        framing.target,
        framing.distance,
        sc.camera.height,
        sc.width,
        sc.height,
        sc.camera.yfov,
        sc.camera.roll,
    )
    return Stage(body, dims, ch, motion, framing, cam)


def render_clip(
    sc: Scenario, out_dir: Path, preview_every: int = 0, truth_only: bool = False
) -> dict[str, object]:
    """Render one scenario; returns a small report (frames, seconds, bytes).

    ``truth_only`` skips the pixels and rewrites only NAME.truth.csv and NAME.expect.toml
    (seconds instead of minutes: the truth does not depend on the rendered frames)."""
    from . import scene as scene_mod  # pyrender/OpenGL only when rendering

    t_start = time.time()
    body, dims, ch, motion, framing, cam = stage(sc)
    n_frames = int(round(motion.t * sc.fps)) + 1
    seed = clip_seed(sc)
    rng = np.random.default_rng(seed)
    r = sc.room
    room = scene_mod.Room(
        floor_rgb=colour(r.floor, "room.floor"),
        wall_rgb=colour(r.wall, "room.wall"),
        side_wall_rgb=colour(r.side_wall, "room.side_wall"),
        furniture=r.furniture,
        furniture_rgb=colour(r.furniture_colour, "room.furniture_colour"),
        window_side=r.window,
        seed=seed % 1000,
    )
    n = np.array([cam.pose[0, 3] - framing.target[0], cam.pose[1, 3] - framing.target[1], 0.0])
    n /= np.linalg.norm(n)
    wall_at = framing.target - n * r.wall_distance
    props = ch.props(scene_mod, colour(r.mat, "room.mat") if r.mat else None)
    scene, _ = scene_mod.build_scene(room, cam.pose, sc.camera.yfov, cam.aspect, wall_at, n, props)
    colours = vertex_colours(body, sc)
    look = WebcamLook(
        blur_sigma=sc.look.blur,
        noise_sigma=sc.look.noise,
        crf=sc.look.crf,
        gain=sc.look.gain,
        tint=colour(list(sc.look.tint), "look.tint"),
    )
    import pyrender

    out_dir.mkdir(parents=True, exist_ok=True)
    renderer = (
        None
        if truth_only
        else pyrender.OffscreenRenderer(int(sc.width * SUPERSAMPLE), int(sc.height * SUPERSAMPLE))
    )
    rows, times, faults_per_frame, phases, sides = [], [], [], [], []
    sub = slice(None, None, 7)
    writer = (
        None
        if truth_only
        else H264Writer(out_dir / f"{sc.name}.mp4", (sc.width, sc.height), sc.fps, crf=look.crf)
    )
    try:
        with writer if writer is not None else _Null():
            for i in range(n_frames):
                t = i / sc.fps
                pose, fw, key = sample(motion, t, dims)
                wb = place(body, dims, pose)
                if renderer is not None and writer is not None:
                    node = scene.add(scene_mod.body_mesh(wb.vertices, body.faces, colours))
                    img, _ = renderer.render(scene, flags=pyrender.RenderFlags.SHADOWS_DIRECTIONAL)
                    scene.remove_node(node)
                    frame = degrade(img, (sc.width, sc.height), look, rng)
                    writer.write(frame)
                px = cam.project(wb.vertices[sub])
                inside = (
                    np.isfinite(px[:, 0])
                    & (px[:, 0] >= 0)
                    & (px[:, 0] < sc.width)
                    & (px[:, 1] >= 0)
                    & (px[:, 1] < sc.height)
                )
                vis = float(inside.mean())
                row = frame_truth(wb, pose, cam, [], i, sc.fps, vis)
                fs = relabel(sc.exercise, fw, row, key.side)
                if vis < 0.3:
                    fs = ["no_person"]
                elif cam.view != "side" or _off_side(cam, pose.yaw) > 25.0:
                    fs.append("turn_sideways")
                row["faults"] = ";".join(sorted(fs))
                rows.append(row)
                times.append(t)
                faults_per_frame.append(fs)
                phases.append(key.phase)
                sides.append(key.side)
                if preview_every and i % preview_every == 0:
                    logger.info("%s: frame %d/%d", sc.name, i, n_frames)
    finally:
        if renderer is not None:
            renderer.delete()
    with open(out_dir / f"{sc.name}.truth.csv", "w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=header(), lineterminator="\n")
        w.writeheader()
        for row in rows:
            w.writerow(
                {k: ("" if isinstance(v, float) and math.isnan(v) else v) for k, v in row.items()}
            )
    summary = sc.summary or _summary(ch.summary(sc), motion)
    text = expect_mod.build(
        sc.exercise,
        cam.view,
        summary,
        times,
        faults_per_frame,
        phases,
        sides,
        motion,
        sc.fps,
        sc.expect,
    )
    (out_dir / f"{sc.name}.expect.toml").write_text(text)
    mp4 = out_dir / f"{sc.name}.mp4"
    size = mp4.stat().st_size if mp4.exists() else 0
    return {
        "name": sc.name,
        "frames": n_frames,
        "seconds": round(n_frames / sc.fps, 2),
        "bytes": size,
        "render_s": round(time.time() - t_start, 1),
    }


def _summary(base: str, motion: Motion) -> str:
    reps: dict[str, int] = {}
    for ev in motion.events:
        reps[ev.side] = reps.get(ev.side, 0) + 1
    if not reps:
        hold = sum(
            b.t - a.t
            for a, b in zip(motion.keys, motion.keys[1:], strict=False)
            if b.phase == "hold"
        )
        return f"{base}, {hold:.0f} s of hold" if hold else base
    if set(reps) == {"both"}:
        return f"{base}, {reps['both']} reps"
    return base + ", reps " + ", ".join(f"{k} {v}" for k, v in sorted(reps.items()))


class _Null:
    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        return None


def _off_side(cam: Camera, yaw: float) -> float:
    """Degrees between the camera's line of sight and the person's left-right axis (0: side)."""
    f = cam.forward
    fh = math.degrees(math.atan2(f[1], f[0]))
    lateral = yaw + 90.0
    d = abs(((fh - lateral) + 180.0) % 360.0 - 180.0)
    return min(d, 180.0 - d)


__all__ = ["render_clip", "COLOURS", "SKIN_TONES"]
