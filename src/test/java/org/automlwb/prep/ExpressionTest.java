package org.automlwb.prep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The derived-column expression parser. */
class ExpressionTest {
    private static double eval(String text) throws Expression.ParseException {
        return Expression.parse(text).eval(c -> { throw new AssertionError(c); }, 1)[0];
    }

    @Test
    void precedenceAndFunctions() throws Expression.ParseException {
        assertEquals(7, eval("1 + 2 * 3"));
        assertEquals(6, eval("-(2 - 5) * 2"));
        assertEquals(1, eval("8 / 4 / 2"));
        assertEquals(7, eval("abs(-3) + sqrt(16)"));
        assertEquals(2, eval("log(2.5e1) / log(5)"), 1e-15);
        assertEquals(-1, eval("--1 - 2"));
    }

    @Test
    void invalidResultsAreMissing() throws Expression.ParseException {
        assertTrue(Double.isNaN(eval("1 / 0")));
        assertTrue(Double.isNaN(eval("log(0)")));
        assertTrue(Double.isNaN(eval("sqrt(-1)")));
        assertTrue(Double.isNaN(eval("1e308 * 10")));
    }

    @Test
    void columnNamesPlainAndQuoted() throws Expression.ParseException {
        Expression e = Expression.parse("a.b * \"floor area\" + `x y` - c_1");
        assertEquals(List.of("a.b", "floor area", "x y", "c_1"), List.copyOf(e.columns()));
        Map<String, double[]> cols = Map.of("a.b", new double[] {2, Double.NaN}, "floor area", new double[] {3, 1},
                "x y", new double[] {1, 1}, "c_1", new double[] {0.5, 0});
        assertArrayEquals(new double[] {6.5, Double.NaN}, e.eval(cols::get, 2));
    }

    @Test
    void errorsSayWhere() {
        assertTrue(assertThrows(Expression.ParseException.class, () -> Expression.parse("exp(1)")).getMessage()
                .contains("unknown function 'exp'"));
        assertTrue(assertThrows(Expression.ParseException.class, () -> Expression.parse("1 +")).getMessage()
                .contains("ends too early"));
        assertTrue(assertThrows(Expression.ParseException.class, () -> Expression.parse("a b")).getMessage()
                .contains("position 3"));
        assertThrows(Expression.ParseException.class, () -> Expression.parse("(1"));
        assertThrows(Expression.ParseException.class, () -> Expression.parse("\"open"));
        assertThrows(Expression.ParseException.class, () -> Expression.parse(" "));
        assertThrows(Expression.ParseException.class, () -> Expression.parse("(".repeat(500) + "1" + ")".repeat(500)));
    }
}
