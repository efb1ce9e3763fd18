"""Entry script of the frozen bundle: the same ``art5`` command as the installed package."""

import sys

from app.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
