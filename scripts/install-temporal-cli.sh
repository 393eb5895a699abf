#!/usr/bin/env bash
# Installs the Temporal CLI (dev server with Web UI) used by `./bunsui dev`, by
# dev.bunsui.cli.dev.TemporalDevServer and by the integration tests (./mvnw verify -Pit):
#   <projectRoot>/.tools/temporal/bin/temporal (git-ignored), built from its Go module.
# Pinned to v1.5.1 (Temporal server 1.29, Web UI bundled): later versions carry a `replace`
# directive in go.mod that `go install module@version` rejects.
# Idempotent: nothing to do when that binary already reports v1.5.1, or when no such binary was
# built and a `temporal` is on PATH. The last line printed is the path of the binary to use.
set -euo pipefail

TEMPORAL_CLI_VERSION="1.5.1"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN_DIR="$ROOT/.tools/temporal/bin"
BIN="$BIN_DIR/temporal"

reports_version() { # $1 = binary; true when it is TEMPORAL_CLI_VERSION
  local v="${TEMPORAL_CLI_VERSION//./\\.}"
  "$1" --version 2>/dev/null | grep -Eq "version $v([^0-9.]|$)" && return 0
  # a plain `go install` stamps no version (it says 0.0.0-DEV); its module info still tells
  command -v go >/dev/null 2>&1 &&
    go version -m "$1" 2>/dev/null | grep -Eq "^[[:space:]]+mod[[:space:]]+github.com/temporalio/cli[[:space:]]+v$v[[:space:]]"
}

if [[ -x "$BIN" ]] && reports_version "$BIN"; then
  echo "temporal: already installed ($BIN, v$TEMPORAL_CLI_VERSION)" >&2
  echo "$BIN"
  exit 0
fi

if [[ ! -e "$BIN" ]] && command -v temporal >/dev/null 2>&1; then
  ON_PATH="$(command -v temporal)"
  echo "temporal: using the one on PATH ($ON_PATH: $("$ON_PATH" --version 2>/dev/null | head -n1))" >&2
  echo "$ON_PATH"
  exit 0
fi

no_go() {
  {
    echo "temporal: cannot build the Temporal CLI v$TEMPORAL_CLI_VERSION: $1"
    echo "  Either install Go 1.25+ (https://go.dev/doc/install, or e.g. apt-get install golang-go"
    echo "  when your distribution ships 1.21+, which then fetches the 1.25 toolchain itself)"
    echo "  and run this script again, or put a 'temporal' binary on PATH"
    echo "  (https://docs.temporal.io/cli#install, e.g. brew install temporal)."
  } >&2
  exit 1
}

# go.dev's installer puts Go in /usr/local/go, which is not always on PATH
if ! command -v go >/dev/null 2>&1 && [[ -x /usr/local/go/bin/go ]]; then
  export PATH="/usr/local/go/bin:$PATH"
fi
command -v go >/dev/null 2>&1 || no_go "Go is not on PATH (nor in /usr/local/go/bin)"
GO_VERSION="$(go env GOVERSION 2>/dev/null | sed -n 's/^go\([0-9]*\)\.\([0-9]*\).*/\1 \2/p')"
read -r GO_MAJOR GO_MINOR <<<"${GO_VERSION:-0 0}"
if (( GO_MAJOR < 1 || (GO_MAJOR == 1 && GO_MINOR < 21) )); then
  no_go "Go $(go env GOVERSION 2>/dev/null || echo '(unknown)') is too old (the module needs Go 1.25)"
fi
if (( GO_MAJOR == 1 && GO_MINOR < 25 )); then
  # Go 1.21..1.24 can fetch the toolchain the module asks for (go 1.25 in its go.mod)
  export GOTOOLCHAIN=auto
fi

echo "temporal: building github.com/temporalio/cli/cmd/temporal@v$TEMPORAL_CLI_VERSION with" \
  "$(go env GOVERSION) into $BIN_DIR (a few minutes the first time) ..." >&2
mkdir -p "$BIN_DIR"
rm -f "$BIN"
# the version stamp is what the project's release builds set (temporal --version then says it)
CGO_ENABLED=0 GOBIN="$BIN_DIR" go install \
  -ldflags "-s -w -X github.com/temporalio/cli/temporalcli.Version=$TEMPORAL_CLI_VERSION" \
  "github.com/temporalio/cli/cmd/temporal@v$TEMPORAL_CLI_VERSION" >&2

if ! reports_version "$BIN"; then
  echo "temporal: the build finished but $BIN does not report v$TEMPORAL_CLI_VERSION:" >&2
  "$BIN" --version >&2 || true
  exit 1
fi
echo "temporal: installed $BIN ($("$BIN" --version | head -n1))" >&2
echo "$BIN"
