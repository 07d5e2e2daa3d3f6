package dev.hygge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hygge debug} on a MotherDuck store: the token is masked and the {@code md:} database is
 * named, not checked as a file. No MotherDuck is reached.
 */
class MotherDuckDebugTest {
  private static final String TOKEN = "md-debug-t0ken";
  @TempDir Path project;

  @Test
  void theTokenIsMaskedAndTheDatabaseIsNotCheckedAsAFile() throws Exception {
    Files.createDirectories(project.resolve("landing/orders"));
    Files.createDirectories(project.resolve("rejects"));
    Files.writeString(project.resolve(".env"), "MD_TOKEN=" + TOKEN + "\n");
    Files.writeString(
        project.resolve("hygge.yml"),
        """
        name: shop
        credentials:
          cloud:
            type: motherduck
            token: ${MD_TOKEN}
        flows:
          sales:
            home:
              type: csv
              path: landing
            store:
              type: duckdb
              database: md:warehouse
              credential: cloud
            entities: [orders]
        """);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    picocli.CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));

    int exit = cli.execute("debug", "--project", project.toString());

    assertThat(out.toString())
        .contains("store: duckdb")
        .contains("database: md:warehouse")
        .contains("credential: cloud")
        .contains(
            "check database: md:warehouse is a MotherDuck database (reached with its token when"
                + " a flow runs)")
        .contains("All checks passed.")
        .doesNotContain(TOKEN);
    assertThat(err.toString()).doesNotContain(TOKEN);
    assertThat(exit).isZero();
  }
}
