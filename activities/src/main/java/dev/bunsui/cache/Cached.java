package dev.bunsui.cache;

/**
 * A step's result and whether it came from the step cache.
 *
 * @param value the step's result
 * @param hit true when reused from the cache, false when the step ran now
 * @param <T> the result type
 */
public record Cached<T>(T value, boolean hit) {}
