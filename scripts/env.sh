# Sourced by the other scripts: the PATH and browser settings every step shares.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"

# The shipped wasm is built with this pinned nightly (scripts/build, installed by
# scripts/setup); everything else — lints, tests — uses the stable toolchain.
export COHORTE_NIGHTLY=nightly-2026-05-20
