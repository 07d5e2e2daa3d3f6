package dev.hygge.functions.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.config.ProjectLoader;
import dev.hygge.invoke.events.Cloud;
import dev.hygge.invoke.events.EventOutcome;
import dev.hygge.invoke.events.EventRunner;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart priming: just before Lambda snapshots the initialised function (when a version is
 * published), runs an SQS batch with one run message through the whole path on a tiny project in a
 * temporary directory (CSV to Parquet, local state), so the snapshot holds the loaded and exercised
 * classes of parsing, Arrow, Parquet, state and the JSON answer. Offline: no network, no
 * credentials. Off with {@code hygge.function.prime=false}.
 */
@Startup
@Singleton
public class SnapStartPriming implements Resource {
  private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String HYGGE_YML =
      """
      name: prime
      flows:
        prime:
          home: {type: csv, path: landing}
          store: {type: parquet, path: lake}
          run_type: incremental
          entities: [orders]
      """;

  private static final String ORDERS_CSV =
      """
      id,amount,status,ordered
      1,12.50,paid,2026-01-31
      2,7.25,open,2026-02-01
      """;

  private static final String RUN_BATCH =
      """
      {"Records": [{"messageId": "prime", "eventSource": "aws:sqs",
        "body": "{\\"flow\\": \\"prime\\", \\"entity\\": \\"orders\\"}"}]}
      """;

  private final boolean enabled;

  SnapStartPriming(
      @ConfigProperty(name = "hygge.function.prime", defaultValue = "true") boolean enabled) {
    this.enabled = enabled;
  }

  @PostConstruct
  void register() {
    if (enabled) {
      Core.getGlobalContext().register(this);
    }
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    EventOutcome outcome = prime();
    LOG.info("SnapStart priming ran {} ({})", outcome.shape(), outcome.results().get(0).status());
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // Priming keeps no connection, thread or file open: nothing to renew after a restore.
  }

  /**
   * Runs the priming batch on a fresh temporary project, answers it as the handler would, and
   * removes the project.
   *
   * @throws HyggeException when the priming run fails: the snapshot would hold a broken function
   */
  EventOutcome prime() {
    Path dir = createProject();
    try {
      EventRunner runner = new EventRunner(ProjectLoader.load(dir));
      EventOutcome outcome =
          runner.run(RUN_BATCH.getBytes(StandardCharsets.UTF_8), Optional.of(Cloud.AWS));
      if (!outcome.succeeded()) {
        throw new HyggeException(
            ErrorKind.INTERNAL,
            "SnapStart priming failed in "
                + dir
                + ": "
                + outcome.results().get(0).failure().orElseThrow().message()
                + " (set hygge.function.prime=false to publish without priming)");
      }
      JSON.writeValue(OutputStream.nullOutputStream(), EventResponses.of(outcome));
      return outcome;
    } catch (IOException e) {
      throw new HyggeException(ErrorKind.INTERNAL, "SnapStart priming cannot write its answer", e);
    } finally {
      delete(dir);
    }
  }

  private static Path createProject() {
    try {
      Path dir = Files.createTempDirectory("hygge-prime");
      Files.writeString(dir.resolve("hygge.yml"), HYGGE_YML);
      Files.createDirectories(dir.resolve("landing/orders"));
      Files.writeString(dir.resolve("landing/orders/orders.csv"), ORDERS_CSV);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("SnapStart priming cannot write its temporary project", e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("SnapStart priming cannot remove " + dir, e);
    }
  }
}
