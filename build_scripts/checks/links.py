"""Internal links of a built site: every href/src/srcset (and meta refresh)
of every HTML page, and every address of the published site inside the
exports (citations, TEI, sitemap), must name an existing file, and a
#fragment an existing id (or <a name>) in that page.

Links to the published address are internal: they are checked against the
built online site. External links are counted, not followed (no network).
"""
from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html

from build_scripts.checks import Problem
from build_scripts.model.address import normalise

HTML_SUFFIXES = (".html", ".htm")
# Files that are part of the site and may carry the published address.
EXPORT_SUFFIXES = (".json", ".xml", ".ris", ".bib", ".js")
SKIPPED_FOLDERS = ("assets",)  # the theme's and the edition's code and styles, not exports
URL_ATTRIBUTES = ("href", "src", "poster", "xlink:href")
TRAILING_PUNCTUATION = ".,;:!?)]}'\""


@dataclass(frozen=True)
class Site:
    """A folder to check, as it is served: a web server answers `x/` with
    `x/index.html`; a copy opened from disk (file://) does not."""
    root: Path
    label: str
    serves_index: bool = True


@dataclass
class LinkReport:
    pages: int = 0
    links: int = 0          # internal links checked
    fragments: int = 0      # of which with a #fragment checked against the target's ids
    external: int = 0       # links elsewhere: counted, not followed
    exports: int = 0        # export files read
    export_links: int = 0   # published addresses in them and in JSON-LD, checked like links
    problems: list[Problem] = field(default_factory=list)


def check_links(site: Site, published: str | None, published_site: Site | None = None) -> LinkReport:
    """Check `site`. Addresses under `published` are looked up in
    `published_site` (default: `site` itself, which is right for the online
    build; the offline copy passes the online build)."""
    return _Checker(site, published, published_site or site).run()


def published_address_of(root: Path) -> str | None:
    """The published address a built site states on its home page."""
    home = root / "index.html"
    if not home.is_file():
        return None
    page = lxml.html.parse(str(home)).getroot()
    for value in page.xpath("//meta[@name='edition-permanent-url']/@content | //link[@rel='canonical']/@href"):
        if str(value).startswith(("http://", "https://")):
            return normalise(str(value))
    return None


class _Checker:
    def __init__(self, site: Site, published: str | None, published_site: Site):
        self.site = site
        self.published = normalise(published) if published else None
        self.published_site = published_site
        self.report = LinkReport()
        self._ids: dict[Path, set[str]] = {}

    def run(self) -> LinkReport:
        root = self.site.root
        for path in sorted(root.rglob("*")):
            if not path.is_file() or path.relative_to(root).parts[0] in SKIPPED_FOLDERS:
                continue
            if path.suffix.lower() in HTML_SUFFIXES:
                self._check_page(path)
            elif path.suffix.lower() in EXPORT_SUFFIXES:
                self._check_export(path)
        return self.report

    def _name(self, path: Path) -> str:
        return f"{self.site.label}/{path.relative_to(self.site.root).as_posix()}"

    def _check_page(self, path: Path) -> None:
        self.report.pages += 1
        page = lxml.html.parse(str(path)).getroot()
        self._ids[path.resolve()] = _ids_of(page)
        for url in _urls_in(page):
            self._check(url, path)
        # Structured data (JSON-LD) names the site's pages by their published addresses.
        for script in page.xpath("//script[@type='application/ld+json']"):
            self._check_addresses_in(script.text or "", path)

    def _check_export(self, path: Path) -> None:
        if self.published:
            self.report.exports += 1
            self._check_addresses_in(path.read_text(encoding="utf-8", errors="replace"), path)

    def _check_addresses_in(self, text: str, path: Path) -> None:
        """Every published address in a text, checked like a link."""
        if not self.published:
            return
        # JSON may escape "/" and XML "&": read the addresses as a browser would get them.
        text = html.unescape(text.replace("\\/", "/"))
        pattern = re.escape(self.published.rstrip("/")) + r"[^\s\"'<>{}\\|^`]*"
        for match in re.finditer(pattern, text):
            self.report.export_links += 1
            self._check(match.group().rstrip(TRAILING_PUNCTUATION), path)

    def _check(self, url: str, page: Path) -> None:
        url = url.strip()
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if self.published and _under(url, self.published):
            rest = urlsplit(url[len(self.published.rstrip("/")):].lstrip("/"))
            self._resolve(url, rest.path, rest.fragment, self.published_site, None, page)
        elif scheme or url.startswith("//"):
            self.report.external += 1  # another site, mailto:, data:, javascript: ...
        elif parts.path.startswith("/"):
            self._absolute_path(url, parts.path, parts.fragment, page)
        else:
            self._resolve(url, parts.path, parts.fragment, self.site, page, page)

    def _absolute_path(self, url: str, path: str, fragment: str, page: Path) -> None:
        """A path from the server's root: inside the site only when the site
        is served at the published address's path, and never from file://."""
        base = urlsplit(self.published).path if self.published else "/"
        if not self.site.serves_index:
            self._problem(page, f"link {url!r} starts at the disk's root: it breaks when opened from disk")
        elif not path.startswith(base):
            self._problem(page, f"link {url!r} is outside the site's address {self.published or '/'}")
        else:
            self._resolve(url, path[len(base):], fragment, self.site, None, page)

    def _resolve(self, url: str, path: str, fragment: str, site: Site, relative_to: Path | None,
                 page: Path) -> None:
        """Find the file `path` names (relative to the folder of
        `relative_to`, or to the site's root), then the fragment in it."""
        self.report.links += 1
        path = unquote(path)
        if relative_to is not None and not path:
            target = relative_to  # "#x" or "?q": this very page
        else:
            folder = relative_to.parent.relative_to(site.root).as_posix() if relative_to is not None else ""
            joined = posixpath.normpath(posixpath.join(folder, path)) if path else "."
            if joined == ".." or joined.startswith("../"):
                return self._problem(page, f"link {url!r} leads out of the site")
            found = self._file(site, joined, wants_folder=path.endswith("/") or not path)
            if isinstance(found, str):
                return self._problem(page, f"broken link {url!r}: {found}")
            target = found
        if fragment and target.suffix.lower() in HTML_SUFFIXES:
            self.report.fragments += 1
            if not _fragment_found(fragment, self._ids_in(target)):
                shown = target.relative_to(site.root).as_posix()
                self._problem(page, f"broken fragment {url!r}: no id {unquote(fragment)!r} in {shown}")

    def _file(self, site: Site, joined: str, wants_folder: bool) -> Path | str:
        """The file a path names, or why there is none."""
        candidate = site.root / joined if joined != "." else site.root
        if candidate.is_dir():
            if not site.serves_index:
                return f"{joined}/ is a folder, which a copy opened from disk shows as a listing, not a page"
            candidate = candidate / "index.html"
            if not candidate.is_file():
                return f"folder {joined}/ has no index.html"
        elif wants_folder or not candidate.is_file():
            return f"no file {joined}{'/' if wants_folder else ''} in {site.label}"
        return candidate

    def _ids_in(self, target: Path) -> set[str]:
        key = target.resolve()
        if key not in self._ids:
            self._ids[key] = _ids_of(lxml.html.parse(str(target)).getroot())
        return self._ids[key]

    def _problem(self, page: Path, message: str) -> None:
        self.report.problems.append(Problem(self._name(page), message))


def _under(url: str, published: str) -> bool:
    return url.startswith(published) or url == published.rstrip("/") or url.startswith(published.rstrip("/") + "#")


def _ids_of(page) -> set[str]:
    return {str(value) for value in page.xpath("//@id | //a/@name")}


def _fragment_found(fragment: str, ids: set[str]) -> bool:
    fragment = fragment.split(":~:", 1)[0]  # a text directive is not an id
    # An empty fragment or "top" scrolls to the top of the page (HTML standard).
    return fragment in ("", "top") or fragment in ids or unquote(fragment) in ids


def _urls_in(page) -> list[str]:
    """Every address an HTML page makes the browser or the reader follow."""
    urls: list[str] = []
    for element in page.iter():
        if not isinstance(element.tag, str) or element.tag == "base":
            continue
        urls.extend(value for name in URL_ATTRIBUTES if (value := element.get(name)) is not None)
        if element.get("srcset"):
            urls.extend(candidate.split()[0] for candidate in element.get("srcset").split(",") if candidate.split())
        if element.tag == "object" and element.get("data"):
            urls.append(element.get("data"))
        if element.tag == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
            refresh = re.search(r"url\s*=\s*['\"]?([^'\"]+)", element.get("content") or "", re.IGNORECASE)
            if refresh:
                urls.append(refresh.group(1).strip())
    return urls
