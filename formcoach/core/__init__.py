"""The pure core: poses in, measurements out. numpy and the standard library only."""
