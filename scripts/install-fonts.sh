#!/usr/bin/env bash
# Installs Debian's fonts-noto-cjk so chapter thumbnails (dev.bunsui.thumbnail.ThumbnailRenderer)
# can display Japanese/Chinese/Korean titles. Idempotent: does nothing when already installed.
set -euo pipefail

if dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q "install ok installed"; then
  echo "fonts-noto-cjk: already installed"
  exit 0
fi

JA_FONTS="$(command -v fc-list >/dev/null 2>&1 && fc-list ':lang=ja' family 2>/dev/null || true)"
if [[ -n "$JA_FONTS" ]]; then
  echo "fonts-noto-cjk: not installed, but a Japanese font is: ${JA_FONTS%%$'\n'*}"
  exit 0
fi

if [[ "$(id -u)" -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
  echo "fonts-noto-cjk: not installed and cannot be installed automatically (needs root and apt-get)." >&2
  echo "                Install it with: sudo apt-get install fonts-noto-cjk" >&2
  echo "                (or configure a font file for ThumbnailRenderer)" >&2
  exit 1
fi

echo "fonts-noto-cjk: installing via apt-get ..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends fonts-noto-cjk
echo "fonts-noto-cjk: installed"
