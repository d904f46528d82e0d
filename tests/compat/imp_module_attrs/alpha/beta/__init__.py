"""The beta subpackage."""
