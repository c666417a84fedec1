package dev.rollupstudio.runtime.config;

/** Who orders blocks ({@code set}) and, when restaked operators attest to them, MACH fast finality ({@code mach}, or null). */
public record SequencingConfig(SequencerSet set, MachConfig mach) {

    public static SequencingConfig single() {
        return new SequencingConfig(SequencerSet.single(), null);
    }

    public SequencingConfig withSet(SequencerSet s) {
        return new SequencingConfig(s, mach);
    }

    public SequencingConfig withMach(MachConfig m) {
        return new SequencingConfig(set, m);
    }
}
