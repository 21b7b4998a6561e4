#!/usr/bin/env bash
# The main job: builds the extension ready to load unpacked (Chrome and Firefox), then runs
# the sync server on its embedded SQLite store until Ctrl+C.
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
bash "$here/setup.sh"
source "$here/env.sh"
cd "$SVODKA_ROOT"
npm run build
npm run build:firefox
echo
echo "Расширение для Chrome/Яндекс Браузера: $SVODKA_ROOT/.output/chrome-mv3 (chrome://extensions → «Загрузить распакованное»)"
echo "Расширение для Firefox: $SVODKA_ROOT/.output/firefox-mv3 (about:debugging → «Загрузить временное дополнение»)"
exec npm run server
