"""The anny body model behind a small interface: a body shape, posed by world rotations.

Model space (anny's): +X is the body's left, -Y its front, +Z up, the root at the
mid-hip pivot. Every bone gets an absolute rotation relative to its rest
orientation (``world-orient`` parameterisation); bones a pose does not name follow
their parent rigidly.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

logger = logging.getLogger(__name__)

LEG_BONES = {
    "thigh": ("upperleg01", "upperleg02"),
    "shank": ("lowerleg01", "lowerleg02"),
    "foot": ("foot",),
}
LUMBAR_BONES = ("spine05", "spine04", "spine03")
THORACIC_BONES = ("spine02", "spine01")
NECK_BONES = ("neck01", "neck02", "neck03")

# Vertex groups by the bone that dominates each vertex's skinning weights.
REGION_OF_BONE_PREFIX = (
    ("toe", "shoe"),
    ("foot", "shoe"),
    ("lowerleg", "legs"),
    ("upperleg", "legs"),
    ("pelvis", "legs"),
    ("spine05", "legs"),
    ("spine", "shirt"),
    ("breast", "shirt"),
    ("clavicle", "shirt"),
    ("shoulder", "shirt"),
    ("upperarm01", "shirt"),
    ("upperarm02", "sleeve"),
    ("lowerarm", "skin"),
    ("wrist", "skin"),
    ("finger", "skin"),
    ("metacarpal", "skin"),
    ("neck", "skin"),
    ("head", "head"),
    ("eye", "eye"),
    ("jaw", "head"),
    ("root", "legs"),
)


@dataclass(frozen=True)
class Phenotype:
    """anny's shape controls, each in [0, 1] (0.5 = average)."""

    gender: float = 0.5  # 0 female, 1 male
    age: float = 0.5  # 0.5 ~ 25 years, 1 ~ 90 years
    muscle: float = 0.5
    weight: float = 0.5
    height: float = 0.5
    proportions: float = 0.5

    def as_kwargs(self) -> dict[str, float]:
        return {
            k: float(getattr(self, k))
            for k in ("gender", "age", "muscle", "weight", "height", "proportions")
        }


@dataclass
class PosedBody:
    """One posed body in model space (metres)."""

    vertices: np.ndarray  # (V, 3)
    bone_heads: dict[str, np.ndarray]  # name -> (3,)
    keypoints: dict[str, np.ndarray]  # COCO surface keypoints (23)


@lru_cache(maxsize=1)
def _load_model():
    import torch

    torch.set_num_threads(1)
    import anny  # noqa: PLC0415 (heavy import kept local)

    logger.info("loading anny (first run writes ~790 MB to ~/.cache/anny and takes ~45 s)")
    model = anny.Anny(skinning_method="dqs")
    regressor = anny.KeypointsRegressor.coco(model)
    return model, regressor


def rot_x(deg: float) -> np.ndarray:
    a = np.radians(deg)
    c, s = np.cos(a), np.sin(a)
    return np.array([[1, 0, 0], [0, c, -s], [0, s, c]])


def rot_y(deg: float) -> np.ndarray:
    a = np.radians(deg)
    c, s = np.cos(a), np.sin(a)
    return np.array([[c, 0, s], [0, 1, 0], [-s, 0, c]])


def rot_z(deg: float) -> np.ndarray:
    a = np.radians(deg)
    c, s = np.cos(a), np.sin(a)
    return np.array([[c, -s, 0], [s, c, 0], [0, 0, 1]])


def rot_axis(axis: np.ndarray, deg: float) -> np.ndarray:
    """Rodrigues rotation about a unit axis."""
    axis = np.asarray(axis, dtype=float)
    axis = axis / np.linalg.norm(axis)
    a = np.radians(deg)
    k = np.array([[0, -axis[2], axis[1]], [axis[2], 0, -axis[0]], [-axis[1], axis[0], 0]])
    return np.eye(3) + np.sin(a) * k + (1 - np.cos(a)) * k @ k


def frame_from(direction: np.ndarray, hint: np.ndarray) -> np.ndarray:
    """Orthonormal frame (columns): first axis ``direction``, second ``hint`` made orthogonal."""
    u = direction / np.linalg.norm(direction)
    n = hint - u * float(hint @ u)
    n = n / np.linalg.norm(n)
    return np.stack([u, n, np.cross(u, n)], axis=1)


@dataclass
class Body:
    """A body shape: rest geometry and the posing function."""

    phenotype: Phenotype
    bone_labels: list[str] = field(init=False)
    parents: list[int] = field(init=False)
    rest_rot: np.ndarray = field(init=False)  # (B, 3, 3)
    rest_head: np.ndarray = field(init=False)  # (B, 3)
    faces: np.ndarray = field(init=False)
    vertex_region: np.ndarray = field(init=False)  # (V,) region names
    rest_vertices: np.ndarray = field(init=False)

    def __post_init__(self) -> None:
        import torch

        model, regressor = _load_model()
        self._model, self._regressor = model, regressor
        self.bone_labels = list(model.bone_labels)
        self.parents = [int(p) for p in model.bone_parents]
        self._index = {n: i for i, n in enumerate(self.bone_labels)}
        with torch.no_grad():
            out = model(phenotype_kwargs=self.phenotype.as_kwargs())
        poses = out["rest_bone_poses"][0].double().numpy()
        self.rest_rot = poses[:, :3, :3].copy()
        self.rest_head = poses[:, :3, 3].copy()
        # the bind (rest) pose, which world-orient identity rotations reproduce; anny's default
        # output is its *reference* pose, a few centimetres different
        self.rest_vertices = out["rest_vertices"][0].double().numpy()
        self.faces = model.get_triangular_faces().numpy().astype(np.int64)
        self._rest_keypoints = self._keypoints({"vertices": out["rest_vertices"]})
        self.vertex_region = self._regions(model)
        self._order = [
            i
            for lvl in model.kinematic_chain_levels
            for i in model.kinematic_chain_indices[1][lvl[0] : lvl[1]].tolist()
        ]

    # -- geometry helpers -------------------------------------------------------------
    def head(self, name: str) -> np.ndarray:
        return self.rest_head[self._index[name]]

    def rest_segment(self, a: str, b: str) -> np.ndarray:
        return self.head(b) - self.head(a)

    def _keypoints(self, out) -> dict[str, np.ndarray]:
        import torch

        with torch.no_grad():
            k = self._regressor(out)[0].double().numpy()
        return dict(zip(self._regressor.labels, k, strict=True))

    def _regions(self, model) -> np.ndarray:
        w = model.vertex_bone_weights.numpy()
        idx = model.vertex_bone_indices.numpy()
        dominant = idx[np.arange(len(idx)), np.argmax(w, axis=1)]
        names = np.array(self.bone_labels)[dominant]
        region = np.full(len(names), "skin", dtype=object)
        for i, n in enumerate(names):
            for prefix, reg in REGION_OF_BONE_PREFIX:
                if n.startswith(prefix):
                    region[i] = reg
                    break
        v = self.rest_vertices
        # Hair: the top and back of the head, above the ears.
        ear_z = self._rest_keypoints["left_ear"][2]
        eye_y = self._rest_keypoints["left_eye"][1]
        head = region == "head"
        hair = head & (
            (v[:, 2] > ear_z + 0.045) | ((v[:, 2] > ear_z - 0.03) & (v[:, 1] > eye_y + 0.10))
        )
        region[head] = "skin"
        region[hair] = "hair"
        return region.astype(str)

    def joint_positions(self, rotations: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        """Bone head (pivot) positions for the rotations, without skinning (cheap)."""
        n = len(self.bone_labels)
        g = [np.eye(3)] * n
        pos = [np.zeros(3)] * n
        for i in self._order:
            name, par = self.bone_labels[i], self.parents[i]
            g[i] = rotations.get(name, g[par] if par >= 0 else np.eye(3))
            if par >= 0:
                pos[i] = pos[par] + g[par] @ (self.rest_head[i] - self.rest_head[par])
            else:
                pos[i] = self.rest_head[i].copy()
        return {name: pos[i] for i, name in enumerate(self.bone_labels)}

    # -- posing ----------------------------------------------------------------------------
    def pose(self, rotations: dict[str, np.ndarray]) -> PosedBody:
        """Pose with absolute rotations (from rest) for the named bones; the rest follow parents."""
        import torch

        n = len(self.bone_labels)
        g = np.zeros((n, 3, 3))
        for i in self._order:
            name = self.bone_labels[i]
            if name in rotations:
                g[i] = rotations[name]
            elif self.parents[i] >= 0:
                g[i] = g[self.parents[i]]
            else:
                g[i] = np.eye(3)
        d = np.tile(np.eye(4), (n, 1, 1))
        d[:, :3, :3] = g @ self.rest_rot
        model = self._model
        with torch.no_grad():
            out = model(
                pose_parameters=torch.as_tensor(d[None], dtype=model.dtype),
                phenotype_kwargs=self.phenotype.as_kwargs(),
                pose_parameterization="world-orient",
            )
        verts = out["vertices"][0].double().numpy()
        heads = out["bone_poses"][0, :, :3, 3].double().numpy()
        return PosedBody(
            vertices=verts,
            bone_heads={name: heads[i] for i, name in enumerate(self.bone_labels)},
            keypoints=self._keypoints(out),
        )
