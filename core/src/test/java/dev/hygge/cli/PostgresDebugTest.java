package dev.hygge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hygge debug} prints a postgres block's settings with the password masked. */
class PostgresDebugTest {
  private static final String SECRET = "debug-S3cret";
  @TempDir Path project;

  @Test
  void theStorePasswordIsMasked() throws Exception {
    Files.createDirectories(project.resolve("landing/orders"));
    Files.writeString(project.resolve(".env"), "PG_PASSWORD=" + SECRET + "\n");
    Files.writeString(
        project.resolve("hygge.yml"),
        """
        name: shop
        flows:
          sales:
            home:
              type: csv
              path: landing
            store:
              type: postgres
              url: jdbc:postgresql://db.internal:5432/shop
              user: loader
              password: ${PG_PASSWORD}
            entities: [orders]
        """);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    picocli.CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));

    cli.execute("debug", "--project", project.toString());

    assertThat(out.toString())
        .contains("store: postgres")
        .contains("url: jdbc:postgresql://db.internal:5432/shop")
        .contains("user: loader")
        .contains("password: ********")
        .doesNotContain(SECRET);
    assertThat(err.toString()).doesNotContain(SECRET);
  }

  @Test
  void keysThatOnlyLookSecretAreShown() throws Exception {
    Files.createDirectories(project.resolve("landing/orders"));
    Files.writeString(project.resolve(".env"), "PG_PASSWORD=" + SECRET + "\n");
    Files.writeString(
        project.resolve("hygge.yml"),
        """
        name: shop
        flows:
          sales:
            home:
              type: csv
              path: landing
            store:
              type: postgres
              url: jdbc:postgresql://db.internal:5432/shop
              user: loader
              password: ${PG_PASSWORD}
              write_strategy: merge
              primary_key: [order_id, line]
            entities: [orders]
        """);
    StringWriter out = new StringWriter();
    picocli.CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));

    cli.execute("debug", "--project", project.toString());

    assertThat(out.toString())
        .contains("primary_key: [order_id, line]")
        .contains("password: ********")
        .doesNotContain(SECRET);
  }

  @Test
  void masksASecretWrittenInsideAValue() throws Exception {
    Files.writeString(project.resolve(".env"), "PG_PASSWORD=" + SECRET + "\n");
    Files.writeString(
        project.resolve("hygge.yml"),
        """
        name: shop
        flows:
          sales:
            home:
              type: csv
              path: landing
            store:
              type: postgres
              url: jdbc:postgresql://db.internal:5432/shop?user=loader&password=${PG_PASSWORD}&ssl=true
            entities: [orders]
        """);
    StringWriter out = new StringWriter();
    picocli.CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));

    cli.execute("debug", "--project", project.toString());

    assertThat(out.toString())
        .contains(
            "url: jdbc:postgresql://db.internal:5432/shop?user=loader&password=********&ssl=true")
        .doesNotContain(SECRET);
  }
}
