"""Stage 6: the MkDocs plugin. It only calls the stages and hands MkDocs
their output: the Markdown tree (stages/tree.py) becomes the site's files
and navigation, the downloads stage fills the tree's downloads/ (never
during `mkdocs serve`: the live preview does not wait for PDFs), and after
the build the offline copy is made from the same tree (stages/offline.py).

All the work that can fail happens in on_config, before MkDocs cleans the
site folder, and the site is built into a staging folder moved into place
at the end, so an invalid source or a failed stage leaves the previous site
untouched.
"""
from __future__ import annotations

import datetime as dt
import logging
import os
import re
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from ..errors import EditionError
from ..markdown import links
from ..paths import Project
from ..exports.locations import DATA
from ..maps.site_links import rewrite_map_links
from ..stages.downloads import make_downloads
from ..stages.offline import is_offline_build, make_offline
from ..stages.search import make_search
from ..stages.progress import stage
from ..stages.tree import Tree, generated_files, make_tree
from ..tei.schema import tei_all
from .error_page import error_page
from .manifest import lost_addresses
from .search_box import show_search_box
from .sitemap import add_to_sitemap
from .staging import Staging

log = logging.getLogger("mkdocs.plugins.edition")


class _DownloadsNotMadeInPreview(logging.Filter):
    """`mkdocs serve` (and a build with `downloads: false`) does not make the
    PDFs and EPUB, so links to them are not reported there (the full strict
    build checks them)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return f"'{links.DOWNLOADS}/" not in record.getMessage() and f"'../{links.DOWNLOADS}/" not in record.getMessage()


PREVIEW_FILTER = _DownloadsNotMadeInPreview()


THEME_TOGGLES = re.compile(r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" '
                           r'id="__(?:drawer|search)") autocomplete="off"')
ONLINE_ONLY = re.compile(r'<p class="online-only"[^>]*>.*?</p>', re.S)


class EditionConfig(Config):
    tei_dir = config_options.Type(str, default="tei")
    # false: pages and search only, without the PDFs, EPUB and offline zip (a quick build; the benchmark's site figure)
    downloads = config_options.Type(bool, default=True)


class EditionPlugin(BasePlugin[EditionConfig]):
    """Builds every page of the edition from the TEI sources, through the stages."""

    def __init__(self):
        self.tree: Tree | None = None
        self.problems: EditionError | None = None
        self.offline = False
        self.command = "build"
        self.staging: Staging | None = None

    def on_startup(self, command: str, dirty: bool) -> None:
        self.command = command
        if command == "serve":  # compiled once now, so that no edit during the session waits for it
            with stage("tei_all") as details:
                tei_all()
                details["compiled"] = "once for this preview session"

    def on_config(self, config):
        root = Path(config.config_file_path).parent
        project = Project.at(root, root / self.config.tei_dir)
        self.offline = is_offline_build()
        self.problems = None
        if self.command == "build":  # `mkdocs serve` builds into its own temporary folder
            self.staging = Staging(config.site_dir)
            self.staging.count_warnings()
        if self.command != "build" or not self.config.downloads:
            logging.getLogger("mkdocs.structure.pages").addFilter(PREVIEW_FILTER)
        try:
            self.tree = make_tree(project)
            if self.command == "build" and not self.offline and self.config.downloads:
                make_downloads(project, self.tree)
        except EditionError as error:
            if self.command == "serve":  # the live preview shows the problems instead of hanging
                return self._show_problems(config, error)
            raise PluginError("the site was not built:\n" + str(error)) from None
        facts = self.tree.facts
        if not config.site_url:  # `mkdocs serve` sets its own local address
            config.site_url = facts["url"]
        config.nav = self.tree.nav
        if self.staging is not None:
            config.site_dir = self.staging.begin()
        if self.offline:  # links between files that work from file://
            config.use_directory_urls = False
        show_search_box(config)
        redirects = config.plugins.get("redirects")
        if redirects is not None:  # the TEI's former slugs, with any the configuration lists
            redirects.config["redirect_maps"] = {**redirects.config.get("redirect_maps", {}), **facts["redirects"]}
        config.extra["edition"] = {**facts, "build_date": dt.date.today().isoformat(), "offline": self.offline,
                                   "downloads_made": self.command == "build" and self.config.downloads}
        return config

    def _show_problems(self, config, error: EditionError):
        """A one-page site listing the problems (mkdocs serve only)."""
        log.error("the sources are not valid:\n%s", error)
        self.problems = error
        config.nav = [{"The sources are not valid": "index.md"}]
        config.extra["edition"] = {"title": "Crossing the Border", "version": "", "version_date": "",
                                   "build_date": dt.date.today().isoformat(), "licence_url": "", "preview": False,
                                   "preview_notice": "", "offline": False,
                                   "problems": [str(p) for p in error.problems]}
        return config

    def on_files(self, files: Files, config) -> Files:
        """The tree's files replace those of docs/ (which holds only the hand-written assets the tree copies)."""
        docs_dir = os.path.abspath(config.docs_dir)
        for file in [f for f in files if f.abs_src_path and f.abs_src_path.startswith(docs_dir + os.sep)]:
            files.remove(file)
        if self.problems is not None:
            page = error_page(self.problems)
            files.append(File.generated(config, page.path, content=page.markdown))
            return files
        assert self.tree is not None, "on_config made the tree"
        for path in generated_files(self.tree.folder):
            files.append(File(path, str(self.tree.folder), config.site_dir, config.use_directory_urls))
        return files

    def on_post_page(self, output: str, page, config) -> str:
        return self._cleaned(output)

    def on_post_template(self, output: str, template_name: str, config) -> str:
        return self._cleaned(output)  # the 404 page is a template, not a page

    def _cleaned(self, output: str) -> str:
        """The theme's two toggles carry autocomplete, which HTML forbids on a
        checkbox (edition.js resets them instead); the offline copy drops
        what only the online site has (the link to the offline zip itself)."""
        output = THEME_TOGGLES.sub(r"\1", output)
        return ONLINE_ONLY.sub("", output) if self.offline else output

    def on_page_content(self, html: str, page, config, files: Files) -> str:
        """The maps' place links are raw HTML, which MkDocs leaves as .md paths."""
        def url_of(src: str) -> str | None:
            file = files.get_file_from_path(src)
            return file.url_relative_to(page.file) if file is not None else None
        return rewrite_map_links(html, page.file.src_uri, url_of)

    @event_priority(-1000)  # last: after the other plugins have written their files
    def on_post_build(self, config) -> None:
        if self.tree is not None and self.problems is None:
            try:
                make_search(Path(config.site_dir), self.offline)
            except EditionError as error:
                raise PluginError(str(error)) from None
        if self.staging is None:
            return
        assert self.tree is not None, "on_config made the tree"
        if not self.offline:
            data = [p for p in generated_files(self.tree.folder) if p.startswith(DATA + "/")]
            add_to_sitemap(Path(config.site_dir), self.tree.facts["url"], data)
        if not self.offline:  # nothing an earlier release published may be lost
            lost = lost_addresses(Path(config.site_dir), Path(config.config_file_path).parent)
            if lost:
                raise PluginError("the site was not built: addresses published in a release are gone:\n"
                                  + "\n".join(str(p) for p in lost))
        if not self.offline and self.config.downloads and not (config.strict and self.staging.warnings.count):
            try:
                make_offline(Path(config.config_file_path), self.tree, Path(config.site_dir) / links.offline_zip())
            except EditionError as error:
                raise PluginError(str(error)) from None
        self.staging.finish(config.strict)
        config.site_dir = str(self.staging.final)
        self.staging = None

    def on_build_error(self, error: Exception) -> None:
        """A failed build leaves no half-written folder beside the previous site."""
        if self.staging is not None:
            self.staging.abort()
            self.staging = None
