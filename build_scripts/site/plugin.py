"""Stage 4: the MkDocs plugin that makes `mkdocs build` and `mkdocs serve`
build the whole edition from tei/.

It only calls the stand-alone stages: validation and the model (stage 1-2),
the Markdown pages (stage 3), and the offline outputs (stage 5). All the
work that can fail happens in on_config, before MkDocs cleans the site
folder, so an invalid source leaves the previous site untouched.
"""
from __future__ import annotations

import datetime as dt
import logging
import time
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from ..downloads import build_downloads
from ..errors import EditionError
from ..tei.characters import invisible_characters
from ..markdown import links
from ..markdown.cite_section import cite_files
from ..markdown.site_pages import navigation
from ..markdown.write import tei_downloads
from ..model.address import PREVIEW_NOTICE
from ..model.load import EditionModel
from ..pipeline import prepare
from .offline import SHIM_PATH, SHIM_SOURCE, build_offline_zip, is_offline_build
from .error_page import error_page
from .staging import Staging

log = logging.getLogger("mkdocs.plugins.edition")
# Warnings about the sources that do not fail a strict build (invisible
# characters): outside the "mkdocs" logger, whose warnings --strict counts.
source_log = logging.getLogger("edition.sources")


class EditionConfig(Config):
    tei_dir = config_options.Type(str, default="tei")


class EditionPlugin(BasePlugin[EditionConfig]):
    """Generates every page of the edition from the TEI sources."""

    def __init__(self):
        self.model: EditionModel | None = None
        self.pages = []
        self.files: dict[str, str | bytes] = {}
        self.offline = False
        self.command = "build"
        self.staging: Staging | None = None

    def on_startup(self, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config):
        tei_dir = Path(config.config_file_path).parent / self.config.tei_dir
        self.offline = is_offline_build()
        try:
            prepared = prepare(tei_dir, offline=self.offline)
        except EditionError as error:
            if self.command == "serve":  # the live preview shows the problems instead of hanging
                return self._show_problems(config, error)
            raise PluginError("the site was not built:\n" + str(error)) from None
        self.model, citations, self.pages = prepared.model, prepared.citations, prepared.pages
        for warning in invisible_characters(self.model.corpus):
            source_log.warning(str(warning))
        edition = self.model.edition
        if not config.site_url:  # `mkdocs serve` sets its own local address
            config.site_url = edition.url
        config.nav = navigation(self.model)
        if self.command == "build":  # `mkdocs serve` builds into its own temporary folder
            self.staging = Staging(config.site_dir)
            config.site_dir = self.staging.begin()
        if self.offline:  # served from the site itself, so that the offline plugin loads nothing from a CDN
            config.extra["polyfills"] = [SHIM_PATH]
        self.files = cite_files(self.model, citations)
        if self.command != "serve":  # the live preview never waits for PDFs
            self.files.update(build_downloads(self.model, self.pages, citations))
        for page in self.pages:
            for warning in page.warnings:
                log.warning(warning)
        config.extra["edition"] = {
            "title": edition.title,
            "version": edition.version,
            "version_date": edition.version_date,
            "build_date": dt.date.today().isoformat(),
            "licence_url": edition.licence_url,
            "preview": edition.is_preview,
            "preview_notice": PREVIEW_NOTICE,
        }
        return config

    def _show_problems(self, config, error: EditionError):
        """A one-page site listing the problems (mkdocs serve only)."""
        log.error("the sources are not valid:\n%s", error)
        self.model, self.pages, self.files = None, [error_page(error)], {}
        config.nav = [{"The sources are not valid": "index.md"}]
        config.extra["edition"] = {"title": "Crossing the Border", "version": "", "version_date": "",
                                   "build_date": dt.date.today().isoformat(), "licence_url": "", "preview": False,
                                   "preview_notice": "", "problems": [str(p) for p in error.problems]}
        return config

    def on_files(self, files: Files, config) -> Files:
        if self.model is None:  # the sources are invalid: the theme's assets and the page that says so
            for file in [f for f in files if f.is_documentation_page()]:
                files.remove(file)
            files.append(File.generated(config, self.pages[0].path, content=self.pages[0].markdown))
            return files
        for page in self.pages:
            self._replace(files, File.generated(config, page.path, content=page.markdown))
        for site_path, content in self.files.items():
            self._replace(files, File.generated(config, site_path, content=content))
        if self.offline:
            self._replace(files, File.generated(config, SHIM_PATH, abs_src_path=str(SHIM_SOURCE)))
        for site_path, source in tei_downloads(self.model).items():
            self._replace(files, File.generated(config, site_path, abs_src_path=str(source)))
        return files

    @staticmethod
    def _replace(files: Files, file: File) -> None:
        existing = files.get_file_from_path(file.src_uri)
        if existing is not None:
            files.remove(existing)
        files.append(file)

    @event_priority(-1000)  # last: after the search and offline plugins have written their files
    def on_post_build(self, config) -> None:
        if self.staging is None:
            return
        if not self.offline and not (config.strict and self.staging.warnings.count):
            started = time.monotonic()
            try:
                build_offline_zip(config.config_file_path, Path(config.site_dir) / links.offline_zip(),
                                  f"crossing-the-border-{self.model.edition.version}")
            except EditionError as error:
                raise PluginError(str(error)) from None
            log.info("offline copy (zip): %.1f s", time.monotonic() - started)
        if self.staging is not None:
            self.staging.finish(config.strict)
            config.site_dir = str(self.staging.final)
            self.staging = None

    def on_build_error(self, error: Exception) -> None:
        """A failed build leaves no half-written folder beside the previous site."""
        if self.staging is not None:
            self.staging.abort()
            self.staging = None
