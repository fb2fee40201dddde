"""The edge: the only place that touches video files, cameras and output files."""
