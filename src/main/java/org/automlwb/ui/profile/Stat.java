package org.automlwb.ui.profile;

/**
 * One line of the profile panel.
 *
 * @param label e.g. "Missing"
 * @param value e.g. "12 (0.3%)"
 */
public record Stat(String label, String value) { }
