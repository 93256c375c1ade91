"""The theme draws its search box in the header only when its own search
plugin is configured. The edition searches with Pagefind and an in-page
index instead (stages/search.py, search.js), so it tells the theme that a
search plugin is present without running the theme's: no lunr index is
written and no search worker is loaded."""
from __future__ import annotations

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin

THEME_SEARCH = "material/search"


class _SearchBoxConfig(Config):
    enabled = config_options.Type(bool, default=True)


class SearchBox(BasePlugin[_SearchBoxConfig]):
    """A plugin with no events: only its name and `enabled` are read, by the theme's header."""


def show_search_box(config) -> None:
    if THEME_SEARCH not in config.plugins:
        box = SearchBox()
        box.load_config({})
        config.plugins[THEME_SEARCH] = box
