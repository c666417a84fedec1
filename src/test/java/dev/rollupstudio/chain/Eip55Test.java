package dev.rollupstudio.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.types.Address;
import org.junit.jupiter.api.Test;

/** EIP-55's own test vectors, and the first dev account as wallets show it. */
class Eip55Test {

    @Test
    void matchesTheEipVectors() {
        for (String v : new String[] {"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
                "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
                "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"}) {
            assertThat(Eip55.checksum(Address.fromHex(v.toLowerCase()))).isEqualTo(v);
        }
        assertThat(Eip55.shortForm(Address.fromHex("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"))).isEqualTo("0xf39F…2266");
    }

    @Test
    void parseAcceptsChecksummedAndSingleCaseAddressesAndRefusesABrokenChecksum() {
        Address dev = Address.fromHex("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
        assertThat(Eip55.parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")).isEqualTo(dev);
        assertThat(Eip55.parse(" 0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266 ")).isEqualTo(dev);
        assertThat(Eip55.parse("0xF39FD6E51AAD88F6F4CE6AB8827279CFFFB92266")).isEqualTo(dev);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Eip55.parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92267"))
                .hasMessageContaining("fails its EIP-55 checksum");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Eip55.parse("0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266"))
                .hasMessageContaining("fails its EIP-55 checksum");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Eip55.parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb9226"))
                .hasMessageContaining("0x and 40 hex digits (it has 39)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Eip55.parse("")).hasMessage("enter an address: 0x and 40 hex digits");
    }
}
