"""Analysis: tokens and sentences, phrase matching, negation, depth, and each concept's evidence."""
