// Drives `rollup-studio node` with ethers v6, as a developer's script would: chain id, balances,
// a transfer and its receipt, a contract deployed from our committed bytecode and called, its
// logs, eth_feeHistory, and reverts with their reasons. Exits non-zero on the first surprise.
import { readFileSync } from "node:fs";
import { ethers } from "ethers";

const url = process.argv[2] ?? "http://127.0.0.1:18545";
const KEY0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
const DEV1 = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const COLLECTIBLE = "0x7070000000000000000000000000000000000002";

function check(ok, what) {
  if (!ok) throw new Error("client check failed: " + what);
  console.log("ok   " + what);
}

// cacheTimeout -1: ethers otherwise answers a repeated read within 250 ms from its cache, and automine is faster than that
const provider = new ethers.JsonRpcProvider(url, undefined, { staticNetwork: true, cacheTimeout: -1 });
provider.pollingInterval = 100;
const wallet = new ethers.Wallet(KEY0, provider);

const network = await provider.getNetwork();
check(network.chainId === 901n, `chain id is 901 (got ${network.chainId})`);
const before = await provider.getBalance(DEV1);
check(before >= ethers.parseEther("10000"), `dev account 1 holds ${ethers.formatEther(before)} ETH`);

const sent = await wallet.sendTransaction({ to: DEV1, value: ethers.parseEther("1.5") });
const receipt = await sent.wait();
check(receipt.status === 1, `a transfer is mined in block ${receipt.blockNumber} with status 1`);
const after = await provider.getBalance(DEV1);
check(after === before + ethers.parseEther("1.5"), `the recipient's balance rose by 1.5 ETH (${ethers.formatEther(before)} -> ${ethers.formatEther(after)})`);

const artifact = JSON.parse(readFileSync(new URL("../src/main/resources/contracts/StudioToken.json", import.meta.url)));
const factory = new ethers.ContractFactory(artifact.abi, artifact.bytecode, wallet);
const token = await factory.deploy([wallet.address], 1000n);
await token.waitForDeployment();
const address = await token.getAddress();
check((await provider.getCode(address)) === artifact.deployedBytecode, `the token deployed at ${address} holds the compiled runtime code`);
await (await token.transfer(DEV1, 5n)).wait();
check((await token.balanceOf(DEV1)) === 5n, "balanceOf(dev 1) is 5 after a transfer");
check((await token.symbol()) === "STT", "symbol() is STT");

const logs = await provider.getLogs({ address, fromBlock: 0, toBlock: "latest", topics: [ethers.id("Transfer(address,address,uint256)")] });
check(logs.length === 2, `eth_getLogs finds the mint and the transfer (${logs.length} logs)`);
const parsed = token.interface.parseLog(logs[1]);
check(parsed.args.to === DEV1 && parsed.args.value === 5n, "the second log decodes as Transfer(dev 0, dev 1, 5)");

const history = await provider.send("eth_feeHistory", ["0x4", "latest", [25, 75]]);
check(history.baseFeePerGas.length === history.gasUsedRatio.length + 1 && history.reward.length === history.gasUsedRatio.length,
  `eth_feeHistory gives ${history.gasUsedRatio.length} blocks, one more base fee, and the reward percentiles`);

const collectible = new ethers.Contract(COLLECTIBLE, ["function mintBatch(uint256 count)"], wallet);
try {
  await collectible.mintBatch.staticCall(0);
  check(false, "mintBatch(0) reverts");
} catch (e) {
  check(e.reason === "mint 1 to 20 per call", `a revert carries its reason: "${e.reason}"`);
}
const poor = new ethers.Wallet(ethers.Wallet.createRandom().privateKey, provider);
try {
  await token.connect(poor).transfer.staticCall(DEV1, 1n);
  check(false, "a transfer without tokens reverts");
} catch (e) {
  check(typeof e.data === "string" && e.data.startsWith("0xe450d38c"), `a custom error comes back as its data (${e.data?.slice(0, 10)}: ERC20InsufficientBalance)`);
}
provider.destroy();
console.log("ethers: all checks passed");
