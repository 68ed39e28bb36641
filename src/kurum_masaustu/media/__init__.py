"""Media: importing, storing and previewing images and videos (Pillow off the UI thread)."""
