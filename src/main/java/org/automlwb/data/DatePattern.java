package org.automlwb.data;

/**
 * The calendar-date layouts that type inference recognises, in order of preference when several fit every row
 * (for example when no day is above 12, day-first wins over month-first).
 */
enum DatePattern {
    /** 2024-03-31 (ISO 8601; one-digit month and day also accepted). */
    YMD_DASH('-', Order.YMD),
    /** 2024/03/31. */
    YMD_SLASH('/', Order.YMD),
    /** 31/03/2024. */
    DMY_SLASH('/', Order.DMY),
    /** 03/31/2024. */
    MDY_SLASH('/', Order.MDY),
    /** 31.03.2024. */
    DMY_DOT('.', Order.DMY),
    /** 31-03-2024. */
    DMY_DASH('-', Order.DMY);

    enum Order { YMD, DMY, MDY }

    final char separator;
    final Order order;

    DatePattern(char separator, Order order) {
        this.separator = separator;
        this.order = order;
    }

    /** A pattern as the user would write it, for messages and the UI. */
    String display() {
        String s = String.valueOf(separator);
        return switch (order) {
            case YMD -> "yyyy" + s + "MM" + s + "dd";
            case DMY -> "dd" + s + "MM" + s + "yyyy";
            case MDY -> "MM" + s + "dd" + s + "yyyy";
        };
    }
}
