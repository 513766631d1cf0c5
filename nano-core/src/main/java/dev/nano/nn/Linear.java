package dev.nano.nn;

import dev.nano.Checks;
import dev.nano.Nano;
import dev.nano.Tensor;

import java.util.Random;

/**
 * {@code y = x @ weight.T + bias}, with {@code weight} (out, in) and {@code bias} (out).
 *
 * <p>Initialised as PyTorch does: weight and bias uniform in ±1/√in. (PyTorch writes the weight's
 * bound as {@code kaiming_uniform_(a=√5)}, i.e. gain·√(3/in) with gain = √(1/3), which is the
 * same number.) The values come from {@code generator}, or from {@link Init#defaultGenerator()}.
 */
public class Linear extends Module {
    private final int inFeatures;
    private final int outFeatures;
    private final Tensor weight;
    private final Tensor bias;

    public Linear(int inFeatures, int outFeatures) {
        this(inFeatures, outFeatures, true);
    }

    public Linear(int inFeatures, int outFeatures, boolean bias) {
        this(inFeatures, outFeatures, bias, Init.defaultGenerator());
    }

    public Linear(int inFeatures, int outFeatures, boolean bias, Random generator) {
        Checks.notNull("Linear", "generator", generator);
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        double bound = inFeatures > 0 ? 1 / Math.sqrt(inFeatures) : 0;
        this.weight = registerParameter("weight", Init.uniform(Nano.zeros(outFeatures, inFeatures), -bound, bound,
                generator));
        this.bias = registerParameter("bias", bias ? Init.uniform(Nano.zeros(outFeatures), -bound, bound, generator)
                : null);
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.linear(input, weight, bias);
    }

    public Tensor weight() {
        return weight;
    }

    /** Null when built without bias. */
    public Tensor bias() {
        return bias;
    }

    public int inFeatures() {
        return inFeatures;
    }

    public int outFeatures() {
        return outFeatures;
    }

    @Override
    protected String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + py(bias != null);
    }
}
