#!/usr/bin/env bash
# Installs the Mermaid renderer used by dev.bunsui.figure.MermaidRenderer:
#   - Debian's chromium (/usr/bin/chromium), when missing and we are root with apt-get;
#   - @mermaid-js/mermaid-cli (pinned) into <projectRoot>/.tools/mermaid (git-ignored),
#     without Puppeteer's own browser download (we use Debian's chromium instead).
# Idempotent: does nothing for parts already installed.
set -euo pipefail

MERMAID_CLI_VERSION="11.9.0"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PREFIX="$ROOT/.tools/mermaid"
MMDC="$PREFIX/node_modules/.bin/mmdc"

if [[ -x /usr/bin/chromium ]]; then
  echo "chromium: already installed (/usr/bin/chromium)"
elif [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "chromium: installing Debian package 'chromium' via apt-get ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium
else
  echo "chromium: /usr/bin/chromium is missing and cannot be installed automatically" >&2
  echo "          (needs root and apt-get). Install it with: sudo apt-get install chromium" >&2
  exit 1
fi

if [[ -x "$MMDC" ]] && "$MMDC" --version 2>/dev/null | grep -qx "$MERMAID_CLI_VERSION"; then
  echo "mermaid-cli: already installed ($MMDC, $MERMAID_CLI_VERSION)"
  exit 0
fi

if ! command -v npm >/dev/null 2>&1 && [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "npm: installing Debian packages 'nodejs' and 'npm' via apt-get ..."
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends nodejs npm
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "mermaid-cli: npm is not on PATH; install Node.js 18+ with npm (e.g. apt-get install nodejs npm)" >&2
  exit 1
fi

echo "mermaid-cli: installing @mermaid-js/mermaid-cli@$MERMAID_CLI_VERSION into $PREFIX ..."
mkdir -p "$PREFIX"
PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund --prefix "$PREFIX" \
  "@mermaid-js/mermaid-cli@$MERMAID_CLI_VERSION"
echo "mermaid-cli: installed $MMDC"
