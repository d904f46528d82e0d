from __future__ import annotations
x: (y := int) = 1
