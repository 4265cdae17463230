"""Where plans come from: files in use, read, validated, built and cached as datasets."""
