package dev.nano.oracle.fuzz;

import dev.nano.oracle.cases.OpInfo;
import dev.nano.oracle.cases.Sample;
import dev.nano.oracle.compare.Compare;
import dev.nano.oracle.operators.NanoRunner;
import dev.nano.oracle.operators.TorchRunner;
import dev.nano.oracle.torch.NativeStderr;
import dev.nano.oracle.torch.Upstream;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Result;
import dev.nano.oracle.value.Value;

import java.util.List;

/**
 * One fuzzed case through live PyTorch and through nano, compared the way the parity tests compare
 * a fixture: values and gradients under the case's tolerance (NaN and ±inf exactly), or errors on
 * both sides. When PyTorch's message holds a key phrase the catalogue lists for this operator, nano's
 * must hold it too.
 */
final class Differential {
    private Differential() {
    }

    /** How a case runs through nano: {@link NanoRunner#run} itself, or a planted wrong nano in a test. */
    interface NanoSide {
        Result run(OpInfo op, Sample sample, List<Input> inputs, Value upstream);
    }

    /** What differs, or null when nano agrees with PyTorch. */
    static String check(FuzzCase c) {
        return check(c, NanoRunner::run);
    }

    /** What differs between {@code nanoSide} and PyTorch, or null when they agree. */
    static String check(FuzzCase c, NanoSide nanoSide) {
        OpInfo op = c.op();
        Sample s = c.sample();
        NativeStderr.Captured<Result> run = NativeStderr.capture(() -> {
            try {
                return TorchRunner.run(op, s, s.inputs(), null, c.upstreamSeed());
            } catch (RuntimeException e) { // a backward that PyTorch refuses surfaces here
                return Result.failure(e.getMessage());
            }
        });
        // libtorch's own warnings must be ones the entry declares (var/std: N <= correction).
        String undeclared = NativeStderr.check(op, s, run.lines(), false);
        if (undeclared != null) {
            return undeclared + "\n  sample: " + c.javaSample(null);
        }
        Result torch = run.value();
        if (torch.failed()) {
            return bothFail(c, torch.error(), nanoSide);
        }
        Result nano = nanoSide.run(op, s, s.inputs(), torch.upstream());
        if (nano.failed()) {
            return "PyTorch succeeded but nano failed: " + nano.error() + "\n  sample: " + c.javaSample(null);
        }
        Compare.Diff diff = Compare.diff(torch, nano, op.toleranceFor(s), null);
        return diff.ok() ? null : "nano differs from PyTorch:\n  " + String.join("\n  ", diff.problems())
                + "\n  sample: " + c.javaSample(null);
    }

    private static String bothFail(FuzzCase c, String torchError, NanoSide nanoSide) {
        OpInfo op = c.op();
        Sample s = c.sample();
        Result nano = nanoSide.run(op, s, s.inputs(), null);
        if (!nano.failed() && op.expectsGradients(s)) {
            // PyTorch may have refused the backward only: nano's backward must refuse too.
            Value upstream = Upstream.draw(nano.outputs().get(0).shape(), c.upstreamSeed());
            nano = nanoSide.run(op, s, s.inputs(), upstream);
        }
        if (!nano.failed()) {
            return "PyTorch raised \"" + firstLine(torchError) + "\" but nano succeeded\n  sample: "
                    + c.javaSample(torchError);
        }
        String phrase = keyPhrase(op, torchError);
        if (phrase != null && !nano.error().contains(phrase)) {
            return "both raise, but nano's message \"" + nano.error() + "\" lacks the catalogue's key phrase \""
                    + phrase + "\" that PyTorch's holds\n  sample: " + c.javaSample(torchError);
        }
        return null;
    }

    /** The first of the operator's catalogue key phrases that PyTorch's message holds, or null. */
    private static String keyPhrase(OpInfo op, String torchError) {
        return op.samples().stream().filter(Sample::isError).map(Sample::expectError)
                .filter(torchError::contains).findFirst().orElse(null);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
