"""The cleaning stage: sanitised article HTML -> the article without clipping junk.

The public names of the stage; import them from here (``from digest.cleaning import
clean_body``).  The package's modules, in the order the data goes through them:

=================  ===========================================================
``lines``          the HTML <-> line model: a fragment as judged lines, verdicts
                   applied back to the tree, the tree serialised (never regex
                   surgery on HTML text)
``document``       the document model over the lines: where the article starts
                   and ends, sections under headings, headline + prose units
``config``         ``cleaning:`` settings -> compiled :class:`Rules`
``rules*``         the named rule tables (regular expressions)
``passes*``        the judging passes, in the order :mod:`.stage` runs them
``stage``          :func:`clean_body`, the driver
=================  ===========================================================
"""

from digest.cleaning.config import (
    CLEANING_CONFIG_SCHEMA,
    FRONTMATTER_CLEANING_SCHEMA,
    Rules,
    check_patterns,
    rule_names,
    rules_for,
)
from digest.cleaning.stage import (
    CleanedBody,
    Removed,
    clean_body,
    cleaned_text,
    junk_line_rule,
    to_plain_lines,
)
from digest.cleaning.passes_doc import provenance_line

__all__ = [
    "CLEANING_CONFIG_SCHEMA", "FRONTMATTER_CLEANING_SCHEMA", "CleanedBody", "Removed", "Rules",
    "check_patterns", "clean_body", "cleaned_text", "junk_line_rule", "provenance_line", "rule_names", "rules_for", "to_plain_lines",
]
