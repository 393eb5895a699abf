/**
 * The HTTP API ({@code bunsui serve}): a Spring Boot web application over the same Temporal client
 * the CLI uses. Jobs are workflow runs; the API starts, reads, streams, cancels, reruns and decides
 * approvals of them, and keeps no state of its own.
 */
package dev.bunsui.cli.api;
