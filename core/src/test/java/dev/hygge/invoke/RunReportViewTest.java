package dev.hygge.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.ErrorKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunReportViewTest {

  @Test
  void viewCarriesEveryEntityWithPlainValues() {
    EntityReport orders =
        new EntityReport(
            "sales",
            "orders",
            EntityStatus.SUCCESS,
            3,
            1200,
            1,
            Duration.ofMillis(45),
            Optional.empty(),
            Optional.empty());
    EntityReport refunds =
        new EntityReport(
            "sales",
            "refunds",
            EntityStatus.FAILED,
            0,
            0,
            0,
            Duration.ofMillis(7),
            Optional.of(ErrorKind.HOME),
            Optional.of("Cannot read entity refunds: landing/refunds not found"));
    RunReport report =
        new RunReport(
            "run-1",
            Instant.parse("2026-11-27T10:00:00Z"),
            Duration.ofMillis(60),
            List.of(orders, refunds));

    RunReportView view = RunReportView.of(report);

    assertThat(view.runId()).isEqualTo("run-1");
    assertThat(view.succeeded()).isFalse();
    assertThat(view.entities())
        .containsExactly(
            new RunReportView.EntityView(
                "sales", "orders", EntityStatus.SUCCESS, 3, 1200, 1, 45, null, null, false),
            new RunReportView.EntityView(
                "sales",
                "refunds",
                EntityStatus.FAILED,
                0,
                0,
                0,
                7,
                "HOME",
                "Cannot read entity refunds: landing/refunds not found",
                false));
  }

  @Test
  void emptyRunSucceeds() {
    RunReport report = new RunReport("run-2", Instant.EPOCH, Duration.ZERO, List.of());

    assertThat(RunReportView.of(report)).isEqualTo(new RunReportView("run-2", true, List.of()));
  }
}
