"""Allow `python -m planlint`."""

from planlint.cli.main import main

main()
