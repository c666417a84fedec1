package dev.rollupstudio.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.evm.BlockEnv;
import dev.rollupstudio.evm.Evm;
import dev.rollupstudio.evm.ReadOnlyCall;
import dev.rollupstudio.state.DevGenesis;
import dev.rollupstudio.state.Genesis;
import dev.rollupstudio.state.TrieWorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.wallet.DevAccounts;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The genesis contracts answer as the OpenZeppelin contracts they were compiled from. */
class GenesisContractsTest {
    private final List<Address> holders = DevAccounts.derive(3).addresses();
    private final TrieWorldState state = GenesisContracts.add(DevGenesis.of(901, holders), holders).toState();
    private final BlockEnv env = new BlockEnv(Address.ZERO, 1, DevGenesis.TIMESTAMP, 30_000_000, BigInteger.ONE, Hash.ZERO, BigInteger.ONE, 901,
            n -> Hash.ZERO);

    private Evm.Result call(Address to, byte[] data) {
        return ReadOnlyCall.run(state, env, holders.get(0), to, data);
    }

    @Test
    void theTokenIsMintedToEveryDevAccount() {
        assertThat(Abi.string(call(GenesisContracts.TOKEN, Abi.call("name()")).output(), 0)).isEqualTo("Studio Token");
        assertThat(Abi.string(call(GenesisContracts.TOKEN, Abi.call("symbol()")).output(), 0)).isEqualTo("STT");
        assertThat(Abi.uint(call(GenesisContracts.TOKEN, Abi.call("decimals()")).output(), 0)).isEqualTo(BigInteger.valueOf(18));
        assertThat(Abi.uint(call(GenesisContracts.TOKEN, Abi.call("totalSupply()")).output(), 0))
                .isEqualTo(GenesisContracts.TOKENS_EACH.multiply(BigInteger.valueOf(3)));
        for (Address h : holders) assertThat(Abi.uint(call(GenesisContracts.TOKEN, Abi.call("balanceOf(address)", h)).output(), 0))
                .isEqualTo(GenesisContracts.TOKENS_EACH);
        assertThat(state.code(GenesisContracts.TOKEN)).isEqualTo(Artifact.load("StudioToken").deployedBytecode());
    }

    @Test
    void aReadOnlyCallChangesNothing() {
        Hash before = state.root();
        Evm.Result mint = call(GenesisContracts.COLLECTIBLE, Abi.call("mint()"));
        assertThat(mint.success()).isTrue();
        assertThat(Abi.uint(mint.output(), 0)).isZero();
        assertThat(state.root()).isEqualTo(before);
        assertThat(Abi.uint(call(GenesisContracts.COLLECTIBLE, Abi.call("totalMinted()")).output(), 0)).isZero();
    }

    @Test
    void revertsCarryTheContractsReasons() {
        Evm.Result tooMany = call(GenesisContracts.COLLECTIBLE, Abi.call("mintBatch(uint256)", 21));
        assertThat(tooMany.reverted()).isTrue();
        assertThat(Abi.revertReason(tooMany.output())).isEqualTo("mint 1 to 20 per call");
        // OpenZeppelin's custom error, named from the artifact's ABI
        Address stranger = Address.fromHex("0x00000000000000000000000000000000000000aa");
        Evm.Result overdraw = ReadOnlyCall.run(state, env, stranger, GenesisContracts.TOKEN, Abi.call("transfer(address,uint256)", holders.get(1), 5L));
        assertThat(overdraw.reverted()).isTrue();
        String selector = Bytes.toHex(java.util.Arrays.copyOf(overdraw.output(), 4));
        assertThat(Artifact.load("StudioToken").errors().get(selector).display()).isEqualTo("ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)");
        assertThat(Abi.address(Abi.args(overdraw.output()), 0)).isEqualTo(stranger);
        assertThat(Abi.uint(Abi.args(overdraw.output()), 2)).isEqualTo(BigInteger.valueOf(5));
    }
}
