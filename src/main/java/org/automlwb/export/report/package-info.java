/**
 * The experiment report: one self-contained, offline {@code report.html} written from an experiment folder
 * ({@link org.automlwb.export.report.ReportWriter}), with Apache ECharts inlined and every chart's numbers aggregated
 * into the page.
 */
package org.automlwb.export.report;
