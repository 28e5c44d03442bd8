"""Runs over a project's plans: file selection, configuration, the runner, baselines and comparisons."""
