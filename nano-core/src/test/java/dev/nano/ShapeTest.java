package dev.nano;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ShapeTest {

    @Test
    void broadcastShapes() {
        assertArrayEquals(new int[] {5, 3, 4, 1}, Shape.broadcast(new int[] {5, 1, 4, 1}, new int[] {3, 1, 1}));
        assertArrayEquals(new int[] {3, 4}, Shape.broadcast(new int[] {}, new int[] {3, 4}));
        assertArrayEquals(new int[] {3, 1}, Shape.broadcast(new int[] {1}, new int[] {3, 1}));
        assertArrayEquals(new int[] {2, 0, 3}, Shape.broadcast(new int[] {2, 0, 3}, new int[] {1, 3}));
        assertArrayEquals(new int[] {}, Shape.broadcast(new int[] {}, new int[] {}));
    }

    @Test
    void broadcastMismatchNamesTheResultDim() {
        var e = assertThrows(IllegalArgumentException.class, () -> Shape.broadcast(new int[] {3}, new int[] {4}));
        assertEquals("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 0",
                e.getMessage());
    }

    /** ATen's infer_size walks the dims from the last one, so the last mismatching dim is named. */
    @Test
    void broadcastMismatchNamesTheLastMismatchingDim() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Shape.broadcast(new int[] {2, 3}, new int[] {3, 2}));
        assertEquals("The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 1",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Shape.broadcast(new int[] {4, 2, 3}, new int[] {5, 3, 3}));
        assertEquals("The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 1",
                e.getMessage());
    }

    @Test
    void wrapDim() {
        assertEquals(1, Shape.wrapDim(-1, 2));
        assertEquals(0, Shape.wrapDim(-2, 2));
        assertEquals(0, Shape.wrapDim(-1, 0)); // 0-d tensors accept -1 and 0
        var e = assertThrows(IndexOutOfBoundsException.class, () -> Shape.wrapDim(2, 2));
        assertEquals("Dimension out of range (expected to be in range of [-2, 1], but got 2)", e.getMessage());
        var e0 = assertThrows(IndexOutOfBoundsException.class, () -> Shape.wrapDim(1, 0));
        assertEquals("Dimension out of range (expected to be in range of [-1, 0], but got 1)", e0.getMessage());
    }

    @Test
    void reducedDimsRejectsDuplicates() {
        var e = assertThrows(IllegalArgumentException.class, () -> Shape.reducedDims(new int[] {1, -1}, 2));
        assertEquals("dim 1 appears multiple times in the list of dims", e.getMessage());
    }

    @Test
    void sumToDimsAreTheLeadingAndSizeOneDims() {
        // A gradient of shape (2,3): to (3,) sums dim 0; to (2,1) dim 1; to () both; to (1,3) dim 0 (kept).
        assertArrayEquals(new int[] {0}, Shape.sumToDims(new int[] {2, 3}, new int[] {3}));
        assertArrayEquals(new int[] {1}, Shape.sumToDims(new int[] {2, 3}, new int[] {2, 1}));
        assertArrayEquals(new int[] {0, 1}, Shape.sumToDims(new int[] {2, 3}, new int[] {}));
        assertArrayEquals(new int[] {0}, Shape.sumToDims(new int[] {2, 3}, new int[] {1, 3}));
        assertArrayEquals(new int[] {0, 2}, Shape.sumToDims(new int[] {4, 1, 3}, new int[] {1, 1}));
        assertArrayEquals(new int[] {}, Shape.sumToDims(new int[] {2, 3}, new int[] {2, 3}));
    }

    @Test
    void sumToDimsRejectShapesThatDidNotBroadcast() {
        var notBroadcast = assertThrows(IllegalArgumentException.class,
                () -> Shape.sumToDims(new int[] {2, 3}, new int[] {2}));
        assertEquals("sum_to: gradient of shape [2, 3] does not broadcast from shape [2]", notBroadcast.getMessage());
        var larger = assertThrows(IllegalArgumentException.class,
                () -> Shape.sumToDims(new int[] {2}, new int[] {1, 2}));
        assertEquals("sum_to: gradient of shape [2] cannot be summed to the larger shape [1, 2]", larger.getMessage());
    }

    @Test
    void broadcastMapReadsTheRightElements() {
        // (3,1) read as (3,4): each row repeats its element.
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2},
                Shape.broadcastMap(new int[] {3, 1}, new int[] {3, 4}));
        // (4,) read as (2,4): the row repeats.
        assertArrayEquals(new int[] {0, 1, 2, 3, 0, 1, 2, 3}, Shape.broadcastMap(new int[] {4}, new int[] {2, 4}));
    }

    @Test
    void reductionMapAndShapes() {
        boolean[] reduced = {false, true};
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1}, Shape.reductionMap(new int[] {2, 3}, reduced));
        assertArrayEquals(new int[] {2, 1}, Shape.reducedShape(new int[] {2, 3}, reduced, true));
        assertArrayEquals(new int[] {2}, Shape.reducedShape(new int[] {2, 3}, reduced, false));
        assertArrayEquals(new boolean[] {true, true}, Shape.reducedDims(new int[0], 2));
    }

    @Test
    void shapesBeyondAJavaArrayAndNegativeSizesAreRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> Nano.zeros(65536, 65536));
        assertEquals("full: a tensor of shape [65536, 65536] has more elements than a Java array can hold (2147483647)",
                e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> new Tensor(new double[1], -1, -1));
        assertEquals("tensor: Trying to create tensor with negative dimension -1: [-1, -1]", e2.getMessage());
    }

    @Test
    void stridesAndNumel() {
        assertArrayEquals(new int[] {12, 4, 1}, Shape.strides(new int[] {2, 3, 4}));
        assertEquals(24, Shape.numel(new int[] {2, 3, 4}));
        assertEquals(1, Shape.numel(new int[] {}));
        assertEquals(0, Shape.numel(new int[] {2, 0}));
    }
}
