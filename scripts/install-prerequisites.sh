#!/usr/bin/env bash
# Installs what Plexus needs to build and draw: Graphviz's C library with pkg-config
# metadata, the cairo plugins (PNG, SVG, PDF) and a font. Runs apt-get when root;
# otherwise says what to install.
#
# Options add what only the tests use; without root they are reported, not required:
#   --with-office   LibreOffice Impress (decks open) and Python 3 (eval-graph matches the scorer)
#   --with-browser  Chromium, to open HTML views headless as a reader's browser would
#   --with-postgres PostgreSQL's server, for the shared-store tests (scripts/with-postgres.sh)
set -euo pipefail

missing=()
# The SQLite store (GRDB) links the system's SQLite.
[ -e /usr/include/sqlite3.h ] || missing+=(libsqlite3-dev)
pkg-config --exists libgvc 2>/dev/null || missing+=(libgraphviz-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
# The cairo render plugins and their registry come with the graphviz package.
ls /usr/lib/*/graphviz/libgvplugin_pango.so* >/dev/null 2>&1 || missing+=(graphviz)
fc-list 2>/dev/null | grep -qi "DejaVu Sans" || missing+=(fonts-dejavu-core)

optional=()
for option in "$@"; do
  case "$option" in
    --with-office)
      command -v soffice >/dev/null 2>&1 || optional+=(libreoffice-impress)
      [ -x /usr/bin/python3 ] || optional+=(python3)
      ;;
    --with-browser)
      [ -x /usr/bin/chromium ] || optional+=(chromium)
      ;;
    --with-postgres)
      ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || optional+=(postgresql)
      ;;
    *)
      echo "install-prerequisites.sh: unknown option $option (use --with-office, --with-browser, --with-postgres)" >&2
      exit 2
      ;;
  esac
done

if [ ${#missing[@]} -eq 0 ] && [ ${#optional[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  all=("${missing[@]}" "${optional[@]}")
  echo "Installing ${all[*]} ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${all[@]}" >/dev/null
  echo "Installed ${all[*]}."
  exit 0
fi

if [ ${#optional[@]} -gt 0 ]; then
  echo "note: the tests that need ${optional[*]} will be skipped; install with: sudo apt-get install -y ${optional[*]}" >&2
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Plexus needs: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
