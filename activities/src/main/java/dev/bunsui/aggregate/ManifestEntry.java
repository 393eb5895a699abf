package dev.bunsui.aggregate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One output in {@code manifest.json}.
 *
 * @param kind output kind ({@code ARTICLE}, …, {@code FIGURE}, {@code THUMBNAIL}, {@code
 *     ARTICLE_BUNDLE}, {@code CHAPTER_SCRIPT})
 * @param chapter 1-based chapter number
 * @param section section id, or null for chapter-level outputs
 * @param key store key, relative to the store root
 * @param uri where it lives
 * @param sha256 content hash (hex)
 * @param size bytes
 * @param mediaType IANA media type
 * @param provider who made it ({@code extractive}, {@code openai}, … or {@code bunsui} for
 *     aggregation and rendering)
 * @param model model or algorithm
 * @param promptHash SHA-256 of the prompt templates, null when no prompt was used
 * @param inputHash SHA-256 of the input, null when not recorded
 * @param inputTokens tokens in (0 when not applicable)
 * @param outputTokens tokens out (0 when not applicable)
 * @param cached true when this run reused the output from the step cache (its tokens were spent by
 *     the run that made it); figures and thumbnails are always false here, their hits are logged
 * @param url a presigned HTTPS GET link to the output, valid for the S3 store's presign duration;
 *     null (and left out of the JSON) when the store makes none (the local store)
 */
public record ManifestEntry(
    String kind,
    int chapter,
    String section,
    String key,
    String uri,
    String sha256,
    long size,
    String mediaType,
    String provider,
    String model,
    String promptHash,
    String inputHash,
    long inputTokens,
    long outputTokens,
    boolean cached,
    @JsonInclude(JsonInclude.Include.NON_NULL) String url) {}
