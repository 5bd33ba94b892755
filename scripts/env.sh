# Sourced by the other scripts: the PATH and browser settings every step shares.
# Tools installed by `cargo install` live under CARGO_HOME (~/.cargo unless it is set).
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
