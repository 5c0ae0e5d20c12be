"""The one way the extensions emit warnings.

Each extension declares its warning subtypes once, with when each is
emitted (a ``Literal`` type for mypy and a description per subtype, as
sphinx-needs' ``WarningSubTypes`` does), and warns through its
`WarningRegistry`: every warning then carries the extension's ``type``, a
declared ``subtype`` and a location, so that ``suppress_warnings =
["agreement.unused-term"]`` works and ``-W`` fails the build on it. An
undeclared subtype is a programming error and raises.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar, Union

from sphinx.util import logging

if TYPE_CHECKING:
    from collections.abc import Mapping

    from docutils import nodes

__all__ = ["Location", "WarningRegistry"]

#: Where a warning points: a node, ``(docname, line)``, or ``"path:line"``.
Location = Union["nodes.Node", tuple[str, "int | None"], str, None]


#: The subtypes of one extension (a ``Literal`` of strings).
Subtype = TypeVar("Subtype", bound=str)


class WarningRegistry(Generic[Subtype]):
    """The warnings of one extension: their ``type``, the declared
    subtypes (subtype -> when it is emitted) and `warn`."""

    def __init__(self, warning_type: str, subtypes: Mapping[Subtype, str],
                 logger_name: str) -> None:
        self.type = warning_type
        self.subtypes = dict(subtypes)
        self.logger = logging.getLogger(logger_name)

    def warn(self, subtype: Subtype, message: str, location: Location) -> None:
        """Log `message` as a warning of `subtype` at `location`."""
        if subtype not in self.subtypes:
            raise ValueError(f"undeclared {self.type} warning subtype {subtype!r}")
        self.logger.warning(message, type=self.type, subtype=subtype, location=location)
