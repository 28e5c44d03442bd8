"""The rule pack: loading and validating its data, and its compiled lexicon."""
