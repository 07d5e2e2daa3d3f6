package dev.hygge.jdbc.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which SQL Server failures are transient, and how they are retried. */
class RetryTest {
  private final List<Long> sleeps = new ArrayList<>();

  /** No jitter (the bound itself) and recorded instead of real sleeps. */
  private final RetryPolicy policy =
      new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(250), b -> b, sleeps::add);

  @ParameterizedTest
  @ValueSource(ints = {40613, 40197, 40501, 49918, 49919, 49920, 4060, 10928, 10929, 1205})
  void azureTransientCodesAndDeadlocksAreTransient(int code) {
    assertThat(TransientErrors.isTransient(new SQLException("busy", "S0001", code))).isTrue();
  }

  @Test
  void lostConnectionsAreTransient() {
    assertThat(TransientErrors.isTransient(new SQLException("Connection reset", "08S01", 0)))
        .isTrue();
    assertThat(TransientErrors.isTransient(new SQLTransientConnectionException("timeout")))
        .isTrue();
  }

  @Test
  void aTransientErrorFurtherDownTheChainCounts() {
    SQLException outer = new SQLException("batch failed", "S0001", 3621);
    outer.setNextException(new SQLException("deadlock", "40001", TransientErrors.DEADLOCK));

    assertThat(TransientErrors.isTransient(outer)).isTrue();
    assertThat(
            TransientErrors.isTransient(
                new RuntimeException(new SQLException("x", "S0001", 40613))))
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {18456, 208, 2627, 8152, 245, 0})
  void loginSyntaxConstraintAndDataErrorsAreNot(int code) {
    assertThat(TransientErrors.isTransient(new SQLException("no", "S0001", code))).isFalse();
    assertThat(TransientErrors.isTransient(new IllegalStateException("no"))).isFalse();
  }

  @Test
  void retriesTransientFailuresWithGrowingCappedDelays() throws Exception {
    AtomicInteger calls = new AtomicInteger();

    String result =
        policy.run(
            "publishing",
            () -> {
              if (calls.incrementAndGet() < 4) {
                throw new SQLException("not available", "S0001", 40613);
              }
              return "done";
            });

    assertThat(result).isEqualTo("done");
    assertThat(calls).hasValue(4);
    assertThat(sleeps).containsExactly(100L, 200L, 250L);
  }

  @Test
  void givesUpAfterTheLastAttemptKeepingEarlierFailures() {
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(
            () ->
                policy.run(
                    "publishing",
                    () -> {
                      throw new SQLException("busy " + calls.incrementAndGet(), "S0001", 40501);
                    }))
        .isInstanceOf(SQLException.class)
        .hasMessage("busy 4")
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
    assertThat(calls).hasValue(4);
  }

  @Test
  void aFailureThatIsNotTransientIsThrownAtOnce() {
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(
            () ->
                policy.run(
                    "connecting",
                    () -> {
                      calls.incrementAndGet();
                      throw new SQLException("Login failed for user 'x'.", "S0001", 18456);
                    }))
        .isInstanceOf(SQLException.class)
        .hasMessage("Login failed for user 'x'.");
    assertThat(calls).hasValue(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void jitterPicksWithinTheBound() {
    RetryPolicy standard = RetryPolicy.standard();
    for (int attempt = 1; attempt <= 10; attempt++) {
      long bound = standard.delayBound(attempt);
      assertThat(bound).isBetween(500L, 30_000L);
      assertThat(standard.jitter().applyAsLong(bound)).isBetween(0L, bound);
    }
    assertThat(standard.delayBound(1)).isEqualTo(500);
    assertThat(standard.delayBound(10)).isEqualTo(30_000);
  }

  @Test
  void policiesAreValidated() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, b -> b, sleeps::add))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attempts must be at least 1: 0");
    assertThatThrownBy(
            () ->
                new RetryPolicy(
                    2, Duration.ofSeconds(2), Duration.ofSeconds(1), b -> b, sleeps::add))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("delays must satisfy 0 <= firstDelay <= maxDelay");
  }
}
