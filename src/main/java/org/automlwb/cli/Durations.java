package org.automlwb.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;

/** Parses budgets such as {@code 60s}, {@code 90}, {@code 2m}, {@code 1h30m}, {@code 1.5m}. */
final class Durations implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    static Duration parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.matches("\\d+(\\.\\d+)?")) return Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
        var m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)").matcher(v);
        long millis = 0;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) break;
            double n = Double.parseDouble(m.group(1));
            millis += Math.round(n * switch (m.group(2)) {
                case "h" -> 3_600_000;
                case "m" -> 60_000;
                case "s" -> 1_000;
                default -> 1;
            });
            end = m.end();
        }
        if (end != v.length() || end == 0 || millis <= 0) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration: use e.g. 60s, 5m, 1h30m");
        }
        return Duration.ofMillis(millis);
    }
}
