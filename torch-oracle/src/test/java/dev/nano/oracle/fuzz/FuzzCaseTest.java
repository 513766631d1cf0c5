package dev.nano.oracle.fuzz;

import dev.nano.oracle.cases.Catalogue;
import dev.nano.oracle.cases.Sample;
import dev.nano.oracle.value.Attrs;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Kind;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A shrunk failure is printed as a catalogue line that compiles as written (no libtorch needed). */
class FuzzCaseTest {

    @Test
    void printsAReadyToPasteSample() {
        Sample s = new Sample("fuzz", EnumSet.noneOf(Kind.class),
                List.of(Input.of(new int[] {3}, -0.0, Double.NEGATIVE_INFINITY, 1e-300)),
                Attrs.of("form", "ts").with("scalar", 0.5), null, null);
        FuzzCase c = new FuzzCase(Catalogue.byName("pow"), s, 1);
        assertEquals("Sample.of(\"fuzz (3,) form=ts scalar=0.5\", kinds(Kind.EDGE, Kind.SCALAR), "
                + "Attrs.of(\"form\", \"ts\").with(\"scalar\", 0.5), Input.of(new int[] {3}, -0.0, -INF, 1.0E-300))",
                c.javaSample(null));
    }

    @Test
    void printsAnErrorSampleWithPyTorchsFirstLine() {
        Sample s = new Sample("fuzz", EnumSet.noneOf(Kind.class),
                List.of(Input.int64(new int[] {2}, 0, 5), Input.bool(new int[] {}, 1)),
                Attrs.of("dims", new int[] {0, -1}).with("min", null), null, null);
        FuzzCase c = new FuzzCase(Catalogue.byName("sum"), s, 1);
        assertEquals("Sample.error(\"fuzz (2,)|() dims=[0, -1] min=null\", \"dim 0 appears \\\"twice\\\"\", "
                + "Attrs.of(\"dims\", new int[] {0, -1}).with(\"min\", null), Input.int64(new int[] {2}, 0.0, 5.0), "
                + "Input.bool(new int[] {}, 1.0))", c.javaSample("dim 0 appears \"twice\"\n  at frame"));
    }

    @Test
    void namesTheExtremeDoublesByTheirConstants() {
        assertEquals("NAN", FuzzCase.literal(Double.NaN));
        assertEquals("-Double.MAX_VALUE", FuzzCase.literal(-Double.MAX_VALUE));
        assertEquals("Double.MIN_VALUE", FuzzCase.literal(Double.MIN_VALUE));
        assertEquals("2.5", FuzzCase.literal(2.5));
    }
}
