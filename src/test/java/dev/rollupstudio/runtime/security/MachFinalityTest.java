package dev.rollupstudio.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.chain.Block;
import dev.rollupstudio.chain.BlockHeader;
import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.runtime.config.MachConfig;
import dev.rollupstudio.runtime.config.OperatorConfig;
import dev.rollupstudio.runtime.config.OperatorConfig.Behaviour;
import dev.rollupstudio.runtime.event.MachAlert;
import dev.rollupstudio.runtime.rollup.BlockReplay;
import dev.rollupstudio.runtime.rollup.L2Chain.SealedBlock;
import dev.rollupstudio.sim.Pace;
import dev.rollupstudio.sim.Scheduler;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.workload.Load;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MACH fast finality from operators' signatures: blocks re-executed and signed, the quorum of
 * stake counted exactly (65.9% is not 66%), slow and offline operators, and a bad block that
 * honest operators refuse to sign while malicious ones sign it.
 */
class MachFinalityTest {
    private static final BigInteger ALT = BigInteger.TEN.pow(18);

    private static OperatorConfig op(String name, long alt, long eth, Behaviour b, long delay) {
        return new OperatorConfig(name, ALT.multiply(BigInteger.valueOf(alt)), ALT.multiply(BigInteger.valueOf(eth)), b, delay);
    }

    private static RollupRuntime runtime(MachConfig mach) {
        RuntimeOptions d = RuntimeOptions.defaults().withSeed(3);
        return RollupRuntime.inMemory(d.withRollup(d.rollup().withSequencing(d.rollup().sequencing().withMach(mach))));
    }

    @Test void honestOperatorsSignEveryBlockAndFinalityFollowsTheUnsafeHead() {
        RollupRuntime rt = runtime(MachConfig.of(5, 66, 4_000, 0, 0, 0, 0));
        List<MachAlert> alerts = new ArrayList<>();
        rt.events().subscribe(e -> { if (e instanceof MachAlert a) alerts.add(a); });
        Load.start(rt, 50, 0.01, true, 1_000);
        rt.runFor(60_000);
        FastFinality ff = rt.node().fastFinality();
        long unsafe = rt.node().chain().head().number();
        // final within one check interval of the head (2 s blocks, 4 s rounds), long before L1 finalizes anything
        assertThat(ff.finalHead()).isBetween(unsafe - 2, unsafe);
        assertThat(rt.node().heads().finalized()).isEqualTo(ff.finalHead());
        assertThat(ff.checkedThrough()).isEqualTo(unsafe);
        MachStatus s = ff.status();
        assertThat(s.altSharePct()).isEqualTo(100.0);
        assertThat(s.operators()).allSatisfy(o -> assertThat(o.lastAttested()).isGreaterThanOrEqualTo(ff.finalHead()));
        assertThat(s.operators()).extracting(MachStatus.OperatorStatus::address).doesNotHaveDuplicates();
        assertThat(s.alerts()).isZero();
        assertThat(s.rejected()).isZero();
        assertThat(alerts).isEmpty();
        assertThat(rt.metrics().includedCount()).isEqualTo(1_000);
        rt.close();
    }

    @Test void theQuorumIsCountedExactly() {
        // 659 of 1,000 ALT (and ETH) attests: 65.9% of a 66% quorum is short, and finality never moves
        RollupRuntime short_ = runtime(new MachConfig(List.of(op("a", 659, 659, Behaviour.HONEST, 0), op("b", 341, 341, Behaviour.OFFLINE, 0)), 66, 2_000));
        short_.runFor(30_000);
        assertThat(short_.node().fastFinality().finalHead()).isZero();
        assertThat(short_.node().fastFinality().missedQuorums()).isPositive();
        short_.close();
        // 660 of 1,000 is 66%: final
        RollupRuntime enough = runtime(new MachConfig(List.of(op("a", 660, 660, Behaviour.HONEST, 0), op("b", 340, 340, Behaviour.OFFLINE, 0)), 66, 2_000));
        enough.runFor(30_000);
        assertThat(enough.node().fastFinality().finalHead()).isPositive();
        assertThat(enough.node().fastFinality().status().altSharePct()).isEqualTo(66.0);
        enough.close();
        // and both stakes count: 66% of the ALT but half the restaked ETH is short
        RollupRuntime halfEth = runtime(new MachConfig(List.of(op("a", 660, 32, Behaviour.HONEST, 0), op("b", 340, 32, Behaviour.OFFLINE, 0)), 66, 2_000));
        halfEth.runFor(30_000);
        assertThat(halfEth.node().fastFinality().finalHead()).isZero();
        halfEth.close();
    }

    @Test void slowOperatorsFinalizeLateAndOfflineOnesNever() {
        // three of four needed for 66%: with one offline and one 10 s late, blocks are final only once the slow one's signatures land
        RollupRuntime rt = runtime(MachConfig.of(4, 66, 2_000, 1, 1, 10_000, 0));
        rt.runFor(60_000);
        FastFinality ff = rt.node().fastFinality();
        long unsafe = rt.node().chain().head().number();
        assertThat(ff.finalHead()).isPositive().isLessThan(unsafe - 3); // about 10 s (5 blocks) behind
        MachStatus s = ff.status();
        assertThat(s.operators().get(0).lastAttested()).isEqualTo(-1); // offline
        assertThat(s.operators().get(1).lastAttested()).isLessThan(s.operators().get(2).lastAttested()); // slow
        rt.close();
    }

    @Test void aBadBlockIsAlertedAndOnlyMaliciousOperatorsSignIt() {
        // a chain of real blocks to replay, from a runtime without MACH
        RuntimeOptions d = RuntimeOptions.defaults().withSeed(5);
        RollupRuntime source = RollupRuntime.inMemory(d);
        Load.start(source, 20, 0.01, true, 200);
        source.runFor(20_000);
        var chain = source.node().chain();
        long n = chain.head().number();

        Scheduler scheduler = new Scheduler(0, Pace.MAX);
        List<MachAlert> alerts = new ArrayList<>();
        var events = new dev.rollupstudio.runtime.event.EventBus();
        events.subscribe(e -> { if (e instanceof MachAlert a) alerts.add(a); });
        MachConfig mach = new MachConfig(List.of(op("honest-1", 1, 1, Behaviour.HONEST, 0), op("honest-2", 1, 1, Behaviour.HONEST, 0),
                op("liar-1", 1, 1, Behaviour.MALICIOUS, 0)), 66, 1_000);
        var genesisState = source.node().genesis().toState();
        SealedBlock genesis = chain.block(0);
        List<Long> advanced = new ArrayList<>();
        FastFinality ff = new FastFinality(mach, source.options().rollup().chainId(), genesisState, genesis,
                new BlockReplay(source.options().rollup(), source.l1()), scheduler, events,
                Stakes.configured(mach.operators(), java.util.stream.IntStream.range(0, 3)
                        .mapToObj(i -> dev.rollupstudio.wallet.DevAccounts.machOperator(source.options().rollup().chainId(), i).address()).toList()),
                () -> advanced.add(0L));

        long bad = n - 3;
        for (long i = 1; i <= n; i++) {
            SealedBlock b = chain.block(i);
            if (i == bad) b = withStateRoot(b, Hash.of(new byte[32]));
            ff.onSealed(b);
        }
        ff.round();
        // everything before the bad block is final; the bad one has only the liar's third of the stake
        assertThat(ff.finalHead()).isEqualTo(bad - 1);
        assertThat(alerts).isNotEmpty();
        assertThat(alerts.get(0).l2Block()).isEqualTo(bad);
        assertThat(alerts.get(0).what()).contains("state root 0x00000000").contains("re-execution gives");
        MachStatus s = ff.status();
        assertThat(alerts).hasSize(1);
        // honest operators vouch up to the block before it; the liar signed the newest block; their own state went on correct
        assertThat(s.operators().get(0).lastAttested()).isEqualTo(bad - 1);
        assertThat(s.operators().get(1).lastAttested()).isEqualTo(bad - 1);
        assertThat(s.operators().get(2).lastAttested()).isEqualTo(n);
        assertThat(ff.checkedThrough()).isEqualTo(n);
        // a forged attestation (signed by someone else) is refused and counted
        Attestation good = new Operator(mach.operators().get(0), dev.rollupstudio.wallet.DevAccounts.machOperator(source.options().rollup().chainId(), 0))
                .attest(source.options().rollup().chainId(), bad, chain.block(bad).hash(), chain.block(bad).header().stateRoot());
        Attestation forged = new Attestation(s.operators().get(1).address(), good.chainId(), good.number(), good.blockHash(), good.stateRoot(), good.signature());
        assertThat(forged.verifies()).isFalse();
        ff.deliver(forged);
        assertThat(ff.status().rejected()).isEqualTo(1);
        source.close();
    }

    /** The same block claiming another state root (so another hash): what a faulty or lying sequencer seals. */
    private static SealedBlock withStateRoot(SealedBlock b, Hash root) {
        BlockHeader h = b.header();
        BlockHeader forged = new BlockHeader(h.parentHash(), h.ommersHash(), h.coinbase(), root, h.transactionsRoot(), h.receiptsRoot(), h.logsBloom(),
                h.difficulty(), h.number(), h.gasLimit(), h.gasUsed(), h.timestamp(), h.extraData(), h.mixHash(), h.nonce(), h.baseFeePerGas(),
                h.withdrawalsRoot(), h.blobGasUsed(), h.excessBlobGas(), h.parentBeaconBlockRoot(), h.requestsHash());
        return new SealedBlock(Block.of(forged, b.block().transactions(), b.block().receipts()), b.origin(), b.l1Fees());
    }
}
