from .fine import VALUE

SETTINGS = {"value": VALUE}
limit = SETTINGS["limit"]
