package dev.bunsui.book;

import java.util.List;

/**
 * Input of {@link BookWorkflow}.
 *
 * @param source path of the book on the worker's machine: one Markdown file, a folder of Markdown
 *     files, or an mdBook / HonKit / GitBook folder with a {@code SUMMARY.md}
 * @param lang BCP 47 language tag such as {@code en} or {@code ja}; null to detect from the text
 * @param title book title; null to take it from the book
 * @param kinds output kinds wanted; null or empty for all
 * @param provider LLM provider name ({@code extractive}, {@code openai}, {@code anthropic}, {@code
 *     ollama}); null for the worker's configured default
 * @param model model name for the provider; null for the provider's configured default
 * @param refresh true to compute every step again instead of reusing outputs already in the step
 *     cache (new outputs are still written to it); false, the default, reuses them
 */
public record BookRequest(
    String source,
    String lang,
    String title,
    List<OutputKind> kinds,
    String provider,
    String model,
    boolean refresh) {}
