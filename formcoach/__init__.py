"""formcoach: a webcam form coach for the hip-flexor routine."""

__version__ = "0.1.0"
