#!/usr/bin/env bash
# Runs "$@" against a REAL keychain that is private to this run: its own D-Bus session bus and a fresh,
# unlocked gnome-keyring under a temp dir, so tests never read or write a developer's own keyring.
# Usage: bash test/with-keyring.sh <command...>; exits with the command's exit code.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if [[ "${1-}" == --inside-bus ]]; then
  shift
  # With an empty keyring dir, --unlock creates the "login" keyring from stdin's password; libsecret
  # then uses it as the default collection, which is where keytar writes.
  printf %s "$KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  unset KEYRING_PASSWORD
  # Prove keytar can really store and read back before running anything that relies on it.
  node -e '
    const k = require(process.argv[1] + "/node_modules/keytar");
    (async () => {
      await k.setPassword("with-keyring check", "check", "ok");
      const back = await k.getPassword("with-keyring check", "check");
      await k.deletePassword("with-keyring check", "check");
      if (back !== "ok") throw new Error("read back " + JSON.stringify(back));
    })().catch((e) => { console.error("with-keyring: the private keyring does not work: " + e.message); process.exit(1); });
  ' "$root"
  # Tests check this to refuse running against any other keychain.
  export PROFILE_DESK_PRIVATE_KEYRING="$XDG_DATA_HOME/keyrings"
  echo "with-keyring: running on a private D-Bus session and unlocked gnome-keyring in ${XDG_DATA_HOME%/data}"
  exec "$@"
fi

for tool in dbus-run-session dbus-daemon gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null; then
    echo "with-keyring: $tool not found; install the Debian packages: apt-get install -y dbus gnome-keyring libsecret-1-dev" >&2
    exit 127
  fi
done

tmp="$(mktemp -d "${TMPDIR:-/tmp}/profile-desk-keyring.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

# npm finds its config and cache through HOME: keep them when HOME moves into the temp dir.
export NPM_CONFIG_USERCONFIG="${NPM_CONFIG_USERCONFIG:-$HOME/.npmrc}"
export npm_config_cache="${npm_config_cache:-$HOME/.npm}"
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache"
export XDG_RUNTIME_DIR="$tmp/run"
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
mkdir -m 700 "$XDG_RUNTIME_DIR"
KEYRING_PASSWORD="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
export KEYRING_PASSWORD

# The bus daemon's own chatter (fd limits, service activation) goes to a log, not into test output.
printf '#!/bin/sh\nexec dbus-daemon "$@" 2>>"%s/dbus.log"\n' "$tmp" >"$tmp/dbus-daemon"
chmod +x "$tmp/dbus-daemon"

dbus-run-session --dbus-daemon="$tmp/dbus-daemon" -- bash "${BASH_SOURCE[0]}" --inside-bus "$@"
