package org.automlwb.engine.algo.lightgbm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a LightGBM model text before LightGBM's C++ parser sees it, and reads what the Java side needs.
 *
 * <p>That parser trusts its input: it jumps to each tree by the byte sizes in {@code tree_sizes} without bounds
 * checks, scans for {@code '='} and line ends past the end of the text, divides by {@code num_tree_per_iteration},
 * and at prediction follows {@code left_child}/{@code right_child} and indexes features by {@code split_feature}
 * and category bitsets by {@code cat_boundaries} as written. A truncated or garbled text can therefore read out
 * of bounds, loop forever or crash the JVM. This check rejects, with a one-line reason, every text whose
 * structure could do that: offsets, line shapes, array lengths, index ranges, and that every tree is a tree.
 * It accepts only what this package predicts with: format v3/v4, objectives {@code regression} (L2),
 * {@code binary} and {@code multiclass}, no linear trees, printable ASCII with {@code \n} line ends.
 */
final class ModelText {
    private static final int MAX_LEAVES = 131072;
    private static final int MAX_TREE_LINES = 22;

    final LightGbmObjective objective;
    /** 1 for regression, 2 for binary, k for multiclass. */
    final int classes;
    final int treesPerIteration;
    final int featureCount;
    final List<String> featureNames;
    final int trees;

    private ModelText(LightGbmObjective objective, int classes, int treesPerIteration, List<String> featureNames,
                      int trees) {
        this.objective = objective;
        this.classes = classes;
        this.treesPerIteration = treesPerIteration;
        this.featureCount = featureNames.size();
        this.featureNames = List.copyOf(featureNames);
        this.trees = trees;
    }

    int iterations() { return trees / treesPerIteration; }

    static final class Bad extends LightGbmException {
        Bad(String reason) { super("Not a usable LightGBM model: " + reason); }
    }

    static ModelText parse(String text) {
        if (text == null || text.isEmpty()) throw new Bad("the text is empty");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') throw new Bad("it has \\r line ends (the tree offsets no longer match)");
            if (c != '\n' && (c < 0x20 || c > 0x7E)) {
                throw new Bad(String.format("character U+%04X at offset %d (only printable ASCII is accepted)", (int) c, i));
            }
        }
        if (!text.startsWith("tree\n")) throw new Bad("it does not start with the line 'tree'");

        // Header: key=value lines up to the first "Tree=" line.
        Map<String, String> header = new HashMap<>();
        int pos = 0;
        int treesStart = -1;
        while (pos < text.length()) {
            int end = lineEnd(text, pos);
            String line = text.substring(pos, end);
            if (line.startsWith("Tree=")) {
                treesStart = pos;
                break;
            }
            if (!line.isEmpty()) {
                int eq = line.indexOf('=');
                String key = eq < 0 ? line : line.substring(0, eq);
                String value = eq < 0 ? "" : line.substring(eq + 1);
                if (value.indexOf('=') >= 0 && !key.equals("feature_names") && !key.equals("monotone_constraints")) {
                    throw new Bad("header line '" + clip(line) + "' has more than one '='");
                }
                header.put(key, value);
            }
            pos = end + 1;
        }
        if (treesStart < 0) throw new Bad("it has no trees (no 'Tree=' line)");
        if (header.containsKey("average_output")) throw new Bad("it is a random forest (average_output)");

        String version = required(header, "version");
        if (!version.equals("v3") && !version.equals("v4")) throw new Bad("format version '" + clip(version) + "'");
        int numClass = intIn(required(header, "num_class"), 1, 100_000, "num_class");
        int treesPerIteration = intIn(header.getOrDefault("num_tree_per_iteration", Integer.toString(numClass)), 1,
                100_000, "num_tree_per_iteration");
        intIn(required(header, "label_index"), -1, Integer.MAX_VALUE, "label_index");
        int maxFeatureIdx = intIn(required(header, "max_feature_idx"), 0, (1 << 26), "max_feature_idx");
        int featureCount = maxFeatureIdx + 1;

        LightGbmObjective objective;
        String[] obj = required(header, "objective").split(" ", -1);
        switch (obj[0]) {
            case "regression":
                objective = LightGbmObjective.REGRESSION;
                break;
            case "binary":
                objective = LightGbmObjective.BINARY;
                break;
            case "multiclass":
                objective = LightGbmObjective.MULTICLASS;
                break;
            default:
                throw new Bad("objective '" + clip(obj[0]) + "' (only regression, binary and multiclass are predicted)");
        }
        int classes;
        if (objective == LightGbmObjective.MULTICLASS) {
            if (numClass < 2 || treesPerIteration != numClass) {
                throw new Bad("multiclass with num_class=" + numClass + " and " + treesPerIteration + " trees a round");
            }
            String declared = "num_class:" + numClass;
            boolean found = false;
            for (int i = 1; i < obj.length; i++) found |= obj[i].equals(declared);
            if (!found) throw new Bad("the objective line does not say " + declared);
            classes = numClass;
        } else {
            if (numClass != 1 || treesPerIteration != 1) {
                throw new Bad(obj[0] + " with num_class=" + numClass + " and " + treesPerIteration + " trees a round");
            }
            classes = objective == LightGbmObjective.BINARY ? 2 : 1;
        }

        List<String> names = tokens(required(header, "feature_names"), "feature_names");
        if (names.size() != featureCount) {
            throw new Bad(names.size() + " feature names for max_feature_idx=" + maxFeatureIdx);
        }
        if (tokens(required(header, "feature_infos"), "feature_infos").size() != featureCount) {
            throw new Bad("feature_infos does not have " + featureCount + " entries");
        }
        String monotone = header.get("monotone_constraints");
        if (monotone != null && !monotone.isEmpty() && tokens(monotone, "monotone_constraints").size() != featureCount) {
            throw new Bad("monotone_constraints does not have " + featureCount + " entries");
        }

        List<String> sizeTokens = tokens(required(header, "tree_sizes"), "tree_sizes");
        int trees = sizeTokens.size();
        if (trees == 0) throw new Bad("tree_sizes lists no trees");
        if (trees % treesPerIteration != 0) {
            throw new Bad(trees + " trees are not whole rounds of " + treesPerIteration);
        }
        long offset = treesStart;
        for (int t = 0; t < trees; t++) {
            long size = longIn(sizeTokens.get(t), 1, Integer.MAX_VALUE, "tree_sizes");
            if (offset + size > text.length()) {
                throw new Bad("tree " + t + " runs past the end of the text (truncated?)");
            }
            checkTree(text, (int) offset, (int) (offset + size), t, maxFeatureIdx);
            offset += size;
        }
        int after = (int) offset;
        while (after < text.length() && text.charAt(after) == '\n') after++;
        if (!text.startsWith("end of trees\n", after) && !text.startsWith("end of trees", after)) {
            throw new Bad("no 'end of trees' line after tree " + (trees - 1) + " (truncated, or tree_sizes wrong)");
        }
        return new ModelText(objective, classes, treesPerIteration, names, trees);
    }

    /** One "Tree=t" block, checked as LightGBM's {@code Tree(const char*, size_t*)} and its predictor read it. */
    private static void checkTree(String text, int start, int end, int t, int maxFeatureIdx) {
        String first = "Tree=" + t + "\n";
        if (!text.startsWith(first, start)) {
            throw new Bad("tree_sizes does not point at 'Tree=" + t + "' (offset " + start + ")");
        }
        Map<String, String> kv = new HashMap<>();
        int pos = start + first.length();
        int lines = 0;
        while (true) {
            if (pos >= end) throw new Bad("tree " + t + " does not end with an empty line inside its size");
            if (text.charAt(pos) == '\n') break;
            if (lines == MAX_TREE_LINES) throw new Bad("tree " + t + " has more than " + MAX_TREE_LINES + " lines");
            int lineEnd = text.indexOf('\n', pos);
            if (lineEnd < 0 || lineEnd >= end) throw new Bad("tree " + t + " has a line that runs past its size");
            int eq = text.indexOf('=', pos);
            if (eq < 0 || eq > lineEnd) {
                throw new Bad("tree " + t + " line '" + clip(text.substring(pos, lineEnd)) + "' has no '='");
            }
            kv.put(text.substring(pos, eq), text.substring(eq + 1, lineEnd));
            lines++;
            pos = lineEnd + 1;
        }
        String where = "tree " + t;
        int leaves = intIn(need(kv, "num_leaves", where), 1, MAX_LEAVES, where + " num_leaves");
        int numCat = intIn(need(kv, "num_cat", where), 0, Math.max(0, leaves - 1), where + " num_cat");
        doubles(need(kv, "leaf_value", where), leaves, where + " leaf_value");
        if (kv.containsKey("shrinkage")) doubles(kv.get("shrinkage"), 1, where + " shrinkage");
        if (kv.containsKey("is_linear") && !kv.get("is_linear").equals("0")) throw new Bad(where + " is a linear tree");
        optionalCount(kv, "leaf_weight", leaves, where, false);
        optionalCount(kv, "leaf_count", leaves, where, true);
        if (leaves == 1) return;
        int nodes = leaves - 1;
        int[] left = ints(need(kv, "left_child", where), nodes, where + " left_child");
        int[] right = ints(need(kv, "right_child", where), nodes, where + " right_child");
        int[] feature = ints(need(kv, "split_feature", where), nodes, where + " split_feature");
        double[] threshold = doubles(need(kv, "threshold", where), nodes, where + " threshold");
        int[] decision = kv.containsKey("decision_type") ? ints(kv.get("decision_type"), nodes, where + " decision_type")
                : new int[nodes];
        optionalCount(kv, "split_gain", nodes, where, false);
        optionalCount(kv, "internal_value", nodes, where, false);
        optionalCount(kv, "internal_weight", nodes, where, false);
        optionalCount(kv, "internal_count", nodes, where, true);

        int catWords = 0;
        if (numCat > 0) {
            int[] bounds = ints(need(kv, "cat_boundaries", where), numCat + 1, where + " cat_boundaries");
            if (bounds[0] != 0) throw new Bad(where + " cat_boundaries does not start at 0");
            for (int i = 1; i < bounds.length; i++) {
                if (bounds[i] < bounds[i - 1]) throw new Bad(where + " cat_boundaries decreases");
            }
            catWords = bounds[numCat];
            List<String> words = tokens(need(kv, "cat_threshold", where), where + " cat_threshold");
            if (words.size() != catWords) throw new Bad(where + " cat_threshold does not have " + catWords + " words");
            for (String w : words) longIn(w, 0, 0xFFFFFFFFL, where + " cat_threshold");
        }
        for (int n = 0; n < nodes; n++) {
            if (feature[n] < 0 || feature[n] > maxFeatureIdx) {
                throw new Bad(where + " splits on feature " + feature[n] + " of " + (maxFeatureIdx + 1));
            }
            if (decision[n] < 0 || decision[n] > 127) throw new Bad(where + " decision_type " + decision[n]);
            if ((decision[n] & 1) != 0) {
                double cat = threshold[n];
                if (cat != Math.rint(cat) || cat < 0 || cat >= numCat) {
                    throw new Bad(where + " categorical split " + n + " points at category set " + cat + " of " + numCat);
                }
            }
        }
        // Every node and leaf reached exactly once from the root: a tree, no cycles, no dangling index.
        boolean[] seenNode = new boolean[nodes];
        boolean[] seenLeaf = new boolean[leaves];
        int[] stack = new int[nodes];
        int top = 0;
        stack[top++] = 0;
        seenNode[0] = true;
        int reachedNodes = 1;
        int reachedLeaves = 0;
        while (top > 0) {
            int n = stack[--top];
            for (int child : new int[] {left[n], right[n]}) {
                if (child >= 0) {
                    if (child >= nodes || seenNode[child]) throw new Bad(where + " is not a tree (node " + child + ")");
                    seenNode[child] = true;
                    reachedNodes++;
                    stack[top++] = child;
                } else {
                    int leaf = ~child;
                    if (leaf >= leaves || seenLeaf[leaf]) throw new Bad(where + " is not a tree (leaf " + leaf + ")");
                    seenLeaf[leaf] = true;
                    reachedLeaves++;
                }
            }
        }
        if (reachedNodes != nodes || reachedLeaves != leaves) throw new Bad(where + " has unreachable nodes or leaves");
    }

    private static void optionalCount(Map<String, String> kv, String key, int count, String where, boolean integer) {
        String value = kv.get(key);
        if (value == null) return;
        if (integer) {
            ints(value, count, where + " " + key);
        } else {
            doubles(value, count, where + " " + key);
        }
    }

    private static int lineEnd(String text, int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end;
    }

    private static String required(Map<String, String> header, String key) {
        String value = header.get(key);
        if (value == null) throw new Bad("the header has no " + key);
        return value;
    }

    private static String need(Map<String, String> kv, String key, String where) {
        String value = kv.get(key);
        if (value == null) throw new Bad(where + " has no " + key);
        return value;
    }

    /** Space-separated tokens, none empty (LightGBM writes single spaces). */
    private static List<String> tokens(String value, String what) {
        List<String> out = new ArrayList<>();
        if (value.isEmpty()) return out;
        int from = 0;
        while (true) {
            int space = value.indexOf(' ', from);
            String token = space < 0 ? value.substring(from) : value.substring(from, space);
            if (token.isEmpty()) throw new Bad(what + " has an empty entry");
            out.add(token);
            if (space < 0) return out;
            from = space + 1;
        }
    }

    private static int[] ints(String value, int count, String what) {
        List<String> tokens = tokens(value, what);
        if (tokens.size() != count) throw new Bad(what + " has " + tokens.size() + " values, expected " + count);
        int[] out = new int[count];
        for (int i = 0; i < count; i++) out[i] = (int) longIn(tokens.get(i), Integer.MIN_VALUE, Integer.MAX_VALUE, what);
        return out;
    }

    private static double[] doubles(String value, int count, String what) {
        List<String> tokens = tokens(value, what);
        if (tokens.size() != count) throw new Bad(what + " has " + tokens.size() + " values, expected " + count);
        double[] out = new double[count];
        for (int i = 0; i < count; i++) out[i] = number(tokens.get(i), what);
        return out;
    }

    private static double number(String token, String what) {
        switch (token) {
            case "inf":
            case "+inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            case "nan":
            case "-nan":
                return Double.NaN;
            default:
                break;
        }
        if (!isWrittenDouble(token)) throw new Bad(what + " value '" + clip(token) + "' is not a number");
        return Double.parseDouble(token);
    }

    /**
     * {@code -?[0-9]+(\.[0-9]+)?(e[+-]?[0-9]+)?}: what LightGBM writes for a double ({@code %.17g}). Anything
     * else might fail its parser in the middle of a parallel load, which aborts the JVM.
     */
    static boolean isWrittenDouble(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && s.charAt(i) == '-') i++;
        int start = i;
        while (i < n && isDigit(s.charAt(i))) i++;
        if (i == start) return false;
        if (i < n && s.charAt(i) == '.') {
            start = ++i;
            while (i < n && isDigit(s.charAt(i))) i++;
            if (i == start) return false;
        }
        if (i < n && s.charAt(i) == 'e') {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
            start = i;
            while (i < n && isDigit(s.charAt(i))) i++;
            if (i == start) return false;
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int intIn(String token, int min, int max, String what) {
        return (int) longIn(token, min, max, what);
    }

    private static long longIn(String token, long min, long max, String what) {
        long v;
        try {
            if (token.isEmpty() || token.length() > 12 || token.startsWith("+")) throw new NumberFormatException();
            v = Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw new Bad(what + " value '" + clip(token) + "' is not an integer");
        }
        if (v < min || v > max) throw new Bad(what + " value " + v + " is out of range");
        return v;
    }

    private static String clip(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
