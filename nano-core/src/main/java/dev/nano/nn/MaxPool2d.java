package dev.nano.nn;

import dev.nano.Nano;
import dev.nano.Tensor;

/**
 * {@code nn.MaxPool2d(kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False)}: the
 * maximum of each window (PyTorch's tie and NaN rules, see {@link Nano#maxPool2d}). No parameters.
 */
public class MaxPool2d extends Module {
    private final int kernel;
    private final int stride;
    private final int padding;
    private final int dilation;
    private final boolean ceilMode;

    /**
     * {@code nn.MaxPool2d(kernel_size)}: stride = kernel_size.
     * @param kernelSize the square window's side
     */
    public MaxPool2d(int kernelSize) {
        this(kernelSize, kernelSize, 0, 1, false);
    }

    /**
     * {@code nn.MaxPool2d(kernel_size, stride, padding, dilation, ceil_mode)}.
     * @param kernelSize the square window's side
     * @param stride the step (PyTorch's default, None, is the kernel size)
     * @param padding implicit -inf on every side, at most half the effective kernel
     * @param dilation the spacing of window cells
     * @param ceilMode whether a partial last window makes an output
     */
    public MaxPool2d(int kernelSize, int stride, int padding, int dilation, boolean ceilMode) {
        this.kernel = kernelSize;
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
        this.ceilMode = ceilMode;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Nano.maxPool2d(input, new int[] {kernel}, new int[] {stride}, new int[] {padding},
                new int[] {dilation}, ceilMode).values();
    }

    @Override
    protected String extraRepr() {
        return "kernel_size=" + kernel + ", stride=" + stride + ", padding=" + padding + ", dilation=" + dilation
                + ", ceil_mode=" + py(ceilMode);
    }
}
