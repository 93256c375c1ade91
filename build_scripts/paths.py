"""Where the edition's sources and outputs live, relative to the project root."""
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TEI_DIR = PROJECT_ROOT / "tei"
BUILD_DIR = PROJECT_ROOT / "build"


def relative(path: Path) -> str:
    """A path as shown in messages: relative to the project when possible."""
    path = Path(path).resolve()
    try:
        return str(path.relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)
