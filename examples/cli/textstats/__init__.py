"""textstats: small text statistics used by the wordcount example."""

__all__ = ["counting", "report"]
