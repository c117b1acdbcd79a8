"""Sentence bounds for the matching index: the rule-based German splitter the editor uses.

``annotator.core.sentences`` (no ending at "z. B.", "Dr." or "am 24. Oktober", none running from
a headline into its text, a blank line always ends one) needs no spaCy model, so import stays
fast and a project built from the sample corpus has its index without one; spaCy's rule-based
``sentencizer`` on a blank German pipeline ends sentences at every "24." and would split dates.
"""

from __future__ import annotations

from annotator.core.sentences import split_sentences

__all__ = ["split_sentences"]
