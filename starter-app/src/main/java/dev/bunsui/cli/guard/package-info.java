/**
 * Guard rails for CLI commands: read-only mode, a permissions file (allowed, denied and
 * approval-required actions per actor) and an append-only JSONL audit log of every command that
 * changes state.
 *
 * <p>For command authors: load {@link dev.bunsui.cli.guard.Guardrails} once per command, then
 *
 * <ul>
 *   <li>a command that changes state calls {@link dev.bunsui.cli.guard.Guardrails#begin} before it
 *       does anything (connecting included) and reports its outcome on the returned {@link
 *       dev.bunsui.cli.guard.MutatingAction}, which writes the audit record when closed;
 *   <li>a command that only reads calls {@link dev.bunsui.cli.guard.Guardrails#checkRead}.
 * </ul>
 *
 * <p>The config file's keys are documented in {@code GuardConfig}, the permissions file's in {@code
 * Permissions}, and the README's "Guard rails" section has both.
 */
package dev.bunsui.cli.guard;
