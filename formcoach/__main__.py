import sys

from formcoach.cli import main

sys.exit(main())
