// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

/// Restaked operators on the devnet's L1: each bonds ALT and restaked ETH, opts into the services
/// (MACH fast finality, VITAL verification, SQUAD sequencing) of chosen rollups, and loses its
/// whole bond when anyone shows two MACH attestations it signed for different blocks at one
/// height. The slashed stake goes to the treasury; the evidence can be used once.
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

    IERC20 public immutable alt;
    address public immutable treasury;
    mapping(address => Bond) public bonds;
    mapping(address => mapping(uint256 => mapping(Service => bool))) public optedIn;
    mapping(bytes32 => bool) public evidenceUsed;

    event Registered(address indexed operator, uint256 alt, uint256 eth);
    event OptedIn(address indexed operator, uint256 indexed chainId, Service service);
    event OptedOut(address indexed operator, uint256 indexed chainId, Service service);
    event Slashed(address indexed operator, uint256 indexed chainId, uint256 number, uint256 alt, uint256 eth, address reporter);

    error NotRegistered(address operator);
    error AlreadyRegistered(address operator);
    error NotEquivocation(string why);

    constructor(IERC20 alt_, address treasury_) {
        alt = alt_;
        treasury = treasury_;
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

    /// The stake an operator has bonded now: what a quorum counts.
    function stakeOf(address operator) external view returns (uint256 altBond, uint256 ethBond) {
        Bond storage b = bonds[operator];
        return (b.alt, b.eth);
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

    function _slash(address operator, uint256 chainId, uint256 number) private {
        Bond storage bond = bonds[operator];
        uint256 altBond = bond.alt;
        uint256 ethBond = bond.eth;
        bond.alt = 0;
        bond.eth = 0;
        emit Slashed(operator, chainId, number, altBond, ethBond, msg.sender);
        alt.safeTransfer(treasury, altBond);
        (bool ok,) = treasury.call{value: ethBond}("");
        require(ok, "OperatorRegistry: the treasury refused the slashed ETH");
    }
}
