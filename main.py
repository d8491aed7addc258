"""Start the Inspector window: python main.py [--db PATH] (or any `inspector` command)."""

from __future__ import annotations

import sys

from ui.launch import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
