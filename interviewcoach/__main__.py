"""`python -m interviewcoach` runs the same entry point as the console script."""

from interviewcoach.cli import main

raise SystemExit(main())
