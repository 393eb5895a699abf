package dev.bunsui.store;

/**
 * A reference to one stored artifact; what crosses Temporal instead of the bytes themselves.
 *
 * @param uri where the artifact lives: {@code file:///…} for the local store, {@code
 *     s3://bucket/prefix/key} for the S3 store
 * @param sha256 lowercase hex SHA-256 of the content (64 characters); the content address
 * @param size content length in bytes
 * @param mediaType IANA media type, for example {@code text/markdown; charset=utf-8} or {@code
 *     image/png}
 */
public record ArtifactRef(String uri, String sha256, long size, String mediaType) {}
