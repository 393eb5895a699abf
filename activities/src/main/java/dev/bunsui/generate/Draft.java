package dev.bunsui.generate;

import dev.bunsui.book.Provenance;

/**
 * A generated text before validation and storage.
 *
 * @param text the output (Markdown, plain text or JSON, by kind)
 * @param provenance provider, model, prompt hash and tokens; the input hash is filled in by {@link
 *     GenerationService}
 */
public record Draft(String text, Provenance provenance) {}
