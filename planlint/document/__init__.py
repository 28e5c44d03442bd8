"""Reading: every plan format turned into one Document of blocks in reading order."""
