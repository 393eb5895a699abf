package dev.bunsui.book;

import dev.bunsui.store.ArtifactRef;

/**
 * What the book aggregation activity stored.
 *
 * @param outputDir where a person finds the outputs (a folder URI for the local store)
 * @param manifest {@code manifest.json}
 * @param index {@code index.html}
 * @param metadata book metadata (description, tags, table of contents) as JSON
 * @param skippedItems every skipped item of the run, counted
 */
public record BookAggregate(
    String outputDir,
    ArtifactRef manifest,
    ArtifactRef index,
    ArtifactRef metadata,
    int skippedItems) {}
