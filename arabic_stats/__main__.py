"""``python -m arabic_stats``: the ``arabic-stats`` command."""
from .cli import run

run()
