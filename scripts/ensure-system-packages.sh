#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, when they are missing and we may install them.
# Called by `npm test` (pretest), so the README's one test command works on a fresh machine.
#   openssl        – `openssl verify` / `openssl x509 -text` checks of the generated test PKI
#   libxml2-utils  – xmllint, DUIS 5.4 schema validation of requests and responses
#   default-jre-headless – java, to check our XML signatures against DCC's own signing tool (a jar)
#   chromium       – the live view's browser test (driven by playwright-core, never a downloaded browser)
set -u
needed=()
command -v openssl >/dev/null 2>&1 || needed+=(openssl)
command -v xmllint >/dev/null 2>&1 || needed+=(libxml2-utils)
command -v java >/dev/null 2>&1 || needed+=(default-jre-headless)
[ -x /usr/bin/chromium ] || needed+=(chromium)
[ ${#needed[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-system-packages: missing ${needed[*]}; install them (Debian: apt-get install ${needed[*]})." >&2
  echo "ensure-system-packages: tests that need them will be skipped with a message." >&2
  exit 0
fi
echo "ensure-system-packages: installing ${needed[*]} from Debian"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${needed[@]}" >/dev/null \
  || echo "ensure-system-packages: apt-get could not install ${needed[*]}; dependent tests will be skipped." >&2
exit 0
