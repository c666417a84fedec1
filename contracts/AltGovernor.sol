// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {GovernorCountingSimple} from "@openzeppelin/contracts/governance/extensions/GovernorCountingSimple.sol";
import {GovernorSettings} from "@openzeppelin/contracts/governance/extensions/GovernorSettings.sol";
import {GovernorStorage} from "@openzeppelin/contracts/governance/extensions/GovernorStorage.sol";
import {GovernorTimelockControl} from "@openzeppelin/contracts/governance/extensions/GovernorTimelockControl.sol";
import {GovernorVotes} from "@openzeppelin/contracts/governance/extensions/GovernorVotes.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

/// ALT governance on the devnet's L1: OpenZeppelin's Governor, votes weighted by delegated ALT
/// (ERC20Votes checkpoints, counted in L1 blocks), for / against / abstain, and every passed
/// proposal queued in the timelock before it can run. The quorum is a fixed amount of ALT (not a
/// share of the supply, most of which the treasury and the staking reserve hold and never vote),
/// changed like every other setting: by a proposal. Proposals are kept on chain (GovernorStorage),
/// so a wallet can list them and queue or execute one by its id.
contract AltGovernor is Governor, GovernorSettings, GovernorCountingSimple, GovernorStorage, GovernorVotes, GovernorTimelockControl {
    uint256 private _quorumVotes;

    event QuorumSet(uint256 oldQuorum, uint256 newQuorum);

    constructor(IVotes alt, TimelockController timelock, uint48 delayBlocks, uint32 periodBlocks, uint256 threshold, uint256 quorumVotes)
        Governor("ALT Governor")
        GovernorSettings(delayBlocks, periodBlocks, threshold)
        GovernorVotes(alt)
        GovernorTimelockControl(timelock)
    {
        _quorumVotes = quorumVotes;
    }

    function quorum(uint256) public view override returns (uint256) {
        return _quorumVotes;
    }

    function setQuorum(uint256 quorumVotes) external onlyGovernance {
        emit QuorumSet(_quorumVotes, quorumVotes);
        _quorumVotes = quorumVotes;
    }

    // The overrides Solidity asks for where the extensions meet.

    function votingDelay() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.votingDelay();
    }

    function votingPeriod() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.votingPeriod();
    }

    function proposalThreshold() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.proposalThreshold();
    }

    function state(uint256 proposalId) public view override(Governor, GovernorTimelockControl) returns (ProposalState) {
        return super.state(proposalId);
    }

    function proposalNeedsQueuing(uint256 proposalId) public view override(Governor, GovernorTimelockControl) returns (bool) {
        return super.proposalNeedsQueuing(proposalId);
    }

    function _propose(address[] memory targets, uint256[] memory values, bytes[] memory calldatas, string memory description, address proposer)
        internal
        override(Governor, GovernorStorage)
        returns (uint256)
    {
        return super._propose(targets, values, calldatas, description, proposer);
    }

    function _queueOperations(uint256 proposalId, address[] memory targets, uint256[] memory values, bytes[] memory calldatas, bytes32 descriptionHash)
        internal
        override(Governor, GovernorTimelockControl)
        returns (uint48)
    {
        return super._queueOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    function _executeOperations(uint256 proposalId, address[] memory targets, uint256[] memory values, bytes[] memory calldatas, bytes32 descriptionHash)
        internal
        override(Governor, GovernorTimelockControl)
    {
        super._executeOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    function _cancel(address[] memory targets, uint256[] memory values, bytes[] memory calldatas, bytes32 descriptionHash)
        internal
        override(Governor, GovernorTimelockControl)
        returns (uint256)
    {
        return super._cancel(targets, values, calldatas, descriptionHash);
    }

    function _executor() internal view override(Governor, GovernorTimelockControl) returns (address) {
        return super._executor();
    }
}
