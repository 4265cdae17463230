"""The progress report as data: its figures, lists and charts, before any format."""
