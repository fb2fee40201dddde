"""Live coaching: camera (or a paced video), window, voice."""
