package dev.hygge.invoke.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hygge.config.Project;
import dev.hygge.invoke.Invocation;
import dev.hygge.invoke.ManualRun;
import dev.hygge.storage.CreatedObject;
import dev.hygge.storage.Location;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which invocations fan out and which runs a fan-out sends, over an in-memory queue (a fake that
 * keeps what it is sent; the cloud queues are tested in their own tests).
 */
class FanOutTest {
  @TempDir Path dir;

  /** Keeps every run it is sent. */
  private static final class MemoryQueue implements RunQueue {
    final List<ManualRun> sent = new ArrayList<>();

    @Override
    public String describe() {
      return "memory queue";
    }

    @Override
    public List<SentRun> send(List<ManualRun> runs) {
      sent.addAll(runs);
      return runs.stream().map(r -> new SentRun(r, "m" + sent.indexOf(r))).toList();
    }

    @Override
    public void close() {}
  }

  @Test
  void onlyAScheduleForAWholeFlowFansOut() {
    Invocation.RunOptions defaults = Invocation.RunOptions.defaults();

    assertThat(FanOut.fansOut(new Invocation.Scheduled("sales", Optional.empty(), defaults)))
        .isTrue();
    assertThat(FanOut.fansOut(new Invocation.Scheduled("sales", Optional.of("orders"), defaults)))
        .isFalse();
    assertThat(FanOut.fansOut(Invocation.Manual.all())).isFalse();
    assertThat(
            FanOut.fansOut(
                new Invocation.ObjectCreated(
                    new CreatedObject(
                        Location.parse("s3://landing/orders/1.csv"),
                        Optional.empty(),
                        Optional.empty(),
                        OptionalLong.empty(),
                        Optional.of(Instant.EPOCH)),
                    defaults)))
        .isFalse();
  }

  @Test
  void sendsOneRunPerEntityInProjectOrder() throws IOException {
    Project project = FanOutProject.load(dir, List.of("orders", "customers", "products"));
    MemoryQueue queue = new MemoryQueue();

    FanOutReport report =
        new FanOut(project, queue)
            .fanOut(
                new Invocation.Scheduled(
                    "sales", Optional.empty(), Invocation.RunOptions.defaults()));

    assertThat(queue.sent)
        .containsExactly(
            new ManualRun("sales", "orders"),
            new ManualRun("sales", "customers"),
            new ManualRun("sales", "products"));
    assertThat(report)
        .isEqualTo(
            new FanOutReport(
                "sales",
                "memory queue",
                List.of(
                    new SentRun(new ManualRun("sales", "orders"), "m0"),
                    new SentRun(new ManualRun("sales", "customers"), "m1"),
                    new SentRun(new ManualRun("sales", "products"), "m2"))));
    assertThat(report.entities())
        .containsExactly("sales.orders", "sales.customers", "sales.products");
  }

  @Test
  void aScheduleNamingOneEntitySendsThatOne() throws IOException {
    Project project = FanOutProject.load(dir, List.of("orders", "customers"));
    MemoryQueue queue = new MemoryQueue();

    new FanOut(project, queue)
        .fanOut(
            new Invocation.Scheduled(
                "sales", Optional.of("customers"), Invocation.RunOptions.defaults()));

    assertThat(queue.sent).containsExactly(new ManualRun("sales", "customers"));
  }

  @Test
  void theReportIsJsonAnAdapterCanReturn() throws IOException {
    FanOutReport report =
        new FanOutReport(
            "sales", "memory queue", List.of(new SentRun(new ManualRun("sales", "orders"), "m0")));

    assertThat(new ObjectMapper().writeValueAsString(report))
        .isEqualTo(
            "{\"flow\":\"sales\",\"queue\":\"memory queue\",\"sent\":[{\"run\":{\"flow\":"
                + "\"sales\",\"entity\":\"orders\"},\"messageId\":\"m0\"}]}");
  }

  @Test
  void aMessageForAWholeFlowLeavesTheEntityOut() {
    assertThat(RunMessages.json(new ManualRun("sales", null))).isEqualTo("{\"flow\":\"sales\"}");
    assertThat(RunMessages.json(new ManualRun("sales", "orders")))
        .isEqualTo("{\"flow\":\"sales\",\"entity\":\"orders\"}");
  }
}
