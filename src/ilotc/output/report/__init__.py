"""The progress report in each of its formats, and the words they share."""
