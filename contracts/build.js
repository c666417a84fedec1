// Compiles contracts/*.sol with the pinned solc (standard JSON, EVM version cancun) and writes one
// artifact per contract to src/main/resources/contracts/<Name>.json: ABI, creation and runtime
// bytecode, compiler settings. `--check` rebuilds in memory and fails if a committed artifact differs.
'use strict';
const fs = require('fs');
const path = require('path');
const solc = require('solc');

const root = path.resolve(__dirname, '..');
const sourcesDir = __dirname;
const outDir = path.join(root, 'src/main/resources/contracts');
const settings = {
  evmVersion: 'cancun',
  optimizer: { enabled: true, runs: 200 },
  metadata: { bytecodeHash: 'none' },
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
};

function findImport(p) {
  const file = path.join(root, 'node_modules', p);
  return fs.existsSync(file) ? { contents: fs.readFileSync(file, 'utf8') } : { error: 'not found: ' + p + ' (run npm ci)' };
}

const sources = {};
for (const f of fs.readdirSync(sourcesDir).filter((f) => f.endsWith('.sol')).sort()) {
  sources[f] = { content: fs.readFileSync(path.join(sourcesDir, f), 'utf8') };
}
const output = JSON.parse(solc.compile(JSON.stringify({ language: 'Solidity', sources, settings }), { import: findImport }));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
for (const e of output.errors || []) console.error(e.formattedMessage);
if (errors.length) process.exit(1);

const check = process.argv.includes('--check');
let stale = 0;
for (const f of Object.keys(sources)) {
  for (const [name, c] of Object.entries(output.contracts[f])) {
    if (!c.evm.bytecode.object) continue; // an interface: nothing to deploy
    const artifact = {
      contractName: name,
      source: 'contracts/' + f,
      compiler: { solc: solc.version(), evmVersion: settings.evmVersion, optimizer: settings.optimizer },
      abi: c.abi,
      bytecode: '0x' + c.evm.bytecode.object,
      deployedBytecode: '0x' + c.evm.deployedBytecode.object,
    };
    const text = JSON.stringify(artifact, null, 2) + '\n';
    const file = path.join(outDir, name + '.json');
    if (check) {
      const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
      if (committed !== text) {
        console.error(path.relative(root, file) + ' does not match a rebuild of ' + f + '; run `npm run build` and commit it');
        stale++;
      }
    } else {
      fs.mkdirSync(outDir, { recursive: true });
      fs.writeFileSync(file, text);
      console.log(path.relative(root, file) + ': ' + (c.evm.deployedBytecode.object.length / 2) + ' bytes of code');
    }
  }
}
if (check) {
  if (stale) process.exit(1);
  console.log('contract artifacts match their sources (solc ' + solc.version() + ')');
}
