package dev.hygge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.config.EntityConfig;
import dev.hygge.config.FlowConfig;
import dev.hygge.config.Origin;
import dev.hygge.config.Project;
import dev.hygge.config.ProjectOptions;
import dev.hygge.config.RunType;
import dev.hygge.config.Settings;
import dev.hygge.invoke.EntityReport;
import dev.hygge.invoke.EntityStatus;
import dev.hygge.invoke.FlowInvoker;
import dev.hygge.invoke.Invocation;
import dev.hygge.invoke.RunListener;
import dev.hygge.invoke.RunReport;
import dev.hygge.state.LocalRunJournal;
import dev.hygge.state.RunRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowInvokerTest {
  private static final Path DIR = Path.of(".");

  /** The project directory: runs record their history under it. */
  @TempDir Path root;

  private final Map<String, long[]> published = new ConcurrentHashMap<>();

  private EntityConfig entity(String flow, String name, Home home, Store store, int batchSize) {
    Settings none = Settings.validate("test", new Origin("test", 1), DIR, List.of(), Map.of());
    return new EntityConfig(
        flow,
        name,
        new Origin("test", 1),
        "counting",
        home,
        none,
        "summing",
        store,
        none,
        RunType.FULL_DROP,
        List.of(),
        batchSize,
        2);
  }

  private Project project(boolean continueOnError, EntityConfig... entities) {
    return new Project(
        root,
        "test",
        new ProjectOptions(2, continueOnError, "info"),
        List.of(new FlowConfig("sales", new Origin("test", 1), List.of(entities))));
  }

  private static long triangle(long n) {
    return n * (n + 1) / 2;
  }

  @Test
  void movesEveryRowOfEveryEntityThroughTheQueue() {
    SummingStore store = new SummingStore(published, Long.MAX_VALUE);
    Project project =
        project(
            true,
            entity("sales", "orders", CountingHome.of(1_000_003), store, 4096),
            entity("sales", "customers", CountingHome.of(10), store, 3),
            entity("sales", "empty", CountingHome.of(0), store, 10));

    AtomicLong lastProgress = new AtomicLong();
    RunReport report =
        new FlowInvoker(project)
            .invoke(
                Invocation.Manual.all(),
                new RunListener() {
                  @Override
                  public void progress(String flow, String entity, long rows, long bytes) {
                    if (entity.equals("orders")) {
                      lastProgress.set(rows);
                    }
                  }
                });

    assertThat(report.succeeded()).isTrue();
    assertThat(report.entities())
        .extracting(EntityReport::entity, EntityReport::rows)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("orders", 1_000_003L),
            org.assertj.core.groups.Tuple.tuple("customers", 10L),
            org.assertj.core.groups.Tuple.tuple("empty", 0L));
    assertThat(published.get("sales.orders")).containsExactly(1_000_003L, triangle(1_000_003));
    assertThat(published.get("sales.customers")).containsExactly(10L, 55L);
    assertThat(published.get("sales.empty")).containsExactly(0L, 0L);
    assertThat(lastProgress.get()).isEqualTo(1_000_003L);
    assertThat(report.totalRows()).isEqualTo(1_000_013L);
  }

  @Test
  void aFailingHomeAbortsOnlyItsOwnEntity() {
    SummingStore store = new SummingStore(published, Long.MAX_VALUE);
    Project project =
        project(
            true,
            entity("sales", "broken", new CountingHome(100_000, 50_000), store, 1000),
            entity("sales", "fine", CountingHome.of(100_000), store, 1000));

    RunReport report = new FlowInvoker(project).invoke(Invocation.Manual.all());

    EntityReport broken = report.entities().get(0);
    assertThat(broken.status()).isEqualTo(EntityStatus.FAILED);
    assertThat(broken.errorKind()).contains(ErrorKind.HOME);
    assertThat(broken.error()).hasValueSatisfying(m -> assertThat(m).contains("disk on fire"));
    assertThat(broken.rows()).isZero();
    assertThat(published).doesNotContainKey("sales.broken");
    assertThat(report.entities().get(1).status()).isEqualTo(EntityStatus.SUCCESS);
    assertThat(published.get("sales.fine")).containsExactly(100_000L, triangle(100_000));
    assertThat(report.succeeded()).isFalse();
  }

  @Test
  void aFailingStoreStopsTheReaderAndCommitsNothing() {
    Project project =
        project(
            true,
            entity(
                "sales",
                "orders",
                CountingHome.of(5_000_000),
                new SummingStore(published, 10_000),
                1000));

    RunReport report = new FlowInvoker(project).invoke(Invocation.Manual.all());

    assertThat(report.entities().get(0).status()).isEqualTo(EntityStatus.FAILED);
    assertThat(report.entities().get(0).errorKind()).contains(ErrorKind.STORE);
    assertThat(published).isEmpty();
  }

  @Test
  void stopsStartingEntitiesAfterAFailureWhenContinueOnErrorIsOff() {
    SummingStore store = new SummingStore(published, Long.MAX_VALUE);
    EntityConfig[] entities = new EntityConfig[6];
    entities[0] = entity("sales", "e0", new CountingHome(10, 0), store, 10);
    for (int i = 1; i < entities.length; i++) {
      entities[i] = entity("sales", "e" + i, CountingHome.of(200_000), store, 100);
    }
    Project project =
        new Project(
            root,
            "test",
            new ProjectOptions(1, false, "info"),
            List.of(new FlowConfig("sales", new Origin("test", 1), List.of(entities))));

    RunReport report = new FlowInvoker(project).invoke(Invocation.Manual.all());

    assertThat(report.entities().get(0).status()).isEqualTo(EntityStatus.FAILED);
    assertThat(report.entities().subList(1, 6))
        .allSatisfy(e -> assertThat(e.status()).isEqualTo(EntityStatus.SKIPPED));
    assertThat(published).isEmpty();
    assertThat(new LocalRunJournal(project.state().directory()).read())
        .as("the run history records skipped entities too")
        .extracting(RunRecord::entity, RunRecord::status, RunRecord::runId)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("e0", "FAILED", report.runId()),
            org.assertj.core.groups.Tuple.tuple("e1", "SKIPPED", report.runId()),
            org.assertj.core.groups.Tuple.tuple("e2", "SKIPPED", report.runId()),
            org.assertj.core.groups.Tuple.tuple("e3", "SKIPPED", report.runId()),
            org.assertj.core.groups.Tuple.tuple("e4", "SKIPPED", report.runId()),
            org.assertj.core.groups.Tuple.tuple("e5", "SKIPPED", report.runId()));
  }

  @Test
  void selectsFlowsAndEntitiesAndRejectsUnknownNamesWithAHint() {
    SummingStore store = SummingStore.create();
    Project project =
        project(
            true,
            entity("sales", "orders", CountingHome.of(1), store, 1),
            entity("sales", "customers", CountingHome.of(1), store, 1));
    FlowInvoker invoker = new FlowInvoker(project);

    assertThat(
            invoker.select(
                new Invocation.Manual(
                    List.of(), List.of("sales.customers"), Invocation.RunOptions.defaults())))
        .extracting(EntityConfig::name)
        .containsExactly("customers");
    assertThat(
            invoker.select(
                new Invocation.Scheduled(
                    "sales", Optional.empty(), Invocation.RunOptions.defaults())))
        .hasSize(2);
    assertThatThrownBy(
            () ->
                invoker.select(
                    new Invocation.Manual(
                        List.of("sale"), List.of(), Invocation.RunOptions.defaults())))
        .isInstanceOf(HyggeException.class)
        .hasMessage("No flow named 'sale' in project test. Did you mean 'sales'? Flows: sales.");
    assertThatThrownBy(
            () ->
                invoker.select(
                    new Invocation.Manual(
                        List.of(), List.of("sales.order"), Invocation.RunOptions.defaults())))
        .hasMessage(
            "No entity named 'order' in flow sales. Did you mean 'orders'? Entities: orders,"
                + " customers.");
    assertThatThrownBy(
            () ->
                invoker.select(
                    new Invocation.Manual(
                        List.of(), List.of("orders"), Invocation.RunOptions.defaults())))
        .hasMessageContaining("must be written as flow.entity");
  }

  @Test
  void runOptionsOverrideConcurrencyAndRunType() {
    SummingStore store = SummingStore.create();
    Project project = project(true, entity("sales", "orders", CountingHome.of(5), store, 2));
    RunReport report =
        new FlowInvoker(project)
            .invoke(
                new Invocation.Manual(
                    List.of("sales"),
                    List.of(),
                    new Invocation.RunOptions(
                        Optional.of(RunType.INCREMENTAL), OptionalInt.of(1))));
    assertThat(report.succeeded()).isTrue();
    assertThat(store.modes()).containsEntry("sales.orders", WriteMode.APPEND);
    assertThat(report.runId()).matches("\\d{8}T\\d{6}Z-[0-9a-f]{6}");
  }
}
