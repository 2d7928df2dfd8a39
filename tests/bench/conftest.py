"""Put the repository root on sys.path so `from bench.zyte_metric import ...` works
however pytest is started (plain `pytest`, other cwd, --import-mode=importlib)."""
import sys
from pathlib import Path

ROOT = str(Path(__file__).resolve().parents[2])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)
