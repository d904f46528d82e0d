from . import fine
