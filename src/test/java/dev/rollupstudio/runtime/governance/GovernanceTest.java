package dev.rollupstudio.runtime.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.chain.Receipt;
import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.chain.TxEncoder;
import dev.rollupstudio.chain.TxType;
import dev.rollupstudio.chain.UnsignedTransaction;
import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.contracts.Governance;
import dev.rollupstudio.contracts.Governance.Change;
import dev.rollupstudio.contracts.Governance.State;
import dev.rollupstudio.evm.Evm;
import dev.rollupstudio.evm.ReadOnlyCall;
import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.runtime.config.MachConfig;
import dev.rollupstudio.runtime.l1.EmbeddedL1;
import dev.rollupstudio.runtime.l1.L1Block;
import dev.rollupstudio.runtime.rollup.L2Chain.SealedBlock;
import dev.rollupstudio.runtime.rollup.TxRejection;
import dev.rollupstudio.types.Address;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ALT governance changing a running rollup: proposals through the Governor, votes of delegated ALT,
 * the timelock holding a passed proposal back until its delay has passed, and, once executed, the
 * rollup's blocks taking the new gas limit from the first L2 block whose L1 origin holds the change
 * (verifier agreeing) and MACH counting to the new quorum.
 */
class GovernanceTest {
    private static final BigInteger GWEI = BigInteger.valueOf(1_000_000_000L);
    private static final long SLOT = 12_000;

    private RollupRuntime rt;
    private long chainId;

    @Test void aPassedProposalRunsOnlyAfterItsTimelockAndChangesTheRunningRollup() {
        RuntimeOptions d = RuntimeOptions.defaults().withSeed(3);
        // five MACH operators, one offline: 80% of the stake signs, enough for 66%, not for 90%
        rt = RollupRuntime.inMemory(d.withRollup(d.rollup().withSequencing(d.rollup().sequencing().withMach(MachConfig.of(5, 66, 4_000, 1, 0, 0, 0)))));
        chainId = rt.node().config().chainId();
        long genesisGas = rt.node().config().gasLimit();
        assertThat(genesisGas).isEqualTo(30_000_000);

        // no one but the timelock may write the parameters
        Change gas = Change.gasLimit(chainId, 60_000_000);
        Change quorum = Change.machQuorum(chainId, 90);
        Change rejected = Change.gasLimit(chainId, 5_000_000);
        rt.runFor(SLOT);
        Transaction direct = send(0, Governance.PARAMETERS, Abi.call("setGasLimit(uint256,uint256)", chainId, 60_000_000L));
        Transaction[] proposals = {send(0, Governance.GOVERNOR, gas.proposeCall()), send(0, Governance.GOVERNOR, quorum.proposeCall()),
                send(2, Governance.GOVERNOR, rejected.proposeCall())};
        rt.runFor(3 * SLOT);
        assertThat(receipt(direct).success()).isFalse();
        for (Transaction t : proposals) assertThat(receipt(t).success()).isTrue();
        assertThat(state(gas)).isEqualTo(State.ACTIVE); // one block of voting delay has passed

        // dev 0 and dev 1 (1,000,000 ALT each, delegated to themselves at genesis) carry the quorum of 1,500,000
        for (int voter : new int[] {0, 1}) {
            send(voter, Governance.GOVERNOR, Abi.call("castVote(uint256,uint8)", gas.proposalId(), 1));
            send(voter, Governance.GOVERNOR, Abi.call("castVote(uint256,uint8)", quorum.proposalId(), 1));
            send(voter, Governance.GOVERNOR, Abi.call("castVote(uint256,uint8)", rejected.proposalId(), 0));
        }
        rt.runFor(2 * SLOT);
        byte[] votes = call(Governance.GOVERNOR, Abi.call("proposalVotes(uint256)", gas.proposalId())); // (against, for, abstain)
        assertThat(Abi.uint(votes, 1)).isEqualTo(BigInteger.valueOf(2_000_000).multiply(BigInteger.TEN.pow(18)));
        assertThat(Abi.uint(votes, 0)).isZero();

        rt.runFor(25 * SLOT); // the voting period
        assertThat(state(gas)).isEqualTo(State.SUCCEEDED);
        assertThat(state(quorum)).isEqualTo(State.SUCCEEDED);
        assertThat(state(rejected)).isEqualTo(State.DEFEATED);

        // anyone queues a passed proposal; executing it before the timelock's 300 s reverts
        Transaction queueGas = send(3, Governance.GOVERNOR, Abi.call("queue(uint256)", gas.proposalId()));
        send(3, Governance.GOVERNOR, Abi.call("queue(uint256)", quorum.proposalId()));
        Transaction queueRejected = send(3, Governance.GOVERNOR, Abi.call("queue(uint256)", rejected.proposalId()));
        rt.runFor(2 * SLOT);
        assertThat(receipt(queueGas).success()).isTrue();
        assertThat(receipt(queueRejected).success()).isFalse();
        assertThat(state(gas)).isEqualTo(State.QUEUED);
        Transaction early = send(3, Governance.GOVERNOR, Abi.call("execute(uint256)", gas.proposalId()));
        rt.runFor(2 * SLOT);
        assertThat(receipt(early).success()).isFalse();
        assertThat(rt.node().chain().head().block().header().gasLimit()).isEqualTo(genesisGas);

        // a transaction above the block gas limit is refused until the change
        TxRejection tooBig = rt.node().submit(l2(4, 40_000_000), System.nanoTime());
        assertThat(tooBig).isNotNull();
        assertThat(tooBig.reason()).isEqualTo(TxRejection.Reason.GAS_LIMIT_ABOVE_BLOCK);

        rt.runFor(300_000);
        Transaction executeGas = send(3, Governance.GOVERNOR, Abi.call("execute(uint256)", gas.proposalId()));
        Transaction executeQuorum = send(3, Governance.GOVERNOR, Abi.call("execute(uint256)", quorum.proposalId()));
        rt.runFor(2 * SLOT);
        assertThat(receipt(executeGas).success()).isTrue();
        assertThat(receipt(executeQuorum).success()).isTrue();
        assertThat(state(gas)).isEqualTo(State.EXECUTED);
        long executedIn = blockOf(executeGas);
        long finalBefore = rt.node().fastFinality().finalHead();

        rt.runFor(90_000);
        // every L2 block whose L1 origin is at or after the execution has the new gas limit, every one before the old
        long first = -1;
        for (long n = 1; n <= rt.node().chain().head().number(); n++) {
            SealedBlock b = rt.node().chain().block(n);
            long expected = b.origin().number() >= executedIn ? 60_000_000 : genesisGas;
            assertThat(b.block().header().gasLimit()).as("block %d (origin %d)", n, b.origin().number()).isEqualTo(expected);
            if (first < 0 && expected != genesisGas) first = n;
        }
        assertThat(first).isPositive();
        System.out.println("governance: executed in L1 block " + executedIn + "; gas limit 60,000,000 from L2 block " + first + " (origin "
                + rt.node().chain().block(first).origin().number() + "); MACH quorum 90%, fast-final head " + finalBefore + " when it landed");
        assertThat(rt.l1().parameters().changes(chainId)).extracting(c -> c.key() + "=" + c.value() + "@" + c.l1Block())
                .containsExactlyInAnyOrder("gasLimit=60000000@" + executedIn, "machQuorumPct=90@" + executedIn);
        // the verifier derived the same blocks from L1 data, the new gas limit among them
        assertThat(rt.node().derivation().safeHead()).isGreaterThan(first);
        assertThat(rt.node().derivation().mismatches()).isZero();
        assertThat(rt.node().derivation().findings()).isZero();
        assertThat(rt.node().submit(l2(4, 40_000_000), System.nanoTime())).isNull();
        // what the Runtime screen shows: each change and the first L2 block built with it
        var applied = new dev.rollupstudio.runtime.AppliedChanges(chainId, rt.l1(), rt.node().chain()).list();
        assertThat(applied).extracting(a -> a.key() + "@" + a.fromL2Block()).containsExactlyInAnyOrder("gasLimit@" + first, "machQuorumPct@" + first);
        // MACH now needs 90%; 80% signs, so the fast-final head stops where it was when the change landed
        assertThat(rt.node().fastFinality().status().quorumPct()).isEqualTo(90);
        assertThat(rt.node().fastFinality().finalHead()).isLessThanOrEqualTo(finalBefore + 3);
        assertThat(rt.node().fastFinality().finalHead()).isLessThan(rt.node().chain().head().number() - 30);
    }

    /** Proposes {@code change} from dev 0, votes it with devs 0 and 1, queues it, waits out the timelock, executes it; the L1 block that did. */
    private long pass(Change change) {
        send(0, Governance.GOVERNOR, change.proposeCall());
        rt.runFor(3 * SLOT);
        send(0, Governance.GOVERNOR, Abi.call("castVote(uint256,uint8)", change.proposalId(), 1));
        send(1, Governance.GOVERNOR, Abi.call("castVote(uint256,uint8)", change.proposalId(), 1));
        rt.runFor(27 * SLOT);
        send(2, Governance.GOVERNOR, Abi.call("queue(uint256)", change.proposalId()));
        rt.runFor(300_000 + 2 * SLOT);
        Transaction execute = send(2, Governance.GOVERNOR, Abi.call("execute(uint256)", change.proposalId()));
        rt.runFor(2 * SLOT);
        assertThat(receipt(execute).success()).isTrue();
        return blockOf(execute);
    }

    @Test void aChangeSurvivesARestart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        RuntimeOptions options = RuntimeOptions.defaults().withSeed(5).withDatabase(dir.resolve("db"));
        long executedIn;
        try (RollupRuntime first = dev.rollupstudio.app.Runtimes.open(options)) {
            rt = first;
            chainId = rt.node().config().chainId();
            executedIn = pass(Change.gasLimit(chainId, 45_000_000));
            rt.runFor(60_000);
            assertThat(rt.node().chain().head().block().header().gasLimit()).isEqualTo(45_000_000);
        }
        // the L1 blocks replayed from the database carry the ParameterChanged log: new blocks keep the governed gas limit
        try (RollupRuntime second = dev.rollupstudio.app.Runtimes.open(options)) {
            rt = second;
            assertThat(rt.l1().parameters().changes(chainId)).extracting(c -> c.key() + "=" + c.value() + "@" + c.l1Block())
                    .containsExactly("gasLimit=45000000@" + executedIn);
            long resumedAt = rt.node().chain().head().number();
            rt.runFor(60_000);
            for (long n = resumedAt + 1; n <= rt.node().chain().head().number(); n++) {
                assertThat(rt.node().chain().block(n).block().header().gasLimit()).as("block %d", n).isEqualTo(45_000_000);
            }
            assertThat(rt.node().chain().head().number()).isGreaterThan(resumedAt + 20);
            assertThat(rt.node().derivation().mismatches()).isZero();
        }
    }

    /**
     * The RaaS catalog: an ephemeral rollup whose data stays on one machine is refused until a
     * proposal admitting that component has passed, waited out its timelock and run; the
     * catalog cannot be written but by the timelock.
     */
    @Test void aComponentEntersTheRaasCatalogOnlyByAnExecutedProposal() {
        rt = RollupRuntime.inMemory(RuntimeOptions.defaults().withSeed(5));
        chainId = rt.node().config().chainId();
        var host = new dev.rollupstudio.host.DevnetHost(rt, "parent");
        var ephemerals = new dev.rollupstudio.ephemeral.Ephemerals(host);
        var spec = dev.rollupstudio.spec.Presets.get("ephemeral-nft-mint").with(dev.rollupstudio.spec.Layer.DATA_AVAILABILITY,
                dev.rollupstudio.spec.Choice.of("local"));
        var config = dev.rollupstudio.app.SpecRuntimes.options(spec.withChainId(dev.rollupstudio.ephemeral.Ephemerals.FIRST_CHAIN_ID),
                dev.rollupstudio.spec.Prices.defaults(), RuntimeOptions.defaults()).rollup();
        String local = "dataAvailability/local";
        assertThat(spec.componentKeys()).contains(local, "execution/op-stack", "security/mach");
        // the genesis lists the studio's catalog but for the two components a service does not host from the start
        var all = dev.rollupstudio.spec.Catalog.standard().all().stream().map(c -> c.layer().key + "/" + c.id()).toList();
        assertThat(all).containsAll(dev.rollupstudio.contracts.ComponentCatalog.AT_GENESIS);
        assertThat(all).filteredOn(k -> !dev.rollupstudio.contracts.ComponentCatalog.AT_GENESIS.contains(k)).containsExactlyInAnyOrder(local, "execution/custom-evm");
        assertThat(dev.rollupstudio.contracts.ComponentCatalog.isAdmitted(rt.l1().state(), "dataAvailability/ethereum-blobs")).isTrue();
        assertThat(dev.rollupstudio.contracts.ComponentCatalog.isAdmitted(rt.l1().state(), local)).isFalse();
        rt.runFor(2 * SLOT);

        var refused = ephemerals.spawn(new dev.rollupstudio.ephemeral.Ephemerals.Request("flash", config, java.math.BigDecimal.ZERO, rt.accounts().address(0),
                "manual: test", spec.componentKeys()));
        assertThat(refused.phase()).isEqualTo(dev.rollupstudio.ephemeral.Phase.FAILED);
        assertThat(refused.failure()).isEqualTo("the RaaS catalog on L1 does not list dataAvailability/local; ALT governance admits components:"
                + " rollup-studio gov propose --admit dataAvailability/local, then vote, queue and execute it");
        // only the timelock writes the catalog
        Transaction direct = send(0, dev.rollupstudio.contracts.ComponentCatalog.ADDRESS, Abi.call("admit(string)", new Abi.DynamicBytes(local.getBytes())));
        rt.runFor(2 * SLOT);
        assertThat(receipt(direct).success()).isFalse();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Change.admitComponent("dataAvailability/ethereum-blobs")))
                .hasMessage("dataAvailability/ethereum-blobs is in the RaaS catalog already");

        pass(Change.admitComponent(local));
        assertThat(dev.rollupstudio.contracts.ComponentCatalog.isAdmitted(rt.l1().state(), local)).isTrue();
        var admitted = ephemerals.spawn(new dev.rollupstudio.ephemeral.Ephemerals.Request("flash", config, java.math.BigDecimal.ZERO, rt.accounts().address(0),
                "manual: test", spec.componentKeys()));
        assertThat(admitted.phase()).isEqualTo(dev.rollupstudio.ephemeral.Phase.PROVISIONING);
        rt.runFor(60_000);
        assertThat(admitted.phase()).isEqualTo(dev.rollupstudio.ephemeral.Phase.ACTIVE);
    }

    private State state(Change c) {
        return State.values()[Abi.uint(call(Governance.GOVERNOR, Abi.call("state(uint256)", c.proposalId())), 0).intValueExact()];
    }

    private byte[] call(Address to, byte[] data) {
        Evm.Result r = ReadOnlyCall.run(rt.l1().state(), rt.l1().headEnv(), rt.accounts().address(0), to, data, rt.l1().natives());
        assertThat(r.success()).as("call to %s: %s", to, r.error()).isTrue();
        return r.output();
    }

    /** Signs and queues an L1 transaction from dev account {@code account}. */
    private Transaction send(int account, Address to, byte[] data) {
        Address from = rt.accounts().address(account);
        UnsignedTransaction u = new UnsignedTransaction(TxType.DYNAMIC_FEE, EmbeddedL1.CHAIN_ID, rt.l1().pendingNonce(from), GWEI,
                rt.l1().baseFee().shiftLeft(1).add(GWEI), 1_000_000, to, BigInteger.ZERO, data, List.of());
        Transaction tx = TxEncoder.sign(u, rt.accounts().key(account));
        assertThat(rt.l1().submit(tx)).isNull();
        return tx;
    }

    private Transaction l2(int account, long gasLimit) {
        UnsignedTransaction u = new UnsignedTransaction(TxType.DYNAMIC_FEE, chainId, 0, GWEI, GWEI.multiply(BigInteger.TEN), gasLimit,
                rt.accounts().address(account), BigInteger.ZERO, new byte[0], List.of());
        return TxEncoder.sign(u, rt.accounts().key(account));
    }

    private long blockOf(Transaction tx) {
        for (long n = 1; n <= rt.l1().head().number(); n++) {
            for (Transaction t : rt.l1().block(n).transactions()) if (t.hash().equals(tx.hash())) return n;
        }
        throw new AssertionError("not on L1: " + tx.hash());
    }

    private Receipt receipt(Transaction tx) {
        L1Block b = rt.l1().block(blockOf(tx));
        return b.receipts().get(b.transactions().indexOf(b.transactions().stream().filter(t -> t.hash().equals(tx.hash())).findFirst().orElseThrow()));
    }
}
