package dev.nano.oracle;

import dev.nano.Tensor;
import dev.nano.oracle.cases.OpInfo;
import dev.nano.oracle.compare.Compare;
import dev.nano.oracle.fixtures.FixtureCase;
import dev.nano.oracle.operators.NanoRunner;
import dev.nano.oracle.operators.ParityCase;
import dev.nano.oracle.value.Result;
import dev.nano.oracle.value.Tolerance;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The harness rejects wrong implementations: textbook formulas that lose the tiny magnitudes
 * PyTorch's kernels keep ({@code exp(x) - 1} for expm1, {@code log(1 + x)} for log1p) are run
 * against the committed fixtures of the real op, and must fail. The failures come from the
 * tiny-magnitude cases, compared with atol 0: under the default tolerance alone (atol 1e-12)
 * the same wrong code would pass them, which is what the fixtures of the old composed oracle let
 * through.
 */
class HarnessCatchesWrongCodeTest {

    @Test
    void expm1AsExpMinusOneFails() {
        assertCaught("expm1", x -> x.exp().sub(1.0));
    }

    @Test
    void log1pAsLogOfOnePlusXFails() {
        assertCaught("log1p", x -> x.add(1.0).log());
    }

    private static void assertCaught(String name, UnaryOperator<Tensor> wrong) {
        List<ParityCase> cases = ParityCase.all().filter(c -> c.op().name().equals(name)).toList();
        assertFalse(cases.isEmpty(), name + " has no parity cases");
        OpInfo op = cases.get(0).op();
        OpInfo wrongOp = OpInfo.builder(name, op.family()).oracle(op.oracle())
                .nano((in, a) -> wrong.apply(in[0]))
                .torchMulti((in, a) -> op.torch().apply(null, in, a))
                .samples(op.samples())
                .build();
        List<String> caught = new ArrayList<>();
        List<String> passedUnderDefaultTolerance = new ArrayList<>();
        for (ParityCase c : cases) {
            FixtureCase fixture = c.requireFreshFixture();
            Result r = NanoRunner.run(wrongOp, c.sample(), fixture.inputs(), fixture.upstream());
            if (!Compare.diffAnyAnswer(fixture, r, op.toleranceFor(c.sample()), c.sample().expectError()).ok()) {
                caught.add(c.sample().id());
                if (Compare.diffAnyAnswer(fixture, r, Tolerance.DEFAULT, c.sample().expectError()).ok()) {
                    passedUnderDefaultTolerance.add(c.sample().id());
                }
            }
        }
        assertTrue(caught.stream().anyMatch(id -> id.startsWith("tiny")),
                () -> name + ": the wrong implementation passed every tiny-magnitude case; caught only " + caught);
        assertFalse(passedUnderDefaultTolerance.isEmpty(),
                () -> name + ": expected some cases that only atol 0 catches (the point of the tiny samples)");
    }
}
