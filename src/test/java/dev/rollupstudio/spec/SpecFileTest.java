package dev.rollupstudio.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecFileTest {

    @Test
    void everyPresetValidatesWithoutErrorsAndRoundTripsLosslessly() {
        assertThat(Presets.ids()).hasSizeGreaterThanOrEqualTo(5);
        for (String id : Presets.ids()) {
            StackSpec spec = Presets.get(id);
            assertThat(Validator.hasErrors(Validator.validate(spec))).as(id + ": " + Validator.validate(spec)).isFalse();
            String json = SpecJson.write(spec);
            StackSpec back = SpecJson.read(json);
            assertThat(back).isEqualTo(spec);
            assertThat(SpecJson.write(back)).isEqualTo(json);
        }
    }

    @Test
    void aHandWrittenFileComesBackByteForByte(@TempDir Path dir) throws Exception {
        String file = """
                {
                  "format" : "rollup-studio/stack",
                  "version" : 1,
                  "name" : "My chain",
                  "description" : "hand written",
                  "chainId" : 4242,
                  "layers" : {
                    "execution" : {
                      "component" : "arbitrum-orbit",
                      "params" : {
                        "blockTimeMs" : 100,
                        "minBaseFeeGwei" : 0.02
                      }
                    },
                    "sequencing" : {
                      "component" : "squad",
                      "params" : {
                        "operators" : 7
                      }
                    },
                    "settlement" : {
                      "component" : "embedded-l1"
                    },
                    "dataAvailability" : {
                      "component" : "celestia",
                      "params" : {
                        "bridgedToL1" : true
                      }
                    },
                    "proofs" : {
                      "component" : "optimistic"
                    },
                    "security" : {
                      "component" : "vital"
                    },
                    "lifecycle" : {
                      "component" : "persistent"
                    },
                    "gasToken" : {
                      "component" : "erc20",
                      "params" : {
                        "symbol" : "GAME",
                        "l1Address" : "0x1111111111111111111111111111111111111111"
                      }
                    }
                  }
                }
                """;
        StackSpec spec = SpecJson.read(file);
        assertThat(spec.get(Layer.EXECUTION, dev.rollupstudio.spec.component.ArbitrumOrbit.MIN_BASE_FEE)).isEqualTo(0.02);
        assertThat(spec.get(Layer.EXECUTION, dev.rollupstudio.spec.component.ArbitrumOrbit.SPEED_LIMIT)).isEqualTo(7_000_000);
        Path f = dir.resolve("my.rollup.json");
        SpecJson.save(spec, f);
        assertThat(java.nio.file.Files.readString(f)).isEqualTo(file);
    }

    @Test
    void badFilesNameTheJsonPathAndWhatIsWrong() {
        String head = "{\"format\":\"rollup-studio/stack\",\"version\":1,\"chainId\":5,\"layers\":{";
        assertThatThrownBy(() -> SpecJson.read("{")).isInstanceOf(SpecFileException.class).hasMessageStartingWith("$: not valid JSON at line 1");
        assertThatThrownBy(() -> SpecJson.read("{\"version\":1}")).hasMessageStartingWith("$.format: must be \"rollup-studio/stack\"");
        assertThatThrownBy(() -> SpecJson.read("{\"format\":\"rollup-studio/stack\",\"version\":9,\"chainId\":5,\"layers\":{}}"))
                .hasMessageStartingWith("$.version: is 9, newer than this studio");
        assertThatThrownBy(() -> SpecJson.read("{\"format\":\"rollup-studio/stack\",\"version\":1,\"chainId\":-5,\"layers\":{}}"))
                .hasMessage("$.chainId: must be a positive whole number");
        assertThatThrownBy(() -> SpecJson.read(head + "\"dataAvailability\":{\"component\":\"celestai\"}}}"))
                .hasMessageStartingWith("$.layers.dataAvailability.component: unknown component 'celestai'; for Data availability choose one of ethereum-blobs,");
        assertThatThrownBy(() -> SpecJson.read(head + "\"execution\":{\"component\":\"op-stack\",\"params\":{\"blockTime\":2}}}}"))
                .hasMessageStartingWith("$.layers.execution.params.blockTime: OP Stack has no parameter 'blockTime'; it has blockTimeMs,");
        assertThatThrownBy(() -> SpecJson.read(head + "\"execution\":{\"component\":\"op-stack\",\"params\":{\"gasLimit\":\"lots\"}}}}"))
                .hasMessage("$.layers.execution.params.gasLimit: must be a whole number (gas), got \"lots\"");
        assertThatThrownBy(() -> SpecJson.read(head + "\"storage\":{\"component\":\"x\"}}}")).hasMessageStartingWith("$.layers.storage: unknown layer");
    }

    @Test
    void everyProblemInAFileIsReportedAtOnce() {
        String json = """
                {"format": "rollup-studio/stack", "version": 1, "chainId": 901, "layers": {
                  "execution": {"component": "op-stack", "params": {"blockTimeMs": "fast", "gasLimitt": 1}},
                  "dataAvailability": {"component": "celestial"},
                  "teleport": {"component": "x"}}}""";
        assertThatThrownBy(() -> SpecJson.read(json)).isInstanceOfSatisfying(SpecFileException.class, e -> {
            assertThat(e.problems()).extracting(SpecFileException::path).containsExactly("$.layers.execution.params.blockTimeMs",
                    "$.layers.execution.params.gasLimitt", "$.layers.dataAvailability.component", "$.layers.teleport");
            assertThat(e.getMessage()).startsWith("4 problems: $.layers.execution.params.blockTimeMs: must be a whole number (ms), got \"fast\"; ");
        });
    }
}
