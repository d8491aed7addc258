"""The bundle's `inspector` program: the command line, or the window when no command is given."""

import sys

from ui.launch import main

if __name__ == "__main__":
    sys.exit(main())
