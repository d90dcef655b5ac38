package org.automlwb.export.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The report's title and date in the words a person would use. */
class ReportTitleTest {
    @Test
    void aFileNameReadsAsADataSet() {
        assertEquals("Titanic survival — predicting survived",
                ReportTitle.of("/home/ann/data/titanic-survival.csv", "survived"));
        assertEquals("Churn — predicting churn", ReportTitle.of("C:\\data\\churn.train.csv", "churn"));
        assertEquals("House prices — predicting Sale Price", ReportTitle.of("house_prices.csv.gz", "SalePrice"));
        assertEquals("Predicting y", ReportTitle.of("", "y"));
    }

    @Test
    void theDateIsWrittenAsPeopleWriteIt() {
        assertEquals("on 3 Dec 2026, 17:15", ReportTitle.date("2026-12-03T17:15:06.123+01:00"));
        assertEquals("at an unknown date", ReportTitle.date(""));
        assertEquals("on yesterday", ReportTitle.date("yesterday"));
    }
}
