package dev.hygge.invoke.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.ErrorKind;
import dev.hygge.config.EntityConfig;
import dev.hygge.config.Project;
import dev.hygge.config.ProjectLoader;
import dev.hygge.config.RunType;
import dev.hygge.flow.TimeBudget;
import dev.hygge.invoke.Disposition;
import dev.hygge.invoke.ManualRun;
import dev.hygge.invoke.RunListener;
import dev.hygge.invoke.events.DeliveryResult.DeliveryStatus;
import dev.hygge.state.EntityStateStep;
import dev.hygge.state.EntityStates;
import dev.hygge.testing.SalesProject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The runner adapters call: each delivery of a payload runs on its own, and each failure says
 * whether a retry can help. Runs on the local sales project (CSV to Parquet).
 */
class EventRunnerTest {
  private static final SalesProject SALES = new SalesProject("event-runner");

  @AfterEach
  void deleteProject() throws Exception {
    SALES.delete();
  }

  private static String sqs(String... bodies) {
    StringBuilder records = new StringBuilder();
    for (int i = 0; i < bodies.length; i++) {
      records
          .append(i == 0 ? "" : ",")
          .append("{\"messageId\": \"m")
          .append(i + 1)
          .append("\", \"eventSource\": \"aws:sqs\", \"body\": \"")
          .append(bodies[i].replace("\"", "\\\""))
          .append("\"}");
    }
    return "{\"Records\": [" + records + "]}";
  }

  private static EventOutcome run(Project project, String payload) {
    return new EventRunner(project)
        .run(payload.getBytes(StandardCharsets.UTF_8), Optional.of(Cloud.AWS));
  }

  @Test
  void aPoisonMessageNeverStopsTheOthers() throws Exception {
    Project project = ProjectLoader.load(SALES.create());

    EventOutcome outcome =
        run(
            project,
            sqs(
                "{\"flow\": \"sales\", \"entity\": \"refunds\"}",
                "{\"flow\": \"sales\", \"entity\": \"orders\"}"));

    assertThat(outcome.results())
        .extracting(DeliveryResult::id, DeliveryResult::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("m1", DeliveryStatus.FAILED),
            org.assertj.core.groups.Tuple.tuple("m2", DeliveryStatus.SUCCEEDED));
    DeliveryResult.Failure poison = outcome.results().get(0).failure().orElseThrow();
    assertThat(poison.kind()).isEqualTo(ErrorKind.CONFIG);
    assertThat(poison.disposition()).isEqualTo(Disposition.POISON);
    assertThat(poison.message())
        .isEqualTo("No entity named 'refunds' in flow sales. Entities: orders.");
    assertThat(outcome.results().get(1).report().orElseThrow().totalRows())
        .isEqualTo(SalesProject.ORDER_ROWS);
    assertThat(outcome.failedIds()).containsExactly("m1");
    assertThat(outcome.retryableIds()).isEmpty();
  }

  @Test
  void anEntityWhoseLeaseAnotherRunHoldsIsRetryable() throws Exception {
    java.nio.file.Path dir = SALES.create();
    java.nio.file.Files.writeString(
        dir.resolve("hygge.yml"),
        """
        name: fn
        flows:
          sales:
            home: {type: csv, path: landing}
            store: {type: parquet, path: lake}
            run_type: incremental
            entities: [orders]
        """);
    Project project = ProjectLoader.load(dir);
    EntityConfig orders = project.flows().get(0).entities().get(0);

    EventOutcome outcome;
    try (EntityStates states = EntityStates.of(project);
        EntityStateStep other = states.step(orders, RunType.INCREMENTAL, "run-elsewhere")) {
      other.begin();
      outcome = run(project, sqs("{\"flow\": \"sales\", \"entity\": \"orders\"}"));
    }

    DeliveryResult result = outcome.results().get(0);
    assertThat(result.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(result.failure().orElseThrow().kind()).isEqualTo(ErrorKind.STATE);
    assertThat(result.failure().orElseThrow().message())
        .startsWith("sales.orders: Entity sales.orders is already being run by run run-elsewhere");
    assertThat(result.retryable()).isTrue();
    assertThat(outcome.retryableIds()).containsExactly("m1");
    assertThat(result.report().orElseThrow().entities()).hasSize(1);
  }

  @Test
  void aRunPastTheTimeBudgetIsIncompleteWithAContinuation() throws Exception {
    Project project = ProjectLoader.load(SALES.create());
    TimeBudget spent = new TimeBudget(Instant.now().minusSeconds(1), 1);

    EventOutcome outcome =
        new EventRunner(project)
            .run(
                sqs("{\"flow\": \"sales\"}").getBytes(StandardCharsets.UTF_8),
                Optional.of(Cloud.AWS),
                spent);

    DeliveryResult result = outcome.results().get(0);
    assertThat(result.status()).isEqualTo(DeliveryStatus.INCOMPLETE);
    assertThat(result.report().orElseThrow().totalRows()).isZero();
    assertThat(outcome.succeeded()).isTrue();
    assertThat(outcome.failedIds()).isEmpty();
    assertThat(outcome.continuations()).containsExactly(new ManualRun("sales", "orders"));
    assertThat(EventOutcomeView.of(outcome).continuations())
        .containsExactly(new ManualRun("sales", "orders"));
  }

  @Test
  void ignoredDeliveriesSucceedWithTheirReason() throws Exception {
    Project project = ProjectLoader.load(SALES.create());

    EventOutcome outcome =
        new EventRunner(project)
            .run(
                EventParser.parse(
                    dev.hygge.testing.RecordedEvents.bytes("azure/eventgrid-blob-deleted.json"),
                    Optional.empty()),
                RunListener.NONE);

    assertThat(outcome.succeeded()).isTrue();
    assertThat(outcome.results().get(0).status()).isEqualTo(DeliveryStatus.IGNORED);
    assertThat(outcome.results().get(0).reason())
        .contains("Microsoft.Storage.BlobDeleted does not create a blob");
  }

  @Test
  void anObjectNoEntityReadsIsPoison() throws Exception {
    Project project = ProjectLoader.load(SALES.create());

    EventOutcome outcome =
        new EventRunner(project)
            .run(
                dev.hygge.testing.RecordedEvents.bytes("gcp/storage-object-finalized.json"),
                Optional.of(Cloud.GCP));

    DeliveryResult.Failure failure = outcome.results().get(0).failure().orElseThrow();
    assertThat(failure.kind()).isEqualTo(ErrorKind.CONFIG);
    assertThat(failure.disposition()).isEqualTo(Disposition.POISON);
    assertThat(failure.message())
        .startsWith(
            "No entity of project fn reads gs://hygge-landing/sales/orders/2026-01-31 orders.csv.");
  }
}
