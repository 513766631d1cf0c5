package dev.nano;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Expected strings are what PyTorch prints for the same tensors (without PyTorch's dtype suffix). */
class TensorToStringTest {

    @Test
    void integralValuesPrintWithATrailingDot() {
        assertEquals("tensor([[1., 2.]])", Nano.tensor(new double[][] {{1, 2}}).toString());
        assertEquals("tensor(3.)", Nano.scalar(3).toString());
        assertEquals("tensor([ 1., -2.])", Nano.tensor(1, -2).toString());
    }

    @Test
    void fractionsPrintWithFourDecimals() {
        assertEquals("tensor([0.1000, 2.5000])", Nano.tensor(0.1, 2.5).toString());
        assertEquals("tensor([[ 1.5000,  2.0000],\n        [-3.2500,  4.0000]])",
                Nano.tensor(new double[][] {{1.5, 2}, {-3.25, 4}}).toString());
    }

    @Test
    void spreadMagnitudesSwitchToScientific() {
        assertEquals("tensor([1.0000e-05, 1.0000e+00])", Nano.tensor(1e-5, 1).toString());
        assertEquals("tensor([1.0000e+00, 1.0000e+09])", Nano.tensor(1, 1e9).toString());
        // Half-even on the exact binary value, as Python: 1.00005e10 is exactly halfway and stays 1.0000.
        assertEquals("tensor([1.0000e+00, 1.0000e+10])", Nano.tensor(1, 1.00005e10).toString());
        assertEquals("tensor([-2.5000e-05,  1.2346e+02])", Nano.tensor(-2.5e-5, 123.456).toString());
    }

    @Test
    void nonFiniteValues() {
        assertEquals("tensor([nan, 1., inf, -inf])",
                Nano.tensor(Double.NaN, 1, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY).toString());
    }

    @Test
    void threeDimensionsSeparateBlocksWithABlankLine() {
        assertEquals("tensor([[[0., 1.]],\n\n        [[2., 3.]]])", Nano.tensor(new double[] {0, 1, 2, 3}, 2, 1, 2)
                .toString());
    }

    @Test
    void emptyTensors() {
        assertEquals("tensor([])", Nano.zeros(0).toString());
        assertEquals("tensor([], size=(2, 0))", Nano.zeros(2, 0).toString());
    }

    @Test
    void boolAndLong() {
        assertEquals("tensor([ True, False])", Nano.tensor(1, 0).gt(0.5).toString());
        assertEquals("tensor([ 3, -1])", Nano.longTensor(new long[] {3, -1}, 2).toString());
    }

    @Test
    void graphInformation() {
        Tensor x = Nano.tensor(1, 2).requiresGrad(true);
        assertEquals("tensor([1., 2.], requires_grad=True)", x.toString());
        assertEquals("tensor([2., 3.], grad_fn=<AddBackward0>)", x.add(1).toString());
        assertEquals("tensor([2., 4.], grad_fn=<MulBackward0>)", x.mul(2).toString());
    }

    @Test
    void longRowsWrapAt80Characters() {
        // PyTorch fits floor((80 - 7) / (3 + 2)) = 14 values of width 3 ("10.") on a line.
        String s = Nano.arange(20).toString();
        assertEquals("tensor([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12., 13.,\n"
                + "        14., 15., 16., 17., 18., 19.])", s);
    }

    @Test
    void largeTensorsAreSummarized() {
        // Only the printed edges choose the format: 1999/1 > 1000, so PyTorch switches to scientific.
        assertEquals("tensor([0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 1.9970e+03, 1.9980e+03,\n"
                + "        1.9990e+03])", Nano.arange(2000).toString());
        assertEquals("tensor([[ 100.,  101.,  102.,  ...,  147.,  148.,  149.],\n"
                + "        [ 150.,  151.,  152.,  ...,  197.,  198.,  199.],\n"
                + "        [ 200.,  201.,  202.,  ...,  247.,  248.,  249.],\n"
                + "        ...,\n"
                + "        [1000., 1001., 1002.,  ..., 1047., 1048., 1049.],\n"
                + "        [1050., 1051., 1052.,  ..., 1097., 1098., 1099.],\n"
                + "        [1100., 1101., 1102.,  ..., 1147., 1148., 1149.]])",
                new Tensor(Nano.arange(100, 1150).data(), 21, 50).toString());
    }
}
