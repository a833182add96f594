# shellcheck shell=bash
# Shared by scripts/setup, scripts/run and scripts/test: tool locations, toolchain
# detection and idempotent installers. Source it; do not run it.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# User-local tools: shared by every checkout of this user, so a second clone (or CI on
# the same machine) does not rebuild cargo-leptos.
TOOLS=${B2BIZEN_TOOLS:-${XDG_DATA_HOME:-$HOME/.local/share}/b2bizen/tools}
CARGO_LEPTOS_VERSION=0.3.11
BINARYEN_VERSION=123.0.0
mkdir -p "$TOOLS/bin" "$TOOLS/shims"
export PATH="$TOOLS/shims:$TOOLS/bin:$HOME/.cargo/bin:$PATH"

log() { printf '\033[1;34m[b2bizen]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[b2bizen]\033[0m %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    die "root rights needed to run: $*"
  fi
}

APT_UPDATED=0
# Installs the Debian packages that are not installed yet.
need_apt() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "missing packages ${missing[*]} and no apt-get: install them by hand"
  log "installing Debian packages: ${missing[*]}"
  if [ "$APT_UPDATED" = 0 ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Picks how to build for wasm32 and exports the matching environment:
#  - rustup with the wasm32-unknown-unknown target: plain cargo;
#  - otherwise Debian's rustc-web (1.96, knows wasm32) with -Zbuild-std from rust-web-src.
# The choice is the same for every cargo call, so host and wasm builds share one compiler.
WASM_STD_ARGS=()
select_toolchain() {
  if [ "${B2BIZEN_TOOLCHAIN:-}" != debian ] && command -v rustup >/dev/null \
     && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    TOOLCHAIN=rustup
  elif [ "${B2BIZEN_TOOLCHAIN:-}" != debian ] && command -v rustup >/dev/null \
     && [ ! -e "$TOOLS/.rustup-wasm-unavailable" ] \
     && timeout 120 rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
    TOOLCHAIN=rustup
  else
    [ -e "$TOOLS/.rustup-wasm-unavailable" ] || touch "$TOOLS/.rustup-wasm-unavailable"
    TOOLCHAIN=debian
    need_apt rustc-web cargo-web rust-web-src rust-web-clippy lld-22
    # cargo-leptos and cargo itself look these up on PATH.
    ln -sf /usr/bin/cargo "$TOOLS/shims/cargo"
    ln -sf /usr/bin/cargo-clippy "$TOOLS/shims/cargo-clippy"
    ln -sf /usr/bin/clippy-driver "$TOOLS/shims/clippy-driver"
    export RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1
    export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-22
    WASM_STD_ARGS=(-Zbuild-std=std,panic_abort)
  fi
  if [ "$TOOLCHAIN" = rustup ]; then
    rm -f "$TOOLS/shims/cargo" "$TOOLS/shims/cargo-clippy" "$TOOLS/shims/clippy-driver"
  fi
  export TOOLCHAIN
  # Artifacts of one compiler cannot be linked by another: start afresh on a switch.
  local id stamp="$ROOT/target/.toolchain"
  id="$TOOLCHAIN $("${RUSTC:-rustc}" --version)"
  if [ -d "$ROOT/target" ] && [ "$(cat "$stamp" 2>/dev/null)" != "$id" ]; then
    log "compiler changed ($id): cleaning target/"
    (cd "$ROOT" && cargo clean -q)
  fi
  mkdir -p "$ROOT/target" && printf '%s' "$id" > "$stamp"
}

# Runs cargo for building host tools. cargo-leptos needs a recent rustc: when the
# default one is older than that, Debian's rustc-web builds the tools instead.
TOOLS_MIN_RUSTC=1.96
tools_cargo() {
  local have
  have=$(rustc --version 2>/dev/null | awk '{print $2}')
  if [ -n "$have" ] && [ "$(printf '%s\n%s\n' "$TOOLS_MIN_RUSTC" "$have" | sort -V | head -n1)" = "$TOOLS_MIN_RUSTC" ]; then
    cargo "$@"
  else
    need_apt rustc-web cargo-web
    RUSTC=/usr/bin/rustc /usr/bin/cargo "$@"
  fi
}

# `cargo install` of an exact version, skipped when that version is already there.
cargo_tool() {
  local crate=$1 version=$2 bin=$3; shift 3
  if "$TOOLS/bin/$bin" --version 2>/dev/null | grep -q "$version"; then return 0; fi
  log "building $crate $version (once per machine)"
  # Without LTO and with many codegen units the build takes a fraction of the time.
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    tools_cargo install "$crate" --version "$version" --root "$TOOLS" "$@" \
    || die "could not build $crate $version"
}

lock_version() {
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

setup_build_tools() {
  select_toolchain
  cargo_tool cargo-leptos "$CARGO_LEPTOS_VERSION" cargo-leptos --locked --features no_downloads
  local wb; wb=$(lock_version wasm-bindgen)
  [ -n "$wb" ] || die "wasm-bindgen not found in Cargo.lock"
  # Not --locked: the registry may lack one of its locked dependencies.
  cargo_tool wasm-bindgen-cli "$wb" wasm-bindgen
}

setup_node() {
  command -v npm >/dev/null || need_apt nodejs npm
}

# wasm-opt, needed by release builds only, from the npm package of Binaryen.
setup_wasm_opt() {
  if "$TOOLS/bin/wasm-opt" --version >/dev/null 2>&1; then return 0; fi
  setup_node
  log "installing wasm-opt (npm binaryen@$BINARYEN_VERSION)"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS/npm" "binaryen@$BINARYEN_VERSION" >/dev/null
  ln -sf "$TOOLS/npm/node_modules/.bin/wasm-opt" "$TOOLS/bin/wasm-opt"
}

setup_postgres() {
  if [ -n "${PG_BIN_DIR:-}" ] || command -v initdb >/dev/null \
     || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    return 0
  fi
  need_apt postgresql
}

# pdftotext reads back the PDFs the server draws, in the tests; Akretion's factur-x
# (the reference implementation, with the official XSDs) checks the Factur-X invoices,
# through scripts/facturx-check.
setup_documents() {
  command -v pdftotext >/dev/null || need_apt poppler-utils
  setup_facturx
}

# A venv of its own: the package pins pypdf and lxml, which must not meet any other
# Python tool's. Skipped when the pinned version imports; rebuilt when the Python it was
# made with has gone (a pyenv upgrade leaves a venv that no longer starts).
FACTURX_VERSION=7.8
FACTURX_VENV="$TOOLS/facturx"
setup_facturx() {
  if "$FACTURX_VENV/bin/python" -c "import facturx, importlib.metadata as m, sys
sys.exit(m.version('factur-x') != '$FACTURX_VERSION')" 2>/dev/null; then
    return 0
  fi
  command -v python3 >/dev/null || need_apt python3
  log "installing factur-x $FACTURX_VERSION (Python venv in $FACTURX_VENV)"
  rm -rf "$FACTURX_VENV"
  # Debian's python3 makes venvs only with python3-venv (ensurepip); pyenv's always can.
  if ! python3 -m venv "$FACTURX_VENV" >/dev/null 2>&1; then
    rm -rf "$FACTURX_VENV"
    need_apt python3-venv
    python3 -m venv "$FACTURX_VENV" || die "could not create the venv $FACTURX_VENV"
  fi
  "$FACTURX_VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
    "factur-x==$FACTURX_VERSION" || die "could not install factur-x $FACTURX_VERSION"
}

setup_browser_tests() {
  setup_node
  [ -x /usr/bin/chromium ] || need_apt chromium
  if [ ! -d "$ROOT/end2end/node_modules/playwright-core" ] \
     || [ "$ROOT/end2end/package-lock.json" -nt "$ROOT/end2end/node_modules/.package-lock.json" ]; then
    log "installing end-to-end test packages (npm ci)"
    (cd "$ROOT/end2end" && npm ci --silent --no-audit --no-fund >/dev/null)
  fi
}

# The compile-time environment `cargo leptos build` gives dev builds: plain cargo calls
# (test, clippy) get the same, so that they reuse its artifacts instead of rebuilding
# every Leptos crate, and so that the binary `cargo test` rebuilds stays identical
# (Leptos reads LEPTOS_OUTPUT_NAME at compile time to name the wasm file).
dev_cargo_env() {
  export LEPTOS_OUTPUT_NAME=b2bizen RUSTFLAGS="--cfg erase_components"
  # The query macros read the committed .sqlx/ and never a database, even when
  # DATABASE_URL is set for the tests: only check_queries goes online, on purpose.
  export SQLX_OFFLINE=true
}

# The query macros against the migrations, on a throwaway database: writes what they
# learn into DIR (.sqlx/ format). Needs a server binary (any recent one) for its embedded
# PostgreSQL, and psql.
describe_queries() {
  local dir=$1 pg_dir="${TMPDIR:-/tmp}/b2bizen-sqlx-$(id -u)" url
  [ -x "$ROOT/target/debug/b2bizen" ] || die "build the server first (cargo build --features ssr)"
  "$ROOT/target/debug/b2bizen" db stop --data-dir "$pg_dir" >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
  url=$("$ROOT/target/debug/b2bizen" db start --fast --data-dir "$pg_dir" --database queries)
  # The files, not the binary's copy: a new migration is there before a build has it.
  local migration
  for migration in "$ROOT"/migrations/*.sql; do
    psql -q -v ON_ERROR_STOP=1 "$url" -f "$migration" >/dev/null || die "$migration failed"
  done
  rm -rf "$dir" && mkdir -p "$dir"
  # Touched, so that the macros run again instead of reusing the last check.
  touch "$ROOT/src/lib.rs"
  local rc=0
  (cd "$ROOT" && SQLX_OFFLINE=false DATABASE_URL="$url" SQLX_OFFLINE_DIR="$dir" \
    cargo check --features ssr --all-targets) || rc=$?
  "$ROOT/target/debug/b2bizen" db stop --data-dir "$pg_dir" >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
  return $rc
}

# cargo leptos build, with the wasm flags of the selected toolchain. cargo-leptos adds
# its own RUSTFLAGS to the configured ones, so none must be exported here. Always split:
# the pages declared in src/ui/routes.rs are chunks of their own, and a build without
# --split leaves their imports unresolved.
leptos_build() {
  local args=(--split)
  if [ ${#WASM_STD_ARGS[@]} -gt 0 ]; then args+=("--lib-cargo-args=${WASM_STD_ARGS[*]}"); fi
  (cd "$ROOT" && env -u RUSTFLAGS cargo leptos build "${args[@]}" "$@")
}
