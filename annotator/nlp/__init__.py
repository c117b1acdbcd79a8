"""German entity suggestions: pipeline resolution, training and the bundled model (no Qt)."""
