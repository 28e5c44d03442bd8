"""The `planlint` command line: the group, shared options, and one module per command."""
