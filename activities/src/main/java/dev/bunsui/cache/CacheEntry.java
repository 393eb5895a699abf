package dev.bunsui.cache;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One stored step cache entry, as JSON.
 *
 * @param format {@link StepKey#FORMAT}
 * @param key the full key, compared on read so a misplaced file is never taken for another step's
 * @param value the step's result record
 */
record CacheEntry(String format, StepKey key, JsonNode value) {}
