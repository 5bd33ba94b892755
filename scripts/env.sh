# Sourced by the other scripts: the PATH and browser settings every step shares.
# Tools installed by `cargo install` live under CARGO_HOME (~/.cargo unless it is set).
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export FIREFOX="${FIREFOX:-/usr/bin/firefox-esr}"
# Not named GECKODRIVER, and not in the PATH above: wasm-bindgen-test-runner takes the first
# driver it finds there or in GECKODRIVER, and the Chromium run must stay on chromedriver.
export COHORTE_GECKODRIVER="${COHORTE_GECKODRIVER:-${CARGO_HOME:-$HOME/.cargo}/geckodriver/bin/geckodriver}"
