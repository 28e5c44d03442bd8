"""The subcommands of `planlint`, one module each; every module lists its click commands in COMMANDS."""
