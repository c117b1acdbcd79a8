"""Plain-Python core: data objects, span maths, hashing. Imports nothing above it."""
