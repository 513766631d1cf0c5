package dev.nano.nn;

import dev.nano.Nano;
import dev.nano.Tensor;

/**
 * {@code nn.AvgPool2d(kernel_size, stride=None, padding=0, ceil_mode=False,
 * count_include_pad=True, divisor_override=None)}: the mean of each window. No parameters.
 */
public class AvgPool2d extends Module {
    private final int kernel;
    private final int stride;
    private final int padding;
    private final boolean ceilMode;
    private final boolean countIncludePad;
    private final Integer divisorOverride;

    /**
     * {@code nn.AvgPool2d(kernel_size)}: stride = kernel_size.
     * @param kernelSize the square window's side
     */
    public AvgPool2d(int kernelSize) {
        this(kernelSize, kernelSize, 0, false, true, null);
    }

    /**
     * {@code nn.AvgPool2d} with every argument.
     * @param kernelSize the square window's side
     * @param stride the step (PyTorch's default, None, is the kernel size)
     * @param padding zeros on every side, at most half the kernel
     * @param ceilMode whether a partial last window makes an output
     * @param countIncludePad whether padding cells count in the divisor
     * @param divisorOverride the divisor of every window, or null
     */
    public AvgPool2d(int kernelSize, int stride, int padding, boolean ceilMode, boolean countIncludePad,
                     Integer divisorOverride) {
        this.kernel = kernelSize;
        this.stride = stride;
        this.padding = padding;
        this.ceilMode = ceilMode;
        this.countIncludePad = countIncludePad;
        this.divisorOverride = divisorOverride;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Nano.avgPool2d(input, new int[] {kernel}, new int[] {stride}, new int[] {padding}, ceilMode,
                countIncludePad, divisorOverride);
    }

    @Override
    protected String extraRepr() {
        return "kernel_size=" + kernel + ", stride=" + stride + ", padding=" + padding;
    }
}
