"""annotator: a desktop annotation tool for claims, sources and entities in news."""

__version__ = "0.1.0"
