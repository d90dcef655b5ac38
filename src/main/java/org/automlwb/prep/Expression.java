package org.automlwb.prep;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * A small arithmetic expression over numeric columns, parsed by hand (no script engine): numbers, column names,
 * {@code + - * /}, unary minus, parentheses and the functions {@code log} (natural), {@code sqrt} and
 * {@code abs}. A column name is a plain word ({@code income}, {@code sq_ft}, {@code a.b}) or any text in double
 * quotes or backticks ({@code "floor area"}). Evaluated a whole column at a time. Anything without a real finite
 * value — a missing input, division by zero, log of zero or less, sqrt of a negative, overflow — gives missing.
 */
final class Expression {
    private static final int MAX_LENGTH = 2000;
    private static final int MAX_DEPTH = 100;

    private final Node root;

    private Expression(Node root) { this.root = root; }

    /** A problem in an expression, with where it is. */
    static final class ParseException extends Exception {
        private static final long serialVersionUID = 1L;

        ParseException(String message) { super(message); }
    }

    /** One node of the parsed tree; evaluates over whole columns. */
    private interface Node {
        double[] eval(Function<String, double[]> columns, int rows);

        void columns(Set<String> out);
    }

    private record Constant(double value) implements Node {
        public double[] eval(Function<String, double[]> columns, int rows) {
            double[] out = new double[rows];
            java.util.Arrays.fill(out, value);
            return out;
        }

        public void columns(Set<String> out) { }
    }

    private record ColumnRef(String name) implements Node {
        public double[] eval(Function<String, double[]> columns, int rows) { return columns.apply(name).clone(); }

        public void columns(Set<String> out) { out.add(name); }
    }

    private record Unary(char op, Node arg) implements Node {
        public double[] eval(Function<String, double[]> columns, int rows) {
            double[] v = arg.eval(columns, rows);
            for (int i = 0; i < v.length; i++) {
                double x = v[i];
                v[i] = switch (op) {
                    case '-' -> -x;
                    case 'a' -> Math.abs(x);
                    case 'l' -> x > 0 ? Math.log(x) : Double.NaN;
                    default -> x >= 0 ? Math.sqrt(x) : Double.NaN;
                };
            }
            return v;
        }

        public void columns(Set<String> out) { arg.columns(out); }
    }

    private record Binary(char op, Node left, Node right) implements Node {
        public double[] eval(Function<String, double[]> columns, int rows) {
            double[] a = left.eval(columns, rows);
            double[] b = right.eval(columns, rows);
            for (int i = 0; i < a.length; i++) {
                double r = switch (op) {
                    case '+' -> a[i] + b[i];
                    case '-' -> a[i] - b[i];
                    case '*' -> a[i] * b[i];
                    default -> b[i] == 0 ? Double.NaN : a[i] / b[i];
                };
                a[i] = Double.isFinite(r) ? r : Double.NaN;
            }
            return a;
        }

        public void columns(Set<String> out) {
            left.columns(out);
            right.columns(out);
        }
    }

    /** Parses the text or says what is wrong and where. */
    static Expression parse(String text) throws ParseException {
        if (text == null || text.isBlank()) throw new ParseException("the expression is empty");
        if (text.length() > MAX_LENGTH) throw new ParseException("the expression is longer than " + MAX_LENGTH + " characters");
        Parser p = new Parser(text);
        Node root = p.sum(0);
        p.skipSpace();
        if (!p.atEnd()) throw p.error("unexpected '" + text.charAt(p.pos) + "'");
        return new Expression(root);
    }

    /** Column names the expression reads, in order of appearance. */
    Set<String> columns() {
        Set<String> out = new LinkedHashSet<>();
        root.columns(out);
        return out;
    }

    /** Evaluates over whole columns; non-finite results are NaN (missing). */
    double[] eval(Function<String, double[]> columns, int rows) {
        double[] out = root.eval(columns, rows);
        for (int i = 0; i < out.length; i++) if (!Double.isFinite(out[i])) out[i] = Double.NaN;
        return out;
    }

    /** Recursive descent: sum := product (('+'|'-') product)*; product := unary (('*'|'/') unary)*. */
    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) { this.s = s; }

        boolean atEnd() { return pos >= s.length(); }

        void skipSpace() { while (!atEnd() && Character.isWhitespace(s.charAt(pos))) pos++; }

        ParseException error(String message) {
            return new ParseException(message + " at position " + (pos + 1) + " of \"" + s + "\"");
        }

        boolean take(char c) {
            skipSpace();
            if (!atEnd() && s.charAt(pos) == c) { pos++; return true; }
            return false;
        }

        Node sum(int depth) throws ParseException {
            Node left = product(depth);
            while (true) {
                if (take('+')) left = new Binary('+', left, product(depth));
                else if (take('-')) left = new Binary('-', left, product(depth));
                else return left;
            }
        }

        Node product(int depth) throws ParseException {
            Node left = unary(depth);
            while (true) {
                if (take('*')) left = new Binary('*', left, unary(depth));
                else if (take('/')) left = new Binary('/', left, unary(depth));
                else return left;
            }
        }

        Node unary(int depth) throws ParseException {
            if (depth > MAX_DEPTH) throw error("the expression is nested too deeply");
            if (take('-')) return new Unary('-', unary(depth + 1));
            if (take('+')) return unary(depth + 1);
            return primary(depth);
        }

        Node primary(int depth) throws ParseException {
            skipSpace();
            if (atEnd()) throw error("the expression ends too early");
            char c = s.charAt(pos);
            if (c == '(') {
                pos++;
                Node inner = sum(depth + 1);
                if (!take(')')) throw error("a ')' is missing");
                return inner;
            }
            if (c == '"' || c == '`') return new ColumnRef(quoted(c));
            if (Character.isDigit(c) || c == '.') return new Constant(number());
            if (Character.isLetter(c) || c == '_') {
                String word = word();
                skipSpace();
                if (!atEnd() && s.charAt(pos) == '(') {
                    char fn = switch (word) {
                        case "log" -> 'l';
                        case "sqrt" -> 's';
                        case "abs" -> 'a';
                        default -> throw error("unknown function '" + word + "' (use log, sqrt or abs)");
                    };
                    pos++;
                    Node arg = sum(depth + 1);
                    if (!take(')')) throw error("a ')' is missing after the argument of " + word);
                    return new Unary(fn, arg);
                }
                return new ColumnRef(word);
            }
            throw error("unexpected '" + c + "'");
        }

        String quoted(char quote) throws ParseException {
            int start = ++pos;
            while (!atEnd() && s.charAt(pos) != quote) pos++;
            if (atEnd()) throw error("a closing " + quote + " is missing");
            String name = s.substring(start, pos++);
            if (name.isEmpty()) throw error("empty column name");
            return name;
        }

        String word() {
            int start = pos;
            while (!atEnd() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_' || s.charAt(pos) == '.')) pos++;
            return s.substring(start, pos);
        }

        double number() throws ParseException {
            int start = pos;
            while (!atEnd() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) pos++;
            if (!atEnd() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                int mark = pos++;
                if (!atEnd() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) pos++;
                if (atEnd() || !Character.isDigit(s.charAt(pos))) {
                    pos = mark;
                } else {
                    while (!atEnd() && Character.isDigit(s.charAt(pos))) pos++;
                }
            }
            try {
                double v = Double.parseDouble(s.substring(start, pos));
                if (!Double.isFinite(v)) throw error("number too large");
                return v;
            } catch (NumberFormatException e) {
                pos = start;
                throw error("'" + s.substring(start, Math.min(s.length(), start + 20)) + "' is not a number");
            }
        }
    }
}
