"""ilotc: check, query and report on the ILO's technical cooperation implementation plan."""

__version__ = "0.1.0"
