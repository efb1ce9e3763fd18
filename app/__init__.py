"""Art5 Assessor core: questionnaires, flow, decision engine, storage and reports (no Qt)."""

__version__ = "0.1.0"
