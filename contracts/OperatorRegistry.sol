// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

/// Restaked operators on the devnet's L1: each bonds ALT and restaked ETH, opts into the services
/// (MACH fast finality, VITAL verification, SQUAD sequencing) of chosen rollups, and loses its
/// whole bond when anyone shows two MACH attestations it signed for different blocks at one
/// height, or a VITAL verdict it signed calling right an output a dispute then proved wrong. The
/// slashed stake goes to the treasury; the evidence can be used once. Anyone may
/// delegate ALT to an operator's pool (reALT-style): pool shares, counted in the operator's stake,
/// lost pro rata with it when it is slashed, and paid back after a cooldown when undelegated.
contract OperatorRegistry is ReentrancyGuard {
    using SafeERC20 for IERC20;

    enum Service { MACH, VITAL, SQUAD }

    struct Bond {
        uint256 alt;
        uint256 eth;
        bool registered;
    }

    /// What a MACH operator signs: keccak256(abi.encode(ATTESTATION_DOMAIN, chainId, number, blockHash, stateRoot)).
    bytes32 public constant ATTESTATION_DOMAIN = keccak256("rollup-studio MACH attestation v1");
    /// What a VITAL operator signs: keccak256(abi.encode(VERDICT_DOMAIN, chainId, outputIndex, l2Block, outputRoot, valid)).
    bytes32 public constant VERDICT_DOMAIN = keccak256("rollup-studio VITAL output check v1");

    struct Pool {
        uint256 assets;
        uint256 shares;
    }

    struct Exit {
        uint256 assets;
        uint64 claimableAt;
    }

    IERC20 public immutable alt;
    address public immutable treasury;
    uint256 public immutable cooldown;
    mapping(address => Bond) public bonds;
    mapping(address => mapping(uint256 => mapping(Service => bool))) public optedIn;
    mapping(bytes32 => bool) public evidenceUsed;
    mapping(address => Pool) public pools;
    mapping(address => mapping(address => uint256)) public poolShares;
    mapping(address => Exit[]) private _exits;

    event Registered(address indexed operator, uint256 alt, uint256 eth);
    event OptedIn(address indexed operator, uint256 indexed chainId, Service service);
    event OptedOut(address indexed operator, uint256 indexed chainId, Service service);
    event Slashed(address indexed operator, uint256 indexed chainId, uint256 number, uint256 alt, uint256 eth, address reporter);
    event Delegated(address indexed delegator, address indexed operator, uint256 assets, uint256 shares);
    event Undelegated(address indexed delegator, address indexed operator, uint256 assets, uint256 shares, uint256 claimableAt);
    event PoolSlashed(address indexed operator, uint256 assets);
    event Claimed(address indexed delegator, uint256 assets);

    error NotRegistered(address operator);
    error AlreadyRegistered(address operator);
    error NotEquivocation(string why);
    error NotFalseVerdict(string why);
    error NotBadAttestation(string why);
    error NothingToClaim(address delegator, uint256 nextClaimableAt);

    constructor(IERC20 alt_, address treasury_, uint256 cooldownSeconds) {
        alt = alt_;
        treasury = treasury_;
        cooldown = cooldownSeconds;
    }

    /// Bonds `altBond` ALT (approved beforehand) and the ETH sent, as restaked ETH.
    function register(uint256 altBond) external payable nonReentrant {
        if (bonds[msg.sender].registered) revert AlreadyRegistered(msg.sender);
        bonds[msg.sender] = Bond(altBond, msg.value, true);
        alt.safeTransferFrom(msg.sender, address(this), altBond);
        emit Registered(msg.sender, altBond, msg.value);
    }

    function optIn(uint256 chainId, Service service) external {
        if (!bonds[msg.sender].registered) revert NotRegistered(msg.sender);
        optedIn[msg.sender][chainId][service] = true;
        emit OptedIn(msg.sender, chainId, service);
    }

    function optOut(uint256 chainId, Service service) external {
        optedIn[msg.sender][chainId][service] = false;
        emit OptedOut(msg.sender, chainId, service);
    }

    /// The stake behind an operator now, what a quorum counts: its bond, and the ALT delegated to its pool.
    function stakeOf(address operator) external view returns (uint256 altStake, uint256 ethStake) {
        Bond storage b = bonds[operator];
        return (b.alt + pools[operator].assets, b.eth);
    }

    /// Delegates `assets` ALT (approved beforehand) to `operator`'s pool, for pool shares at the pool's price.
    function delegate(address operator, uint256 assets) external nonReentrant returns (uint256 shares) {
        if (!bonds[operator].registered) revert NotRegistered(operator);
        Pool storage p = pools[operator];
        require(p.assets > 0 || p.shares == 0, "OperatorRegistry: this operator's pool was slashed; delegate to another operator");
        shares = p.shares == 0 ? assets : assets * p.shares / p.assets;
        p.assets += assets;
        p.shares += shares;
        poolShares[operator][msg.sender] += shares;
        alt.safeTransferFrom(msg.sender, address(this), assets);
        emit Delegated(msg.sender, operator, assets, shares);
    }

    /// Leaves `operator`'s pool with `shares`: their ALT at the pool's price now, claimable after the cooldown.
    function undelegate(address operator, uint256 shares) external returns (uint256 assets) {
        Pool storage p = pools[operator];
        poolShares[operator][msg.sender] -= shares;
        assets = shares * p.assets / p.shares;
        p.assets -= assets;
        p.shares -= shares;
        uint64 claimableAt = uint64(block.timestamp + cooldown);
        _exits[msg.sender].push(Exit(assets, claimableAt));
        emit Undelegated(msg.sender, operator, assets, shares, claimableAt);
    }

    /// Pays the caller every undelegation whose cooldown has passed.
    function claim() external nonReentrant returns (uint256 paid) {
        Exit[] storage xs = _exits[msg.sender];
        uint256 next = type(uint256).max;
        for (uint256 i = 0; i < xs.length; i++) {
            if (xs[i].assets == 0) continue;
            if (xs[i].claimableAt <= block.timestamp) {
                paid += xs[i].assets;
                xs[i].assets = 0;
            } else if (xs[i].claimableAt < next) {
                next = xs[i].claimableAt;
            }
        }
        if (paid == 0) revert NothingToClaim(msg.sender, next);
        alt.safeTransfer(msg.sender, paid);
        emit Claimed(msg.sender, paid);
    }

    /// The caller's undelegations: ALT waiting (0 once claimed) and when each can be claimed.
    function exits(address delegator) external view returns (Exit[] memory) {
        return _exits[delegator];
    }

    /// The digest a MACH attestation signs.
    function attestationDigest(uint256 chainId, uint256 number, bytes32 blockHash, bytes32 stateRoot) public pure returns (bytes32) {
        return keccak256(abi.encode(ATTESTATION_DOMAIN, chainId, number, blockHash, stateRoot));
    }

    /// One signed MACH attestation: the block it names, its state root, and the 65-byte signature (r, s, v).
    struct Attestation {
        bytes32 blockHash;
        bytes32 stateRoot;
        bytes signature;
    }

    /// Anyone may show two MACH attestations by one operator opted into `chainId`'s MACH, for two
    /// different blocks at height `number`: its whole bond goes to the treasury.
    function slashEquivocation(uint256 chainId, uint256 number, Attestation calldata a, Attestation calldata b) external nonReentrant {
        if (a.blockHash == b.blockHash) revert NotEquivocation("both attestations name the same block");
        address signer = ECDSA.recover(attestationDigest(chainId, number, a.blockHash, a.stateRoot), a.signature);
        if (ECDSA.recover(attestationDigest(chainId, number, b.blockHash, b.stateRoot), b.signature) != signer) {
            revert NotEquivocation("the two attestations have different signers");
        }
        if (!optedIn[signer][chainId][Service.MACH]) revert NotEquivocation("the signer is not a MACH operator of this rollup");
        bytes32 evidence = keccak256(abi.encode(chainId, number, signer));
        if (evidenceUsed[evidence]) revert NotEquivocation("this equivocation was already slashed");
        evidenceUsed[evidence] = true;
        optedIn[signer][chainId][Service.MACH] = false;
        _slash(signer, chainId, number);
    }

    /// Anyone may show a MACH attestation, signed by an operator opted into `chainId`'s MACH, for a
    /// block at the height of output `outputIndex` that is not the block the output commits to,
    /// once that output has stood on the oracle through its finalization period. The reporter
    /// opens the output root (`keccak256(0, stateRoot, messagePasserRoot, blockHash)`, OP's version
    /// 0), so the registry learns the real block and sees the attestation names another: its whole
    /// bond goes to the treasury, and it leaves the rollup's MACH set.
    function slashBadAttestation(uint256 chainId, uint256 outputIndex, Attestation calldata a, bytes32 stateRoot, bytes32 messagePasserRoot,
                                 bytes32 blockHash) external nonReentrant {
        IOutputs oracle = IOutputs(outputOracle(chainId));
        if (outputIndex >= oracle.nextOutputIndex()) revert NotBadAttestation("the oracle holds no such output");
        IOutputs.Output memory o = oracle.getL2Output(outputIndex);
        if (block.timestamp < o.timestamp + oracle.finalizationPeriodSeconds()) revert NotBadAttestation("the output is still in its finalization period");
        if (oracle.disputedWrong(o.outputRoot)) revert NotBadAttestation("a dispute proved the output wrong");
        if (keccak256(abi.encode(bytes32(0), stateRoot, messagePasserRoot, blockHash)) != o.outputRoot) {
            revert NotBadAttestation("the opening does not give the output root");
        }
        if (a.blockHash == blockHash && a.stateRoot == stateRoot) revert NotBadAttestation("the attestation names the output's block");
        address signer = ECDSA.recover(attestationDigest(chainId, o.l2BlockNumber, a.blockHash, a.stateRoot), a.signature);
        if (!optedIn[signer][chainId][Service.MACH]) revert NotBadAttestation("the signer is not a MACH operator of this rollup");
        optedIn[signer][chainId][Service.MACH] = false;
        _slash(signer, chainId, o.l2BlockNumber);
    }

    /// The digest a VITAL verdict signs.
    function verdictDigest(uint256 chainId, uint256 outputIndex, uint256 l2Block, bytes32 outputRoot, bool valid) public pure returns (bytes32) {
        return keccak256(abi.encode(VERDICT_DOMAIN, chainId, outputIndex, l2Block, outputRoot, valid));
    }

    /// Where the devnet puts `chainId`'s output oracle: keccak256 of its name and the chain id.
    function outputOracle(uint256 chainId) public pure returns (address) {
        return address(uint160(uint256(keccak256(abi.encodePacked("L2OutputOracle", chainId)))));
    }

    /// Anyone may show a verdict, signed by an operator opted into `chainId`'s VITAL, that output
    /// `outputIndex` (block `l2Block`, root `outputRoot`) was right, when a dispute on the rollup's
    /// output oracle has since proved that root wrong: its whole bond goes to the treasury, and it
    /// leaves the rollup's VITAL set (so the same evidence works once).
    function slashFalseVerdict(uint256 chainId, uint256 outputIndex, uint256 l2Block, bytes32 outputRoot, bytes calldata signature) external nonReentrant {
        address signer = ECDSA.recover(verdictDigest(chainId, outputIndex, l2Block, outputRoot, true), signature);
        if (!optedIn[signer][chainId][Service.VITAL]) revert NotFalseVerdict("the signer is not a VITAL operator of this rollup");
        if (!IDisputedOutputs(outputOracle(chainId)).disputedWrong(outputRoot)) revert NotFalseVerdict("no dispute proved this output wrong");
        optedIn[signer][chainId][Service.VITAL] = false;
        _slash(signer, chainId, l2Block);
    }

    /// Anyone may show a verdict, signed by an operator opted into `chainId`'s VITAL, that output
    /// `outputIndex` (block `l2Block`, root `outputRoot`) was wrong, once that very output has stood
    /// on the rollup's output oracle through its whole finalization period without a dispute
    /// proving it wrong: a false alarm. Its whole bond goes to the treasury, and it leaves the
    /// rollup's VITAL set.
    function slashFalseAlarm(uint256 chainId, uint256 outputIndex, uint256 l2Block, bytes32 outputRoot, bytes calldata signature) external nonReentrant {
        address signer = ECDSA.recover(verdictDigest(chainId, outputIndex, l2Block, outputRoot, false), signature);
        if (!optedIn[signer][chainId][Service.VITAL]) revert NotFalseVerdict("the signer is not a VITAL operator of this rollup");
        IOutputs oracle = IOutputs(outputOracle(chainId));
        if (outputIndex >= oracle.nextOutputIndex()) revert NotFalseVerdict("the oracle holds no such output");
        IOutputs.Output memory o = oracle.getL2Output(outputIndex);
        if (o.outputRoot != outputRoot || o.l2BlockNumber != l2Block) revert NotFalseVerdict("the oracle holds another output at that index");
        if (block.timestamp < o.timestamp + oracle.finalizationPeriodSeconds()) revert NotFalseVerdict("the output is still in its finalization period");
        if (oracle.disputedWrong(outputRoot)) revert NotFalseVerdict("a dispute proved this output wrong");
        optedIn[signer][chainId][Service.VITAL] = false;
        _slash(signer, chainId, l2Block);
    }

    function _slash(address operator, uint256 chainId, uint256 number) private {
        Bond storage bond = bonds[operator];
        uint256 altBond = bond.alt;
        uint256 ethBond = bond.eth;
        bond.alt = 0;
        bond.eth = 0;
        uint256 pooled = pools[operator].assets;
        pools[operator].assets = 0; // every delegator loses the same share as the operator: all of it
        emit Slashed(operator, chainId, number, altBond, ethBond, msg.sender);
        if (pooled > 0) emit PoolSlashed(operator, pooled);
        alt.safeTransfer(treasury, altBond + pooled);
        (bool ok,) = treasury.call{value: ethBond}("");
        require(ok, "OperatorRegistry: the treasury refused the slashed ETH");
    }
}

/// What the output oracle answers about disputes: whether a game proved a root wrong.
interface IDisputedOutputs {
    function disputedWrong(bytes32 outputRoot) external view returns (bool);
}

/// The output oracle as OP Stack's L2OutputOracle reads, with the devnet's dispute record.
interface IOutputs is IDisputedOutputs {
    struct Output {
        bytes32 outputRoot;
        uint128 timestamp;
        uint128 l2BlockNumber;
    }

    function getL2Output(uint256 index) external view returns (Output memory);
    function nextOutputIndex() external view returns (uint256);
    function finalizationPeriodSeconds() external view returns (uint256);
}
