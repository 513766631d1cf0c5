package dev.nano.oracle.nn;

import dev.nano.oracle.fixtures.FixtureCase;
import dev.nano.oracle.fixtures.FixtureFile;
import dev.nano.oracle.torch.Upstream;
import dev.nano.oracle.value.Value;

import java.util.Arrays;

/**
 * Where a scenario step's upstream gradient dL/d(output) comes from: drawn at regeneration
 * (random, so a backward that ignores it fails), then read back from the fixture so that both
 * frameworks are differentiated under the same one.
 */
@FunctionalInterface
public interface Upstreams {

    /**
     * The upstream gradient for the step {@code stepId}, whose output has {@code shape}.
     * @param stepId the step
     * @param shape the output's shape
     * @return the gradient
     */
    Value of(String stepId, int[] shape);

    /**
     * Fresh ones, seeded by scenario and step.
     * @param scenario the scenario's name
     * @return the upstreams
     */
    static Upstreams drawn(String scenario) {
        return (id, shape) -> Upstream.draw(shape, (scenario + "/" + id + "/upstream").hashCode());
    }

    /**
     * The ones recorded in a fixture file.
     * @param file the fixture
     * @return the upstreams
     */
    static Upstreams from(FixtureFile file) {
        return (id, shape) -> {
            FixtureCase c = file.find(id);
            if (c == null || c.upstream() == null) {
                throw new IllegalStateException("no upstream gradient for step '" + id + "' in " + file.path());
            }
            if (!Arrays.equals(c.upstream().shape(), shape)) {
                throw new IllegalStateException("step '" + id + "': the fixture's upstream gradient has shape "
                        + c.upstream().shapeText() + ", the output " + Arrays.toString(shape));
            }
            return c.upstream();
        };
    }
}
