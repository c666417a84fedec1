package dev.rollupstudio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollupstudio.state.Genesis;
import dev.rollupstudio.state.GenesisException;
import dev.rollupstudio.wallet.DevAccounts;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class GenesisTest {

    @Test
    void mainnetGenesisGivesItsKnownStateRoot() throws Exception {
        Path file = Paths.get(GenesisTest.class.getResource("/genesis/mainnet.json").toURI());
        Genesis g = Genesis.load(file);
        assertThat(g.alloc()).hasSize(8893);
        assertThat(g.toState().root().toHex()).isEqualTo("0xd7f8974fb5ac78d9ac099b9ad5018bedc2ce0a72dad1827a1709da30580f0544");
    }

    @Test
    void devAccountsAreTheOnesAnvilAndHardhatFund() {
        DevAccounts dev = DevAccounts.derive(3);
        assertThat(dev.address(0).toHex()).isEqualTo("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
        assertThat(dev.address(1).toHex()).isEqualTo("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
        assertThat(dev.address(2).toHex()).isEqualTo("0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc");
    }

    @Test
    void badFilesNameTheJsonPathAtFault() {
        assertThatThrownBy(() -> Genesis.parse("{", "g.json")).isInstanceOf(GenesisException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> Genesis.parse("{\"config\":{}}", "g.json")).hasMessageContaining("$.alloc is missing");
        assertThatThrownBy(() -> Genesis.parse("{\"alloc\":{\"0x12\":{\"balance\":\"1\"}}}", "g.json"))
                .hasMessageContaining("$.alloc.0x12").hasMessageContaining("20 bytes");
        assertThatThrownBy(() -> Genesis.parse("{\"alloc\":{\"0x000d836201318ec6899a67540690382780743280\":{\"balance\":\"lots\"}}}", "g.json"))
                .hasMessageContaining("$.alloc.0x000d836201318ec6899a67540690382780743280.balance").hasMessageContaining("expected a non-negative whole number");
    }

    @Test
    void oddValuesAreRefusedWithTheirPathInsteadOfBeingBentIntoShape() {
        String a = "0x000d836201318ec6899a67540690382780743280";
        String[][] cases = {
                {"{\"config\":{\"chainId\":0},\"alloc\":{}}", "$.config.chainId: must be at least 1"},
                {"{\"config\":{\"chainId\":-1},\"alloc\":{}}", "$.config.chainId: expected a non-negative whole number"},
                {"{\"gasLimit\":\"0x0\",\"alloc\":{}}", "$.gasLimit: must be at least 1"},
                {"{\"timestamp\":-5,\"alloc\":{}}", "$.timestamp: expected a non-negative whole number"},
                {"{\"alloc\":{\"" + a + "\":{\"balance\":\"0x1" + "0".repeat(64) + "\"}}}", "$.alloc." + a + ".balance: must fit in 256 bits"},
                {"{\"alloc\":{\"" + a + "\":{\"nonce\":\"0x8000000000000000\"}}}", "$.alloc." + a + ".nonce: must be below 2^63"},
                {"{\"alloc\":{\"" + a + "\":7}}", "$.alloc." + a + ": an account is an object"},
                {"{\"alloc\":{\"" + a + "\":{\"code\":{}}}}", "$.alloc." + a + ".code: expected a hex string"},
                {"{\"alloc\":{\"" + a + "\":{\"storage\":\"0x01\"}}}", "$.alloc." + a + ".storage: storage is an object"},
                {"{\"alloc\":{\"" + a + "\":{},\"" + a + "\":{}}}", "Duplicate field"},
                {"{\"alloc\":{}} {}", "text after the end"},
                {"[".repeat(2_000) + "]".repeat(2_000), "too large or too deeply nested"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> Genesis.parse(c[0], "g.json")).as(c[1]).isInstanceOf(GenesisException.class).hasMessageContaining(c[1])
                    .hasMessageNotContaining("com.fasterxml").hasMessageNotContaining("Exception");
        }
    }
}
