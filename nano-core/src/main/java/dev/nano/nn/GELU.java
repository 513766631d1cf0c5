package dev.nano.nn;

import dev.nano.Nano;
import dev.nano.Tensor;

/** {@code x · Φ(x)}; {@code approximate = "tanh"} uses the tanh approximation instead of erf. */
public class GELU extends Module {
    private final String approximate;

    /** The exact form ("none"). */
    public GELU() {
        this("none");
    }

    /**
     * {@code nn.GELU(approximate)}: x·Φ(x), exact or with the tanh approximation.
     * @param approximate "none" or "tanh"
     */
    public GELU(String approximate) {
        this.approximate = approximate;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Nano.gelu(input, approximate);
    }

    @Override
    protected String extraRepr() {
        return "approximate='" + approximate + "'";
    }
}
