"""The HTML report: view data, charts and Jinja templates for one self-contained page."""
