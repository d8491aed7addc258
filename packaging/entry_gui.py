"""The bundle's `inspector-gui` program: the window (a file given to it is a package to merge)."""

import sys

from ui.launch import main

if __name__ == "__main__":
    sys.exit(main())
