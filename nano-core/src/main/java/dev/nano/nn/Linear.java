package dev.nano.nn;

import dev.nano.Checks;
import dev.nano.DefaultGenerator;
import dev.nano.Generator;
import dev.nano.Nano;
import dev.nano.Tensor;

import java.util.Random;

/**
 * {@code y = x @ weight.T + bias}, with {@code weight} (out, in) and {@code bias} (out).
 *
 * <p>Initialised as PyTorch's {@code reset_parameters}: the weight by {@code kaiming_uniform_(a=√5)}
 * (bound √3·gain/√in with gain √(2/(1 + a²)), about 1/√in but computed in PyTorch's order so the
 * bound is PyTorch's double), then the bias uniform in ±1/√in. The values come from
 * {@code generator}, or from {@link DefaultGenerator#get()}: after {@code Nano.manualSeed(s)} they
 * are {@code torch.manual_seed(s); nn.Linear(in, out, dtype=torch.float64)}'s.
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
     * {@code nn.Linear} initialised from {@code generator} (PyTorch's {@code reset_parameters}: with a
     * {@link dev.nano.Generator} seeded alike, PyTorch's very weights).
     * @param inFeatures the size of each input sample's last dim
     * @param outFeatures the size of each output sample's last dim
     * @param bias false leaves out the learned bias
     * @param generator the random source of the initial weights
     */
    public Linear(int inFeatures, int outFeatures, boolean bias, Random generator) {
        Checks.notNull("Linear", "generator", generator);
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        // nn.Linear.reset_parameters, in its order: the weight first, then the bias, from one stream.
        double bound = inFeatures > 0 ? 1 / Math.sqrt(inFeatures) : 0;
        Tensor w = Nano.zeros(outFeatures, inFeatures);
        if (generator instanceof Generator) {
            Init.kaimingUniform(w, Math.sqrt(5), "fan_in", "leaky_relu", generator);
        } else { // a plain Random keeps nano's earlier draws and bound (see dev.nano.Sampling)
            Init.uniform(w, -bound, bound, generator);
        }
        this.weight = registerParameter("weight", w);
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
