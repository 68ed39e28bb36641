"""Demo profile content."""
