package dev.bunsui.llm;

/**
 * One answer of a chat model.
 *
 * @param text the assistant's text (JSON when a schema was requested)
 * @param inputTokens prompt tokens as reported by the provider (0 when it reports none)
 * @param outputTokens completion tokens as reported by the provider (0 when it reports none)
 */
public record ChatAnswer(String text, long inputTokens, long outputTokens) {}
