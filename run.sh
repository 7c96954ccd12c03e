#!/usr/bin/env bash
# PolicyDesk set-up and entry points.
#   ./run.sh serve   install everything, build the index from the bundled corpus on first start,
#                    and serve the web page and API on http://127.0.0.1:8000
#   ./run.sh test    install everything and run the whole test suite
set -euo pipefail
cd "$(dirname "$0")"

PYTHON="${PYTHON:-python3}"
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 PIP_DISABLE_PIP_VERSION_CHECK=1

apt_install() {
  # Debian packages the tests need (LibreOffice renders the .docx, Chromium drives the page).
  local missing=()
  command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
  [ -d /usr/share/fonts/opentype/noto ] || missing+=(fonts-noto-cjk)
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "run.sh: please install: ${missing[*]} (apt-get, as root)" >&2
    return 0
  fi
  echo "run.sh: installing ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

pip_install() {
  # torch first, pinned: an unpinned torch pulls gigabytes of CUDA packages.
  local stamp="var/.installed-$(cat pyproject.toml | sha256sum | cut -c1-16)"
  if [ -f "$stamp" ] && "$PYTHON" -c "import policydesk, torch" 2>/dev/null; then
    return 0
  fi
  "$PYTHON" -m pip install -q "torch==2.13.0"
  "$PYTHON" -m pip install -q -e ".[dev]"
  mkdir -p var && touch "$stamp"
}

case "${1:-}" in
  serve)
    pip_install
    shift
    exec "$PYTHON" -m policydesk serve "$@"
    ;;
  test)
    apt_install
    pip_install
    shift
    exec "$PYTHON" -m pytest -q "$@"
    ;;
  *)
    echo "usage: ./run.sh serve [--host H] [--port P] | ./run.sh test [pytest args]" >&2
    exit 2
    ;;
esac
