package org.automlwb.prep;

import java.time.LocalDate;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A 40-row table with one column of each kind the loader produces: an ID sequence, integers with missing values,
 * unique but unordered integers, doubles, a category with missing and rare values, booleans, dates with a missing
 * one, a constant, a unique name, and a numeric target {@code y}.
 */
final class MixedTable {
    static final int ROWS = 40;

    private MixedTable() { }

    static Table build() { return build(0); }

    /** The same shape; {@code variant} changes every value (not the kinds), for leak tests. */
    static Table build(int variant) {
        IntColumn id = IntColumn.create("id");
        IntColumn age = IntColumn.create("age");
        IntColumn score = IntColumn.create("score");
        DoubleColumn income = DoubleColumn.create("income");
        StringColumn city = StringColumn.create("city");
        BooleanColumn member = BooleanColumn.create("member");
        DateColumn joined = DateColumn.create("joined");
        StringColumn constant = StringColumn.create("const");
        StringColumn name = StringColumn.create("name");
        DoubleColumn y = DoubleColumn.create("y");
        for (int i = 0; i < ROWS; i++) {
            id.append(i + 1);
            if (i % 7 == 3) age.appendMissing();
            else age.append(20 + (i * 13 + variant * 5) % 50);
            score.append((i * 37 + variant) % 101);
            income.append(1000.0 + i * 17.5 + variant * 1e4);
            if (i % 8 == 7) city.appendMissing();
            else if (i == 0) city.append(variant == 0 ? "Z" : "V" + variant);
            else city.append(String.valueOf("ABC".charAt((i + variant) % 3)));
            member.append((i + variant) % 3 == 0);
            if (i == 5) joined.appendMissing();
            else joined.append(LocalDate.of(2020, 1, 1).plusDays(i * 11L + variant * 400L));
            constant.append("k");
            name.append("person " + i + "/" + variant);
            y.append(i * 0.5 + variant);
        }
        return Table.create("mixed", id, age, score, income, city, member, joined, constant, name, y);
    }
}
