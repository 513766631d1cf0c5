package dev.nano.nn;

import dev.nano.DefaultGenerator;
import dev.nano.PythonFloat;
import dev.nano.Tensor;

import java.util.Random;

/**
 * {@code nn.Dropout2d(p)}: in training, zeroes whole channels — each (sample, channel) plane with
 * probability {@code p} — and scales the rest by {@code 1/(1 − p)}; in eval mode, the identity.
 * See {@link F#dropout2d} for how the mask is drawn (as PyTorch's {@code feature_dropout}).
 */
public class Dropout2d extends Module {
    private final double p;
    private final Random generator;

    /** p = 0.5. */
    public Dropout2d() {
        this(0.5);
    }

    /**
     * {@code nn.Dropout2d(p)}, drawing its masks from the default generator.
     * @param p the probability of zeroing a channel, in [0, 1]
     */
    public Dropout2d(double p) {
        this(p, null);
    }

    /**
     * {@code generator} null: draw from the default generator at each call.
     * @param p the probability of zeroing a channel, in [0, 1]
     * @param generator the random source of the masks, or null
     */
    public Dropout2d(double p, Random generator) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got "
                    + PythonFloat.repr(p));
        }
        this.p = p;
        this.generator = generator;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.dropout2d(input, p, training, generator != null ? generator : DefaultGenerator.get());
    }

    /**
     * {@code dropout.p}: the probability of zeroing a channel.
     * @return p
     */
    public double p() {
        return p;
    }

    @Override
    protected String extraRepr() {
        return "p=" + PythonFloat.repr(p) + ", inplace=False";
    }
}
