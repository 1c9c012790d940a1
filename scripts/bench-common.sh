# Sourced by the bench scripts: from the checkout's root, `data` is the news corpus (the
# script stops with a message when ../shared is absent) and `work` a scratch folder removed
# on exit.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
data="../shared/data/news-corpus"
if [ ! -d "$data" ]; then
  echo "bench: $data is absent; put ../shared beside this checkout" >&2
  exit 1
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
