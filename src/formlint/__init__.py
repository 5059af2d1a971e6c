"""formlint: a data-minimisation auditor for data collection forms."""

__version__ = "0.1.0"
