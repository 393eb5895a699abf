package dev.bunsui.book;

import dev.bunsui.store.ArtifactRef;

/**
 * One generated output of a section.
 *
 * @param kind the output kind
 * @param ref the stored output
 * @param provenance where it came from
 */
public record GeneratedOutput(OutputKind kind, ArtifactRef ref, Provenance provenance) {}
