package dev.nano.nn;

import dev.nano.Checks;
import dev.nano.DefaultGenerator;
import dev.nano.Nano;
import dev.nano.Tensor;

import java.util.Random;

/**
 * {@code y = x @ weight.T + bias}, with {@code weight} (out, in) and {@code bias} (out).
 *
 * <p>Initialised as PyTorch does: weight and bias uniform in ±1/√in. (PyTorch writes the weight's
 * bound as {@code kaiming_uniform_(a=√5)}, i.e. gain·√(3/in) with gain = √(1/3), which is the
 * same number.) The values come from {@code generator}, or from {@link DefaultGenerator#get()}.
 */
public class Linear extends Module {
    private final int inFeatures;
    private final int outFeatures;
    private final Tensor weight;
    private final Tensor bias;

    /**
     * {@code nn.Linear(in_features, out_features)}: y = x·Wᵀ + b, with W and b drawn uniformly from
     * ±1/√in_features.
     * @param inFeatures the size of each input sample's last dim
     * @param outFeatures the size of each output sample's last dim
     */
    public Linear(int inFeatures, int outFeatures) {
        this(inFeatures, outFeatures, true);
    }

    /**
     * {@code nn.Linear(in_features, out_features, bias)}, initialised from the default generator.
     * @param inFeatures the size of each input sample's last dim
     * @param outFeatures the size of each output sample's last dim
     * @param bias false leaves out the learned bias
     */
    public Linear(int inFeatures, int outFeatures, boolean bias) {
        this(inFeatures, outFeatures, bias, DefaultGenerator.get());
    }

    /**
     * {@code nn.Linear} initialised from {@code generator} (PyTorch's kaiming-uniform bounds, nano's random values).
     * @param inFeatures the size of each input sample's last dim
     * @param outFeatures the size of each output sample's last dim
     * @param bias false leaves out the learned bias
     * @param generator the random source of the initial weights
     */
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

    /**
     * {@code linear.weight}: the (out_features, in_features) weight matrix.
     * @return the weight parameter
     */
    public Tensor weight() {
        return weight;
    }

    /**
     * Null when built without bias.
     * @return the bias parameter, or null
     */
    public Tensor bias() {
        return bias;
    }

    /**
     * {@code linear.in_features}.
     * @return the input size
     */
    public int inFeatures() {
        return inFeatures;
    }

    /**
     * {@code linear.out_features}.
     * @return the output size
     */
    public int outFeatures() {
        return outFeatures;
    }

    @Override
    protected String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + py(bias != null);
    }
}
