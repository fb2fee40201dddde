"""The room, the lights and the camera, rendered with pyrender (OSMesa, headless).

World frame: +Z up, floor at z = 0. Scenarios place the person facing +X at yaw 0,
their left side toward +Y.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

import numpy as np

os.environ.setdefault("PYOPENGL_PLATFORM", "osmesa")
if not hasattr(np, "infty"):  # pyrender 0.1.45 still uses np.infty (removed in numpy 2)
    np.infty = np.inf  # type: ignore[attr-defined]

import pyrender  # noqa: E402
import pyrender.shader_program  # noqa: E402
import trimesh  # noqa: E402


class _OneContext:
    """pyrender keys its shader cache by the GL context, which OSMesa reports as a fresh
    object on every call: every frame recompiled every shader. One process renders with
    one context here, so a constant key is right."""

    @staticmethod
    def getContext(*_a):  # noqa: N802 (mirrors OpenGL.contextdata)
        return 0


pyrender.shader_program.OpenGL = type("GLShim", (), {"contextdata": _OneContext})()

from .camera import look_at  # noqa: E402

logger = logging.getLogger(__name__)


def _material(rgb, rough=0.8, metal=0.0, texture=None) -> pyrender.MetallicRoughnessMaterial:
    kw = dict(
        baseColorFactor=[float(c) for c in rgb] + [1.0],
        metallicFactor=float(metal),
        roughnessFactor=float(rough),
    )
    if texture is not None:
        kw["baseColorTexture"] = pyrender.Texture(source=texture, source_channels="RGB")
    return pyrender.MetallicRoughnessMaterial(**kw)


def _boxargs(extents, center, rgb, rough=0.85):
    return extents, center, rgb


def _box(extents, center, rgb, rough=0.85) -> pyrender.Mesh:
    m = trimesh.creation.box(extents=extents)
    m.apply_translation(center)
    return pyrender.Mesh.from_trimesh(m, material=_material(rgb, rough), smooth=False)


class Boxes:
    """Many coloured boxes as one primitive (one draw call instead of one per box)."""

    _FACES = [  # (normal axis, sign)
        (0, 1),
        (0, -1),
        (1, 1),
        (1, -1),
        (2, 1),
        (2, -1),
    ]

    def __init__(self) -> None:
        self.pos: list[np.ndarray] = []
        self.nrm: list[np.ndarray] = []
        self.col: list[np.ndarray] = []

    def add(self, extents, center, rgb, axes: np.ndarray | None = None) -> None:
        """A box of ``extents`` at ``center``; ``axes`` (columns) turns its local x, y, z."""
        e = np.asarray(extents, float) / 2
        c = np.asarray(center, float)
        for axis, sign in self._FACES:
            a, b = [k for k in range(3) if k != axis]
            quad = []
            for da, db in ((-1, -1), (1, -1), (1, 1), (-1, 1)):
                v = np.zeros(3)
                v[axis] = sign * e[axis]
                v[a] = da * e[a]
                v[b] = db * e[b]
                quad.append(c + (v if axes is None else axes @ v))
            quad = np.array(quad)
            normal = np.zeros(3)
            normal[axis] = sign
            if axes is not None:
                normal = axes @ normal
            if float(np.cross(quad[1] - quad[0], quad[2] - quad[0]) @ normal) < 0:
                quad = quad[::-1]
            self.pos.append(quad)
            self.nrm.append(np.tile(normal, (4, 1)))
            self.col.append(np.tile(np.append(np.asarray(rgb, float), 1.0), (4, 1)))

    def mesh(self, rough: float = 0.85) -> pyrender.Mesh:
        pos = np.concatenate(self.pos).astype(np.float32)
        n = len(self.pos)
        idx = (np.arange(n)[:, None, None] * 4 + np.array([[0, 1, 2], [0, 2, 3]])[None]).reshape(
            -1, 3
        )
        prim = pyrender.Primitive(
            positions=pos,
            normals=np.concatenate(self.nrm).astype(np.float32),
            color_0=np.concatenate(self.col).astype(np.float32),
            indices=idx.astype(np.uint32),
            material=pyrender.MetallicRoughnessMaterial(
                baseColorFactor=[1.0, 1.0, 1.0, 1.0],
                metallicFactor=0.0,
                roughnessFactor=float(rough),
            ),
        )
        return pyrender.Mesh([prim])


def _textured_quad(
    corner, edge_u, edge_v, image: np.ndarray, repeats=(1.0, 1.0), rough=0.7, facing=None
) -> pyrender.Mesh:
    corner, edge_u, edge_v = (np.asarray(a, float) for a in (corner, edge_u, edge_v))
    pos = np.array([corner, corner + edge_u, corner + edge_u + edge_v, corner + edge_v], np.float32)
    normal = np.cross(edge_u, edge_v)
    normal = normal / np.linalg.norm(normal)
    indices = np.array([[0, 1, 2], [0, 2, 3]], np.uint32)
    if facing is not None and float(normal @ np.asarray(facing, float)) < 0:
        normal, indices = -normal, indices[:, ::-1].copy()
    uv = np.array([[0, 0], [repeats[0], 0], [repeats[0], repeats[1]], [0, repeats[1]]], np.float32)
    prim = pyrender.Primitive(
        positions=pos,
        normals=np.tile(normal.astype(np.float32), (4, 1)),
        texcoord_0=uv,
        indices=indices,
        material=_material((1.0, 1.0, 1.0), rough, texture=image),
    )
    return pyrender.Mesh([prim])


def plank_texture(base_rgb, seed: int, size=256) -> np.ndarray:
    """Wood-like floor boards: strips of slightly different tone with grain and seams."""
    rng = np.random.default_rng(seed)
    img = np.zeros((size, size, 3), np.float32)
    boards = 4
    w = size // boards
    for b in range(boards):
        tone = 1.0 + rng.normal(0, 0.07)
        grain = 1.0 + 0.05 * np.sin(np.linspace(0, rng.uniform(20, 40), size))[
            :, None
        ] * rng.uniform(0.5, 1.0)
        noise = 1.0 + rng.normal(0, 0.025, (size, w))
        img[:, b * w : (b + 1) * w] = (
            np.asarray(base_rgb)[None, None] * (tone * grain * noise)[..., None]
        )
        img[:, b * w : b * w + 2] *= 0.6  # seam
        cut = int(rng.integers(0, size))
        img[max(cut - 1, 0) : cut + 1, b * w : (b + 1) * w] *= 0.65
    return (np.clip(img, 0, 1) * 255).astype(np.uint8)


def wall_texture(base_rgb, seed: int, size=128) -> np.ndarray:
    rng = np.random.default_rng(seed)
    img = np.asarray(base_rgb, np.float32)[None, None] * (
        1.0 + rng.normal(0, 0.015, (size, size, 1))
    )
    return (np.clip(img, 0, 1) * 255).astype(np.uint8)


@dataclass(frozen=True)
class Room:
    """A plain room: floor, back wall, side wall and a few pieces of furniture."""

    floor_rgb: tuple[float, float, float] = (0.55, 0.40, 0.26)
    wall_rgb: tuple[float, float, float] = (0.82, 0.80, 0.74)
    side_wall_rgb: tuple[float, float, float] = (0.76, 0.78, 0.80)
    mat_rgb: tuple[float, float, float] | None = (0.25, 0.35, 0.55)
    furniture: str = "sofa"  # sofa | shelf | bed | table | none
    furniture_rgb: tuple[float, float, float] = (0.35, 0.38, 0.42)
    window_side: float = 1.0  # +1 key light from +X, -1 from -X
    seed: int = 0


def build_scene(
    room: Room,
    camera_pose: np.ndarray,
    yfov_deg: float,
    aspect: float,
    back_wall_at: np.ndarray,
    wall_normal: np.ndarray,
    props: list[pyrender.Mesh] | None = None,
) -> tuple[pyrender.Scene, pyrender.Node]:
    """Scene with the room built behind the person as seen from the camera.

    ``back_wall_at`` is a point on the wall plane behind the person, ``wall_normal`` the
    horizontal unit vector from the wall toward the camera.
    """
    scene = pyrender.Scene(ambient_light=[0.28, 0.27, 0.26], bg_color=[0.0, 0.0, 0.0, 1.0])
    boxes = Boxes()
    n = np.asarray(wall_normal, float)
    n = n / np.linalg.norm(n)
    t = np.array([-n[1], n[0], 0.0])  # along the wall
    w0 = np.asarray(back_wall_at, float)
    w0[2] = 0.0
    span, depth, height = 14.0, 14.0, 3.0
    # walls seen at an angle (oblique views) need turned boxes; the axis-aligned case keeps
    # its original arithmetic so that side and front clips stay byte-identical
    oblique = min(abs(t[0]), abs(t[1])) > 1e-6
    wall_axes = np.stack([t, n, np.array([0.0, 0.0, 1.0])], axis=1)

    def wbox(aligned_ext, local_ext, center, rgb) -> None:
        if oblique:
            boxes.add(local_ext, center, rgb, axes=wall_axes)
        else:
            boxes.add(*_boxargs(aligned_ext, center, rgb))

    # floor: from the wall toward (and past) the camera
    floor_img = plank_texture(room.floor_rgb, room.seed)
    corner = w0 - t * span / 2
    scene.add(
        _textured_quad(
            corner,
            t * span,
            n * depth,
            floor_img,
            repeats=(span / 1.4, depth / 1.4),
            facing=(0, 0, 1),
        )
    )
    # back wall with a skirting board
    wall_img = wall_texture(room.wall_rgb, room.seed + 1)
    scene.add(
        _textured_quad(
            corner + n * 0.0,
            np.array([0, 0, height]),
            t * span,
            wall_img,
            repeats=(4, 4),
            rough=0.95,
            facing=n,
        )
    )
    wbox(
        [span, 0.02, 0.09] if abs(t[0]) > abs(t[1]) else [0.02, span, 0.09],
        [span, 0.02, 0.09],
        w0 + n * 0.01 + [0, 0, 0.045],
        (0.93, 0.93, 0.9),
    )
    # side wall at one end, perpendicular to the back wall
    side_x = 3.2 if room.seed % 2 == 0 else -3.2
    side_corner = w0 + t * side_x
    side_img = wall_texture(room.side_wall_rgb, room.seed + 2)
    scene.add(
        _textured_quad(
            side_corner,
            n * depth,
            np.array([0, 0, height]),
            side_img,
            repeats=(4, 4),
            rough=0.95,
            facing=-t * np.sign(side_x),
        )
    )

    def place(extents, along, out, rgb):
        e = np.asarray(extents, float)
        c = w0 + t * along + n * (out + e[1] / 2) + np.array([0, 0, e[2] / 2])
        ext = [abs(t[0]) * e[0] + abs(n[0]) * e[1], abs(t[1]) * e[0] + abs(n[1]) * e[1], e[2]]
        wbox(ext, e, c, rgb)

    rng = np.random.default_rng(room.seed + 3)
    side = -np.sign(side_x)
    if room.furniture == "sofa":
        x = side * rng.uniform(1.6, 2.2)
        place([1.9, 0.85, 0.42], x, 0.02, room.furniture_rgb)
        place([1.9, 0.22, 0.85], x, 0.02, tuple(0.85 * c for c in room.furniture_rgb))
        place([0.22, 0.85, 0.6], x - 0.95, 0.02, tuple(0.9 * c for c in room.furniture_rgb))
        place([0.22, 0.85, 0.6], x + 0.95, 0.02, tuple(0.9 * c for c in room.furniture_rgb))
    elif room.furniture == "shelf":
        # an open bookcase: back panel, two sides, three boards with books on them
        x = side * rng.uniform(1.5, 2.1)
        dark = tuple(0.8 * v for v in room.furniture_rgb)
        place([0.9, 0.02, 1.8], x, 0.02, dark)
        place([0.03, 0.33, 1.8], x - 0.45, 0.02, room.furniture_rgb)
        place([0.03, 0.33, 1.8], x + 0.45, 0.02, room.furniture_rgb)
        for h in (0.02, 0.45, 0.9, 1.35, 1.78):
            c = w0 + t * x + n * 0.185 + np.array([0, 0, h])
            wbox(
                [abs(t[0]) * 0.9 + abs(n[0]) * 0.33, abs(t[1]) * 0.9 + abs(n[1]) * 0.33, 0.025],
                [0.9, 0.33, 0.025],
                c,
                room.furniture_rgb,
            )
        for h in (0.03, 0.47, 0.92):
            j = 0.0
            while j < 0.78:
                bw = float(rng.uniform(0.03, 0.07))
                bh = float(rng.uniform(0.2, 0.33))
                bc = (
                    w0
                    + t * (x - 0.42 + j + bw / 2)
                    + n * 0.17
                    + np.array([0, 0, h + 0.0125 + bh / 2])
                )
                col = tuple(float(v) for v in rng.uniform(0.15, 0.8, 3))
                wbox(
                    [abs(t[0]) * bw + abs(n[0]) * 0.22, abs(t[1]) * bw + abs(n[1]) * 0.22, bh],
                    [bw, 0.22, bh],
                    bc,
                    col,
                )
                j += bw + 0.005
    # a picture frame and a door on the back wall
    pic_x = -side * rng.uniform(0.6, 1.4)
    place([0.7, 0.03, 0.5], pic_x, 0.0, (0.15, 0.12, 0.1))
    c = w0 + t * pic_x + n * 0.035 + np.array([0, 0, 1.55])
    wbox(
        [abs(t[0]) * 0.6 + 0.01, abs(t[1]) * 0.6 + 0.01, 0.4],
        [0.61, 0.01, 0.4],
        c,
        tuple(rng.uniform(0.3, 0.9, 3)),
    )
    # a plant pot
    pot = trimesh.creation.cylinder(radius=0.16, height=0.35)
    pot.apply_translation(w0 + t * (-side * rng.uniform(2.4, 3.0)) + n * 0.4 + [0, 0, 0.175])
    scene.add(pyrender.Mesh.from_trimesh(pot, material=_material((0.6, 0.35, 0.25))))
    leaves = trimesh.creation.icosphere(subdivisions=2, radius=0.32)
    leaves.apply_translation(pot.centroid + [0, 0, 0.45])
    scene.add(
        pyrender.Mesh.from_trimesh(leaves, material=_material((0.2, 0.42, 0.18)), smooth=False)
    )
    for p in props or []:
        scene.add(p)
    scene.add(boxes.mesh())

    # lights: a key light from a window side, a fill and a ceiling point light
    key_dir = np.array([room.window_side * 0.6, 0.35, -0.75])
    key = pyrender.DirectionalLight(color=[1.0, 0.97, 0.9], intensity=3.2)
    scene.add(key, pose=look_at(-key_dir * 5, np.zeros(3)))
    fill = pyrender.PointLight(color=[0.85, 0.9, 1.0], intensity=10.0)
    fill_pose = np.eye(4)
    fill_pose[:3, 3] = w0 + n * 4.5 - t * room.window_side * 2.5 + [0, 0, 2.2]
    scene.add(fill, pose=fill_pose)
    bulb = pyrender.PointLight(color=[1.0, 0.92, 0.8], intensity=8.0)
    bulb_pose = np.eye(4)
    bulb_pose[:3, 3] = w0 + n * 2.5 + [0, 0, 2.6]
    scene.add(bulb, pose=bulb_pose)

    cam = pyrender.PerspectiveCamera(
        yfov=np.radians(yfov_deg), aspectRatio=aspect, znear=0.05, zfar=30.0
    )
    cam_node = scene.add(cam, pose=camera_pose)
    return scene, cam_node


def vertex_normals(vertices: np.ndarray, faces: np.ndarray) -> np.ndarray:
    tri = vertices[faces]
    fn = np.cross(tri[:, 1] - tri[:, 0], tri[:, 2] - tri[:, 0])
    vn = np.zeros_like(vertices)
    for k in range(3):
        np.add.at(vn, faces[:, k], fn)
    return vn / np.maximum(np.linalg.norm(vn, axis=1, keepdims=True), 1e-12)


def body_mesh(
    vertices: np.ndarray, faces: np.ndarray, colors: np.ndarray, roughness: float = 0.75
) -> pyrender.Mesh:
    """The skinned body as one smooth primitive with per-vertex colours (RGB in [0, 1])."""
    rgba = np.concatenate(
        [np.asarray(colors, np.float32)[:, :3], np.ones((len(colors), 1), np.float32)], axis=1
    )
    prim = pyrender.Primitive(
        positions=vertices.astype(np.float32),
        normals=vertex_normals(vertices, faces).astype(np.float32),
        color_0=rgba,
        indices=faces.astype(np.uint32),
        material=pyrender.MetallicRoughnessMaterial(
            baseColorFactor=[1.0, 1.0, 1.0, 1.0],
            metallicFactor=0.0,
            roughnessFactor=float(roughness),
        ),
    )
    return pyrender.Mesh([prim])
