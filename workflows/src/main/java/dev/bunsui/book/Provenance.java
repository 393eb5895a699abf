package dev.bunsui.book;

/**
 * Where a generated output came from; recorded in the manifest for every output.
 *
 * @param provider provider name ({@code extractive}, {@code openai}, …)
 * @param model model name, or the algorithm for the extractive provider
 * @param promptHash SHA-256 (hex) of the system and user prompt templates used
 * @param inputHash SHA-256 (hex) of the section content and analysis the output was made from
 * @param inputTokens tokens sent (as reported by the provider; estimated for extractive)
 * @param outputTokens tokens received (as reported by the provider; estimated for extractive)
 */
public record Provenance(
    String provider,
    String model,
    String promptHash,
    String inputHash,
    long inputTokens,
    long outputTokens) {}
