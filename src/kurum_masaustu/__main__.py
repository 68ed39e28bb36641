"""``python -m kurum_masaustu``."""

import sys

from kurum_masaustu.cli import main

sys.exit(main())
