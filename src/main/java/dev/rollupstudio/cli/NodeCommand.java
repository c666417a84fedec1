package dev.rollupstudio.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollupstudio.app.Runtimes;
import dev.rollupstudio.app.SpecRuntimes;
import dev.rollupstudio.app.EphemeralService;
import dev.rollupstudio.host.DevnetHost;
import dev.rollupstudio.rpc.Endpoints;
import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.sim.Pace;
import dev.rollupstudio.spec.Presets;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.SpecJson;
import dev.rollupstudio.spec.StackSpec;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.wallet.DevAccounts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import dev.rollupstudio.rpc.Signer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "node", mixinStandardHelpOptions = true,
        description = "Run the devnet headless and serve Ethereum JSON-RPC: the rollup on --port, the L1 on --l1-port, as Anvil serves one chain.")
final class NodeCommand implements Callable<Integer> {
    @Option(names = "--spec", description = "run this stack (*.rollup.json)")
    Path spec;
    @Option(names = "--preset", description = "run a preset stack (see 'spec presets'); default: the OP Stack")
    String preset;
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default ${DEFAULT-VALUE}); another needs --allow-remote")
    String host;
    @Option(names = "--allow-remote", description = "allow listening on an address other machines can reach (the dev keys are public: anyone can spend)")
    boolean allowRemote;
    @Option(names = "--port", defaultValue = "8545", description = "the rollup's JSON-RPC port (default ${DEFAULT-VALUE}); 0 picks a free one")
    int port;
    @Option(names = "--l1-port", description = "the L1's JSON-RPC port (default: the next port)")
    Integer l1Port;
    @Option(names = "--block-time", description = "L2 block time in ms (default: the stack's); 0 seals a block as soon as transactions wait (automine)")
    Long blockTime;
    @Option(names = "--gas-limit", description = "L2 block gas limit (default: the stack's)")
    Long gasLimit;
    @Option(names = "--speed", defaultValue = "1", description = "simulated time per wall time, 0.1 to 100 (default ${DEFAULT-VALUE}: real time)")
    double speed;
    @Option(names = "--db", description = "database folder the chains resume from next time; default 'none': in memory, as Anvil, which evm_snapshot needs")
    String db;
    @Option(names = "--rollups", defaultValue = "1", description = "rollups on the L1, 1 to 16 (default ${DEFAULT-VALUE}); the further ones take the next chain ids and ports and run in memory")
    int rollups;
    @Option(names = "--accounts", defaultValue = "10", description = "dev accounts to fund and unlock, 1 to 1000 (default ${DEFAULT-VALUE})")
    int accounts;
    @Option(names = "--mnemonic", description = "BIP-39 words the dev accounts come from (default: Anvil's and Hardhat's 'test test ... junk')")
    String mnemonic = DevAccounts.MNEMONIC;
    @Option(names = "--balance", defaultValue = "10000", description = "ETH in each dev account on the rollups and the L1 (default ${DEFAULT-VALUE})")
    java.math.BigDecimal balance;
    @Option(names = "--voting-delay", defaultValue = "1", description = "ALT governance: L1 blocks from a proposal to its vote (default ${DEFAULT-VALUE})")
    long votingDelay;
    @Option(names = "--voting-period", defaultValue = "25", description = "ALT governance: L1 blocks a vote stays open (default ${DEFAULT-VALUE}: 5 min)")
    long votingPeriod;
    @Option(names = "--quorum", defaultValue = "1500000", description = "ALT governance: votes for plus abstain a proposal needs, in ALT (default ${DEFAULT-VALUE})")
    String quorum;
    @Option(names = "--timelock", defaultValue = "300", description = "ALT governance: seconds a passed proposal waits before it can run (default ${DEFAULT-VALUE})")
    long timelock;
    @Option(names = "--cors", description = "allow browser pages from this origin ('*' for any) to call the endpoints")
    String cors;

    @Override public Integer call() throws Exception {
        if (spec != null && preset != null) throw new IllegalArgumentException("give --spec or --preset, not both");
        if (!isLoopback(host) && !allowRemote) {
            throw new IllegalArgumentException("--host " + host + " would let other machines reach the dev accounts, whose keys are public; add --allow-remote if you mean it");
        }
        Flags.atLeast("--accounts", accounts, 1);
        if (accounts > 1000) throw new IllegalArgumentException("--accounts: at most 1000, got " + accounts);
        if (port < 0 || port > 65535) throw new IllegalArgumentException("--port must be 0 to 65535, got " + port);
        Flags.range("--speed", speed, Pace.MIN_SPEED, Pace.MAX_SPEED, "x");
        RuntimeOptions options = RuntimeOptions.defaults().withPace(Pace.realtime(speed));
        if (balance.signum() < 0 || balance.compareTo(java.math.BigDecimal.TEN.pow(12)) > 0) {
            throw new IllegalArgumentException("--balance: 0 to 1,000,000,000,000 ETH, got " + balance.toPlainString());
        }
        java.math.BigInteger wei;
        try {
            wei = balance.movePointRight(18).toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("--balance: at most 18 decimals (1 wei), got " + balance.toPlainString());
        }
        options = new RuntimeOptions(options.rollup(), options.l1(), null, options.seed(), options.pace(), null, accounts, 0)
                .withDevAccounts(mnemonic.trim().replaceAll("\\s+", " "), accounts, dev.rollupstudio.types.Wei.of(wei));
        StackSpec stack = spec != null ? SpecJson.load(spec) : preset != null ? Presets.get(preset) : null;
        if (stack != null) options = SpecRuntimes.options(stack, Prices.defaults(), options);
        if (blockTime != null && blockTime > 0) options = options.withRollup(options.rollup().withBlockTime(blockTime));
        if (blockTime != null && blockTime < 0) throw new IllegalArgumentException("--block-time must be 0 (automine) or more, got " + blockTime);
        if (gasLimit != null) {
            Flags.atLeast("--gas-limit", gasLimit, 21_000);
            options = options.withRollup(options.rollup().withGasLimit(gasLimit));
        }
        if (rollups < 1 || rollups > 16) throw new IllegalArgumentException("--rollups: 1 to 16, got " + rollups);
        var governance = options.l1().governance();
        options = options.withL1(options.l1().withGovernance(new dev.rollupstudio.runtime.config.GovernanceConfig(votingDelay, votingPeriod,
                governance.proposalThreshold(), dev.rollupstudio.types.Amount.parse(quorum, dev.rollupstudio.types.Amount.Token.ALT).units(), timelock)));
        Path dbPath = db == null || "none".equals(db) ? null : Path.of(db);
        options = options.withDatabase(dbPath);

        String name = stack != null ? stack.name() : "OP Stack";
        List<dev.rollupstudio.runtime.config.RollupConfig> further = new java.util.ArrayList<>();
        List<String> names = new java.util.ArrayList<>();
        for (int i = 1; i < rollups; i++) {
            further.add(options.rollup().withChainId(options.rollup().chainId() + i));
            names.add(name + " #" + (i + 1));
        }
        DevnetHost devnet = Runtimes.openDevnet(options, name, further, names);
        RollupRuntime rt = devnet.runtime();
        if (blockTime != null && blockTime == 0) devnet.rollups().forEach(r -> r.automine());
        DevAccounts keys = rt.accounts();
        Map<Address, Signer> unlocked = Signer.unlocked(keys, keys.size());
        // ephemeral rollups live in memory: a node with a database keeps only what it can resume
        EphemeralService ephemeral = dbPath == null ? new EphemeralService(devnet, EphemeralService.defaultTemplate(), keys.address(0)) : null;
        dev.rollupstudio.rpc.EphemeralControl control = ephemeral != null ? ephemeral : dev.rollupstudio.rpc.EphemeralControl.refusing(
                "this node keeps its chains in " + dbPath + ", and ephemeral rollups live in memory; start a node without --db to spawn them");
        Endpoints endpoints;
        try {
            endpoints = new Endpoints(devnet, unlocked, host, port, l1Port != null ? l1Port : port == 0 ? 0 : port + 1, cors, control);
        } catch (RuntimeException e) {
            devnet.close();
            throw e;
        }
        if (ephemeral != null) ephemeral.serveOn(endpoints);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            devnet.stop();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "node-shutdown"));
        Thread loop = new Thread(devnet::run, "devnet-loop");
        loop.start();
        try {
            printBanner(keys, endpoints, devnet, dbPath, blockTime != null && blockTime == 0, options);
            loop.join();
        } finally {
            devnet.stop();
            loop.join();
            endpoints.close();
            if (ephemeral != null) ephemeral.close();
            devnet.close();
            System.out.println("stopped at L2 block " + devnet.runtime().node().chain().head().number() + ", L1 block " + devnet.runtime().l1().head().number()
                    + (dbPath != null ? "; the chains resume from " + dbPath.toAbsolutePath() : ""));
            stopped.countDown();
        }
        return 0;
    }

    static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") || host.startsWith("127.");
    }

    private static void printBanner(DevAccounts keys, Endpoints endpoints, DevnetHost devnet, Path db, boolean automine, RuntimeOptions options) throws Exception {
        StringBuilder out = new StringBuilder();
        out.append("\nRollup Studio devnet: one embedded L1 and its rollup, served over Ethereum JSON-RPC\n\n");
        out.append("Available Accounts\n==================\n");
        for (int i = 0; i < keys.size(); i++) {
            out.append(String.format("(%d) %s (%s ETH)%n", i, dev.rollupstudio.chain.Eip55.checksum(keys.address(i)),
                    new java.math.BigDecimal(options.devBalance().value()).movePointLeft(18).stripTrailingZeros().toPlainString()));
        }
        out.append("\nPrivate Keys\n==================\n");
        for (int i = 0; i < keys.size(); i++) out.append(String.format("(%d) %s%n", i, keys.privateKeyHex(i)));
        out.append(options.mnemonic().equals(DevAccounts.MNEMONIC)
                ? "\nWarning: these are the well-known development keys (the mnemonic below, Anvil's and Hardhat's too).\n"
                : "\nWarning: these keys come from the mnemonic you gave and are printed here: use it for development only.\n");
        out.append("Anyone can spend from them: never send them real funds or use them on a public network.\n");
        out.append("\nWallet\n==================\nMnemonic:          ").append(options.mnemonic()).append("\nDerivation path:   m/44'/60'/0'/0/\n");
        out.append("\nChains\n==================\n");
        List<Endpoints.Served> chains = new java.util.ArrayList<>(List.of(endpoints.l1()));
        chains.addAll(endpoints.rollups());
        for (Endpoints.Served s : chains) {
            out.append(String.format("%-10s chain id %-6d %s%n", s.chain().isRollup() ? "rollup" : "L1", s.chain().chainId(), s.url()));
        }
        out.append(String.format("%nALT (ERC-20, 18 decimals)  L1 %s, bridged on each rollup %s%n",
                dev.rollupstudio.chain.Eip55.checksum(dev.rollupstudio.contracts.Alt.L1_TOKEN), dev.rollupstudio.chain.Eip55.checksum(dev.rollupstudio.contracts.Alt.L2_TOKEN)));
        out.append(String.format("Standard bridge            L2 %s on each rollup; on L1 per rollup:",
                dev.rollupstudio.chain.Eip55.checksum(dev.rollupstudio.contracts.StandardBridge.L2_BRIDGE)));
        for (Endpoints.Served s : endpoints.rollups()) {
            out.append(String.format(" %d %s", s.chain().chainId(), dev.rollupstudio.chain.Eip55.checksum(dev.rollupstudio.contracts.StandardBridge.l1Bridge(s.chain().chainId()))));
        }
        out.append('\n');
        var config = devnet.rollups().get(0).config();
        out.append(String.format("%nL2 blocks   %s, gas limit %,d%n", automine ? "as soon as transactions wait (automine), and every "
                + config.blockTimeMillis() + " ms" : "every " + config.blockTimeMillis() + " ms", config.gasLimit()));
        var g = options.l1().governance();
        out.append(String.format("Governance  ALT Governor %s (timelock %s): votes open %d L1 block(s) after a proposal, for %d; quorum %s; timelock %d s%n",
                dev.rollupstudio.chain.Eip55.checksum(dev.rollupstudio.contracts.Governance.GOVERNOR),
                dev.rollupstudio.chain.Eip55.checksum(dev.rollupstudio.contracts.Governance.TIMELOCK), g.votingDelayBlocks(), g.votingPeriodBlocks(),
                dev.rollupstudio.types.Amount.of(g.quorum(), dev.rollupstudio.types.Amount.Token.ALT), g.timelockSeconds()));
        out.append("Database    ").append(db == null ? "none (memory only; evm_snapshot and evm_revert work)" : db.toAbsolutePath() + " (resumed at L2 block "
                + devnet.rollups().stream().map(r -> String.valueOf(r.heads().latest())).collect(java.util.stream.Collectors.joining(", ")) + ")").append('\n');
        out.append(db == null ? "Ephemeral   ephemeral_spawn, ephemeral_list, ephemeral_dissolve on every endpoint; each is served on the next free port"
                + " from its first block, and settles to L1 and dissolves when its life ends\n" : "Ephemeral   none with --db (ephemeral rollups live in memory)\n");
        out.append("\nRollup config (optimism_rollupConfig)\n==================\n");
        out.append(rollupConfig(endpoints)).append('\n');
        out.append("\nListening on ").append(endpoints.served().get(0).url()).append(" (Ctrl-C stops)\n");
        System.out.print(out);
        System.out.flush();
    }

    /** The rollup's optimism_rollupConfig, asked of its own endpoint's handler path so the banner shows what clients get. */
    private static String rollupConfig(Endpoints endpoints) throws Exception {
        var s = endpoints.served().get(0);
        var client = java.net.http.HttpClient.newHttpClient();
        var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(s.url())).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"optimism_rollupConfig\"}")).build();
        String body = client.send(req, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        ObjectMapper json = new ObjectMapper();
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(body).get("result"));
    }
}
