package dev.nano.oracle.operators;

import dev.nano.oracle.compare.Compare;
import dev.nano.oracle.fixtures.FixtureCase;
import dev.nano.oracle.fixtures.FixtureException;
import dev.nano.oracle.fixtures.FixtureStore;
import dev.nano.oracle.operators.ParityCase;
import dev.nano.oracle.value.Result;
import dev.nano.oracle.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fixture edited by hand (and re-hashed, so the manifest check passes) cannot make a check
 * disappear: the catalogue knows which cases have gradients and which error key phrase PyTorch's
 * recorded message must contain. Also how kernel-dependent answers are judged.
 */
class TamperEvidenceTest {

    private static ParityCase find(String name) {
        return ParityCase.all().filter(c -> c.toString().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aDifferentiableCaseWhoseGradientsWereRemovedIsRefused() {
        ParityCase c = find("sin[(5,)]");
        assertNull(c.staleness());
        FixtureCase f = c.fixture();
        FixtureCase stripped = new FixtureCase(f.id(), f.kinds(), f.attrs(), f.inputs(), null, f.outputs(), List.of(),
                null);
        String problem = ParityCase.staleness(c.op(), c.sample(), stripped);
        assertNotNull(problem);
        assertTrue(problem.contains("expects gradients") && problem.contains("tampered"), problem);
    }

    @Test
    void oneRemovedGradientOfSeveralIsRefused() {
        ParityCase c = find("add[(3,4)|(3,4)]");
        FixtureCase f = c.fixture();
        FixtureCase oneGone = new FixtureCase(f.id(), f.kinds(), f.attrs(), f.inputs(), f.upstream(), f.outputs(),
                java.util.Arrays.asList(f.grads().get(0), null), null);
        String problem = ParityCase.staleness(c.op(), c.sample(), oneGone);
        assertNotNull(problem);
        assertTrue(problem.contains("grad of input 1 is missing"), problem);
    }

    @Test
    void aReplacedPyTorchErrorTextIsRefused() {
        ParityCase c = find("relu[bool input]");
        assertNull(c.staleness());
        FixtureCase f = c.fixture();
        FixtureCase edited = new FixtureCase(f.id(), f.kinds(), f.attrs(), f.inputs(), null, List.of(), List.of(),
                "some other message");
        String problem = ParityCase.staleness(c.op(), c.sample(), edited);
        assertNotNull(problem);
        assertTrue(problem.contains("lacks the catalogue's key phrase"), problem);
    }

    @Test
    void aFixtureFileWithAnUpstreamButNoGradsDoesNotRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ops/x.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"schema\":2,\"op\":\"x\",\"cases\":[{\"case\":\"c\",\"inputs\":[{\"shape\":[1],"
                + "\"dtype\":\"float64\",\"values\":[1],\"requiresGrad\":true}],\"upstream\":{\"shape\":[1],"
                + "\"dtype\":\"float64\",\"values\":[1]},\"outputs\":[{\"shape\":[1],\"dtype\":\"float64\","
                + "\"values\":[1]}]}]}");
        FixtureException e = assertThrows(FixtureException.class, () -> new FixtureStore(dir).read(file));
        assertTrue(e.getMessage().contains("an upstream gradient but no grads"), e.getMessage());
    }

    @Test
    void eluAtNanIsRecordedPerDispatchAndEachDispatchGetsItsOwnAnswer() {
        // libtorch's elu backward gives NaN at a NaN input in its vectorised loop and the upstream
        // value in its scalar tail; the 15-element "edges" sample has its NaN at index 7, inside the
        // vector part under default/avx2 (8 per step) and in the scalar tail under avx512 (16 per step).
        FixtureCase f = find("elu[edges]").fixture();
        assertTrue(f.isKernelDependent());
        assertEquals(List.of("avx512"), List.copyOf(f.kernels().keySet()));
        assertTrue(Double.isNaN(f.under("default").grads().get(0).values()[7]));
        assertTrue(Double.isNaN(f.under("avx2").grads().get(0).values()[7]));
        double avx512 = f.under("avx512").grads().get(0).values()[7];
        assertEquals(f.upstream().values()[7], avx512, 0.0, "the scalar tail passes the upstream value through");
    }

    @Test
    void nanoMustEqualOneRecordedAnswerNotAnyNumber() {
        ParityCase c = find("elu[edges]");
        FixtureCase f = c.fixture();
        Result avx512Like = new Result(f.under("avx512").outputs(), f.upstream(), f.under("avx512").grads(), null);
        assertTrue(Compare.diffAnyAnswer(f, avx512Like, c.op().toleranceFor(c.sample()), null).ok());
        double[] wrong = f.grads().get(0).values().clone();
        wrong[7] = 42;
        Result neither = new Result(f.outputs(), f.upstream(),
                List.of(new Value(f.grads().get(0).shape(), f.grads().get(0).dtype(), wrong)), null);
        Compare.Diff d = Compare.diffAnyAnswer(f, neither, c.op().toleranceFor(c.sample()), null);
        assertFalse(d.ok());
        assertTrue(d.describe().contains("matches none of PyTorch's kernel-dependent answers"), d.describe());
    }
}
