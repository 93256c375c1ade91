"""A configuration for Zensical, Material's successor, built from mkdocs.yml
and the Markdown tree: the same site settings, the tree as the docs folder,
its navigation, and none of what Zensical does not run (MkDocs plugins and
the theme's template overrides).

    python -m build_scripts.site.zensical_config [--project DIR]
    zensical build -f build/zensical.yml

MkDocs with mkdocs-material stays the production generator; this is what a
switch starts from (the README lists what it would still lack).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

from ..paths import PROJECT_ROOT, Project
from ..stages.tree import FACTS, NAV

# Keys of mkdocs.yml that Zensical reads as they are.
KEPT = ("site_name", "site_description", "site_author", "copyright", "use_directory_urls", "markdown_extensions",
        "extra_css", "extra_javascript", "not_in_nav")


class _MkDocsLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's !ENV tags as their default value."""


_MkDocsLoader.add_constructor("!ENV", lambda loader, node: (
    loader.construct_sequence(node)[-1] if isinstance(node, yaml.SequenceNode) else None))


def zensical_config(project: Project, site_dir: str) -> dict:
    """The configuration, to be written into build/ (Zensical wants the
    folders relative to its configuration file)."""
    mkdocs = yaml.load((project.root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_MkDocsLoader)
    config = {key: mkdocs[key] for key in KEPT if key in mkdocs}
    theme = {key: value for key, value in mkdocs["theme"].items() if key != "custom_dir"}
    facts = json.loads((project.tree / FACTS).read_text(encoding="utf-8"))
    config.update(docs_dir=project.tree.name, site_dir=site_dir, theme=theme, site_url=facts["url"],
                  nav=json.loads((project.tree / NAV).read_text(encoding="utf-8")))
    return config


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", type=Path, default=PROJECT_ROOT)
    args = parser.parse_args(argv)
    project = Project.at(args.project)
    if not (project.tree / NAV).exists():
        print("build the Markdown tree first: python -m build_scripts.build markdown", file=sys.stderr)
        return 1
    target = project.root / "build" / "zensical.yml"
    target.write_text(yaml.safe_dump(zensical_config(project, "zensical-site"), allow_unicode=True, sort_keys=False),
                      encoding="utf-8")
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
