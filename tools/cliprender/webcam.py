"""Making a clean render look like a cheap webcam: downscale, blur, tint, vignette, noise,
and H.264 compression through the ffmpeg binary that imageio-ffmpeg ships."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np


@dataclass(frozen=True)
class WebcamLook:
    blur_sigma: float = 0.7
    noise_sigma: float = 2.5  # read noise, 8-bit levels
    shot_noise: float = 0.35  # scales sqrt(level)
    gain: float = 1.0
    tint: tuple[float, float, float] = (1.0, 1.0, 1.0)
    vignette: float = 0.18
    crf: int = 24


def _vignette(h: int, w: int, strength: float) -> np.ndarray:
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    r2 = ((x - w / 2) / (w / 2)) ** 2 + ((y - h / 2) / (h / 2)) ** 2
    return (1.0 - strength * r2 / 2.0)[..., None]


def degrade(
    img: np.ndarray, size: tuple[int, int], look: WebcamLook, rng: np.random.Generator
) -> np.ndarray:
    """RGB uint8 render (any size) -> RGB uint8 webcam frame of ``size`` (w, h)."""
    w, h = size
    f = cv2.resize(img, (w, h), interpolation=cv2.INTER_AREA).astype(np.float32)
    if look.blur_sigma > 0:
        f = cv2.GaussianBlur(f, (0, 0), look.blur_sigma)
    f *= np.asarray(look.tint, np.float32)[None, None] * look.gain
    f *= _vignette(h, w, look.vignette)
    noise = rng.standard_normal((h, w, 1), dtype=np.float32) * look.noise_sigma
    noise = noise + rng.standard_normal((h, w, 3), dtype=np.float32) * (
        look.shot_noise * np.sqrt(np.maximum(f, 0.0))
    )
    f += noise
    return np.clip(f + 0.5, 0, 255).astype(np.uint8)


def ffmpeg_exe() -> str:
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


class H264Writer:
    """Pipe RGB frames into ffmpeg/libx264, single-threaded and bit-exact for reproducible files."""

    def __init__(self, path: Path, size: tuple[int, int], fps: int, crf: int = 24) -> None:
        w, h = size
        self.path = Path(path)
        self.tmp = self.path.with_suffix(".part.mp4")
        cmd = [
            ffmpeg_exe(),
            "-y",
            "-loglevel",
            "error",
            "-f",
            "rawvideo",
            "-pix_fmt",
            "rgb24",
            "-s",
            f"{w}x{h}",
            "-r",
            str(fps),
            "-i",
            "-",
            "-an",
            "-c:v",
            "libx264",
            "-preset",
            "medium",
            "-crf",
            str(crf),
            "-maxrate",
            "600k",
            "-bufsize",
            "1200k",
            "-pix_fmt",
            "yuv420p",
            "-g",
            str(2 * fps),
            "-threads",
            "1",
            "-x264-params",
            "threads=1:lookahead-threads=1:sliced-threads=0",
            "-fflags",
            "+bitexact",
            "-flags:v",
            "+bitexact",
            "-map_metadata",
            "-1",
            "-movflags",
            "+faststart",
            str(self.tmp),
        ]
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE)

    def write(self, frame: np.ndarray) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(np.ascontiguousarray(frame).tobytes())

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        if self.proc.wait() != 0:
            raise RuntimeError(f"ffmpeg failed writing {self.path}")
        self.tmp.replace(self.path)

    def __enter__(self) -> H264Writer:
        return self

    def __exit__(self, *exc) -> None:
        if exc[0] is None:
            self.close()
        else:
            self.proc.kill()
            self.tmp.unlink(missing_ok=True)
