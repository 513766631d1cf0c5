package dev.nano.ops;

/**
 * The geometry of one 2-d sliding window and the two copies built on it: {@code im2col} lays every
 * window of an image out as one column of a matrix, so a convolution becomes one matrix product;
 * {@code col2im} is its adjoint, adding each column entry back to the pixel it came from. This is
 * how PyTorch's own float64 CPU convolution works (aten/src/ATen/native/im2col.h, used by
 * ConvolutionMM2d.cpp). A 1-d window is the same with height 1.
 *
 * <p>Rows of the column matrix are {@code (channel, kernel row, kernel column)}, columns are
 * output positions {@code (out row, out column)}; a window position that falls into the padding
 * reads 0 and, in {@code col2im}, is dropped.
 */
record Im2Col(int channels, int height, int width, int kernelH, int kernelW, int strideH, int strideW,
              int padTop, int padLeft, int dilationH, int dilationW, int outH, int outW) {

    /** Rows of the column matrix: one per (channel, kernel row, kernel column). */
    int rows() {
        return channels * kernelH * kernelW;
    }

    /** Columns of the column matrix: one per output position. */
    int cols() {
        return outH * outW;
    }

    /** Copies the windows of the image at {@code image[at...]} into {@code cols} (rows() × cols()). */
    void im2col(double[] image, int at, double[] cols) {
        int plane = height * width;
        int l = cols();
        for (int c = 0; c < channels; c++) {
            for (int kh = 0; kh < kernelH; kh++) {
                for (int kw = 0; kw < kernelW; kw++) {
                    int row = ((c * kernelH + kh) * kernelW + kw) * l;
                    for (int oh = 0; oh < outH; oh++) {
                        int ih = oh * strideH - padTop + kh * dilationH;
                        int o = row + oh * outW;
                        if (ih < 0 || ih >= height) {
                            java.util.Arrays.fill(cols, o, o + outW, 0.0);
                            continue;
                        }
                        int in = at + c * plane + ih * width;
                        for (int ow = 0; ow < outW; ow++) {
                            int iw = ow * strideW - padLeft + kw * dilationW;
                            cols[o + ow] = iw >= 0 && iw < width ? image[in + iw] : 0.0;
                        }
                    }
                }
            }
        }
    }

    /** Adds every entry of {@code cols} to the pixel of {@code image[at...]} it was copied from. */
    void col2imAdd(double[] cols, double[] image, int at) {
        int plane = height * width;
        int l = cols();
        for (int c = 0; c < channels; c++) {
            for (int kh = 0; kh < kernelH; kh++) {
                for (int kw = 0; kw < kernelW; kw++) {
                    int row = ((c * kernelH + kh) * kernelW + kw) * l;
                    for (int oh = 0; oh < outH; oh++) {
                        int ih = oh * strideH - padTop + kh * dilationH;
                        if (ih < 0 || ih >= height) {
                            continue;
                        }
                        int o = row + oh * outW;
                        int in = at + c * plane + ih * width;
                        for (int ow = 0; ow < outW; ow++) {
                            int iw = ow * strideW - padLeft + kw * dilationW;
                            if (iw >= 0 && iw < width) {
                                image[in + iw] += cols[o + ow];
                            }
                        }
                    }
                }
            }
        }
    }
}
