"""Kurum Masaüstü: the social media desk of a Turkish public institution."""

__version__ = "0.1.0"
APP_NAME = "Kurum Masaüstü"
APP_ID = "kurum-masaustu"
ORGANIZATION = "Kurum Masaüstü"
