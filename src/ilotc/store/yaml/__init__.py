"""YAML read safely, with the position of every value."""
