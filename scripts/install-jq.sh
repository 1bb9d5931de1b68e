#!/bin/sh
# jq for `make demo`: from the system's packages when we may install them, else how to.
set -eu
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get install -y -qq jq >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq jq; }
elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1; then
    sudo apt-get install -y -qq jq
else
    echo "make demo needs jq: install it with your package manager (apt-get install jq, brew install jq)" >&2
    exit 1
fi
