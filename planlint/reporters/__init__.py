"""Reporters turn documents and check results into text, machine formats and pages."""
