package dev.nano.nn;

import dev.nano.Nano;
import dev.nano.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** clip_grad_norm_ and clip_grad_value_ on gradients whose norms are worked out by hand. */
class ClipGradTest {

    private static List<Tensor> params(double[] a, double[] b) {
        Tensor p = Nano.zeros(a.length).requiresGrad(true);
        Tensor q = Nano.zeros(b.length).requiresGrad(true);
        p.setGrad(Nano.tensor(a.clone()));
        q.setGrad(Nano.tensor(b.clone()));
        return List.of(p, q, Nano.zeros(2).requiresGrad(true)); // the last has no grad: skipped
    }

    @Test
    void totalNormIsTheNormOfThePerGradientNorms() {
        // ‖(3, 4)‖ = 5, ‖(12)‖ = 12, ‖(5, 12)‖ = 13
        List<Tensor> ps = params(new double[] {3, 4}, new double[] {12});
        assertEquals(13.0, ClipGrad.clipGradNorm(ps, 1.0).item());
        double coef = 1.0 / (13.0 + 1e-6);
        assertArrayEquals(new double[] {3 * coef, 4 * coef}, ps.get(0).grad().data());
        assertArrayEquals(new double[] {12 * coef}, ps.get(1).grad().data());
    }

    @Test
    void aNormBelowTheLimitScalesByOne() {
        List<Tensor> ps = params(new double[] {3, 4}, new double[] {12});
        assertEquals(19.0, ClipGrad.clipGradNorm(ps, 100, 1, false).item(), "1-norm: 3 + 4 + 12");
        assertArrayEquals(new double[] {3, 4}, ps.get(0).grad().data());
        assertEquals(12.0, ClipGrad.clipGradNorm(params(new double[] {3, -4}, new double[] {-12}), 100,
                Double.POSITIVE_INFINITY, false).item());
        assertEquals(Math.pow(Math.pow(Math.pow(27 + 64, 1 / 3.0), 3) + 1728, 1 / 3.0),
                ClipGrad.clipGradNorm(params(new double[] {3, 4}, new double[] {12}), 100, 3, false).item(), 1e-12);
    }

    @Test
    void aNonFiniteNormIsRefusedWhenAskedWithPyTorchsMessage() {
        List<Tensor> ps = params(new double[] {Double.POSITIVE_INFINITY, 1}, new double[] {2});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClipGrad.clipGradNorm(ps, 1, 2, true));
        assertEquals("The total norm of order 2.0 for gradients from `parameters` is non-finite, so it cannot be "
                + "clipped. To disable this error and scale the gradients by the non-finite norm anyway, set "
                + "`error_if_nonfinite=False`", e.getMessage());
        assertArrayEquals(new double[] {2}, ps.get(1).grad().data(), "no gradient changed");
    }

    @Test
    void clipGradValueClampsEachElement() {
        List<Tensor> ps = params(new double[] {3, -4, 0.5, Double.NaN}, new double[] {-0.25});
        ClipGrad.clipGradValue(ps, 1);
        assertArrayEquals(new double[] {1, -1, 0.5, Double.NaN}, ps.get(0).grad().data());
        assertArrayEquals(new double[] {-0.25}, ps.get(1).grad().data());
    }
}
