package dev.bunsui.aggregate;

import java.util.List;

/**
 * Book metadata written beside the manifest.
 *
 * @param title book title
 * @param lang book language
 * @param description a description of at most 160 characters, from the first section description
 *     produced
 * @param tags the most frequent analysis terms over all sections (at most 12)
 * @param toc chapter titles with their section titles
 */
public record BookMetadata(
    String title,
    String lang,
    String description,
    List<String> tags,
    List<Manifest.TocChapter> toc) {}
