package dev.rollupstudio.spec;

/** What a stack can carry, what a transaction costs (USD) and how long it takes to be soft, safe and final. */
public record Estimate(double throughputCeilingTps, String bindingLayer, double executionTps, double daTps,
                       Cost costPerTx, Finality timeToFinality) {

    public record Cost(double execution, double da, double settlement) {
        public double total() {
            return execution + da + settlement;
        }
    }

    public record Finality(double softSeconds, double safeSeconds, double finalSeconds, String finalBy) {}
}
