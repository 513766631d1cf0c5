package dev.nano.nn;

import dev.nano.Nano;
import dev.nano.Tensor;

/**
 * The inverse error function as libtorch computes it ({@code torch.erfinv}, ATen's {@code calc_erfinv} in
 * aten/src/ATen/native/Math.h), for {@link Init#truncNormal}: NaN outside [-1, 1], ±inf at ±1; inside, a
 * rational first guess (one for |y| ≤ 0.7, one for the tails) refined by two Newton steps
 * {@code x -= (erf(x) − y) / (2/√π · exp(−x²))}, in ATen's order of operations. The Newton steps take
 * erf over the whole array at once through {@link Nano#erf} (C's erf, as nano's erf operator computes it).
 */
final class Erfinv {
    private static final double[] A = {0.886226899, -1.645349621, 0.914624893, -0.140543331};
    private static final double[] B = {-2.118377725, 1.442710462, -0.329097515, 0.012229801};
    private static final double[] C = {-1.970840454, -1.624906493, 3.429567803, 1.641345311};
    private static final double[] D = {3.543889200, 1.637067800};
    /** 2/√π, the derivative of erf at 0 ({@code 2.0 * c10::frac_1_sqrt_pi}: the same double). */
    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);

    private Erfinv() {
    }

    /**
     * Replaces every {@code y[i]} by {@code erfinv(y[i])}.
     * @param y the values, overwritten
     */
    static void inPlace(double[] y) {
        double[] x = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            x[i] = firstGuess(y[i]);
        }
        newtonStep(x, y);
        newtonStep(x, y);
        System.arraycopy(x, 0, y, 0, y.length);
    }

    private static double firstGuess(double y) {
        double yAbs = Math.abs(y);
        if (!(yAbs <= 1.0)) {
            return Double.NaN;
        }
        if (yAbs == 1.0) {
            return Math.copySign(Double.POSITIVE_INFINITY, y);
        }
        if (yAbs <= 0.7) {
            double z = y * y;
            double num = ((A[3] * z + A[2]) * z + A[1]) * z + A[0];
            double dem = (((B[3] * z + B[2]) * z + B[1]) * z + B[0]) * z + 1.0;
            return y * num / dem;
        }
        double z = Math.sqrt(-Math.log((1.0 - yAbs) / 2.0));
        double num = ((C[3] * z + C[2]) * z + C[1]) * z + C[0];
        double dem = (D[1] * z + D[0]) * z + 1.0;
        return Math.copySign(num, y) / dem;
    }

    /** One Newton step on the finite guesses (ATen returns ±1's infinities and NaN before its Newton steps). */
    private static void newtonStep(double[] x, double[] y) {
        double[] erf;
        try (var ignored = Nano.noGrad()) {
            erf = Nano.erf(new Tensor(x.clone(), x.length)).data();
        }
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i])) {
                x[i] = x[i] - (erf[i] - y[i]) / (TWO_OVER_SQRT_PI * Math.exp(-x[i] * x[i]));
            }
        }
    }
}
