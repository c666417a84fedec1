package dev.rollupstudio.runtime.event;

/** Something that happened in a runtime, published on its loop thread for the UI, metrics and store. */
public sealed interface RuntimeEvent permits BlockSealed, TxRejected, BatchPosted, OutputProposed, HeadsAdvanced,
        L1BlockSealed, VerifierFinding, TxDropped, WithdrawalProven, WithdrawalFinalized, MachAlert, DisputeGame,
        ProofVerified, VitalAlert, L1Reorged {

    /** Simulated time of the event, in milliseconds. */
    long atMillis();
}
