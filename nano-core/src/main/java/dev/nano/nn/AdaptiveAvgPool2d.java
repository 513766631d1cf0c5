package dev.nano.nn;

import dev.nano.Nano;
import dev.nano.Tensor;

/**
 * {@code nn.AdaptiveAvgPool2d(output_size)}: averages over PyTorch's adaptive windows, so any input
 * size gives {@code output_size}. No parameters.
 */
public class AdaptiveAvgPool2d extends Module {
    private final int[] outputSize;

    /**
     * {@code nn.AdaptiveAvgPool2d(output_size)}.
     * @param outputSize one value (a square output) or (outH, outW)
     */
    public AdaptiveAvgPool2d(int... outputSize) {
        this.outputSize = outputSize.clone();
    }

    @Override
    public Tensor forward(Tensor input) {
        return Nano.adaptiveAvgPool2d(input, outputSize);
    }

    @Override
    protected String extraRepr() {
        return "output_size=" + (outputSize.length == 1 ? String.valueOf(outputSize[0])
                : ConvModules.tuple(outputSize));
    }
}
