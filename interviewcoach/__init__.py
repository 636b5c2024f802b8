"""interviewcoach: a terminal practice partner for product-manager interviews."""

__version__ = "0.1.0"
