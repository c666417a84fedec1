package dev.rollupstudio.spec;

import java.util.List;

/** The five L2BEAT columns for a stack, each good / warning / bad with a one-line reason, and the stage. */
public record RiskView(Column stateValidation, Column dataAvailability, Column exitWindow, Column sequencerFailure,
                       Column proposerFailure, String stage, String stageReason) {

    public enum Level { GOOD, WARNING, BAD }

    public record Column(String title, Level level, String value, String reason) {}

    public List<Column> columns() {
        return List.of(stateValidation, dataAvailability, exitWindow, sequencerFailure, proposerFailure);
    }
}
