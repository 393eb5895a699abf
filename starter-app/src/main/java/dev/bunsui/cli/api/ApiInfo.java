package dev.bunsui.cli.api;

import java.time.Instant;

/**
 * About the running API.
 *
 * @param version the bunsui version
 * @param startedAt when {@code bunsui serve} started
 */
public record ApiInfo(String version, Instant startedAt) {}
