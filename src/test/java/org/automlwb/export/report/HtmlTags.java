package org.automlwb.export.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small HTML tokenizer for tests: the start tags of a document with their attributes, and the raw text of its
 * script and style elements. Script text is skipped as HTML parsers do (up to {@code </script>}), so markup
 * inside JavaScript strings is not mistaken for tags.
 */
final class HtmlTags {
    private static final Pattern ATTRIBUTE =
            Pattern.compile("([^\\s=/>]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+)))?");

    /** One start tag. */
    record Tag(String name, Map<String, String> attributes) { }

    final List<Tag> tags = new ArrayList<>();
    final List<String> scripts = new ArrayList<>();
    final List<String> styles = new ArrayList<>();

    HtmlTags(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        int i = 0;
        while ((i = html.indexOf('<', i)) >= 0) {
            if (html.startsWith("<!--", i)) {
                int end = html.indexOf("-->", i);
                i = end < 0 ? html.length() : end + 3;
                continue;
            }
            int end = html.indexOf('>', i);
            if (end < 0) break;
            String inside = html.substring(i + 1, end);
            if (inside.startsWith("/") || inside.startsWith("!")) {
                i = end + 1;
                continue;
            }
            Matcher nameMatch = Pattern.compile("^([A-Za-z][A-Za-z0-9-]*)").matcher(inside);
            if (!nameMatch.find()) {
                i = end + 1;
                continue;
            }
            String name = nameMatch.group(1).toLowerCase(Locale.ROOT);
            Map<String, String> attrs = new LinkedHashMap<>();
            Matcher a = ATTRIBUTE.matcher(inside.substring(nameMatch.end()));
            while (a.find()) {
                String v = a.group(2) != null ? a.group(2) : a.group(3) != null ? a.group(3) : a.group(4);
                attrs.put(a.group(1).toLowerCase(Locale.ROOT), v == null ? "" : v);
            }
            tags.add(new Tag(name, attrs));
            i = end + 1;
            if (name.equals("script") || name.equals("style")) {
                int close = lower.indexOf("</" + name, i);
                if (close < 0) close = html.length();
                (name.equals("script") ? scripts : styles).add(html.substring(i, close));
                i = close;
            }
        }
    }

    List<Tag> named(String name) { return tags.stream().filter(t -> t.name().equals(name)).toList(); }

    /** Ids of every element. */
    List<String> ids() {
        return tags.stream().map(t -> t.attributes().get("id")).filter(java.util.Objects::nonNull).toList();
    }
}
