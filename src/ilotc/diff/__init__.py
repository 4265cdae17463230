"""What changed between two versions of a plan, and where those versions come from."""
