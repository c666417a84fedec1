package dev.rollupstudio.runtime.config;

/**
 * Who orders blocks ({@code set}) and which restaked operators watch them: MACH fast finality
 * ({@code mach}) and VITAL verification of outputs ({@code vital}), each null when absent.
 */
public record SequencingConfig(SequencerSet set, MachConfig mach, VitalConfig vital) {

    public static SequencingConfig single() {
        return new SequencingConfig(SequencerSet.single(), null, null);
    }

    public SequencingConfig withSet(SequencerSet s) {
        return new SequencingConfig(s, mach, vital);
    }

    public SequencingConfig withMach(MachConfig m) {
        return new SequencingConfig(set, m, vital);
    }

    public SequencingConfig withVital(VitalConfig v) {
        return new SequencingConfig(set, mach, v);
    }
}
