package dev.rollupstudio.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollupstudio.types.Amount.Token;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class AmountTest {
    static final Token USDC = new Token("USDC", 6);

    @Test void parsesWhatUsersTypeIntoExactUnitsAndBack() {
        assertThat(Amount.parse("1.5", Token.ALT).units()).isEqualTo(new BigInteger("1500000000000000000"));
        assertThat(Amount.parse(" 1,000 ", Token.ALT).units()).isEqualTo(BigInteger.TEN.pow(21));
        assertThat(Amount.parse("0.000000000000000001", Token.ETH).units()).isEqualTo(BigInteger.ONE);
        assertThat(Amount.parse("2.500000", USDC).units()).isEqualTo(BigInteger.valueOf(2_500_000));
        assertThat(Amount.of(new BigInteger("1500000000000000000"), Token.ALT)).hasToString("1.5 ALT");
        assertThat(Amount.of(BigInteger.valueOf(10_000_000), USDC).plain()).isEqualTo("10");
    }

    @Test void displaysAtAGlanceAndMarksWhatItRounds() {
        assertThat(Amount.of(new BigInteger("1499475864509131738"), Token.ETH).display()).isEqualTo("~1.499475 ETH");
        assertThat(Amount.of(new BigInteger("46801904719792"), Token.ETH).display()).isEqualTo("~0.0000468 ETH");
        assertThat(Amount.parse("30", Token.ALT).display()).isEqualTo("30 ALT");
        assertThat(Amount.parse("0.5", Token.ETH).display()).isEqualTo("0.5 ETH");
        assertThat(Amount.of(BigInteger.ZERO, USDC).display()).isEqualTo("0 USDC");
    }

    @Test void refusesWhatWouldLoseOrMisreadMoneyAndSaysWhatToDo() {
        assertThatThrownBy(() -> Amount.parse("0.0000001", USDC))
                .hasMessage("USDC has 6 decimals; 0.0000001 has 7: round it to 0 or less precisely");
        assertThatThrownBy(() -> Amount.parse("1.0000000000000000001", Token.ALT))
                .hasMessage("ALT has 18 decimals; 1.0000000000000000001 has 19: round it to 1 or less precisely");
        assertThatThrownBy(() -> Amount.parse("0", Token.ALT)).hasMessageContaining("the amount is zero");
        assertThatThrownBy(() -> Amount.parse("-1", Token.ETH)).hasMessageContaining("the amount is negative");
        assertThatThrownBy(() -> Amount.parse("1.2.3", Token.ETH)).hasMessage("\"1.2.3\" is not an amount; enter a number such as 1.5 ETH");
        assertThatThrownBy(() -> Amount.parse("", Token.ETH)).hasMessage("enter an amount of ETH, e.g. 1.5");
        assertThatThrownBy(() -> Amount.of(BigInteger.ONE.negate(), Token.ETH)).hasMessage("an amount cannot be negative");
    }
}
