"""Docstring first is allowed."""
from __future__ import annotations, braces
