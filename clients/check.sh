#!/usr/bin/env bash
# Real clients against `rollup-studio node`: Foundry's cast and ethers v6, both from npm (npm ci first).
# Usage: clients/check.sh [path/to/rollup-studio.jar]
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${1:-target/rollup-studio.jar}
port=18545
url=http://127.0.0.1:$port
cast=node_modules/@foundry-rs/cast-linux-amd64/bin/cast
log=target/clients-node.log

java -jar "$jar" node --db none --port $port --block-time 0 > "$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
for i in $(seq 1 100); do
  grep -q "Listening on" "$log" && break
  kill -0 $pid 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.2
done

expect() { # what, actual, expected
  if [ "$2" != "$3" ]; then echo "client check failed: $1: got '$2', expected '$3'"; exit 1; fi
  echo "ok   $1"
}
key0=0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80
dev2=0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC
expect "cast chain-id" "$($cast chain-id --rpc-url $url)" 901
expect "cast chain-id on the L1" "$($cast chain-id --rpc-url http://127.0.0.1:$((port + 1)))" 900
expect "cast balance" "$($cast balance $dev2 --rpc-url $url)" 10000000000000000000000
status=$($cast send --private-key $key0 $dev2 --value 1ether --rpc-url $url --json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).status))')
expect "cast send waits for the receipt" "$status" 0x1
expect "cast balance after the transfer" "$($cast balance $dev2 --rpc-url $url)" 10001000000000000000000
expect "cast call symbol() of the genesis token" "$($cast call 0x7070000000000000000000000000000000000001 'symbol()(string)' --rpc-url $url)" '"STT"'
expect "cast call symbol() of ALT on the L1" "$($cast call 0xA170000000000000000000000000000000000001 'symbol()(string)' --rpc-url http://127.0.0.1:$((port + 1)))" '"ALT"'
expect "cast call symbol() of bridged ALT on the rollup" "$($cast call 0xA170000000000000000000000000000000000002 'symbol()(string)' --rpc-url $url)" '"ALT"'
if out=$($cast call 0x7070000000000000000000000000000000000002 'mintBatch(uint256)' 0 --rpc-url $url 2>&1); then
  echo "client check failed: mintBatch(0) did not revert: $out"; exit 1
fi
case "$out" in *"mint 1 to 20 per call"*) echo "ok   cast call shows the revert reason";; *) echo "client check failed: no reason in: $out"; exit 1;; esac

# the dev methods a test suite leans on: a snapshot, an edit, a revert
whale=0x00000000000000000000000000000000000000Aa
snap=$($cast rpc evm_snapshot --rpc-url $url | tr -d '"')
$cast rpc anvil_setBalance $whale 0x3635c9adc5dea00000 --rpc-url $url > /dev/null
expect "cast rpc anvil_setBalance" "$($cast balance $whale --rpc-url $url)" 1000000000000000000000
$cast rpc anvil_impersonateAccount $whale --rpc-url $url > /dev/null
status=$($cast send --unlocked --from $whale $dev2 --value 1ether --rpc-url $url --json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).status))')
expect "cast send --unlocked from an impersonated account" "$status" 0x1
expect "cast rpc evm_revert" "$($cast rpc evm_revert $snap --rpc-url $url)" true
expect "the edit is undone by the revert" "$($cast balance $whale --rpc-url $url)" 0
expect "so is the transfer" "$($cast balance $dev2 --rpc-url $url)" 10001000000000000000000

# the standard bridge: approve and depositERC20 ALT on the L1, minted on the rollup
l1url=http://127.0.0.1:$((port + 1))
dev0=0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266
bridge=$(grep -o "901 0x[0-9a-fA-F]\{40\}" "$log" | head -1 | cut -d' ' -f2)
$cast send --private-key $key0 0xA170000000000000000000000000000000000001 'approve(address,uint256)' $bridge 5ether --rpc-url $l1url > /dev/null
$cast send --private-key $key0 $bridge 'depositERC20(address,address,uint256,uint32,bytes)' \
  0xA170000000000000000000000000000000000001 0xA170000000000000000000000000000000000002 5ether 0 0x --rpc-url $l1url > /dev/null
for i in $(seq 1 120); do
  minted=$($cast to-dec "$($cast call 0xA170000000000000000000000000000000000002 'balanceOf(address)' $dev0 --rpc-url $url)")
  [ "$minted" != 0 ] && break
  sleep 0.5
done
expect "ALT deposited through the L1 bridge is minted on the rollup" "$minted" 5000000000000000000
expect "and locked in the L1 bridge" "$($cast to-dec "$($cast call 0xA170000000000000000000000000000000000001 'balanceOf(address)' $bridge --rpc-url $l1url)")" 5000000000000000000

node clients/ethers-check.mjs $url
echo "real clients: all checks passed"
