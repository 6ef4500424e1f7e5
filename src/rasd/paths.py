"""Where the shared data lives (training and benchmarks only; never needed at run time)."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def shared_data_dir() -> Path:
    """``$RASD_DATA``, else ``../shared/data`` beside the repository."""
    env = os.environ.get("RASD_DATA")
    return Path(env) if env else REPO_ROOT.parent / "shared" / "data"
