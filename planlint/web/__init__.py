"""`planlint serve`: the web pages and JSON API, checking uploaded plans in a bounded pool of worker processes."""
