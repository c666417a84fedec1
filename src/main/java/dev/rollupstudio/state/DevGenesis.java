package dev.rollupstudio.state;

import dev.rollupstudio.types.Wei;
import dev.rollupstudio.types.Address;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The genesis used without a file: the dev accounts funded with 10,000 ETH each, as Anvil does. */
public final class DevGenesis {
    public static final Wei BALANCE = Wei.ether(10_000);
    /** 2026-01-01T00:00:00Z, so every run starts from the same instant. */
    public static final long TIMESTAMP = 1_767_225_600L;

    private DevGenesis() {}

    public static Genesis of(long chainId, List<Address> accounts) {
        return of(chainId, accounts, BALANCE);
    }

    /** The same with {@code balance} in each dev account. */
    public static Genesis of(long chainId, List<Address> accounts, Wei balance) {
        Map<Address, Genesis.Alloc> alloc = new LinkedHashMap<>();
        for (Address a : accounts) alloc.put(a, Genesis.Alloc.funded(balance));
        return new Genesis(chainId, alloc, 30_000_000, Genesis.DEFAULT_BASE_FEE, TIMESTAMP, new byte[0]);
    }
}
