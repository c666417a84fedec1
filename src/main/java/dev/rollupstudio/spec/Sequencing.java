package dev.rollupstudio.spec;

/** The sequencing layer: who orders transactions, and what a user can do when it stops. */
public interface Sequencing extends Component {
    /** The block time this sequencing gives, from the execution layer's. */
    default long blockTimeMillis(StackSpec s, long executionBlockTime) {
        return executionBlockTime;
    }

    /** L2BEAT's "Sequencer failure" column. */
    RiskView.Column sequencerFailure(StackSpec s);
}
