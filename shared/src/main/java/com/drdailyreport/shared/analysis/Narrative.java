package com.drdailyreport.shared.analysis;

/**
 * A report's narrative in both languages.
 *
 * @param source "template" for the deterministic text, "llm:&lt;model&gt;" when a language model wrote it
 */
public record Narrative(String thai, String english, String source) {
}
