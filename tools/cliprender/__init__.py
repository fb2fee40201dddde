"""Synthetic sample clips for formcoach: rendered people doing the exercises, with truth.

Run ``python -m cliprender`` (with ``tools/`` on ``sys.path``) to regenerate
``sample_videos/`` from ``scenarios.toml``. See README.md in this folder.
"""

import os

# pyrender must pick the headless OSMesa platform before OpenGL is first imported.
os.environ.setdefault("PYOPENGL_PLATFORM", "osmesa")

__all__: list[str] = []
