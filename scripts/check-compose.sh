#!/usr/bin/env bash
# Checks docker-compose.yml without a Docker engine: `docker-compose config -q` parses it, checks it
# against the Compose schema and resolves its variables and paths. Installs Debian's
# `docker-compose` package when no docker-compose is on PATH (as root, or through sudo when
# available). The stack itself is not started here.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if ! command -v docker-compose >/dev/null 2>&1; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "check-compose: docker-compose is missing and there is no apt-get to install it" >&2
    exit 1
  fi
  if [[ "$(id -u)" -eq 0 ]]; then
    SUDO=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
  else
    echo "check-compose: docker-compose is missing and cannot be installed (not root, no sudo);" \
      "install it (apt-get install docker-compose) and run again" >&2
    exit 1
  fi
  echo "check-compose: installing docker-compose (apt-get)" >&2
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get install -y -q docker-compose >/dev/null 2>&1 || {
    "${SUDO[@]}" apt-get update -q >/dev/null
    "${SUDO[@]}" apt-get install -y -q docker-compose >/dev/null
  }
fi

cd "$ROOT"
# the worker mounts ${PWD}; make sure it is set however this script is called
export PWD="$ROOT"
docker-compose -f docker-compose.yml config -q
echo "check-compose: docker-compose.yml is valid ($(docker-compose version --short 2>/dev/null || echo docker-compose))"
