package dev.hygge.functions.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.HyggeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The invocation's remaining time, from the settings the host and hygge read. */
class FunctionTimeoutTest {
  private static final Instant START = Instant.parse("2026-01-31T12:00:00Z");

  @Test
  void withoutSettingsThePackagedTenMinutesCountFromTheStart() {
    FunctionTimeout timeout = FunctionTimeout.of(Optional.empty(), Optional.empty());

    assertThat(timeout.limit()).contains(Duration.ofMinutes(10));
    assertThat(timeout.remaining(START, START.plusSeconds(30))).isEqualTo(Duration.ofSeconds(570));
  }

  @Test
  void theHostSettingOverridesThePackagedLimitAndHyggesOwnOverridesBoth() {
    assertThat(FunctionTimeout.of(Optional.empty(), Optional.of("00:30:00")).limit())
        .contains(Duration.ofMinutes(30));
    assertThat(FunctionTimeout.of(Optional.of("1.02:00:00"), Optional.of("00:30:00")).limit())
        .contains(Duration.ofHours(26));
  }

  @Test
  void minusOneMeansNoLimit() {
    FunctionTimeout timeout = FunctionTimeout.of(Optional.empty(), Optional.of("-1"));

    assertThat(timeout.limit()).isEmpty();
    assertThat(timeout.remaining(START, START.plusSeconds(3600)))
        .isEqualTo(FunctionTimeout.UNLIMITED);
  }

  @Test
  void aSpentInvocationHasNoTimeLeft() {
    FunctionTimeout timeout = FunctionTimeout.of(Optional.empty(), Optional.empty());

    assertThat(timeout.remaining(START, START.plus(Duration.ofMinutes(11))))
        .isEqualTo(Duration.ZERO);
  }

  @Test
  void aValueThatIsNoTimeSpanNamesTheSetting() {
    assertThatThrownBy(() -> FunctionTimeout.of(Optional.of("10m"), Optional.empty()))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "hygge.function.timeout is '10m': write a time span as host.json's functionTimeout"
                + " does, e.g. 00:10:00 (hh:mm:ss), or -1 for no limit.");
    assertThatThrownBy(() -> FunctionTimeout.of(Optional.empty(), Optional.of("600")))
        .isInstanceOf(HyggeException.class)
        .hasMessageStartingWith("AzureFunctionsJobHost__functionTimeout is '600'");
  }
}
