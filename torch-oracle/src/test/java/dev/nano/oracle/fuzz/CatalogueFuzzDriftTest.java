package dev.nano.oracle.fuzz;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Differential fuzzing of every catalogue operator against live PyTorch: random shapes (rank 0–5,
 * sizes 0–7, broadcast partners), dims, attributes and values (ordinary, ties, ±0, tiny, huge, NaN,
 * ±inf), drawn from the operator's own catalogue samples as templates (see {@link CaseGenerator}
 * and each entry's {@link dev.nano.oracle.cases.FuzzRule}). nano must give PyTorch's values and gradients, or fail where PyTorch fails.
 *
 * <p>A failure is shrunk ({@link Shrinker}) and printed as a ready-to-paste catalogue sample with
 * the seed that draws it again. Inside {@code mvn verify} this is a bounded run with a fixed seed
 * (3,000 cases, a few seconds); {@code scripts/fuzz --cases N --seed S [--op NAME] [--survey]} sets
 * the system properties {@code fuzz.cases}, {@code fuzz.seed}, {@code fuzz.op} and {@code fuzz.survey}.
 * It needs live libtorch, so its name ends in DriftTest and the no-libtorch build leaves it out.
 */
class CatalogueFuzzDriftTest {
    static final int CASES = 3000;
    static final long SEED = 20261126L;

    @Test
    void nanoAgreesWithPyTorchOnRandomCases() {
        int cases = Integer.getInteger("fuzz.cases", CASES);
        long seed = Long.getLong("fuzz.seed", SEED);
        List<String> only = List.of(System.getProperty("fuzz.op", "").split(",")).stream()
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        CaseGenerator generator = CaseGenerator.over(only);
        if (Boolean.getBoolean("fuzz.survey")) {
            for (int i = 0; i < cases; i++) {
                FuzzCase c = generator.draw(seed + i);
                Survey.record(c, Differential.check(c));
            }
            Survey.write(Path.of(System.getProperty("fuzz.report", "target/fuzz/survey.txt")));
            System.out.println(Survey.summary());
            return;
        }
        Fuzzer.Finding finding = Fuzzer.firstFailure(generator, seed, cases, c -> {
            String problem = Differential.check(c);
            return c.op().knownDisagreement(c.sample(), problem) == null ? problem : null;
        });
        if (finding != null) {
            fail(finding.report(seed, only));
        }
    }
}
