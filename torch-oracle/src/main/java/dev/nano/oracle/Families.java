package dev.nano.oracle;

import dev.nano.oracle.e2e.CnnEndToEndFamily;
import dev.nano.oracle.e2e.EndToEndFamily;
import dev.nano.oracle.family.Family;
import dev.nano.oracle.lr.SchedulerFamily;
import dev.nano.oracle.nn.NnScenarioFamily;
import dev.nano.oracle.operators.OperatorFamily;
import dev.nano.oracle.optim.OptimizerFamily;
import dev.nano.oracle.rng.RngFamily;
import dev.nano.oracle.sizes.SizeClassFamily;

import java.util.List;

/**
 * Every family of evidence, in the order {@code Regenerate} records them (the manifest lists their
 * files in this order), {@code DriftCheck} and the tests check them and the report shows them.
 * A new family is one class implementing {@link Family} and one line here.
 */
public final class Families {
    /** Every family of evidence: the catalogue's operators, the optimizers, the nn scenarios, the end-to-end runs (MLP and CNN), the random streams, the LR schedulers and the size classes. */
    public static final List<Family> ALL = List.of(
            new OperatorFamily(),
            new OptimizerFamily(),
            new NnScenarioFamily(),
            new EndToEndFamily(),
            new CnnEndToEndFamily(),
            new RngFamily(),
            new SchedulerFamily(),
            new SizeClassFamily());

    private Families() {
    }
}
