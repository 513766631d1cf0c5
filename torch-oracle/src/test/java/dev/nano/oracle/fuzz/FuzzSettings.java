package dev.nano.oracle.fuzz;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Lets {@code scripts/fuzz} choose the number of cases and the seed: the system properties
 * {@code fuzz.cases} and {@code fuzz.seed} override the property's own (bounded, seeded) values.
 */
public final class FuzzSettings implements AroundPropertyHook {

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        String cases = System.getProperty("fuzz.cases");
        String seed = System.getProperty("fuzz.seed");
        if (cases != null && !cases.isBlank()) {
            context.attributes().setTries(Integer.parseInt(cases.trim()));
        }
        if (seed != null && !seed.isBlank()) {
            context.attributes().setSeed(seed.trim());
        }
        return property.execute();
    }
}
