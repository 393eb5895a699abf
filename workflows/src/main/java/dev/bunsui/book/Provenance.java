package dev.bunsui.book;

/**
 * Where a generated output came from; recorded in the manifest for every output.
 *
 * @param provider provider name ({@code extractive}, {@code openai}, …)
 * @param model model name, or the algorithm for the extractive provider
 * @param promptHash SHA-256 (hex) of the system and user prompt templates used
 * @param inputHash SHA-256 (hex) of the section content and analysis the output was made from
 * @param inputTokens tokens sent (as reported by the provider; estimated for extractive) when the
 *     output was made; a cached output reports the tokens of the run that made it
 * @param outputTokens tokens received (as reported by the provider; estimated for extractive)
 * @param cached true when this run reused the output from the step cache instead of calling the
 *     provider (nothing was spent); false when it was made now. Histories and manifests written
 *     before this component existed read back as false.
 */
public record Provenance(
    String provider,
    String model,
    String promptHash,
    String inputHash,
    long inputTokens,
    long outputTokens,
    boolean cached) {

  /** A copy marked as reused from the step cache. */
  public Provenance asCached() {
    return new Provenance(provider, model, promptHash, inputHash, inputTokens, outputTokens, true);
  }
}
