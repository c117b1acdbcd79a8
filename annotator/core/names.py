"""Names stored as plain strings and shared across the layers: project settings, link kinds."""

MODEL_SETTING = "model"  # the project's entity suggester: a spaCy package name or folder
CLAIMS_MODEL_SETTING = "claims_model"  # the project's claim span categorizer (a folder)
ATTRIBUTED_TO = "attributed_to"  # the link from a claim to the source that states it
# the link from a source mention to the source that reports what it said ("Laut X sagte Y":
# Y → X); a claim's sources are a chain: claim → Y → X
REPORTED_BY = "reported_by"
# other tools' labels that are claims or sources: "LABEL=layer" lines (io/label_layers.py)
LABEL_LAYERS_SETTING = "label_layers"
ZONES_MODEL_SETTING = "zones_model"  # the project's learned zone model (a file beside it)
IMPORT_ANNOTATOR = "import"  # the annotator of the spans an imported file came with
GOLD_ANNOTATOR = "gold"  # the adjudicated version of an article (docs/adjudication.md)
