package dev.rollupstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.app.SpecRuntimes;
import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.spec.Choice;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Presets;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.StackSpec;
import dev.rollupstudio.spec.component.Mach;
import dev.rollupstudio.workload.Load;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The run report's MACH section: the fast-final head, the stake behind it and each operator as the spec composed them. */
class MachReportTest {

    @SuppressWarnings("unchecked")
    @Test void theReportSaysWhoSignedWhat() {
        StackSpec spec = Presets.get("zk-eigenda-mach").with(Layer.SECURITY, Choice.of(Mach.ID)
                .with(Mach.OFFLINE.key(), 2L).with(Mach.SLOW.key(), 1L).with(Mach.MALICIOUS.key(), 1L));
        RollupRuntime rt = RollupRuntime.inMemory(SpecRuntimes.options(spec, Prices.defaults(), RuntimeOptions.defaults().withSeed(4)));
        Load.start(rt, 50, 0, false, Long.MAX_VALUE);
        rt.runFor(60_000);
        Map<String, Object> report = RunReport.of(rt, 1);
        Map<String, Object> mach = (Map<String, Object>) report.get("mach");
        List<Map<String, Object>> ops = (List<Map<String, Object>>) mach.get("operators");
        assertThat(ops).extracting(o -> o.get("behaviour"))
                .containsExactly("offline", "offline", "slow", "malicious", "honest", "honest", "honest", "honest", "honest", "honest");
        assertThat(ops.get(0).get("lastAttested")).isEqualTo(-1L);
        long head = rt.node().chain().head().number();
        assertThat(ops.get(4).get("lastAttested")).as(() -> "the mach report, for a failure: " + mach).isEqualTo(head);
        // 7 of 10 equal bonds sign on time: 70%, over the 66% quorum, so fast finality keeps up with the head
        assertThat(mach.get("altBehindPct")).isEqualTo(70.0);
        assertThat((Long) mach.get("fastFinalHead")).isBetween(head - 2, head);
        assertThat(mach.get("alerts")).isEqualTo(0L);
        assertThat(((Map<String, Object>) report.get("heads")).get("finalized")).isEqualTo(mach.get("fastFinalHead"));
        assertThat(RunReport.summary(report)).contains("mach          fast-final head " + mach.get("fastFinalHead") + " with 70.0% of the bonded ALT (quorum 66%);"
                + " operators {honest=6, malicious=1, offline=2, slow=1}; alerts 0");
        rt.close();
    }
}
