package dev.rollupstudio.contracts;

import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.evm.BlockEnv;
import dev.rollupstudio.evm.Evm;
import dev.rollupstudio.evm.Journal;
import dev.rollupstudio.evm.TxEnv;
import dev.rollupstudio.state.Genesis;
import dev.rollupstudio.state.TrieWorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.types.Wei;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contracts every dev chain starts with, as Hardhat and OP Stack predeploys are: the Studio
 * Token (an OpenZeppelin ERC-20, 1,000,000 STT minted to each dev account) and the Studio
 * Collectible (an open-mint ERC-721), ALT as bridged to a rollup ({@link Alt}) and the
 * standard bridge that mints it ({@link StandardBridge}). Their constructors really run, in our EVM, when the genesis
 * is built; the code and storage they leave go into the genesis allocation at fixed addresses.
 */
public final class GenesisContracts {
    public static final Address TOKEN = Address.fromHex("0x7070000000000000000000000000000000000001");
    public static final Address COLLECTIBLE = Address.fromHex("0x7070000000000000000000000000000000000002");
    public static final BigInteger TOKENS_EACH = BigInteger.TEN.pow(24); // 1,000,000 STT at 18 decimals

    private static final long DEPLOY_GAS = 1_000_000_000L;

    private GenesisContracts() {}

    /** {@code genesis} with the token (minted to {@code holders}) and the collectible added. */
    public static Genesis add(Genesis genesis, List<Address> holders) {
        Map<Address, Genesis.Alloc> alloc = new LinkedHashMap<>(genesis.alloc());
        alloc.put(TOKEN, deploy(genesis, TOKEN, Bytes.concat(Artifact.load("StudioToken").bytecode(), Abi.encode(holders, TOKENS_EACH))));
        alloc.put(COLLECTIBLE, deploy(genesis, COLLECTIBLE, Artifact.load("StudioCollectible").bytecode()));
        alloc.put(Alt.L2_TOKEN, deploy(genesis, Alt.L2_TOKEN, Alt.bridgedInitcode()));
        new java.util.TreeMap<>(StandardBridge.onL2(genesis)).forEach(alloc::put);
        return new Genesis(genesis.chainId(), alloc, genesis.gasLimit(), genesis.baseFeePerGas(), genesis.timestamp(), genesis.extraData());
    }

    /** Runs {@code initcode} at {@code at} (its constructor, in our EVM) and writes the account it leaves into the L1 state {@code l1}. */
    static void installOnL1(dev.rollupstudio.state.MutableWorldState l1, long chainId, long genesisTimestamp, Address at, byte[] initcode) {
        Genesis.Alloc a = deploy(chainId, genesisTimestamp, 30_000_000, BigInteger.ONE, at, initcode);
        l1.setNonce(at, a.nonce());
        l1.setCode(at, a.code());
        for (Map.Entry<Hash, BigInteger> e : a.storage().entrySet()) l1.setStorage(at, e.getKey(), e.getValue());
    }

    /** Runs {@code initcode} at {@code at} on an empty state and returns the account it leaves. */
    private static Genesis.Alloc deploy(Genesis genesis, Address at, byte[] initcode) {
        return deploy(genesis.chainId(), genesis.timestamp(), genesis.gasLimit(), genesis.baseFeePerGas(), at, initcode);
    }

    /** As above, on a chain given by its id and genesis block's time, gas limit and base fee. */
    static Genesis.Alloc deploy(long chainId, long timestamp, long gasLimit, BigInteger baseFee, Address at, byte[] initcode) {
        TrieWorldState state = new TrieWorldState();
        BlockEnv block = new BlockEnv(Address.ZERO, 0, timestamp, gasLimit, baseFee, Hash.ZERO, BigInteger.ONE, chainId, n -> Hash.ZERO);
        Evm evm = new Evm(new Journal(state), block, new TxEnv(Address.ZERO, BigInteger.ZERO, List.of()));
        Evm.Result r = evm.create(new Evm.Message(Address.ZERO, at, at, Wei.ZERO, new byte[0], initcode, DEPLOY_GAS, 0, false, true));
        if (!r.success()) throw new IllegalStateException("the genesis deployment at " + at + " failed: " + r.error());
        Map<Hash, BigInteger> storage = state.drainChangedStorage().getOrDefault(at, Map.of());
        return new Genesis.Alloc(Wei.ZERO, state.nonce(at), state.code(at), Map.copyOf(storage));
    }
}
