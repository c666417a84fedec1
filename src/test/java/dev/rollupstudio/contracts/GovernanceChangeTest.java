package dev.rollupstudio.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.contracts.Governance.Change;
import dev.rollupstudio.contracts.Governance.ChangeKind;
import dev.rollupstudio.evm.BlockEnv;
import dev.rollupstudio.evm.ReadOnlyCall;
import dev.rollupstudio.state.TrieWorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a person types becomes a change the contracts accept, or a clear error before any vote; ids are the Governor's own. */
class GovernanceChangeTest {
    private static final long L1 = 900;

    @Test void typedValuesBecomeChangesOrClearErrors() {
        assertThat(ChangeKind.GAS_LIMIT.of(901, "60_000_000").description()).isEqualTo("Rollup 901: gas limit 60,000,000");
        assertThat(ChangeKind.FEE_SCALARS.of(901, "1368, 810949").description()).isEqualTo("Rollup 901: L1 fee scalars 1,368 (base) / 810,949 (blob)");
        assertThat(ChangeKind.MACH_QUORUM.of(901, "75%").description()).isEqualTo("Rollup 901: MACH quorum 75%");
        assertThat(ChangeKind.QUORUM.of(901, "2000000").description()).isEqualTo("Governance: quorum 2000000 ALT");
        assertThatThrownBy(() -> ChangeKind.GAS_LIMIT.of(901, "500")).hasMessage("a block gas limit is 1,000,000 to 1,000,000,000, not 500");
        assertThatThrownBy(() -> ChangeKind.GAS_LIMIT.of(901, "lots")).hasMessage("Block gas limit: \"lots\" is not a number (gas, e.g. 60000000)");
        assertThatThrownBy(() -> ChangeKind.FEE_SCALARS.of(901, "1368")).hasMessageContaining("base,blob");
        assertThatThrownBy(() -> ChangeKind.MACH_QUORUM.of(901, "101")).hasMessage("the MACH quorum is a share of stake from 1 to 100%, not 101");
    }

    @Test void aProposalsIdIsTheGovernorsHash() {
        TrieWorldState l1 = new TrieWorldState();
        Alt.deployOnL1(l1, L1, 0, List.of(Address.fromHex("0x00000000000000000000000000000000000000aa")));
        Governance.deployOnL1(l1, L1, 0, 1, 25, BigInteger.TEN.pow(22), BigInteger.TEN.pow(24), 300);
        Change c = Change.gasLimit(901, 60_000_000);
        byte[] descriptionHash = Keccak.digest(c.description().getBytes(StandardCharsets.UTF_8));
        BlockEnv env = new BlockEnv(Address.ZERO, 1, 0, 30_000_000, BigInteger.ONE, Hash.ZERO, BigInteger.ONE, L1, n -> Hash.ZERO);
        var r = ReadOnlyCall.run(l1.copy(), env, Address.ZERO, Governance.GOVERNOR, Abi.call("hashProposal(address[],uint256[],bytes[],bytes32)",
                List.of(c.target()), List.of(BigInteger.ZERO), List.of(new Abi.DynamicBytes(c.data())), descriptionHash));
        assertThat(r.success()).as(r.error()).isTrue();
        assertThat(Abi.uint(r.output(), 0)).isEqualTo(c.proposalId());
        // and the deployed settings read back
        assertThat(Abi.uint(ReadOnlyCall.run(l1.copy(), env, Address.ZERO, Governance.GOVERNOR, Abi.call("votingPeriod()")).output(), 0)).isEqualTo(25);
        assertThat(Abi.uint(ReadOnlyCall.run(l1.copy(), env, Address.ZERO, Governance.TIMELOCK, Abi.call("getMinDelay()")).output(), 0)).isEqualTo(300);
    }
}
