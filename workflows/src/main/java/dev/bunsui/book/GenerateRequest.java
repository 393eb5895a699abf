package dev.bunsui.book;

import dev.bunsui.store.ArtifactRef;

/**
 * Input of one generation activity (one output kind for one section).
 *
 * @param book the run's context (provider, model, language)
 * @param sectionId id of the section
 * @param sectionTitle heading of the section
 * @param content the stored parsed section
 * @param analysis the stored structure analysis of the section
 * @param kind the output kind to generate (one of the {@link OutputKind#generated()} kinds)
 */
public record GenerateRequest(
    BookContext book,
    String sectionId,
    String sectionTitle,
    ArtifactRef content,
    ArtifactRef analysis,
    OutputKind kind) {}
