"""planlint: checks that a verksamhetsplan makes Helsingborg's målbild 2027 and inriktningar concrete."""

__version__ = "0.1.0"
