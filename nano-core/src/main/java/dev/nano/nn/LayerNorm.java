package dev.nano.nn;

import dev.nano.Checks;
import dev.nano.Nano;
import dev.nano.PythonFloat;
import dev.nano.Tensor;

/**
 * Normalises each sample over its trailing {@code normalizedShape} dims (one to three, usually
 * the features), with the biased variance and eps inside the square root. Train and eval behave
 * the same: there are no running statistics. With {@code elementwiseAffine}, learns
 * {@code weight} (ones) and, unless {@code bias} is false, {@code bias} (zeros), both of
 * {@code normalizedShape}.
 */
public class LayerNorm extends Module {
    private final int[] normalizedShape;
    private final double eps;
    private final boolean elementwiseAffine;
    private final Tensor weight;
    private final Tensor bias;

    /**
     * eps 1e-5, with weight and bias.
     * @param normalizedShape the trailing dims normalised together
     */
    public LayerNorm(int... normalizedShape) {
        this(normalizedShape, 1e-5, true, true);
    }

    /**
     * {@code nn.LayerNorm(normalized_shape, eps, elementwise_affine, bias)}.
     * @param normalizedShape the trailing dims normalised together
     * @param eps added to the variance for stability (default 1e-5)
     * @param elementwiseAffine true learns a weight (and bias) of {@code normalizedShape}
     * @param bias false leaves out the learned bias
     */
    public LayerNorm(int[] normalizedShape, double eps, boolean elementwiseAffine, boolean bias) {
        Checks.notNull("LayerNorm", "normalized_shape", normalizedShape);
        Checks.notNaN("LayerNorm", "eps", eps);
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        this.elementwiseAffine = elementwiseAffine;
        this.weight = registerParameter("weight", elementwiseAffine ? Nano.ones(normalizedShape) : null);
        this.bias = registerParameter("bias", elementwiseAffine && bias ? Nano.zeros(normalizedShape) : null);
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.layerNorm(input, normalizedShape, weight, bias, eps);
    }

    /**
     * {@code ln.normalized_shape}.
     * @return a copy of the normalised trailing sizes
     */
    public int[] normalizedShape() {
        return normalizedShape.clone();
    }

    /**
     * {@code ln.eps}: added to the variance for stability.
     * @return eps
     */
    public double eps() {
        return eps;
    }

    /**
     * Null unless elementwiseAffine.
     * @return the weight, or null
     */
    public Tensor weight() {
        return weight;
    }

    /**
     * Null unless elementwiseAffine and built with bias.
     * @return the bias, or null
     */
    public Tensor bias() {
        return bias;
    }

    @Override
    protected String extraRepr() {
        StringBuilder shape = new StringBuilder("(");
        for (int i = 0; i < normalizedShape.length; i++) {
            shape.append(i > 0 ? ", " : "").append(normalizedShape[i]);
        }
        shape.append(normalizedShape.length == 1 ? ",)" : ")");
        return shape + ", eps=" + PythonFloat.repr(eps) + ", elementwise_affine=" + py(elementwiseAffine);
    }
}
