package dev.bunsui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GlobalArgsTest {
  @Test
  void globalOptionsBeforeTheResourceMoveBehindTheCommand() {
    assertThat(
            GlobalArgs.hoist(
                new String[] {
                  "--target",
                  "h:1",
                  "--format=json",
                  "--read-only",
                  "session",
                  "list",
                  "--limit",
                  "3"
                }))
        .containsExactly(
            "session", "list", "--limit", "3", "--target", "h:1", "--format=json", "--read-only");
  }

  @Test
  void argumentsWithoutLeadingGlobalsStayAsTheyAre() {
    String[] args = {"session", "describe", "x", "--target", "h:1"};
    assertThat(GlobalArgs.hoist(args)).containsExactly(args);
    assertThat(GlobalArgs.hoist(new String[] {"--help"})).containsExactly("--help");
    assertThat(GlobalArgs.hoist(new String[] {"--target", "h:1"}))
        .containsExactly("--target", "h:1");
  }

  @Test
  void hoistedReadOnlyIsEnforcedByTheCommand() {
    var out = new java.io.StringWriter();
    var cli = BunsuiCli.commandLine();
    cli.setErr(new java.io.PrintWriter(out));
    int code =
        cli.execute(
            GlobalArgs.hoist(
                new String[] {
                  "--read-only", "--target", "127.0.0.1:1", "session", "cancel", "book-x"
                }));
    assertThat(code).isEqualTo(ExitCodes.REFUSED);
    assertThat(out.toString()).contains("read-only");
  }
}
