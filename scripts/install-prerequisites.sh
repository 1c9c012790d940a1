#!/usr/bin/env bash
# Installs what Plexus needs to build and draw: Graphviz's C library with pkg-config
# metadata, the cairo plugins (PNG, SVG, PDF) and a font. Runs apt-get when root;
# otherwise says what to install.
set -euo pipefail

missing=()
pkg-config --exists libgvc 2>/dev/null || missing+=(libgraphviz-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
# The cairo render plugins and their registry come with the graphviz package.
ls /usr/lib/*/graphviz/libgvplugin_pango.so* >/dev/null 2>&1 || missing+=(graphviz)
fc-list 2>/dev/null | grep -qi "DejaVu Sans" || missing+=(fonts-dejavu-core)
# Optional: LibreOffice Impress, to check that decks open, and Python 3, to compare
# `plexus eval-graph` with the project's scorer (tests skip those checks without them).
if [ "${1:-}" = "--with-office" ]; then
  command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-impress)
  [ -x /usr/bin/python3 ] || missing+=(python3)
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  echo "Installed ${missing[*]}."
else
  echo "Plexus needs: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
