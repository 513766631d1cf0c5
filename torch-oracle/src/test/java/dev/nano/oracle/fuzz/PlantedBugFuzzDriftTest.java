package dev.nano.oracle.fuzz;

import dev.nano.oracle.cases.OpInfo;
import dev.nano.oracle.cases.Sample;
import dev.nano.oracle.operators.NanoRunner;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Result;
import dev.nano.oracle.value.Value;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fuzzer finds a bug nobody wrote a sample for, and shrinks it to a case a person can read.
 * The planted bug is the one the fuzzer found in wave 2: {@code x.pow(0.5)} computed as C's
 * {@code pow(x, 0.5)} ({@link Math#pow}), where PyTorch's pow.Tensor_Scalar special-cases the
 * exponent 0.5 as {@code sqrt(x)} and its backward's {@code x^(−0.5)} as {@code rsqrt(x)}
 * (aten/src/ATen/native/cpu/PowKernel.cpp): at x = −0.0 the gradient is +inf instead of −inf, at
 * x = −inf the value is +inf instead of NaN. The wrong nano is nano itself with pow's answers
 * replaced for the exponent 0.5; nothing else changes, so every other case agrees.
 */
class PlantedBugFuzzDriftTest {

    /** nano, except that {@code x.pow(0.5)} is C's pow with C's pow in its derivative. */
    private static Result cPowForHalfPower(OpInfo op, Sample s, List<Input> inputs, Value upstream) {
        Result real = NanoRunner.run(op, s, inputs, upstream);
        boolean planted = op.name().equals("pow") && "ts".equals(s.attrs().getString("form", ""))
                && s.attrs().getDouble("scalar") == 0.5;
        if (!planted || real.failed()) {
            return real;
        }
        double[] x = inputs.get(0).values();
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.pow(x[i], 0.5);
        }
        Value y = new Value(real.outputs().get(0).shape(), real.outputs().get(0).dtype(), out);
        if (upstream == null || real.grads().isEmpty()) {
            return new Result(List.of(y), real.upstream(), real.grads(), null);
        }
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = upstream.values()[i] * 0.5 * Math.pow(x[i], -0.5);
        }
        Value grad = new Value(inputs.get(0).shape(), inputs.get(0).dtype(), g);
        return new Result(List.of(y), real.upstream(), List.of(grad), null);
    }

    @Test
    void findsAndShrinksAPlantedBugWithinTheBoundedRun() {
        CaseGenerator pow = CaseGenerator.over(List.of("pow"));
        Fuzzer.Finding finding = Fuzzer.firstFailure(pow, CatalogueFuzzDriftTest.SEED, CatalogueFuzzDriftTest.CASES,
                c -> Differential.check(c, PlantedBugFuzzDriftTest::cPowForHalfPower));
        assertNotNull(finding, "the fuzzer did not find x.pow(0.5) computed as Math.pow(x, 0.5) in "
                + CatalogueFuzzDriftTest.CASES + " cases of pow");
        String report = finding.report(CatalogueFuzzDriftTest.SEED, List.of("pow"));
        assertTrue(Fuzzer.size(finding.shrunk()) <= 4, () -> "not shrunk to at most 4 elements: " + report);
        assertTrue(Fuzzer.size(finding.shrunk()) <= Fuzzer.size(finding.drawn()), report);
        assertTrue(finding.problem().contains("Sample.of("), report);
        // The shrunk case still holds a value that makes it fail: a -0.0 or -inf base.
        double[] x = finding.shrunk().sample().inputs().get(0).values();
        assertTrue(java.util.Arrays.stream(x).anyMatch(v -> Double.compare(v, -0.0) == 0
                || v == Double.NEGATIVE_INFINITY), report);
        // The real nano agrees with PyTorch on the shrunk case: the finding is the planted bug alone.
        assertEquals(null, Differential.check(finding.shrunk()), report);
    }
}
